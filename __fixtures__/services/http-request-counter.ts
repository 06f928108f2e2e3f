/**
 * Finds HTTP/1.1 request heads in the client-to-server byte stream of one
 * connection, however the stream is cut into chunks: it reads each head, then
 * skips its body by Content-Length or by chunked framing. For a proxy below
 * HTTP (latency-proxy.ts) that must count requests without parsing responses.
 */
export class HttpRequestCounter {
  private state: 'head' | 'body' | 'chunk-size' | 'chunk-data' | 'chunk-end' | 'trailer' = 'head'
  /** The part of a head, chunk-size line or trailer read so far (latin1: bytes stay bytes). */
  private text = ''
  /** Body or chunk bytes still to skip. */
  private remaining = 0

  constructor(private readonly onRequest: (method: string, target: string) => void) {}

  push(chunk: Buffer): void {
    let offset = 0
    while (offset < chunk.length) {
      if (this.state === 'body' || this.state === 'chunk-data' || this.state === 'chunk-end') {
        const skip = Math.min(this.remaining, chunk.length - offset)
        offset += skip
        this.remaining -= skip
        if (this.remaining === 0) this.afterSkip()
        continue
      }
      // A line-oriented state: take bytes up to and including the next LF.
      const lf = chunk.indexOf(0x0a, offset)
      const end = lf < 0 ? chunk.length : lf + 1
      this.text += chunk.toString('latin1', offset, end)
      offset = end
      if (lf >= 0) this.line()
    }
  }

  private afterSkip(): void {
    if (this.state === 'body') this.state = 'head'
    else if (this.state === 'chunk-data') {
      this.state = 'chunk-end'
      this.remaining = 2 // the CRLF after each chunk's data
    } else this.state = 'chunk-size'
  }

  /** `text` ends with LF. */
  private line(): void {
    if (this.state === 'chunk-size') {
      const size = parseInt(this.text.split(';', 1)[0]!.trim(), 16)
      this.text = ''
      if (size > 0) {
        this.state = 'chunk-data'
        this.remaining = size
      } else this.state = 'trailer'
      return
    }
    if (this.state === 'trailer') {
      const blank = this.text === '\r\n' || this.text === '\n'
      this.text = ''
      if (blank) this.state = 'head'
      else this.state = 'trailer'
      return
    }
    // A head: complete at its blank line. Blank lines before a request line are allowed.
    if (/^\r?\n$/.test(this.text)) {
      this.text = ''
      return
    }
    if (!/\r?\n\r?\n$/.test(this.text)) return
    const lines = this.text.split(/\r?\n/)
    this.text = ''
    const [method = '', target = ''] = lines[0]!.split(' ')
    let length = 0
    let chunked = false
    for (const header of lines.slice(1)) {
      const colon = header.indexOf(':')
      if (colon < 0) continue
      const name = header.slice(0, colon).trim().toLowerCase()
      const value = header
        .slice(colon + 1)
        .trim()
        .toLowerCase()
      if (name === 'content-length') length = Number(value)
      if (name === 'transfer-encoding') chunked = value.split(',').pop()!.trim() === 'chunked'
    }
    this.onRequest(method, target)
    if (chunked) this.state = 'chunk-size'
    else if (length > 0) {
      this.state = 'body'
      this.remaining = length
    }
  }
}
