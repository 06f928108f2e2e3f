import { createServer } from 'node:net'

/**
 * A TCP port on 127.0.0.1 that was free a moment ago. The port is released
 * before it is returned, so another process can still take it: servers started
 * on it should retry with a new port when the bind fails (see registry.ts).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port was assigned'))))
    })
  })
}
