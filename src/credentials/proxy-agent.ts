import { Agent as HttpAgent, request as httpRequest, type ClientRequestArgs } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest, type AgentOptions } from 'node:https'
import { isIP, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls'
import { refusalText, viaProxy } from '../distribution/proxy-dispatch.js'
import {
  anyProxy,
  proxyFor,
  proxyRules,
  type ProxyRules,
  type ProxyServer
} from '../shared/proxy.js'

type Created = (err: Error | null, stream: Duplex) => void

/** How long a proxy may take to answer a CONNECT. */
const TUNNEL_TIMEOUT_MS = 30_000

/** What the SDKs' own agents are (keep-alive, up to 50 sockets a host). */
const POOL = { keepAlive: true, maxSockets: 50 }

/**
 * An https.Agent for the SDKs that take Node's agents (the AWS SDK's
 * NodeHttpHandler, @azure/identity's pipeline): each connection goes through
 * the proxy the rules name for its host, as a CONNECT tunnel with TLS to the
 * host inside it (certificates verified as always), or directly when there is
 * none for that host.
 */
export class ProxyHttpsAgent extends HttpsAgent {
  constructor(
    private readonly rules: ProxyRules,
    options: AgentOptions = POOL
  ) {
    super(options)
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: Created
  ): Duplex | null | undefined {
    const { host, port } = endpoint(options, 443)
    const proxy = proxyFor(this.rules, target('https:', host, port))
    if (!proxy) return super.createConnection(options, callback)
    tunnel(proxy, host, port).then(
      (socket) => callback?.(null, tlsConnect({ ...(options as ConnectionOptions), socket })),
      (e: Error) => callback?.(e, undefined as unknown as Duplex)
    )
    return undefined
  }
}

/** The http twin of ProxyHttpsAgent: plain HTTP inside the CONNECT tunnel. */
export class ProxyHttpAgent extends HttpAgent {
  constructor(
    private readonly rules: ProxyRules,
    options = POOL
  ) {
    super(options)
  }

  override createConnection(
    options: ClientRequestArgs,
    callback?: Created
  ): Duplex | null | undefined {
    const { host, port } = endpoint(options, 80)
    const proxy = proxyFor(this.rules, target('http:', host, port))
    if (!proxy) return super.createConnection(options, callback)
    tunnel(proxy, host, port).then(
      (socket) => callback?.(null, socket),
      (e: Error) => callback?.(e, undefined as unknown as Duplex)
    )
    return undefined
  }
}

/**
 * The agents for the proxy variables of `env`, or none when they name no
 * proxy (the SDKs then keep their own). New ones each call: an SDK client's
 * destroy() ends the sockets of its agents, so clients that run side by side
 * must not share them.
 */
export function proxyAgents(
  env: NodeJS.ProcessEnv
): { httpAgent: ProxyHttpAgent; httpsAgent: ProxyHttpsAgent } | undefined {
  const rules = proxyRules(env)
  if (!anyProxy(rules)) return undefined
  return { httpAgent: new ProxyHttpAgent(rules), httpsAgent: new ProxyHttpsAgent(rules) }
}

/** An https agent that follows the rules of `env`, with or without a proxy in them. */
export function httpsAgentFor(env: NodeJS.ProcessEnv): ProxyHttpsAgent {
  return new ProxyHttpsAgent(proxyRules(env))
}

function endpoint(options: ClientRequestArgs, defaultPort: number) {
  const host = (options.host ?? options.hostname ?? 'localhost').replace(/^\[|\]$/g, '')
  return { host, port: Number(options.port ?? defaultPort) }
}

function target(protocol: string, host: string, port: number): URL {
  return new URL(`${protocol}//${isIP(host) === 6 ? `[${host}]` : host}:${port}`)
}

/** Ask the proxy to CONNECT to `host:port`; the socket it answers on is the tunnel. */
function tunnel(proxy: ProxyServer, host: string, port: number): Promise<Socket> {
  const at = new URL(proxy.origin)
  const authority = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`
  const send = at.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const req = send({
      host: at.hostname.replace(/^\[|\]$/g, ''),
      port: at.port || (at.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: authority,
      headers: {
        host: authority,
        ...(proxy.authorization && { 'proxy-authorization': proxy.authorization })
      },
      agent: false,
      timeout: TUNNEL_TIMEOUT_MS
    })
    req.once('connect', (answer, socket: Socket, head: Buffer) => {
      if (answer.statusCode === 200) {
        // The tunnel is the caller's connection now: the CONNECT's own timeout ends here.
        socket.setTimeout(0)
        if (head.length > 0) socket.unshift(head)
        resolve(socket)
        return
      }
      socket.destroy()
      reject(new Error(`${refusalText(proxy, answer.statusCode ?? 0)} (CONNECT ${authority})`))
    })
    req.once('timeout', () =>
      req.destroy(
        Object.assign(
          new Error(`CONNECT ${authority} got no answer within ${TUNNEL_TIMEOUT_MS / 1000} s`),
          { code: 'ETIMEDOUT' }
        )
      )
    )
    req.once('error', (e: Error & { code?: string }) => {
      // The code stays, so a caller tells a network failure (ECONNREFUSED) by it.
      reject(Object.assign(new Error(`${e.message}${viaProxy(proxy)}`), { code: e.code }))
    })
    req.end()
  })
}
