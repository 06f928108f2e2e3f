const EMPTY = Buffer.alloc(0)

/**
 * Reads a stream of chunks in pieces of the caller's choosing: whole small
 * pieces (a tar header), or a long run passed on chunk by chunk (a blob)
 * without ever holding it whole.
 */
export class ByteReader {
  private pending: Buffer = EMPTY
  /** Bytes taken or skipped so far: the offset of what comes next. */
  position = 0

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** The next `n` bytes, or fewer when the stream ends first. */
  async take(n: number): Promise<Buffer> {
    while (this.pending.length < n && (await this.fill())) {
      // keep filling
    }
    const out = this.pending.subarray(0, Math.min(n, this.pending.length))
    this.pending = this.pending.subarray(out.length)
    this.position += out.length
    return out
  }

  /** Pass the next `n` bytes to `sink` as they come; returns how many there were. */
  async pass(n: number, sink?: (piece: Buffer) => void): Promise<number> {
    let left = n
    while (left > 0) {
      if (this.pending.length === 0 && !(await this.fill())) break
      const piece = this.pending.subarray(0, Math.min(left, this.pending.length))
      sink?.(piece)
      this.pending = this.pending.subarray(piece.length)
      this.position += piece.length
      left -= piece.length
    }
    return n - left
  }

  /** Stop reading: lets the source close its file. */
  async close(): Promise<void> {
    await this.chunks.return?.()
  }

  private async fill(): Promise<boolean> {
    const next = await this.chunks.next()
    if (next.done) return false
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value)
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    return true
  }
}
