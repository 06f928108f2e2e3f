/** Node streams and web streams alike, as a web stream of bytes. */
export function toWebStream(
  source: ReadableStream<Uint8Array> | NodeJS.ReadableStream
): ReadableStream<Uint8Array> {
  if (source instanceof ReadableStream) return source
  if (typeof (source as { getReader?: unknown }).getReader === 'function')
    return source as unknown as ReadableStream<Uint8Array>
  const it = (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? Buffer.from(value) : value)
    },
    async cancel(reason) {
      await it.return?.(reason)
    }
  })
}

/** Remember why a source stream failed: fetch only says the request body broke. */
export function watched(source: ReadableStream<Uint8Array>): {
  stream: ReadableStream<Uint8Array>
  failure: () => unknown
} {
  let failure: unknown
  // Once the request gives up on the body (a reset connection), a read still
  // in flight may fail only because the stream closed: not the source's fault.
  let cancelled = false
  const reader = source.getReader()
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read()
        if (cancelled) return
        if (done) controller.close()
        else controller.enqueue(value)
      } catch (e) {
        if (!cancelled) failure = e
        throw e
      }
    },
    cancel: (reason) => {
      cancelled = true
      return reader.cancel(reason)
    }
  })
  return { stream, failure: () => failure }
}
