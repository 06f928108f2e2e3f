import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer, jwtClaims } from './github-oidc.js'

/**
 * Docker's identity service on loopback http: `POST /oauth/token`, an RFC
 * 8693 token exchange (form `grant_type=urn:ietf:params:oauth:grant-type:token-exchange`,
 * `subject_token_type=urn:ietf:params:oauth:token-type:id_token`,
 * `subject_token=<GitHub ID token>`, `connection_id`, `expires_in` from 300 to
 * 3600), as docker/login-action and docker/oidc-action send it. It answers
 * `{"access_token": …}`.
 *
 * Refusals come in the OAuth error shape (RFC 6749 §5.2). Docker publishes
 * one of them: a token whose subject no rule of the connection matches (or a
 * connection deactivated) is a bare 400 `{"error":"access_denied"}`. For an
 * unknown connection and an organisation whose plan has no OIDC connections
 * the fixture answers in the same shape with a description, which is an
 * assumption about Docker's words, not a record of them.
 */
export interface DockerIdentityOptions {
  /** Whoever issued the ID tokens the exchange accepts (the GitHub OIDC fixture). */
  readonly trusts: { readonly issued: readonly string[] }
  /** The connections that exist, by ID, with the subjects their rules match. */
  readonly connections: Readonly<Record<string, { readonly subjects: readonly string[] }>>
  /** false: the organisation's plan has no OIDC connections (every exchange is refused). */
  readonly planHasOidc?: boolean
  /** Answer this many exchanges with 503 first (a busy service). */
  readonly failFirst?: number
  /** The access token issued (default: a random `dckr_oat_…`), so a registry fixture can trust it first. */
  readonly accessToken?: string
}

/** One exchange as sent: the fields in order, values included (the test holds the tokens anyway). */
export interface IdentityRequest {
  readonly method: string
  readonly path: string
  readonly contentType: string | undefined
  readonly fields: readonly (readonly [string, string])[]
  readonly status: number
}

export interface DockerIdentity {
  /** `http://127.0.0.1:PORT`: what TAGSHIP_DOCKER_IDENTITY_URL names. */
  readonly url: string
  readonly requests: readonly IdentityRequest[]
  /** Access tokens issued, in order. */
  readonly issued: readonly string[]
  close(): Promise<void>
}

export const DOCKER_IDENTITY_AUDIENCE = 'https://identity.docker.com'
const GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:token-exchange'
const ID_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:id_token'

export async function startDockerIdentity(options: DockerIdentityOptions): Promise<DockerIdentity> {
  const requests: IdentityRequest[] = []
  const issued: string[] = []
  let failures = options.failFirst ?? 0

  const exchange = (form: URLSearchParams): [number, unknown] => {
    if (failures > 0) {
      failures--
      return [503, { error: 'temporarily_unavailable' }]
    }
    if (form.get('grant_type') !== GRANT_TYPE || form.get('subject_token_type') !== ID_TOKEN_TYPE)
      return [400, { error: 'unsupported_grant_type' }]
    const expiresIn = Number(form.get('expires_in'))
    if (!Number.isInteger(expiresIn) || expiresIn < 300 || expiresIn > 3600)
      return [400, { error: 'invalid_request', error_description: 'expires_in out of range' }]
    const connection = options.connections[form.get('connection_id') ?? '']
    if (!connection)
      return [400, { error: 'invalid_request', error_description: 'connection not found' }]
    if (options.planHasOidc === false)
      return [
        403,
        {
          error: 'unauthorized_client',
          error_description: "OIDC connections are not available on the organization's plan"
        }
      ]
    const token = form.get('subject_token') ?? ''
    const claims = jwtClaims(token)
    if (!options.trusts.issued.includes(token) || claims?.aud !== DOCKER_IDENTITY_AUDIENCE)
      return [400, { error: 'invalid_grant' }]
    if (!connection.subjects.includes(String(claims.sub))) return [400, { error: 'access_denied' }]
    const accessToken = options.accessToken ?? `dckr_oat_${randomBytes(24).toString('base64url')}`
    issued.push(accessToken)
    return [200, { access_token: accessToken }]
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture')
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString())
      const [status, body] =
        url.pathname !== '/oauth/token'
          ? [404, { error: 'not_found' }]
          : req.method !== 'POST'
            ? [405, { error: 'invalid_request', error_description: 'POST only' }]
            : exchange(form)
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        contentType: req.headers['content-type'],
        fields: [...form],
        status
      })
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    issued,
    close: () => closeServer(server)
  }
}
