import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { KEY_EMAIL, serviceAccountKeyFile } from '../../__fixtures__/gcp-key.js'
import { parseAuthInputs } from '../../src/inputs/auth.js'
import { parseGcpInputs, parseGcpKey } from '../../src/inputs/gcp.js'

const PROVIDER =
  'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme-app'
const ACCOUNT = 'publisher@acme-prod.iam.gserviceaccount.com'
const gcp = (inputs: Record<string, string>) => parseGcpInputs((n) => inputs[n] ?? '')
const key = serviceAccountKeyFile()
const base64 = Buffer.from(key.text).toString('base64')
/** A key's text must never reach an error: none of its private key's lines does. */
const keyLines = key.privateKey.split('\n').filter((l) => l.length > 20)

describe('gcp inputs', () => {
  test.each([
    ['nothing', {}, undefined],
    [
      'a provider, trimmed',
      { 'gcp-workload-identity-provider': ` ${PROVIDER} ` },
      { workloadIdentityProvider: PROVIDER }
    ],
    [
      'a provider and a service account',
      { 'gcp-workload-identity-provider': PROVIDER, 'gcp-service-account': ACCOUNT },
      { workloadIdentityProvider: PROVIDER, serviceAccount: ACCOUNT }
    ],
    [
      "a service account's unique id",
      {
        'gcp-workload-identity-provider': PROVIDER,
        'gcp-service-account': '123456789012345678901'
      },
      { workloadIdentityProvider: PROVIDER, serviceAccount: '123456789012345678901' }
    ],
    [
      'a key',
      { 'gcp-credentials-json': key.text },
      {
        key: {
          username: '_json_key',
          password: key.text.trim(),
          clientEmail: KEY_EMAIL,
          privateKey: key.privateKey
        }
      }
    ]
  ])('%s', (_what, inputs, expected) => {
    expect(gcp(inputs)).toEqual(expected)
  })

  test('parseAuthInputs carries them as auth.gcp, and leaves gcp out when none is set', () => {
    const get = (inputs: Record<string, string>) => (n: string) => inputs[n] ?? ''
    expect(parseAuthInputs(get({ 'gcp-workload-identity-provider': PROVIDER })).gcp).toEqual({
      workloadIdentityProvider: PROVIDER
    })
    expect('gcp' in parseAuthInputs(get({}))).toBe(false)
  })

  const NOT_A_PROVIDER =
    "is not a workload identity provider's full resource name (projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>)"
  test.each([
    [
      'a project id for the number',
      PROVIDER.replace('123456789012', 'acme-prod'),
      `"${PROVIDER.replace('123456789012', 'acme-prod')}" ${NOT_A_PROVIDER}: use the project number, not the project id (gcloud projects describe <id> --format='value(projectNumber)')`
    ],
    [
      "STS's audience",
      `//iam.googleapis.com/${PROVIDER}`,
      `"//iam.googleapis.com/${PROVIDER}" ${NOT_A_PROVIDER}: drop the //iam.googleapis.com/ prefix`
    ],
    [
      "the GitHub token's audience",
      `https://iam.googleapis.com/${PROVIDER}`,
      `"https://iam.googleapis.com/${PROVIDER}" ${NOT_A_PROVIDER}: drop the https://iam.googleapis.com/ prefix`
    ],
    [
      'a pool',
      'projects/123456789012/locations/global/workloadIdentityPools/github',
      `"projects/123456789012/locations/global/workloadIdentityPools/github" ${NOT_A_PROVIDER}: that is a pool: add /providers/<provider>`
    ],
    [
      "the provider's id alone",
      'acme-app',
      `"acme-app" ${NOT_A_PROVIDER}: copy it from gcloud iam workload-identity-pools providers describe <provider> --workload-identity-pool=<pool> --location=global --format='value(name)'`
    ]
  ])('rejects %s as gcp-workload-identity-provider', (_what, provider, message) => {
    expect(messageOf(() => gcp({ 'gcp-workload-identity-provider': provider }))).toBe(
      `gcp-workload-identity-provider: ${message}`
    )
  })

  test.each([
    [
      'a service account that is no email',
      { 'gcp-workload-identity-provider': PROVIDER, 'gcp-service-account': 'publisher' },
      'gcp-service-account: "publisher" is not a service account: give its email, e.g. publisher@acme-prod.iam.gserviceaccount.com'
    ],
    [
      'a service account without a provider',
      { 'gcp-service-account': ACCOUNT },
      'gcp-service-account: is set without gcp-workload-identity-provider: set the provider whose federated identity impersonates it'
    ],
    [
      'a service account with a key',
      { 'gcp-service-account': ACCOUNT, 'gcp-credentials-json': key.text },
      'gcp-service-account: is set with gcp-credentials-json, whose key logs in as its own account (client_email): remove gcp-service-account'
    ],
    [
      'a provider with a key',
      { 'gcp-workload-identity-provider': PROVIDER, 'gcp-credentials-json': key.text },
      'gcp-credentials-json: is set together with gcp-workload-identity-provider: use one of them (the keyless one needs no stored secret)'
    ]
  ])('rejects %s', (_what, inputs, message) => {
    const error = messageOf(() => gcp(inputs))
    expect(error).toBe(message)
    for (const line of keyLines) expect(error).not.toContain(line)
  })
})

describe('gcp-credentials-json', () => {
  test.each([
    ['the key file as downloaded', key.text.trim(), '_json_key', key.text.trim()],
    [
      'the key file on one line',
      JSON.stringify(JSON.parse(key.text)),
      '_json_key',
      JSON.stringify(JSON.parse(key.text))
    ],
    ['its base64', base64, '_json_key_base64', base64],
    [
      'its base64 wrapped at 76 columns',
      base64.replace(/.{76}/g, '$&\n'),
      '_json_key_base64',
      base64
    ]
  ])('%s logs in as its user', (_what, text, username, password) => {
    expect(parseGcpKey(text)).toEqual({
      username,
      password,
      clientEmail: KEY_EMAIL,
      privateKey: key.privateKey
    })
  })

  const broken = key.text.replace('"type"', 'type')
  test.each([
    [
      'broken JSON',
      broken,
      'gcp-credentials-json: is neither a JSON service-account key nor base64 of one: give the key file as downloaded (gcloud iam service-accounts keys create), from a secret'
    ],
    [
      'base64 of broken JSON',
      Buffer.from(broken).toString('base64'),
      'gcp-credentials-json: is neither a JSON service-account key nor base64 of one: give the key file as downloaded (gcloud iam service-accounts keys create), from a secret'
    ],
    [
      'a path instead of the content',
      '/home/runner/key.json',
      'gcp-credentials-json: is neither a JSON service-account key nor base64 of one: give the key file as downloaded (gcloud iam service-accounts keys create), from a secret'
    ],
    [
      "google-github-actions/auth's credentials file",
      JSON.stringify({ type: 'external_account', audience: `//iam.googleapis.com/${PROVIDER}` }),
      'gcp-credentials-json: is a Workload Identity Federation credential configuration (type external_account), not a key: set gcp-workload-identity-provider (and gcp-service-account) instead'
    ],
    [
      "a user's application default credentials",
      JSON.stringify({ type: 'authorized_user', client_id: 'x', refresh_token: 'y' }),
      'gcp-credentials-json: is a credential of type authorized_user, not a service-account key (type service_account): create one with gcloud iam service-accounts keys create'
    ],
    [
      'a JSON array',
      '[1, 2]',
      'gcp-credentials-json: is neither a JSON service-account key nor base64 of one: give the key file as downloaded (gcloud iam service-accounts keys create), from a secret'
    ],
    [
      'a key without client_email',
      serviceAccountKeyFile({ client_email: undefined }).text,
      'gcp-credentials-json: is a service-account key without client_email: use the key file as downloaded'
    ],
    [
      'a key without private_key',
      serviceAccountKeyFile({ private_key: '' }).text,
      `gcp-credentials-json: is the key of ${KEY_EMAIL} without its private_key: use the key file as downloaded`
    ]
  ])('%s is rejected without showing the key', (_what, text, message) => {
    const error = messageOf(() => parseGcpKey(text.trim()))
    expect(error).toBe(message)
    for (const line of keyLines) expect(error).not.toContain(line)
  })
})
