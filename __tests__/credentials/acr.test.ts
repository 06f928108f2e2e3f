import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals'
import { startEntra } from '../../__fixtures__/services/entra.js'
import { freePort } from '../../__fixtures__/services/ports.js'
import { DEFAULT_SUBJECT } from '../../__fixtures__/services/github-oidc.js'
import {
  createCertificate,
  removeCertificate,
  type Certificate
} from '../../__fixtures__/services/tls.js'
import { acrOidcCredentials, acrSecretCredentials } from '../../src/credentials/acr.js'
import { githubIdToken } from '../../src/credentials/github-oidc.js'
import { retryPolicy } from '../../src/shared/retry.js'

/** Failures found before or at the authority, which need no trusted certificate. */
const CLIENT = '11111111-2222-4333-8444-555555555555'
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
const ID_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2lnbmF0dXJl'
const registry = { host: 'acme.azurecr.io', baseUrl: 'http://127.0.0.1:9' }
const azure = { clientId: CLIENT, tenantId: TENANT }
const use = { login: 'Azure login for acme.azurecr.io', alternative: 'set azure-client-secret' }
const CHECKS =
  '(@azure/identity said only endpoints_resolution_error; check azure-tenant-id, AZURE_AUTHORITY_HOST and the network)'

let certificate: Certificate
beforeAll(() => {
  certificate = createCertificate()
})
afterAll(() => removeCertificate(certificate))

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('expected a failure')
}

describe('acrSecretCredentials', () => {
  it('logs in as the service principal and masks its secret first', () => {
    const mask = jest.fn<(s: string) => void>()

    expect(
      acrSecretCredentials({ clientId: CLIENT, clientSecret: 's3cr3t~value' }, { mask })
    ).toEqual({
      username: CLIENT,
      password: 's3cr3t~value'
    })
    expect(mask.mock.calls).toEqual([['s3cr3t~value']])
  })
})

describe('githubIdToken', () => {
  it('asks for `permissions: id-token: write` when the runner offers no token', async () => {
    const fetchIdToken = jest.fn(async (_audience: string) => ID_TOKEN)
    const mask = jest.fn<(s: string) => void>()
    const getIdToken = githubIdToken(use, fetchIdToken, { ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x' })

    expect(await failure(acrOidcCredentials(registry, azure, { mask, getIdToken }))).toBe(
      'Azure login for acme.azurecr.io with OIDC needs `permissions: id-token: write` in the job (or set azure-client-secret)'
    )
    expect(fetchIdToken).not.toHaveBeenCalled()
    expect(mask).not.toHaveBeenCalled()
  })

  it("puts @actions/core's error on one line, without the runner's request token", async () => {
    const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/idtoken?api-version=2.0' }
    const getIdToken = githubIdToken(
      use,
      async () => {
        // The shape of @actions/core 3's message when the runner answers with an error.
        throw new Error(
          'Error message: Failed to get ID Token. \n \n        Error Code : 401\n \n        Error Message: token runtime-123 expired'
        )
      },
      { ...env, ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-123' }
    )

    expect(await failure(getIdToken('api://AzureADTokenExchange'))).toBe(
      'Azure login for acme.azurecr.io with OIDC: GitHub did not issue an ID token: Failed to get ID Token. Error Code : 401 Error Message: token *** expired'
    )
  })
})

describe('acrOidcCredentials before any token is issued', () => {
  it('names the authority it cannot reach and what to check, after retrying', async () => {
    const port = await freePort()
    const mask = jest.fn<(s: string) => void>()
    const env = { AZURE_AUTHORITY_HOST: `https://127.0.0.1:${port}` }
    const waits: number[] = []
    const pacing = { policy: retryPolicy(2), sleep: async (ms: number) => void waits.push(ms) }

    const message = await failure(
      acrOidcCredentials(registry, azure, { mask, getIdToken: async () => ID_TOKEN, env, pacing })
    )

    expect(message).toBe(
      `Could not reach Entra ID at https://127.0.0.1:${port} after 3 attempts: ` +
        `GET /${TENANT}/v2.0/.well-known/openid-configuration failed: connect ECONNREFUSED 127.0.0.1:${port} (check AZURE_AUTHORITY_HOST and the network)`
    )
    expect(waits).toHaveLength(2)
    expect(message).not.toContain(ID_TOKEN)
    expect(mask.mock.calls).toEqual([[ID_TOKEN]])
  })

  it('says when the authority has a certificate Node does not trust', async () => {
    // This Jest process was not started with NODE_EXTRA_CA_CERTS, so the fixture is untrusted.
    const entra = await startEntra({
      certificate,
      tenantId: TENANT,
      clientId: CLIENT,
      trusts: { issued: [ID_TOKEN] },
      subject: DEFAULT_SUBJECT
    })
    try {
      const env = { AZURE_AUTHORITY_HOST: entra.url }
      const message = await failure(
        acrOidcCredentials(registry, azure, {
          mask: () => {},
          getIdToken: async () => ID_TOKEN,
          env
        })
      )

      expect(message).toBe(
        `Could not use Entra ID at ${entra.url} for tenant ${TENANT}: ` +
          `GET ${entra.url}/${TENANT}/v2.0/.well-known/openid-configuration failed: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)` +
          ` (Node does not trust its TLS certificate: add the CA with NODE_EXTRA_CA_CERTS) ${CHECKS}`
      )
      expect(entra.requests.filter((r) => r.method === 'POST')).toEqual([])
    } finally {
      await entra.close()
    }
  })

  it.each([
    [
      'http://login.example.test',
      'AZURE_AUTHORITY_HOST "http://login.example.test" must be an https URL'
    ],
    [
      'login.microsoftonline.com',
      'AZURE_AUTHORITY_HOST "login.microsoftonline.com" is not a URL (e.g. https://login.microsoftonline.com)'
    ]
  ])('rejects AZURE_AUTHORITY_HOST %s before sending the token', async (host, expected) => {
    const mask = jest.fn<(s: string) => void>()
    const env = { AZURE_AUTHORITY_HOST: host }

    expect(
      await failure(
        acrOidcCredentials(registry, azure, { mask, getIdToken: async () => ID_TOKEN, env })
      )
    ).toBe(expected)
  })

  it('passes on what identity says about a malformed tenant id, before any request', async () => {
    const mask = jest.fn<(s: string) => void>()
    const getIdToken = async (): Promise<string> => ID_TOKEN
    const tenantId = 'contoso tenant'

    expect(
      await failure(
        acrOidcCredentials(registry, { clientId: CLIENT, tenantId }, { mask, getIdToken })
      )
    ).toBe(
      `Azure login for client "${CLIENT}" in tenant "contoso tenant": Invalid tenant id provided.` +
        ' You can locate your tenant id by following the instructions listed here:' +
        ' https://learn.microsoft.com/partner-center/find-ids-and-domain-names.'
    )
  })
})
