import { afterEach, describe, expect, it, jest } from '@jest/globals'
import * as core from '@actions/core'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { closeServer, startGithubOidc } from '../../__fixtures__/services/github-oidc.js'
import {
  googleApiError,
  startGoogleIam,
  type GoogleIamOptions
} from '../../__fixtures__/services/google-iam.js'
import {
  ACCESS_TOKEN_TYPE,
  CLOUD_PLATFORM,
  JWT_TOKEN_TYPE,
  startGoogleSts,
  TOKEN_EXCHANGE,
  type GoogleStsOptions
} from '../../__fixtures__/services/google-sts.js'
import { freePort } from '../../__fixtures__/services/ports.js'
import { gcpOidcCredentials } from '../../src/credentials/gcp.js'
import { githubIdToken } from '../../src/credentials/github-oidc.js'

/**
 * The keyless Google login against the fixtures, with the real @actions/core
 * asking the runner's endpoint for the GitHub token and fetch speaking to
 * Google's STS and IAM Credentials API as they answer (loopback http, moved
 * there by TAGSHIP_GCP_STS_URL and TAGSHIP_GCP_IAM_CREDENTIALS_URL).
 */
const PROVIDER =
  'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme-app'
const ACCOUNT = 'publisher@acme-prod.iam.gserviceaccount.com'
const use = {
  login: 'Google login for europe-docker.pkg.dev',
  alternative: 'set gcp-credentials-json'
}
/** Retries without the wait: the policy's count, no sleeping. */
const pacing = { policy: { retries: 2, baseMs: 1, capMs: 1 }, sleep: async () => {} }

const cleanup: (() => Promise<void>)[] = []
const saved = { ...process.env }
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()))
  for (const name of ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'])
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
})

interface Setup {
  sts?: Partial<GoogleStsOptions>
  iam?: Partial<GoogleIamOptions>
  /** null: the federated token itself, no impersonation. */
  serviceAccount?: string | null
  env?: (urls: { sts: string; iam: string }) => Record<string, string>
}

/** Starts GitHub OIDC, STS and IAM (tweaked by `setup`) and logs in. */
async function login(setup: Setup = {}) {
  const oidc = await startGithubOidc()
  const sts = await startGoogleSts({ provider: PROVIDER, trusts: oidc, ...setup.sts })
  const iam = await startGoogleIam({ trusts: sts, impersonable: [ACCOUNT], ...setup.iam })
  cleanup.push(oidc.close, sts.close, iam.close)
  // @actions/core reads the runner's variables from the process environment.
  Object.assign(process.env, oidc.env)
  const masked: string[] = []
  const account = setup.serviceAccount === undefined ? ACCOUNT : setup.serviceAccount
  const env = {
    TAGSHIP_GCP_STS_URL: sts.url,
    TAGSHIP_GCP_IAM_CREDENTIALS_URL: iam.url,
    GITHUB_REPOSITORY: 'acme/app',
    ...setup.env?.({ sts: sts.url, iam: iam.url })
  }
  let credentials: Awaited<ReturnType<typeof gcpOidcCredentials>> | undefined
  let error: string | undefined
  const printed: string[] = []
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(
      ...String(chunk)
        .split(/\r?\n/)
        .filter((line) => line !== '')
    )
    return true
  })
  try {
    credentials = await gcpOidcCredentials(
      { workloadIdentityProvider: PROVIDER, ...(account ? { serviceAccount: account } : {}) },
      {
        mask: (s) => masked.push(s),
        getIdToken: githubIdToken(use, core.getIDToken, oidc.env),
        env,
        pacing
      }
    )
  } catch (e) {
    error = (e as Error).message
  } finally {
    write.mockRestore()
  }
  const secrets = () => [...oidc.issued, ...sts.issued, ...iam.issued]
  return { oidc, sts, iam, credentials, error, masked, secrets, printed }
}

function expectNoSecret(text: string | undefined, secrets: readonly string[]): void {
  expect(secrets.length).toBeGreaterThan(0)
  for (const secret of secrets) expect(text).not.toContain(secret)
}

describe('gcpOidcCredentials: GitHub OIDC, Google STS, IAM generateAccessToken', () => {
  it("logs in as oauth2accesstoken with the service account's token, masking each token as it arrives", async () => {
    const { oidc, sts, iam, credentials, masked, printed } = await login()
    const [idToken, federated, accessToken] = [oidc.issued[0]!, sts.issued[0]!, iam.issued[0]!]

    expect(credentials).toEqual({
      username: 'oauth2accesstoken',
      password: accessToken,
      expiresAt: new Date(iam.expireTimes[0]!)
    })
    expect(masked).toEqual([idToken, federated, accessToken])
    // @actions/core's own lines: the only one with a token is its mask of the ID token.
    expect(printed.filter((line) => line.includes(idToken))).toEqual([`::add-mask::${idToken}`])
    // The audience a provider accepts by default (google-github-actions/auth asks the same).
    expect(oidc.requests.map((r) => r.audience)).toEqual([`https://iam.googleapis.com/${PROVIDER}`])
    expect(sts.requests).toEqual([
      {
        method: 'POST',
        path: '/v1/token',
        contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
        authorization: undefined,
        fields: {
          grant_type: TOKEN_EXCHANGE,
          audience: `//iam.googleapis.com/${PROVIDER}`,
          scope: CLOUD_PLATFORM,
          requested_token_type: ACCESS_TOKEN_TYPE,
          subject_token_type: JWT_TOKEN_TYPE,
          subject_token: idToken
        }
      }
    ])
    expect(iam.requests).toEqual([
      {
        method: 'POST',
        path: `/v1/projects/-/serviceAccounts/${ACCOUNT}:generateAccessToken`,
        contentType: 'application/json',
        authorization: `Bearer ${federated}`,
        body: JSON.stringify({ scope: [CLOUD_PLATFORM] })
      }
    ])
  })

  it('logs in with the federated token itself when no service account is given', async () => {
    const before = Date.now()
    const { sts, iam, credentials, masked, oidc } = await login({ serviceAccount: null })

    expect(credentials?.username).toBe('oauth2accesstoken')
    expect(credentials?.password).toBe(sts.issued[0])
    expect(credentials!.expiresAt!.getTime() - before).toBeGreaterThan(3590_000)
    expect(masked).toEqual([oidc.issued[0], sts.issued[0]])
    expect(iam.requests).toEqual([])
  })

  it.each([
    [
      'a provider whose allowed audiences do not include the default',
      { allowedAudiences: ['https://example.com/custom'] },
      `Google STS refused the GitHub OIDC token for ${PROVIDER} (HTTP 400: invalid_grant: The audience in ID Token [https://iam.googleapis.com/${PROVIDER}] does not match the expected audience https://example.com/custom.):` +
        ` check the provider's issuer (https://token.actions.githubusercontent.com) and its allowed audiences: tagship asks GitHub for the default one, https://iam.googleapis.com/${PROVIDER}`
    ],
    [
      'a provider for another issuer',
      { issuer: 'https://gitlab.com' },
      `Google STS refused the GitHub OIDC token for ${PROVIDER} (HTTP 400: invalid_grant: The issuer in ID Token https://token.actions.githubusercontent.com does not match the expected ones: https://gitlab.com.):` +
        ` check the provider's issuer (https://token.actions.githubusercontent.com) and its allowed audiences: tagship asks GitHub for the default one, https://iam.googleapis.com/${PROVIDER}`
    ],
    [
      'an attribute condition that rejects the token',
      {
        condition: (claims: Record<string, unknown>) =>
          claims.sub === 'repo:acme/other:ref:refs/heads/main'
      },
      `Google STS refused the GitHub OIDC token for ${PROVIDER} (HTTP 400: unauthorized_client: The given credential is rejected by the attribute condition.):` +
        " check the provider's attribute condition: it must admit this workflow's token (e.g. assertion.repository == 'owner/repo')"
    ],
    [
      'a provider that does not exist',
      { provider: PROVIDER.replace('acme-app', 'acme-web') },
      `Google STS refused the GitHub OIDC token for ${PROVIDER} (HTTP 400: invalid_target: The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn't exist.):` +
        ' the pool or provider does not exist or is disabled: check gcp-workload-identity-provider'
    ]
  ])('explains STS refusing %s, asking once', async (_what, sts, message) => {
    const result = await login({ sts })

    expect(result.error).toBe(message)
    expect(result.sts.requests).toHaveLength(1)
    expect(result.iam.requests).toEqual([])
    expect(result.masked).toEqual([result.oidc.issued[0]])
    expectNoSecret(result.error, result.secrets())
  })

  it('says which role to grant when IAM denies iam.serviceAccounts.getAccessToken', async () => {
    const { error, sts, iam, masked, secrets } = await login({ iam: { impersonable: [] } })

    expect(error).toBe(
      `Google IAM Credentials refused generateAccessToken for ${ACCOUNT} (HTTP 403: PERMISSION_DENIED: Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).):` +
        ' grant principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/app' +
        ` the role roles/iam.workloadIdentityUser on ${ACCOUNT}, and check that gcp-service-account names an existing account`
    )
    expect(iam.requests).toHaveLength(1)
    expect(masked).toEqual([expect.any(String), sts.issued[0]])
    expectNoSecret(error, secrets())
  })

  it('says which API to enable when IAM Credentials is off in the project', async () => {
    const { error } = await login({
      iam: {
        refusal: () =>
          googleApiError(
            403,
            'PERMISSION_DENIED',
            'IAM Service Account Credentials API has not been used in project 123456789012 before or it is disabled.',
            [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' }]
          )
      }
    })

    expect(error).toBe(
      `Google IAM Credentials refused generateAccessToken for ${ACCOUNT} (HTTP 403: PERMISSION_DENIED: IAM Service Account Credentials API has not been used in project 123456789012 before or it is disabled.):` +
        ' enable the IAM Service Account Credentials API (iamcredentials.googleapis.com) in the project it names'
    )
  })

  it('retries a 5xx from STS and from IAM, then logs in', async () => {
    let stsCalls = 0
    let iamCalls = 0
    const { sts, iam, credentials } = await login({
      sts: {
        refusal: () =>
          stsCalls++ === 0 ? { status: 503, body: { error: 'temporarily_unavailable' } } : undefined
      },
      iam: {
        refusal: () =>
          iamCalls++ === 0
            ? googleApiError(500, 'INTERNAL', 'Internal error encountered.')
            : undefined
      }
    })

    expect(credentials?.password).toBe(iam.issued[0])
    expect(sts.requests).toHaveLength(2)
    expect(iam.requests).toHaveLength(2)
  })

  it('gives up after two retries of a 429', async () => {
    const { sts, error } = await login({
      sts: { refusal: () => ({ status: 429, body: { error: 'rate_limited' } }) }
    })

    expect(error).toBe(
      `Google STS at ${sts.url}/v1/token kept failing (HTTP 429) after 3 attempts: try again later`
    )
    expect(sts.requests).toHaveLength(3)
  })

  it('names the endpoint it cannot reach, after retrying', async () => {
    const port = await freePort()
    const { error, secrets } = await login({
      env: () => ({ TAGSHIP_GCP_STS_URL: `http://127.0.0.1:${port}` })
    })

    expect(error).toBe(
      `Could not reach Google STS at http://127.0.0.1:${port}/v1/token after 3 attempts: connect ECONNREFUSED 127.0.0.1:${port} (check the network, or TAGSHIP_GCP_STS_URL)`
    )
    expectNoSecret(error, secrets())
  })

  it('scrubs tokens that Google quotes back in a refusal', async () => {
    const result = await login({
      sts: {
        refusal: (fields) => ({
          status: 400,
          body: { error: 'invalid_grant', error_description: `Bad token ${fields.subject_token}` }
        })
      }
    })
    const echoed = await login({
      iam: {
        refusal: (request) =>
          googleApiError(401, 'UNAUTHENTICATED', `Rejected ${request.authorization}`)
      }
    })

    expect(result.error).toMatch(
      /\(HTTP 400: invalid_grant: Bad token \*\*\*\): check the provider's issuer/
    )
    expectNoSecret(result.error, result.secrets())
    expect(echoed.error).toBe(
      `Google IAM Credentials refused generateAccessToken for ${ACCOUNT} (HTTP 401: UNAUTHENTICATED: Rejected Bearer ***)`
    )
    expectNoSecret(echoed.error, echoed.secrets())
  })

  it('does not follow a redirect with the GitHub token', async () => {
    let followed = 0
    const elsewhere = createServer((_req, res) => {
      followed++
      res.writeHead(200).end('{}')
    })
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
    cleanup.push(() => closeServer(elsewhere))
    const target = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/v1/token`
    const { sts, error, secrets } = await login({
      sts: { refusal: () => ({ status: 307, body: {}, headers: { location: target } }) }
    })

    expect(error).toBe(
      `Google STS at ${sts.url}/v1/token answered with a redirect (HTTP 307); tagship sends tokens only to that URL: check TAGSHIP_GCP_STS_URL`
    )
    expect(followed).toBe(0)
    expectNoSecret(error, secrets())
  })

  it('says when an endpoint answers without a token', async () => {
    const { sts, error } = await login({
      sts: { refusal: () => ({ status: 200, body: { token_type: 'Bearer' } }) }
    })

    expect(error).toBe(
      `Google STS at ${sts.url}/v1/token answered HTTP 200 without an access_token: does TAGSHIP_GCP_STS_URL point at Google STS?`
    )
  })
})
