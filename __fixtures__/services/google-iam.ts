import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer } from './github-oidc.js'
import { googleToken, type GoogleAnswer } from './google-sts.js'

/**
 * Google's IAM Service Account Credentials API on loopback http:
 * `POST /v1/projects/-/serviceAccounts/<email>:generateAccessToken` with a
 * Bearer access token (here a federated one from the STS fixture) and a JSON
 * body `{scope: [...]}`, answered `{accessToken, expireTime}`. Refusals are
 * Google API errors (`{error: {code, message, status, details}}`): 401
 * UNAUTHENTICATED for a Bearer it did not issue, 400 INVALID_ARGUMENT with no
 * scope, and 403 PERMISSION_DENIED on iam.serviceAccounts.getAccessToken for
 * an account that does not exist or that the caller may not impersonate
 * (Google does not say which).
 */
export interface GoogleIamOptions {
  /** Whoever issued the access tokens it accepts (the STS fixture). */
  readonly trusts: { readonly issued: readonly string[] }
  /** Service accounts that exist and let every trusted caller impersonate them (roles/iam.workloadIdentityUser). */
  readonly impersonable: readonly string[]
  /** Answers a request this way when it returns an answer (a 503, SERVICE_DISABLED). */
  readonly refusal?: (request: IamRequest) => GoogleAnswer | undefined
}

export interface IamRequest {
  readonly method: string
  readonly path: string
  readonly contentType: string | undefined
  readonly authorization: string | undefined
  readonly body: string
}

export interface GoogleIam {
  /** http://127.0.0.1:PORT, the value for TAGSHIP_GCP_IAM_CREDENTIALS_URL. */
  readonly url: string
  readonly requests: readonly IamRequest[]
  /** Service-account access tokens issued, in order. */
  readonly issued: readonly string[]
  /** The expireTime of each, as answered (RFC 3339). */
  readonly expireTimes: readonly string[]
  close(): Promise<void>
}

const GENERATE = /^\/v1\/projects\/-\/serviceAccounts\/([^/:]+):generateAccessToken$/
const PERMISSION = 'iam.serviceAccounts.getAccessToken'

/** A Google API error body. */
export function googleApiError(
  code: number,
  status: string,
  message: string,
  details: unknown[] = []
): GoogleAnswer {
  return { status: code, body: { error: { code, message, status, details } } }
}

export async function startGoogleIam(options: GoogleIamOptions): Promise<GoogleIam> {
  const requests: IamRequest[] = []
  const issued: string[] = []
  const expireTimes: string[] = []

  const generate = (request: IamRequest): GoogleAnswer => {
    const account = GENERATE.exec(request.path)?.[1]
    if (request.method !== 'POST' || account === undefined) {
      return googleApiError(404, 'NOT_FOUND', 'Requested entity was not found.')
    }
    const bearer = /^Bearer (.+)$/.exec(request.authorization ?? '')?.[1]
    if (!bearer || !options.trusts.issued.includes(bearer)) {
      return googleApiError(
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.'
      )
    }
    let scope: unknown
    try {
      scope = (JSON.parse(request.body) as { scope?: unknown }).scope
    } catch {
      return googleApiError(400, 'INVALID_ARGUMENT', 'Invalid JSON payload received.')
    }
    if (!Array.isArray(scope) || scope.length === 0) {
      return googleApiError(400, 'INVALID_ARGUMENT', 'Scope required.')
    }
    if (!options.impersonable.includes(decodeURIComponent(account))) {
      return googleApiError(
        403,
        'PERMISSION_DENIED',
        `Permission '${PERMISSION}' denied on resource (or it may not exist).`,
        [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'IAM_PERMISSION_DENIED',
            domain: 'iam.googleapis.com',
            metadata: { permission: PERMISSION }
          }
        ]
      )
    }
    const token = googleToken('sa')
    issued.push(token)
    const expireTime = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    expireTimes.push(expireTime)
    return { status: 200, body: { accessToken: token, expireTime } }
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const request: IamRequest = {
        method: req.method ?? '',
        path: new URL(req.url ?? '/', 'http://fixture').pathname,
        contentType: req.headers['content-type'],
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString()
      }
      requests.push(request)
      const answer = options.refusal?.(request) ?? generate(request)
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
    expireTimes,
    close: () => closeServer(server)
  }
}
