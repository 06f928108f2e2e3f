import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  startAcrExchange,
  type AcrExchangeOptions
} from '../../__fixtures__/services/acr-exchange.js'
import { startEntra, type EntraOptions } from '../../__fixtures__/services/entra.js'
import { freePort } from '../../__fixtures__/services/ports.js'
import {
  closeServer,
  DEFAULT_SUBJECT,
  startGithubOidc
} from '../../__fixtures__/services/github-oidc.js'
import {
  createCertificate,
  removeCertificate,
  TrustingNode,
  type Certificate
} from '../../__fixtures__/services/tls.js'

/**
 * The whole OIDC login against the three fixtures, with the real
 * @actions/core, @azure/identity and fetch. It runs in a child node that
 * trusts the fixture authority's certificate (see TrustingNode).
 */
const CLIENT = '11111111-2222-4333-8444-555555555555'
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
const HOST = 'acme.azurecr.io'
const FEDERATION_DOCS = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation'

/** What the action does: the OIDC chain with core.getIDToken behind the permission check. */
const LOGIN = `
import * as core from '@actions/core'
import { acrOidcCredentials } from './src/credentials/acr.js'
import { githubIdToken } from './src/credentials/github-oidc.js'
import { retryPolicy } from './src/shared/retry.js'

const { registry, azure } = JSON.parse(process.env.TAGSHIP_TEST_LOGIN)
const masked = []
const answer = (message) => process.send(message, () => process.exit(0))
const getIdToken = githubIdToken(
  { login: 'Azure login for ' + registry.host, alternative: 'set azure-client-secret' },
  core.getIDToken
)
try {
  // Two retries, and no waiting between attempts.
  const pacing = { policy: retryPolicy(2), sleep: async () => undefined }
  const c = await acrOidcCredentials(registry, azure, { mask: (s) => masked.push(s), getIdToken, pacing })
  answer({ credentials: { ...c, expiresAt: c.expiresAt?.toISOString() }, maskedAtReturn: [...masked] })
} catch (e) {
  answer({ error: e.message, maskedAtReturn: [...masked] })
}
`

interface LoginAnswer {
  credentials?: { username: string; password: string; expiresAt?: string }
  error?: string
  maskedAtReturn: string[]
}

let certificate: Certificate
let node: TrustingNode
const cleanup: (() => Promise<void>)[] = []

beforeAll(() => {
  certificate = createCertificate()
  node = new TrustingNode(certificate, ['src/credentials/acr.ts', 'src/credentials/github-oidc.ts'])
})
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()))
})
afterAll(() => {
  node.remove()
  removeCertificate(certificate)
})

/** Starts the three services (tweaked by `entra` and `acr`) and logs in from a child node. */
async function login(
  setup: {
    entra?: Partial<EntraOptions>
    acr?: Partial<AcrExchangeOptions>
    baseUrl?: (acrUrl: string) => string
  } = {}
) {
  const oidc = await startGithubOidc()
  const entra = await startEntra({
    certificate,
    tenantId: TENANT,
    clientId: CLIENT,
    trusts: oidc,
    subject: DEFAULT_SUBJECT,
    ...setup.entra
  })
  const acr = await startAcrExchange({
    service: HOST,
    tenantId: TENANT,
    trusts: entra,
    ...setup.acr
  })
  cleanup.push(oidc.close, entra.close, acr.close)
  const call = {
    registry: { host: HOST, baseUrl: setup.baseUrl?.(acr.url) ?? acr.url },
    azure: { clientId: CLIENT, tenantId: TENANT }
  }
  const answer = await node.run<LoginAnswer>(LOGIN, {
    PATH: process.env.PATH,
    ...oidc.env,
    AZURE_AUTHORITY_HOST: entra.url,
    TAGSHIP_TEST_LOGIN: JSON.stringify(call)
  })
  const secrets = [...oidc.issued, ...entra.issued, ...acr.refreshTokens]
  return { oidc, entra, acr, answer, secrets }
}

function expectNoSecret(message: string | undefined, secrets: readonly string[]): void {
  expect(secrets.length).toBeGreaterThan(0)
  for (const secret of secrets) expect(message).not.toContain(secret)
}

describe('acrOidcCredentials through GitHub OIDC, Entra ID and the ACR exchange', () => {
  it('logs in with the refresh token, masking each token as it arrives', async () => {
    const { oidc, entra, acr, answer } = await login()
    const idToken = oidc.issued[0]!
    const accessToken = entra.issued[0]!
    const refreshToken = acr.refreshTokens[0]!
    const exp = JSON.parse(Buffer.from(refreshToken.split('.')[1]!, 'base64url').toString()).exp

    expect(answer).toEqual({
      credentials: {
        username: '00000000-0000-0000-0000-000000000000',
        password: refreshToken,
        expiresAt: new Date(exp * 1000).toISOString()
      },
      maskedAtReturn: [idToken, accessToken, refreshToken]
    })
    // What @actions/core 3 sends to the runner.
    expect(oidc.requests).toEqual([
      {
        path: '/_apis/distributedtask/hubs/Actions/plans/plan/jobs/job/idtoken',
        audience: 'api://AzureADTokenExchange',
        authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
        accept: 'application/json',
        userAgent: 'actions/oidc-client'
      }
    ])
    // No instance discovery (it would go to login.microsoftonline.com): metadata, then token.
    expect(entra.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /${TENANT}/v2.0/.well-known/openid-configuration`,
      `POST /${TENANT}/oauth2/v2.0/token`
    ])
    // MSAL's x-client-* telemetry fields aside.
    expect(Object.fromEntries(entra.requests[1]!.form!)).toMatchObject({
      grant_type: 'client_credentials',
      client_id: CLIENT,
      scope: 'https://containerregistry.azure.net/.default',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: idToken
    })
    expect(acr.exchanges).toEqual([
      {
        method: 'POST',
        contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
        fields: [
          ['grant_type', 'access_token'],
          ['service', HOST],
          ['tenant', TENANT],
          ['access_token', accessToken]
        ]
      }
    ])
    // The refresh token is what docker login then uses against /oauth2/token.
    const basic = Buffer.from(`00000000-0000-0000-0000-000000000000:${refreshToken}`).toString(
      'base64'
    )
    const token = await fetch(
      `${acr.url}/oauth2/token?service=${HOST}&scope=repository:app:pull,push`,
      {
        headers: { authorization: `Basic ${basic}` }
      }
    )
    expect(token.status).toBe(200)
  })

  it('says which federated credential check failed when Entra ID refuses the GitHub token', async () => {
    const { oidc, entra, acr, answer, secrets } = await login({
      entra: { subject: 'repo:acme/app:environment:production' }
    })

    expect(answer.error).toBe(
      `Entra ID refused the GitHub OIDC token for client ${CLIENT} in tenant ${TENANT}: ` +
        'AADSTS70021: No matching federated identity record found for presented assertion.' +
        " Assertion Issuer: 'https://token.actions.githubusercontent.com'." +
        " Assertion Subject: 'repo:acme/app:ref:refs/heads/main'." +
        ` Assertion Audience: 'api://AzureADTokenExchange'. ${FEDERATION_DOCS}` +
        " (check the app registration's federated credential: its issuer, subject and audience must match the token's)"
    )
    expect(answer.maskedAtReturn).toEqual([oidc.issued[0]])
    expect(entra.requests.filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(acr.exchanges).toEqual([])
    expectNoSecret(answer.error, secrets)
  })

  it('scrubs the GitHub token from a refusal that quotes it', async () => {
    const { answer, secrets } = await login({
      entra: {
        refusal: (form) => ({
          error: 'invalid_client',
          code: 700024,
          text: `Client assertion is not within its valid time range. Assertion: ${form.get('client_assertion')}`
        })
      }
    })

    expect(answer.error).toBe(
      `Entra ID refused the GitHub OIDC token for client ${CLIENT} in tenant ${TENANT}: ` +
        'AADSTS700024: Client assertion is not within its valid time range. Assertion: ***' +
        ' (the GitHub OIDC token is outside its validity window; check the runner clock)'
    )
    expectNoSecret(answer.error, secrets)
  })

  it('names the tenant Entra ID does not know', async () => {
    const { entra, answer } = await login({ entra: { tenantId: 'contoso-typo.onmicrosoft.com' } })

    expect(answer.error).toBe(
      `Could not use Entra ID at ${entra.url} for tenant ${TENANT}: ` +
        `GET ${entra.url}/${TENANT}/v2.0/.well-known/openid-configuration answered HTTP 400: AADSTS90002: Tenant '${TENANT}' not found.` +
        ' (@azure/identity said only endpoints_resolution_error; check azure-tenant-id, AZURE_AUTHORITY_HOST and the network)'
    )
  })

  it("reports ACR's refusal of the exchange without the Entra token it quotes", async () => {
    const { oidc, entra, acr, answer, secrets } = await login({
      acr: {
        refusal: (form) => ({
          status: 401,
          code: 'UNAUTHORIZED',
          message: `access token ${form.get('access_token')} is not valid for this registry`
        })
      }
    })

    expect(answer.error).toBe(
      `${HOST} refused the ACR token exchange (HTTP 401: UNAUTHORIZED: access token *** is not valid for this registry):` +
        ` check that azure-tenant-id ${TENANT} is the registry's tenant and that client ${CLIENT} has the AcrPush role on it`
    )
    expect(answer.maskedAtReturn).toEqual([oidc.issued[0], entra.issued[0]])
    expect(acr.exchanges).toHaveLength(1)
    expectNoSecret(answer.error, secrets)
  })

  it('names the registry it cannot reach, after retrying', async () => {
    const port = await freePort()
    const { answer, secrets } = await login({ baseUrl: () => `http://127.0.0.1:${port}` })

    expect(answer.error).toBe(
      `Could not reach ${HOST} at http://127.0.0.1:${port}/oauth2/exchange for the ACR token exchange after 3 attempts:` +
        ` connect ECONNREFUSED 127.0.0.1:${port} (check the registry name and the network)`
    )
    expectNoSecret(answer.error, secrets)
  })

  it('retries an exchange the registry answers with a 5xx', async () => {
    let refusals = 0
    const { acr, answer } = await login({
      acr: {
        refusal: () =>
          refusals++ === 0 ? { status: 503, code: 'UNAVAILABLE', message: 'busy' } : undefined
      }
    })

    expect(answer.credentials?.password).toBe(acr.refreshTokens[0])
    expect(acr.exchanges).toHaveLength(2)
  })

  it('does not follow a redirect away from the registry with the token', async () => {
    // A registry URL that redirects to the real exchange: the token must not follow.
    let exchangeUrl = ''
    const redirecting = createServer((_req, res) => {
      res.writeHead(307, { location: `${exchangeUrl}/oauth2/exchange?sig=x` }).end()
    })
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve))
    cleanup.push(() => closeServer(redirecting))
    const redirectingUrl = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}`
    const { acr, answer, secrets } = await login({
      baseUrl: (acrUrl) => ((exchangeUrl = acrUrl), redirectingUrl)
    })

    expect(answer.error).toBe(
      `${HOST} answered the ACR token exchange with a redirect (HTTP 307 to ${acr.url});` +
        ` tagship sends the Entra token only to ${redirectingUrl}/oauth2/exchange: check that ${HOST} is the registry's login server`
    )
    expect(acr.exchanges).toEqual([])
    expectNoSecret(answer.error, secrets)
  })
})
