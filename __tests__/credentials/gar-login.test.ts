import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { KEY_EMAIL, serviceAccountKeyFile } from '../../__fixtures__/gcp-key.js'
import { runLogins, secretsShown } from '../../__fixtures__/login-run.js'
import { startGithubOidc, type GithubOidc } from '../../__fixtures__/services/github-oidc.js'
import { startGoogleIam, type GoogleIam } from '../../__fixtures__/services/google-iam.js'
import { startGoogleSts, type GoogleSts } from '../../__fixtures__/services/google-sts.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { keySecrets } from '../../src/credentials/gcp-key.js'
import { parseGcpKey } from '../../src/inputs/gcp.js'

/**
 * Google Artifact Registry's three logins, end to end in this process: a
 * token-auth Distribution registry made GAR by registry-providers, whose
 * realm takes what Artifact Registry's does (oauth2accesstoken with an
 * access token from the Google fixtures, _json_key with the key file,
 * _json_key_base64 with its base64); GitHub OIDC, STS and IAM on loopback.
 */
const PROVIDER =
  'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme-app'
const ACCOUNT = 'publisher@acme-prod.iam.gserviceaccount.com'
const key = serviceAccountKeyFile()
const base64 = Buffer.from(key.text).toString('base64')
/** The access token the realm takes for oauth2accesstoken, as the test in progress decides. */
let accepted = (): string => 'no token yet'

let oidc: GithubOidc
let sts: GoogleSts
let iam: GoogleIam
let gar: Registry

beforeAll(async () => {
  oidc = await startGithubOidc()
  sts = await startGoogleSts({ provider: PROVIDER, trusts: oidc })
  iam = await startGoogleIam({ trusts: sts, impersonable: [ACCOUNT] })
  gar = await startRegistry({
    auth: 'token',
    users: [
      {
        username: 'oauth2accesstoken',
        get password() {
          return accepted()
        }
      },
      { username: '_json_key', password: key.text.trim() },
      { username: '_json_key_base64', password: base64 }
    ]
  })
}, 60_000)
afterAll(async () => {
  await Promise.all([gar?.stop(), oidc?.close(), sts?.close(), iam?.close()])
})

const login = (inputs: Record<string, string>) => {
  gar.tokenServer!.clearRequests()
  return runLogins(
    [{ registry: gar.host, push: true }],
    { 'registry-providers': `${gar.host}=gar`, ...inputs },
    {
      ...oidc.env,
      TAGSHIP_GCP_STS_URL: sts.url,
      TAGSHIP_GCP_IAM_CREDENTIALS_URL: iam.url,
      GITHUB_REPOSITORY: 'acme/app'
    }
  )
}

const realm = () =>
  gar.tokenServer!.requests().map((r) => `${r.authorization} ${r.account ?? '-'} ${r.status}`)
const allTokens = () => [...oidc.issued, ...sts.issued, ...iam.issued]

describe('Google Artifact Registry logins', () => {
  it("GitHub OIDC: logs in with the service account's access token", async () => {
    accepted = () => iam.issued.at(-1) ?? 'none'
    const run = await login({
      'gcp-workload-identity-provider': PROVIDER,
      'gcp-service-account': ACCOUNT
    })

    expect(run.failure).toBeUndefined()
    const token = iam.issued.at(-1)!
    expect(run.lines).toEqual([
      `group: Login to ${gar.host}`,
      `info: ${gar.host} (Google Artifact Registry): GitHub OIDC for Workload Identity provider ${PROVIDER}, exchanged for an access token of ${ACCOUNT}`,
      `info: Logged in to ${gar.host} as oauth2accesstoken (GitHub OIDC, Google STS and IAM generateAccessToken, valid until ${new Date(iam.expireTimes.at(-1)!).toISOString()})`
    ])
    expect(run.masked).toEqual(
      expect.arrayContaining([oidc.issued.at(-1), sts.issued.at(-1), token])
    )
    expect(realm()).toEqual(['basic oauth2accesstoken 200'])
    expect(secretsShown(run, allTokens())).toEqual([])
  })

  it('GitHub OIDC without a service account: logs in with the federated token', async () => {
    accepted = () => sts.issued.at(-1) ?? 'none'
    const impersonations = iam.requests.length
    const run = await login({ 'gcp-workload-identity-provider': PROVIDER })

    expect(run.failure).toBeUndefined()
    expect(run.lines.at(-1)).toMatch(
      new RegExp(
        `^info: Logged in to ${gar.host} as oauth2accesstoken \\(GitHub OIDC and Google STS, valid until `
      )
    )
    expect(iam.requests).toHaveLength(impersonations)
    expect(realm()).toEqual(['basic oauth2accesstoken 200'])
    expect(secretsShown(run, allTokens())).toEqual([])
  })

  it.each([
    ['the key file', '_json_key', key.text],
    ['its base64', '_json_key_base64', base64]
  ])(
    'gcp-credentials-json: logs in with %s as %s, the key masked piece by piece',
    async (_what, user, text) => {
      const run = await login({ 'gcp-credentials-json': text })

      expect(run.failure).toBeUndefined()
      expect(run.lines).toEqual([
        `group: Login to ${gar.host}`,
        `info: ${gar.host} (Google Artifact Registry): ${user} for ${KEY_EMAIL} (from gcp-credentials-json)`,
        `info: Logged in to ${gar.host} as ${user} (gcp-credentials-json)`
      ])
      const pieces = keySecrets(parseGcpKey(text.trim()))
      expect(run.masked).toEqual(expect.arrayContaining(pieces))
      expect(realm()).toEqual([`basic ${user} 200`])
      expect(secretsShown(run, pieces)).toEqual([])
    }
  )

  it("keeps taking google-github-actions/auth's access_token through registry-auth", async () => {
    const token = 'ya29.c.from-an-earlier-step'
    accepted = () => token
    const run = await login({
      'registry-auth': `- registry: ${gar.host}\n  username: oauth2accesstoken\n  password: ${token}\n`
    })

    expect(run.failure).toBeUndefined()
    expect(run.lines.at(-1)).toBe(
      `info: Logged in to ${gar.host} as oauth2accesstoken (registry-auth)`
    )
    expect(realm()).toEqual(['basic oauth2accesstoken 200'])
    expect(secretsShown(run, [token])).toEqual([])
  })

  it('a key the registry does not take says which key and what to check', async () => {
    const other = serviceAccountKeyFile()
    const run = await login({ 'gcp-credentials-json': other.text })

    expect(run.lines.filter((l) => l.startsWith('error: '))).toEqual([
      `error: Google Artifact Registry (${gar.host}) rejected the key of ${KEY_EMAIL}: check gcp-credentials-json (a deleted or disabled key is refused) and that the account has roles/artifactregistry.writer`
    ])
    expect(run.failure).toBe(
      `could not log in to 1 of 1 registries (${gar.host}): nothing was pushed`
    )
    expect(secretsShown(run, keySecrets(parseGcpKey(other.text.trim())))).toEqual([])
  })

  it('a refused impersonation fails the login with the role to grant, and no token shown', async () => {
    const run = await login({
      'gcp-workload-identity-provider': PROVIDER,
      'gcp-service-account': 'builder@acme-prod.iam.gserviceaccount.com'
    })

    expect(run.lines.filter((l) => l.startsWith('error: '))).toEqual([
      'error: Google IAM Credentials refused generateAccessToken for builder@acme-prod.iam.gserviceaccount.com' +
        " (HTTP 403: PERMISSION_DENIED: Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).):" +
        ' grant principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/app' +
        ' the role roles/iam.workloadIdentityUser on builder@acme-prod.iam.gserviceaccount.com, and check that gcp-service-account names an existing account'
    ])
    expect(realm()).toEqual([])
    expect(secretsShown(run, allTokens())).toEqual([])
  })
})
