import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { KEY_EMAIL, serviceAccountKeyFile } from '../../__fixtures__/gcp-key.js'
import { rejectedMessage } from '../../src/credentials/login-messages.js'
import { describeCredentials, planLogins } from '../../src/credentials/login-plan.js'
import { parseAuthInputs } from '../../src/inputs/auth.js'
import { parseProviders } from '../../src/inputs/providers.js'
import { detectProvider, providerName } from '../../src/registry/provider.js'
import { render } from '../../src/shared/words.js'

/** Google Artifact Registry and gcr.io: detection, and how their logins are planned. */
const PROVIDER =
  'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme-app'
const ACCOUNT = 'publisher@acme-prod.iam.gserviceaccount.com'
const GAR = 'europe-west1-docker.pkg.dev'
const auth = (inputs: Record<string, string>) => parseAuthInputs((n) => inputs[n] ?? '')
const push = (registry: string) => [{ registry, push: true }]
const key = serviceAccountKeyFile()

describe('Google registry hosts', () => {
  test.each([
    ['europe-west1-docker.pkg.dev', 'gar'],
    ['us-docker.pkg.dev', 'gar'],
    ['northamerica-northeast1-docker.pkg.dev', 'gar'],
    ['US-CENTRAL1-DOCKER.PKG.DEV', 'gar'],
    ['gcr.io', 'gar'],
    ['eu.gcr.io', 'gar'],
    ['asia.gcr.io', 'gar'],
    ['europe-west1-python.pkg.dev', 'generic'],
    ['docker.pkg.dev', 'generic'],
    ['-docker.pkg.dev', 'generic'],
    ['gcr.io.evil.com', 'generic'],
    ['notgcr.io', 'generic'],
    ['europe-west1-docker.pkg.dev.evil.com', 'generic']
  ])('%s is %s', (host, kind) => {
    expect(detectProvider(host)).toEqual({ kind })
  })

  test('are called Google Artifact Registry, and registry-providers takes gar', () => {
    expect(providerName({ kind: 'gar' })).toBe('Google Artifact Registry')
    expect(parseProviders('127.0.0.1:5000=gar')).toEqual(
      new Map([['127.0.0.1:5000', { kind: 'gar' }]])
    )
    expect(messageOf(() => parseProviders('127.0.0.1:5000=gar:europe'))).toBe(
      'registry-providers: line 1: "gar:europe" is not a provider: use dockerhub, ecr:<account>:<region>, ecr-public, acr:<name>, gar, ghcr or generic'
    )
  })
})

describe('planLogins for Google registries', () => {
  test.each([
    [
      'GitHub OIDC, impersonating a service account',
      { 'gcp-workload-identity-provider': PROVIDER, 'gcp-service-account': ACCOUNT },
      { kind: 'gcp-oidc', workloadIdentityProvider: PROVIDER, serviceAccount: ACCOUNT },
      `GitHub OIDC for Workload Identity provider ${PROVIDER}, exchanged for an access token of ${ACCOUNT}`
    ],
    [
      'GitHub OIDC, with the federated token',
      { 'gcp-workload-identity-provider': PROVIDER },
      { kind: 'gcp-oidc', workloadIdentityProvider: PROVIDER },
      `GitHub OIDC for Workload Identity provider ${PROVIDER}, exchanged for a federated access token`
    ],
    [
      'a service-account key',
      { 'gcp-credentials-json': key.text },
      {
        kind: 'gcp-key',
        key: {
          username: '_json_key',
          password: key.text.trim(),
          clientEmail: KEY_EMAIL,
          privateKey: key.privateKey
        }
      },
      `_json_key for ${KEY_EMAIL} (from gcp-credentials-json)`
    ],
    [
      "google-github-actions/auth's access_token in registry-auth",
      {
        'gcp-workload-identity-provider': PROVIDER,
        'registry-auth': `- registry: ${GAR}\n  username: oauth2accesstoken\n  password: ya29.a0AfH6SM-token`
      },
      {
        kind: 'static',
        username: 'oauth2accesstoken',
        password: 'ya29.a0AfH6SM-token',
        from: 'registry-auth'
      },
      'oauth2accesstoken (from registry-auth)'
    ]
  ])('%s', (_what, inputs, credentials, described) => {
    const [step] = planLogins(push(GAR), auth(inputs))
    expect(step).toEqual({ registry: GAR, provider: { kind: 'gar' }, credentials, push: true })
    expect(describeCredentials(step!.credentials)).toBe(described)
  })

  test('a loopback registry declared gar logs in as Google does', () => {
    const [step] = planLogins(
      push('127.0.0.1:5000'),
      auth({
        'registry-providers': '127.0.0.1:5000=gar',
        'gcp-workload-identity-provider': PROVIDER
      })
    )
    expect(step!.credentials).toEqual({ kind: 'gcp-oidc', workloadIdentityProvider: PROVIDER })
  })

  test('a Google registry only read from may be anonymous (a public repository)', () => {
    expect(planLogins([{ registry: 'gcr.io', push: false }], auth({}))[0]!.credentials).toEqual({
      kind: 'anonymous'
    })
  })

  test('pushing with no credentials names the three ways, before any network call', () => {
    expect(messageOf(() => planLogins(push(GAR), auth({})))).toBe(
      `images: ${GAR} is Google Artifact Registry and no credentials were given for it:` +
        ' set gcp-workload-identity-provider (GitHub OIDC, with permissions: id-token: write; and gcp-service-account to impersonate one),' +
        ' set gcp-credentials-json (a service-account key),' +
        " or add it to registry-auth with username oauth2accesstoken and an access token (google-github-actions/auth's access_token output)"
    )
  })

  test.each([
    [
      'an impersonated service account',
      { 'gcp-workload-identity-provider': PROVIDER, 'gcp-service-account': ACCOUNT },
      `Google Artifact Registry (${GAR}) rejected the access token of ${ACCOUNT}: grant it roles/artifactregistry.writer on the repository (or its project)`
    ],
    [
      'the federated identity',
      { 'gcp-workload-identity-provider': PROVIDER },
      `Google Artifact Registry (${GAR}) rejected the federated access token of ${PROVIDER}: grant the pool's principal roles/artifactregistry.writer on the repository, or set gcp-service-account to impersonate an account that has it`
    ],
    [
      'a key',
      { 'gcp-credentials-json': key.text },
      `Google Artifact Registry (${GAR}) rejected the key of ${KEY_EMAIL}: check gcp-credentials-json (a deleted or disabled key is refused) and that the account has roles/artifactregistry.writer`
    ]
  ])('a refused login with %s says what to grant', (_what, inputs, message) => {
    const [step] = planLogins(push(GAR), auth(inputs))
    expect(render(rejectedMessage(step!))).toBe(message)
  })
})
