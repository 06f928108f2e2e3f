import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer, GITHUB_ISSUER, jwtClaims } from './github-oidc.js'

/**
 * Google's Security Token Service on loopback http: `POST /v1/token`, the
 * RFC 8693 token exchange of an external (here GitHub OIDC) token for a
 * federated access token, as Workload Identity Federation does it. It takes
 * the form (application/x-www-form-urlencoded, snake_case) or JSON
 * (camelCase, as the REST reference spells it), knows one provider, and
 * checks what Google checks, in Google's words: the audience names a
 * provider (invalid_request), that provider (invalid_target), the token
 * types, the subject token's issuer and audience (invalid_grant) and the
 * attribute condition (unauthorized_client).
 */
export interface GoogleStsOptions {
  /** `projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>` */
  readonly provider: string
  /** Whoever issued the subject tokens it accepts (the GitHub OIDC fixture). */
  readonly trusts: { readonly issued: readonly string[] }
  /** The provider's issuer; GitHub's by default. */
  readonly issuer?: string
  /** The provider's allowed audiences; default: `https://iam.googleapis.com/<provider>`. */
  readonly allowedAudiences?: readonly string[]
  /** The attribute condition, on the subject token's claims; admits every token by default. */
  readonly condition?: (claims: Record<string, unknown>) => boolean
  /** Answers a request this way when it returns an answer (a 503, an echo of the token). */
  readonly refusal?: (fields: Readonly<Record<string, string>>) => GoogleAnswer | undefined
}

export interface GoogleAnswer {
  readonly status: number
  readonly body: unknown
  readonly headers?: Record<string, string>
}

export interface StsRequest {
  readonly method: string
  readonly path: string
  readonly contentType: string | undefined
  readonly authorization: string | undefined
  /** The fields in snake_case, whichever way they were sent. */
  readonly fields: Readonly<Record<string, string>>
}

export interface GoogleSts {
  /** http://127.0.0.1:PORT, the value for TAGSHIP_GCP_STS_URL. */
  readonly url: string
  readonly requests: readonly StsRequest[]
  /** Federated access tokens issued, in order. */
  readonly issued: readonly string[]
  close(): Promise<void>
}

export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange'
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token'
export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt'
export const CLOUD_PLATFORM = 'https://www.googleapis.com/auth/cloud-platform'
const PROVIDER_AUDIENCE =
  /^\/\/iam\.googleapis\.com\/(projects\/\d+\/locations\/global\/workloadIdentityPools\/[^/]+\/providers\/[^/]+)$/

/** A Google OAuth access token's shape: `ya29.` and opaque characters. */
export const googleToken = (kind: string): string =>
  `ya29.${kind}-${randomBytes(24).toString('base64url')}`

export async function startGoogleSts(options: GoogleStsOptions): Promise<GoogleSts> {
  const requests: StsRequest[] = []
  const issued: string[] = []
  const allowed = options.allowedAudiences ?? [`https://iam.googleapis.com/${options.provider}`]
  const issuer = options.issuer ?? GITHUB_ISSUER

  const exchange = (f: Readonly<Record<string, string>>): GoogleAnswer => {
    const refused = (error: string, description: string): GoogleAnswer => ({
      status: 400,
      body: { error, error_description: description }
    })
    if (f.grant_type !== TOKEN_EXCHANGE) {
      return refused('unsupported_grant_type', `Unsupported grant type "${f.grant_type ?? ''}".`)
    }
    const provider = PROVIDER_AUDIENCE.exec(f.audience ?? '')?.[1]
    if (!provider) {
      return refused(
        'invalid_request',
        'Invalid value for "audience". This value should be the full resource name of the Identity Provider. See https://cloud.google.com/iam/docs/reference/sts/rest/v1/TopLevel/token for the list of possible formats.'
      )
    }
    if (provider !== options.provider) {
      return refused(
        'invalid_target',
        `The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn't exist.`
      )
    }
    if (f.requested_token_type !== ACCESS_TOKEN_TYPE) {
      return refused('invalid_request', 'Invalid value for "requested_token_type".')
    }
    if (f.subject_token_type !== JWT_TOKEN_TYPE) {
      return refused('invalid_request', 'Invalid value for "subject_token_type".')
    }
    if (!(f.scope ?? '').split(' ').includes(CLOUD_PLATFORM)) {
      return refused('invalid_scope', 'The requested scope is not supported.')
    }
    const token = f.subject_token ?? ''
    const claims = jwtClaims(token)
    if (!claims || !options.trusts.issued.includes(token)) {
      return refused('invalid_grant', 'Unable to parse the ID Token.')
    }
    if (claims.iss !== issuer) {
      return refused(
        'invalid_grant',
        `The issuer in ID Token ${String(claims.iss)} does not match the expected ones: ${issuer}.`
      )
    }
    if (!allowed.includes(String(claims.aud))) {
      return refused(
        'invalid_grant',
        `The audience in ID Token [${String(claims.aud)}] does not match the expected audience ${allowed.join(', ')}.`
      )
    }
    if (options.condition && !options.condition(claims)) {
      return refused(
        'unauthorized_client',
        'The given credential is rejected by the attribute condition.'
      )
    }
    const federated = googleToken('fed')
    issued.push(federated)
    return {
      status: 200,
      body: {
        access_token: federated,
        issued_token_type: ACCESS_TOKEN_TYPE,
        token_type: 'Bearer',
        expires_in: 3599
      }
    }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://fixture').pathname
      const contentType = req.headers['content-type']
      const fields = parseFields(Buffer.concat(chunks).toString(), contentType)
      requests.push({
        method: req.method ?? '',
        path,
        contentType,
        authorization: req.headers.authorization,
        fields
      })
      const answer =
        req.method !== 'POST' || path !== '/v1/token'
          ? {
              status: 404,
              body: { error: { code: 404, message: 'Not Found', status: 'NOT_FOUND' } }
            }
          : (options.refusal?.(fields) ?? exchange(fields))
      res
        .writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
        .end(JSON.stringify(answer.body))
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

/** The request's fields in snake_case: a form as sent, or JSON in the REST reference's camelCase. */
function parseFields(body: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.startsWith('application/json')) {
    try {
      const json = JSON.parse(body) as Record<string, unknown>
      return Object.fromEntries(
        Object.entries(json).map(([k, v]) => [
          k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
          String(v)
        ])
      )
    } catch {
      return {}
    }
  }
  return Object.fromEntries(new URLSearchParams(body))
}
