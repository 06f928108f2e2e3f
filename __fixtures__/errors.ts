/** The message a call throws, so tests can compare it exactly; fails if nothing is thrown. */
export function messageOf(fn: () => unknown): string {
  try {
    fn()
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  throw new Error('expected the call to throw, but it returned')
}

/** The message an async call rejects with; fails if it resolves. */
export async function rejectionOf(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn()
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
  throw new Error('expected the call to reject, but it resolved')
}
