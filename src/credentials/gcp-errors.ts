import { oneLine } from '../shared/errors.js'
import { named, WordedError, words, type Words } from '../shared/words.js'

/** Which Google service a call went to, for its messages. */
export interface GoogleCall {
  /** `Google STS`, `Google IAM Credentials` */
  readonly service: string
  readonly url: string
  /** The variable that moves the endpoint: `TAGSHIP_GCP_STS_URL`. */
  readonly variable: string
}

/** What a Google error body says: OAuth's `{error, error_description}` or the APIs' `{error: {code, status, message, details}}`. */
interface GoogleError {
  readonly code?: string
  readonly text: string
  readonly reason?: string
  readonly permission?: string
}

/**
 * What to do about STS's refusals. STS answers in OAuth's words (RFC 8693):
 * invalid_grant for a token the provider does not accept (issuer, audience,
 * validity), unauthorized_client when the attribute condition rejects it,
 * invalid_target for a pool or provider that is missing or disabled.
 */
function stsHint(code: string | undefined, provider: string): Words | undefined {
  switch (code) {
    case 'invalid_grant':
      return words`check the provider's issuer (https://token.actions.githubusercontent.com) and its allowed audiences: tagship asks GitHub for the default one, https://iam.googleapis.com/${provider}`
    case 'unauthorized_client':
      return words`check the provider's attribute condition: it must admit this workflow's token (e.g. assertion.repository == 'owner/repo')`
    case 'invalid_target':
      return words`the pool or provider does not exist or is disabled: check ${named('gcp-workload-identity-provider')}`
    case 'invalid_request':
      return words`check ${named('gcp-workload-identity-provider')}`
    default:
      return undefined
  }
}

/** STS refused the GitHub token: one line with Google's reason and the fix. */
export function stsRefusal(
  call: GoogleCall,
  provider: string,
  status: number,
  body: string
): WordedError {
  const error = googleError(body)
  const hint = stsHint(error.code, provider)
  return new WordedError([
    `${call.service} refused the GitHub OIDC token for ${provider} (HTTP ${status}: ${error.text})`,
    ...(hint ? [': ', ...hint] : [])
  ])
}

/** IAM refused to mint the service account's token: one line with Google's reason and the fix. */
export function iamRefusal(
  call: GoogleCall,
  target: { serviceAccount: string; provider: string; repository?: string | undefined },
  status: number,
  body: string
): WordedError {
  const error = googleError(body)
  const account = target.serviceAccount
  const said = `${call.service} refused generateAccessToken for ${account} (HTTP ${status}: ${error.text})`
  let hint: Words | undefined
  if (
    error.reason === 'SERVICE_DISABLED' ||
    /has not been used in project|is disabled/.test(error.text)
  ) {
    hint = words`enable the IAM Service Account Credentials API (iamcredentials.googleapis.com) in the project it names`
  } else if (
    status === 403 &&
    (error.permission === 'iam.serviceAccounts.getAccessToken' ||
      error.text.includes('iam.serviceAccounts.getAccessToken'))
  ) {
    const pool = target.provider.replace(/\/providers\/[^/]+$/, '')
    const repository = target.repository || '<owner>/<repo>'
    hint = words`grant principalSet://iam.googleapis.com/${pool}/attribute.repository/${repository} the role roles/iam.workloadIdentityUser on ${account}, and check that ${named('gcp-service-account')} names an existing account`
  } else if (status === 404 || error.code === 'NOT_FOUND') {
    hint = words`check ${named('gcp-service-account')}: there is no such service account`
  } else if (status === 400) {
    hint = words`check ${named('gcp-service-account')}`
  }
  return new WordedError([said, ...(hint ? [': ', ...hint] : [])])
}

function googleError(body: string): GoogleError {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    const text = oneLine(body)
    return { text: text === '' ? 'no error body' : text.slice(0, 300) }
  }
  const error = (json as { error?: unknown; error_description?: unknown } | null)?.error
  if (typeof error === 'string') {
    const description = (json as { error_description?: unknown }).error_description
    return {
      code: error,
      text: typeof description === 'string' ? `${error}: ${oneLine(description)}` : error
    }
  }
  if (typeof error === 'object' && error !== null) {
    const e = error as { status?: unknown; message?: unknown; details?: unknown }
    const info = Array.isArray(e.details)
      ? (e.details as { reason?: unknown; metadata?: { permission?: unknown } }[]).find(
          (d) => typeof d?.reason === 'string'
        )
      : undefined
    const status = typeof e.status === 'string' ? e.status : undefined
    const message = typeof e.message === 'string' ? oneLine(e.message) : ''
    return {
      ...(status && { code: status }),
      text: [status, message].filter((s) => s).join(': ') || 'no error message',
      ...(typeof info?.reason === 'string' && { reason: info.reason }),
      ...(typeof info?.metadata?.permission === 'string' && {
        permission: info.metadata.permission
      })
    }
  }
  return { text: oneLine(body).slice(0, 300) }
}
