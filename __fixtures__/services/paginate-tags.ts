import { request, type Agent, type IncomingMessage, type ServerResponse } from 'node:http'

/**
 * Answer `GET …/tags/list` in pages, as the spec describes and ECR and
 * Distribution 3 do: tags in lexical order, at most `n`, after `last`, and
 * `Link: <…?last=…&n=…>; rel="next"` while more remain. (Distribution 2.8.2
 * ignores `n` and `last` and returns every tag, unsorted.)
 */
export function paginateTags(
  req: IncomingMessage,
  res: ServerResponse,
  record: { status: number },
  target: string,
  agent: Agent
): void {
  const asked = new URL(req.url ?? '/', 'http://proxy')
  const n = Number(asked.searchParams.get('n') ?? 100)
  const last = asked.searchParams.get('last')
  const upstream = request(
    new URL(asked.pathname, target),
    { method: 'GET', headers: req.headers, agent },
    (answer) => {
      const chunks: Buffer[] = []
      answer.on('data', (c: Buffer) => chunks.push(c))
      answer.on('end', () => {
        record.status = answer.statusCode ?? 0
        if (answer.statusCode !== 200) {
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
          res.end(Buffer.concat(chunks))
          return
        }
        const all = JSON.parse(Buffer.concat(chunks).toString()) as { name: string; tags: string[] }
        const after = [...(all.tags ?? [])].sort().filter((t) => last === null || t > last)
        const page = after.slice(0, n)
        const headers: Record<string, string> = { 'content-type': 'application/json' }
        if (after.length > n)
          headers.link = `<${asked.pathname}?last=${encodeURIComponent(page.at(-1)!)}&n=${n}>; rel="next"`
        res.writeHead(200, headers)
        res.end(JSON.stringify({ name: all.name, tags: page }))
      })
    }
  )
  upstream.on('error', (e) => {
    record.status = 502
    res.writeHead(502, { 'content-type': 'text/plain' })
    res.end(`fault proxy: ${target} failed: ${e.message}`)
  })
  upstream.end()
  req.resume()
}
