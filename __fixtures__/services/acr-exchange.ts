import { randomUUID } from 'node:crypto'
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer, unsignedJwt } from './github-oidc.js'

/**
 * ACR's token endpoints on loopback http:
 * - `POST /oauth2/exchange` (form grant_type=access_token, service, tenant,
 *   access_token): an Entra access token for a refresh token;
 * - `POST /oauth2/token` (form grant_type=refresh_token, service, scope…,
 *   refresh_token) and `GET /oauth2/token?service&scope…` with Basic
 *   `00000000-0000-0000-0000-000000000000:<refresh token>` (docker's way):
 *   a refresh token for a registry access token from `signToken`.
 * Anything else goes to `upstream` when given, so this can sit in front of a
 * Distribution registry configured for token auth with its realm here.
 */
export interface AcrExchangeOptions {
  /** The registry host: the `service` requests must name. */
  readonly service: string
  /** The registry's tenant: the exchange's `tenant` must be it. */
  readonly tenantId: string
  /** Whoever issued the access tokens the exchange accepts (the Entra fixture). */
  readonly trusts: { readonly issued: readonly string[] }
  /** Refuses an exchange with this ACR error when it returns one, e.g. to echo a secret. */
  readonly refusal?: (
    form: URLSearchParams
  ) => { status: number; code: string; message: string } | undefined
  /** Issues a registry token for scopes like `repository:app:pull,push`. */
  readonly signToken?: (scopes: readonly string[]) => string | Promise<string>
  /** Where every other request is proxied (a registry's base URL). */
  readonly upstream?: string
}

export interface FormRequest {
  readonly method: string
  readonly contentType: string | undefined
  /** The fields in the order sent. */
  readonly fields: readonly (readonly [string, string])[]
}

export interface AcrExchange {
  /** http://127.0.0.1:PORT */
  readonly url: string
  readonly exchanges: readonly FormRequest[]
  readonly tokenRequests: readonly FormRequest[]
  /** Refresh tokens issued, in order. */
  readonly refreshTokens: readonly string[]
  close(): Promise<void>
}

export const ACR_TOKEN_USERNAME = '00000000-0000-0000-0000-000000000000'

export async function startAcrExchange(options: AcrExchangeOptions): Promise<AcrExchange> {
  const exchanges: FormRequest[] = []
  const tokenRequests: FormRequest[] = []
  const refreshTokens: string[] = []
  const sign = options.signToken ?? (() => `acr-access-${randomUUID()}`)

  const exchange = (form: URLSearchParams): [number, unknown] => {
    const refusal = options.refusal?.(form)
    if (refusal) return [refusal.status, acrErrors(refusal.code, refusal.message)]
    if (form.get('grant_type') !== 'access_token') {
      return [400, acrErrors('UNSUPPORTED', 'grant_type must be access_token')]
    }
    if (form.get('service') !== options.service) {
      return [
        400,
        acrErrors('BAD_REQUEST', `service '${form.get('service')}' is not this registry`)
      ]
    }
    if (!options.trusts.issued.includes(form.get('access_token') ?? '')) {
      return [401, acrErrors('UNAUTHORIZED', 'the access token is not valid')]
    }
    if (form.get('tenant') !== options.tenantId) {
      return [
        401,
        acrErrors('UNAUTHORIZED', `tenant '${form.get('tenant')}' does not own this registry`)
      ]
    }
    const now = Math.floor(Date.now() / 1000)
    const refreshToken = unsignedJwt({
      jti: randomUUID(),
      sub: 'fixture-principal',
      aud: options.service,
      tenant: options.tenantId,
      grant_type: 'refresh_token',
      iat: now,
      exp: now + 3 * 3600
    })
    refreshTokens.push(refreshToken)
    return [200, { refresh_token: refreshToken }]
  }

  const token = async (
    refreshToken: string | null,
    form: URLSearchParams
  ): Promise<[number, unknown]> => {
    if (
      !refreshToken ||
      !refreshTokens.includes(refreshToken) ||
      form.get('service') !== options.service
    ) {
      return [401, acrErrors('UNAUTHORIZED', 'authentication required')]
    }
    const issued = await sign(form.getAll('scope'))
    return [200, { access_token: issued, token: issued }]
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture')
    const reply = ([status, body]: [number, unknown]): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    if (url.pathname === '/oauth2/exchange' || url.pathname === '/oauth2/token') {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const form =
          req.method === 'POST'
            ? new URLSearchParams(Buffer.concat(chunks).toString())
            : url.searchParams
        const record = {
          method: req.method ?? '',
          contentType: req.headers['content-type'],
          fields: [...form]
        }
        if (url.pathname === '/oauth2/exchange') {
          exchanges.push(record)
          return reply(
            req.method === 'POST' ? exchange(form) : [405, acrErrors('UNSUPPORTED', 'POST only')]
          )
        }
        tokenRequests.push(record)
        const refreshToken =
          req.method === 'POST' && form.get('grant_type') === 'refresh_token'
            ? form.get('refresh_token')
            : basicPassword(req.headers.authorization)
        token(refreshToken, form).then(reply, (e: unknown) =>
          reply([500, acrErrors('UNKNOWN', String(e))])
        )
      })
      return
    }
    if (!options.upstream) return reply([404, acrErrors('NOT_FOUND', 'no such endpoint')])
    // Headers go on unchanged, Host included, so the registry builds Location URLs that point here.
    const target = new URL(req.url ?? '/', options.upstream)
    const forward = request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    forward.on('error', (e) => reply([502, acrErrors('UNAVAILABLE', e.message)]))
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    tokenRequests,
    refreshTokens,
    close: () => closeServer(server)
  }
}

/** The password of a Basic header whose user is ACR's token user. */
function basicPassword(header: string | undefined): string | null {
  const match = /^Basic (.+)$/i.exec(header ?? '')
  if (!match) return null
  const decoded = Buffer.from(match[1]!, 'base64').toString()
  const colon = decoded.indexOf(':')
  return decoded.slice(0, colon) === ACR_TOKEN_USERNAME ? decoded.slice(colon + 1) : null
}

function acrErrors(code: string, message: string): unknown {
  return { errors: [{ code, message, detail: null }] }
}
