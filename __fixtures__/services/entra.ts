import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { closeServer, GITHUB_ISSUER, jwtClaims } from './github-oidc.js'
import type { Certificate } from './tls.js'

/**
 * An Entra ID authority (https, as @azure/identity demands) that knows one
 * tenant and one app registration with one federated credential. It serves
 * what MSAL asks for with instance discovery off: the tenant's OpenID
 * metadata, then the client-credentials token request. Refusals look like
 * Entra's: `{error, error_description: "AADSTSnnn: …\r\nTrace ID: …", error_codes, …}`.
 */
export interface EntraOptions {
  readonly certificate: Certificate
  readonly tenantId: string
  readonly clientId: string
  /** Whoever issued the assertions this authority accepts (the GitHub OIDC fixture). */
  readonly trusts: { readonly issued: readonly string[] }
  /** The federated credential's subject; its issuer and audience are GitHub's. */
  readonly subject: string
  /** Refuses a token request this way when it returns a refusal, e.g. to echo a secret. */
  readonly refusal?: (
    form: URLSearchParams
  ) => { error: string; code: number; text: string } | undefined
}

export interface EntraRequest {
  readonly method: string
  readonly path: string
  readonly form?: URLSearchParams
}

export interface Entra {
  /** The authority host: https://127.0.0.1:PORT. */
  readonly url: string
  readonly requests: readonly EntraRequest[]
  /** Access tokens issued, in order. */
  readonly issued: readonly string[]
  close(): Promise<void>
}

export const ACR_SCOPE = 'https://containerregistry.azure.net/.default'
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

export async function startEntra(options: EntraOptions): Promise<Entra> {
  const requests: EntraRequest[] = []
  const issued: string[] = []
  const server = createServer(
    { cert: options.certificate.cert, key: options.certificate.key },
    (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'https://fixture').pathname
        const form =
          req.method === 'POST' ? new URLSearchParams(Buffer.concat(chunks).toString()) : undefined
        requests.push({ method: req.method ?? '', path, ...(form && { form }) })
        // MSAL requires the metadata's URLs on the authority's own scheme, host and port.
        const base = `https://${req.headers.host}/${options.tenantId}`
        const reply = (status: number, body: unknown): void => {
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
        }
        const refuse = (status: number, error: string, code: number, text: string): void =>
          reply(status, entraError(error, code, text))
        const tenant = path.split('/')[1] ?? ''
        if (tenant !== options.tenantId) {
          return refuse(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`)
        }
        if (req.method === 'GET' && path === `/${tenant}/v2.0/.well-known/openid-configuration`) {
          return reply(200, {
            token_endpoint: `${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            issuer: `${base}/v2.0`,
            jwks_uri: `${base}/discovery/v2.0/keys`
          })
        }
        if (req.method !== 'POST' || path !== `/${tenant}/oauth2/v2.0/token` || !form) {
          return reply(404, {})
        }
        const custom = options.refusal?.(form)
        if (custom) return refuse(400, custom.error, custom.code, custom.text)
        const assertion = form.get('client_assertion') ?? ''
        const claims = jwtClaims(assertion)
        if (form.get('grant_type') !== 'client_credentials') {
          return refuse(
            400,
            'unsupported_grant_type',
            70003,
            'The app requested an unsupported grant type.'
          )
        }
        if (form.get('scope') !== ACR_SCOPE) {
          return refuse(
            400,
            'invalid_scope',
            70011,
            `The provided value for the input parameter 'scope' is not valid.`
          )
        }
        if (form.get('client_id') !== options.clientId) {
          const text = `Application with identifier '${form.get('client_id')}' was not found in the directory '${tenant}'.`
          return refuse(400, 'unauthorized_client', 700016, text)
        }
        if (form.get('client_assertion_type') !== ASSERTION_TYPE || !claims) {
          return refuse(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.')
        }
        if (!options.trusts.issued.includes(assertion)) {
          return refuse(
            401,
            'invalid_client',
            700027,
            'Client assertion failed signature validation.'
          )
        }
        if (
          claims.iss !== GITHUB_ISSUER ||
          claims.sub !== options.subject ||
          claims.aud !== 'api://AzureADTokenExchange'
        ) {
          const text =
            'No matching federated identity record found for presented assertion.' +
            ` Assertion Issuer: '${claims.iss}'. Assertion Subject: '${claims.sub}'. Assertion Audience: '${claims.aud}'.` +
            ' https://learn.microsoft.com/entra/workload-id/workload-identity-federation'
          return refuse(400, 'invalid_client', 70021, text)
        }
        const token = `entra-${randomUUID()}`
        issued.push(token)
        reply(200, {
          token_type: 'Bearer',
          expires_in: 3599,
          ext_expires_in: 3599,
          access_token: token
        })
      })
    }
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `https://127.0.0.1:${port}`, requests, issued, close: () => closeServer(server) }
}

/** Entra's error body, with the trace lines it appends to every description. */
function entraError(error: string, code: number, text: string): Record<string, unknown> {
  const traceId = randomUUID()
  const correlationId = randomUUID()
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z')
  return {
    error,
    error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId
  }
}
