import { errorChain } from '../shared/errors.js'
import { attemptsText, isRetryableStatus } from '../shared/retry.js'
import { ECRClient, GetAuthorizationTokenCommand } from '@aws-sdk/client-ecr'
import {
  awsSession,
  NoCredentials,
  SourceFailed,
  type AwsLoginOptions,
  type AwsSession,
  type AwsTarget
} from './aws-client.js'
import { scrubSecrets } from '../shared/scrub.js'
import type { AwsInputs } from '../inputs/auth.js'
import type { BasicCredentials, MaskSecret } from '../distribution/credentials.js'

/** An ECR private registry, as `detectProvider` reads it from the host. */
export interface EcrRegistry {
  readonly account: string
  readonly region: string
  /** The host as written in the image reference, for messages; the standard form by default. */
  readonly host?: string
}

export type EcrCredentials = BasicCredentials & {
  /** When ECR says the password stops working (12 hours after issue). */
  readonly expiresAt?: Date
  /**
   * The caller's own registry, as ECR reports it. Log in to the host being
   * pushed to instead: for another account, a FIPS or a dual-stack host it differs.
   */
  readonly proxyEndpoint?: string
}

/**
 * Username and password for an ECR private registry, from GetAuthorizationToken
 * in the registry's region (a token works only in the region that issued it).
 *
 * No `registryIds` are sent: the token is good for every registry in that
 * region the principal may reach, other accounts' included (their repository
 * policies decide), and the parameter is deprecated. Naming the other account
 * would only change `proxyEndpoint`, which tagship does not log in to.
 */
export async function ecrCredentials(
  registry: EcrRegistry,
  aws: AwsInputs,
  options: AwsLoginOptions
): Promise<EcrCredentials> {
  const host = registry.host ?? `${registry.account}.dkr.ecr.${registry.region}.amazonaws.com`
  const target: AwsTarget = {
    label: `Amazon ECR ${host}`,
    api: 'ECR',
    endpointId: 'ECR',
    permissions: ['ecr:GetAuthorizationToken'],
    region: registry.region
  }
  const session = awsSession(target, aws, options)
  const client = new ECRClient(session.clientConfig)
  try {
    const { authorizationData } = await client
      .send(new GetAuthorizationTokenCommand({}))
      .catch((error: unknown) => Promise.reject(explainAwsError(error, target, session)))
    const data = authorizationData?.[0]
    const login = decodeAuthorizationToken(data?.authorizationToken, target, session, options.mask)
    return { ...login, expiresAt: data?.expiresAt, proxyEndpoint: data?.proxyEndpoint }
  } finally {
    client.destroy()
  }
}

const NO_CREDENTIALS =
  'no AWS credentials found: set aws-access-key-id and aws-secret-access-key, or run aws-actions/configure-aws-credentials before tagship'

/** The registry's username and password from a base64 `user:password` token, both masked first. */
export function decodeAuthorizationToken(
  token: string | undefined,
  target: AwsTarget,
  session: AwsSession,
  mask: MaskSecret
): BasicCredentials {
  if (!token) throw new Error(`${target.label}: ${target.api} returned no authorization token`)
  mask(token)
  session.secrets.push(token)
  const decoded = Buffer.from(token, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  const password = decoded.slice(colon + 1)
  if (colon < 1 || !password) {
    throw new Error(
      `${target.label}: the token ${target.api} returned is not a base64 user:password`
    )
  }
  mask(password)
  session.secrets.push(password)
  return { username: decoded.slice(0, colon), password }
}

/** One line a person can act on, with no secret in it, for any failure of a login call. */
export function explainAwsError(
  error: unknown,
  target: AwsTarget,
  session: AwsSession,
  operation = 'GetAuthorizationToken'
): Error {
  const message = `${target.label}: ${reason(error, target, session, operation)}`
  return new Error(scrubSecrets(message, session.secrets).replace(/\s+/g, ' ').trim())
}

function reason(error: unknown, target: AwsTarget, session: AwsSession, operation: string): string {
  if (error instanceof NoCredentials) return NO_CREDENTIALS
  if (error instanceof SourceFailed) {
    const trust = ['AccessDenied', 'InvalidIdentityToken', 'IDPRejectedClaim']
    const inner = facts(error.error)
    const hint =
      error.source.startsWith('web identity') && trust.includes(inner.name)
        ? ": check that the role's trust policy accepts this job's OIDC token (issuer, audience, subject)"
        : ''
    // STS retried a failure worth retrying: say how often.
    const tries = transient(inner) ? ` after ${attemptsText(inner.attempts)}` : ''
    return `could not get AWS credentials from ${error.source}${tries} (${said(error.error)})${hint}`
  }
  const f = facts(error)
  const { name, code, attempts } = f
  const from = session.source ?? 'the AWS credential chain'
  const aws = `AWS said: ${said(error)}`
  const tries = `after ${attemptsText(attempts)}`
  switch (name) {
    case 'AccessDeniedException':
    case 'AccessDenied': {
      const named = target.permissions.filter((p) => said(error).includes(p))
      const needed = (named.length ? named : target.permissions).map((p) => `"${p}"`).join(' and ')
      const both =
        target.permissions.length > 1 && named.length === 1
          ? ` (${target.api} needs ${target.permissions.map((p) => `"${p}"`).join(' and ')})`
          : ''
      return `access denied: allow ${needed} on resource "*" for the AWS identity from ${from}${both}; ${aws}`
    }
    case 'UnrecognizedClientException':
    case 'InvalidClientTokenId':
      return `AWS does not recognise the access key from ${from}: check the key ID, and pass the session token with temporary keys; ${aws}`
    case 'InvalidSignatureException':
    case 'SignatureDoesNotMatch':
      return `AWS rejected the signature made with the credentials from ${from}: the secret access key does not belong to the key ID, or the runner's clock is wrong; ${aws}`
    case 'ExpiredTokenException':
    case 'ExpiredToken':
      return `the AWS session token from ${from} has expired: get fresh credentials (re-run aws-actions/configure-aws-credentials) before tagship; ${aws}`
  }
  if (code || name === 'TimeoutError') {
    const where = session.endpoint
      ? `at ${session.endpoint.url} (set by ${session.endpoint.variable})`
      : `in ${target.region}`
    return `cannot reach the ${target.api} API ${where} ${tries} (${said(error)}): check the runner's network access to it`
  }
  if (transient(f)) {
    return `the ${target.api} API kept failing (${said(error)}) ${tries}: try again later`
  }
  return `${target.api} ${operation} failed (${said(error)})`
}

const NETWORK_CODE =
  /\b(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN)\b/

/**
 * The SDK's retry layer replaces a thrown value that is not an Error of its
 * own realm (a socket error under a VM sandbox, say) with this wrapper, which
 * keeps only the original's text.
 */
const SDK_WRAPPER = /^AWS SDK error wrapper for /

/** What a failure says about itself (by shape: see errorChain), and what the SDK adds. */
function facts(error: unknown) {
  const [shape = {}] = errorChain(error)
  const sdk = (typeof error === 'object' && error !== null ? error : {}) as {
    $fault?: unknown
    $metadata?: { attempts?: number; httpStatusCode?: number }
  }
  const message = shape.message ?? String(error)
  return {
    name: shape.name ?? typeof error,
    message,
    /** The network failure, if it is one: from `code`, or from the text of a wrapped error. */
    code:
      NETWORK_CODE.exec(shape.code ?? '')?.[1] ??
      (SDK_WRAPPER.test(message) ? NETWORK_CODE.exec(message)?.[1] : undefined),
    fault: sdk.$fault,
    status: sdk.$metadata?.httpStatusCode,
    attempts: sdk.$metadata?.attempts ?? 1
  }
}

/** A failure the login policy retries: the network, a timeout, throttling, 408, 429 or a 5xx. */
function transient(f: ReturnType<typeof facts>): boolean {
  if (f.code || f.name === 'TimeoutError' || f.fault === 'server') return true
  if (f.name === 'ThrottlingException') return true
  return f.status !== undefined && isRetryableStatus(f.status)
}

function said(error: unknown): string {
  const { name, message, status } = facts(error)
  if (SDK_WRAPPER.test(message)) return message.replace(SDK_WRAPPER, '')
  // An answer with no AWS error in it (a proxy's, a load balancer's): the SDK knows only its status.
  if (name === 'Unknown' && status !== undefined) return `HTTP ${status}`
  return message ? `${name}: ${message}` : name
}
