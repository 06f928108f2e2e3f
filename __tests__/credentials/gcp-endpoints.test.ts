import { describe, expect, jest, test } from '@jest/globals'
import { rejectionOf } from '../../__fixtures__/errors.js'
import { gcpOidcCredentials } from '../../src/credentials/gcp.js'

/**
 * TAGSHIP_GCP_STS_URL and TAGSHIP_GCP_IAM_CREDENTIALS_URL (Private Service
 * Connect, or a test's fixtures) are checked before GitHub is asked for a
 * token: https, or plain http on loopback; a root URL with no query or
 * credentials.
 */
const gcp = {
  workloadIdentityProvider:
    'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme-app',
  serviceAccount: 'publisher@acme-prod.iam.gserviceaccount.com'
}

describe('Google endpoint variables', () => {
  test.each([
    [
      { TAGSHIP_GCP_STS_URL: 'http://sts-acme.p.googleapis.com' },
      'TAGSHIP_GCP_STS_URL "http://sts-acme.p.googleapis.com" must be an https URL (plain http only on loopback)'
    ],
    [
      { TAGSHIP_GCP_STS_URL: 'sts-acme.p.googleapis.com' },
      'TAGSHIP_GCP_STS_URL "sts-acme.p.googleapis.com" is not a URL (e.g. https://sts.googleapis.com)'
    ],
    [
      { TAGSHIP_GCP_IAM_CREDENTIALS_URL: 'https://iamcredentials.googleapis.com/?alt=json' },
      'TAGSHIP_GCP_IAM_CREDENTIALS_URL "https://iamcredentials.googleapis.com/?alt=json" must be the service\'s root URL, with no query or fragment (e.g. https://iamcredentials.googleapis.com)'
    ],
    [
      { TAGSHIP_GCP_STS_URL: 'https://user:hunter22@sts.corp.example' },
      "TAGSHIP_GCP_STS_URL must not hold credentials: give the service's root URL (e.g. https://sts.googleapis.com)"
    ]
  ])('%j fails before any token is asked for', async (env, message) => {
    const getIdToken = jest.fn(async (_audience: string) => 'never')
    const mask = jest.fn<(s: string) => void>()

    expect(await rejectionOf(() => gcpOidcCredentials(gcp, { mask, getIdToken, env }))).toBe(
      message
    )
    expect(getIdToken).not.toHaveBeenCalled()
    expect(mask).not.toHaveBeenCalled()
  })

  test('the GitHub token failure is passed on as it is, after the endpoints are checked', async () => {
    const getIdToken = jest.fn(async (_audience: string) => {
      throw new Error(
        'Google login for gcr.io with OIDC needs `permissions: id-token: write` in the job'
      )
    })
    const env = {
      TAGSHIP_GCP_STS_URL: 'https://sts-acme.p.googleapis.com/',
      TAGSHIP_GCP_IAM_CREDENTIALS_URL: 'http://127.0.0.1:9'
    }

    expect(
      await rejectionOf(() => gcpOidcCredentials(gcp, { mask: () => {}, getIdToken, env }))
    ).toBe('Google login for gcr.io with OIDC needs `permissions: id-token: write` in the job')
    expect(getIdToken.mock.calls).toEqual([
      [`https://iam.googleapis.com/${gcp.workloadIdentityProvider}`]
    ])
  })
})
