/** The most of an unwanted body that is read to keep its connection; beyond it, the connection is dropped. */
const DISCARD_LIMIT = 64 * 1024
/** How long a small unwanted body may take to arrive before its connection is dropped instead. */
const DISCARD_WAIT_MS = 10_000

/**
 * Let go of a response whose body is not wanted. fetch closes the connection
 * of a body that is cancelled (even an empty one, a HEAD's), so every such
 * request costs a new TCP and TLS set-up: 2 round trips on the next request.
 * A small body (an error document, a 201's `{}`) is read to its end instead,
 * and the connection goes back to the pool; a large one (or one that stalls)
 * is cancelled. Errors while reading are ignored: the answer is already known.
 */
export async function discard(
  response: Response,
  limit = DISCARD_LIMIT,
  waitMs = DISCARD_WAIT_MS
): Promise<void> {
  const body = response.body
  if (!body) return
  const length = Number(response.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(length) && length > limit) {
    await body.cancel().catch(() => undefined)
    return
  }
  const reader = body.getReader()
  const timer = setTimeout(() => void reader.cancel().catch(() => undefined), waitMs)
  try {
    for (let seen = 0; ;) {
      const { done, value } = await reader.read()
      if (done) break
      seen += value.byteLength
      if (seen > limit) {
        await reader.cancel()
        break
      }
    }
    reader.releaseLock()
  } catch {
    // The connection broke (or was dropped above): nothing to keep.
  } finally {
    clearTimeout(timer)
  }
}
