import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * The runner's ID-token endpoint. @actions/core 3 `getIDToken(audience)` sends
 * `GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=<encoded>` (the runner's URL
 * already ends in `?api-version=2.0`) with `Authorization: Bearer
 * <ACTIONS_ID_TOKEN_REQUEST_TOKEN>`, `Accept: application/json` and user agent
 * `actions/oidc-client`, and reads `value` from the JSON answer.
 */
export interface GithubOidcOptions {
  /** The `sub` claim: what a federated credential matches. */
  readonly subject?: string
  readonly issuer?: string
}

export interface IdTokenRequest {
  readonly path: string
  readonly audience: string | null
  readonly authorization: string | undefined
  readonly accept: string | undefined
  readonly userAgent: string | undefined
}

export interface GithubOidc {
  /** The variables a job with `permissions: id-token: write` has. */
  readonly env: {
    readonly ACTIONS_ID_TOKEN_REQUEST_URL: string
    readonly ACTIONS_ID_TOKEN_REQUEST_TOKEN: string
  }
  readonly requests: readonly IdTokenRequest[]
  /** Every ID token issued, in order. */
  readonly issued: readonly string[]
  close(): Promise<void>
}

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'
export const DEFAULT_SUBJECT = 'repo:acme/app:ref:refs/heads/main'

/** The path the runner's URL has, so a test sees the real shape. */
const ID_TOKEN_PATH = '/_apis/distributedtask/hubs/Actions/plans/plan/jobs/job/idtoken'

export async function startGithubOidc(options: GithubOidcOptions = {}): Promise<GithubOidc> {
  const requestToken = `runtime-${randomUUID()}`
  const requests: IdTokenRequest[] = []
  const issued: string[] = []
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture')
    requests.push({
      path: url.pathname,
      audience: url.searchParams.get('audience'),
      authorization: req.headers.authorization,
      accept: req.headers.accept,
      userAgent: req.headers['user-agent']
    })
    const reply = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    if (req.method !== 'GET' || url.pathname !== ID_TOKEN_PATH) return reply(404, {})
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      return reply(401, { message: 'The user is not authorized' })
    }
    if (url.searchParams.get('api-version') !== '2.0') return reply(400, { message: 'api-version' })
    const now = Math.floor(Date.now() / 1000)
    const token = unsignedJwt({
      jti: randomUUID(),
      sub: options.subject ?? DEFAULT_SUBJECT,
      // Without an audience GitHub uses the owner's URL.
      aud: url.searchParams.get('audience') ?? 'https://github.com/acme',
      iss: options.issuer ?? GITHUB_ISSUER,
      nbf: now - 5,
      iat: now - 5,
      exp: now + 300
    })
    issued.push(token)
    reply(200, { count: 1, value: token })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}${ID_TOKEN_PATH}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken
    },
    requests,
    issued,
    close: () => closeServer(server)
  }
}

/** A JWT-shaped token whose claims a fixture can read back; the signature is a placeholder. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${randomUUID().replaceAll('-', '')}`
}

/** The claims of a JWT-shaped token, or undefined when it is not one. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  try {
    const claims: unknown = JSON.parse(
      Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()
    )
    return typeof claims === 'object' && claims !== null
      ? (claims as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** Stops a fixture server, cutting keep-alive connections the SDKs hold open. */
export function closeServer(server: {
  close(callback: () => void): unknown
  closeAllConnections(): void
}): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}
