import { existsSync } from 'node:fs'
import type { Agent as HttpAgent } from 'node:http'
import type { Agent as HttpsAgent } from 'node:https'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { AwsInputs } from '../inputs/auth.js'
import type { MaskSecret } from '../distribution/credentials.js'
import { proxyAgents } from './proxy-agent.js'
import { awsRetryStrategy, type AwsRetryStrategy } from './aws-retry.js'
import { DEFAULT_RETRY_POLICY, type Pacing } from '../shared/retry.js'

/** The AWS API a login calls, and how messages name the registry it is for. */
export interface AwsTarget {
  /** Starts every message: `Amazon ECR 123456789012.dkr.ecr.eu-west-1.amazonaws.com`. */
  readonly label: string
  /** The API in messages: `ECR`, `ECR Public`. */
  readonly api: string
  /** Suffix of the SDK's `AWS_ENDPOINT_URL_<ID>` variable: `ECR`, `ECR_PUBLIC`. */
  readonly endpointId: string
  /** IAM actions a token needs, named when access is denied. */
  readonly permissions: readonly string[]
  readonly region: string
}

export interface AwsLoginOptions {
  readonly mask: MaskSecret
  /** Where AWS settings (credentials, endpoints) are read; `process.env` by default. */
  readonly env?: NodeJS.ProcessEnv
  /**
   * How the API calls (and STS, for web identity and assume-role profiles)
   * retry: the login policy, `retries` + 1 attempts per call. The default
   * policy when undefined.
   */
  readonly pacing?: Pacing
  /** Attempts per API call, first one included, whatever `pacing` or AWS_MAX_ATTEMPTS say. */
  readonly maxAttempts?: number
}

interface AwsKeys {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
  readonly expiration?: Date
}

/** One place credentials may come from. */
interface Source {
  /** How messages name it: `the aws-access-key-id input`. */
  readonly name: string
  readonly load: () => Promise<AwsKeys>
  /** True when a failure means "nothing here, try the next source" rather than an error. */
  readonly absent?: (error: unknown) => boolean
}

/** The SDK's NodeHttpHandler options: timeouts, and the agents that follow the proxy variables. */
interface RequestHandler {
  readonly connectionTimeout: number
  readonly requestTimeout: number
  readonly httpAgent?: HttpAgent
  readonly httpsAgent?: HttpsAgent
}

/** Client settings for one login, and what a failure message needs to know. */
export interface AwsSession {
  readonly clientConfig: {
    readonly region: string
    readonly endpoint?: string
    readonly credentials: () => Promise<AwsKeys>
    readonly maxAttempts: number
    readonly retryStrategy: AwsRetryStrategy
    readonly requestHandler: RequestHandler
  }
  /** Every secret seen so far, scrubbed from messages. */
  readonly secrets: string[]
  /** The endpoint override and the variable that set it, if any. */
  readonly endpoint?: { readonly url: string; readonly variable: string }
  /** Where the credentials came from, once found. */
  source?: string
}

/**
 * A firewall that drops packets would otherwise hold each attempt for the OS
 * connect timeout (minutes); five seconds is ample for an AWS API endpoint.
 */
const REQUEST_HANDLER = { connectionTimeout: 5_000, requestTimeout: 30_000 }

/**
 * IMDS answers in milliseconds on EC2. Elsewhere the SDK makes two requests
 * (token, then the v1 fallback), so a runner with no credentials waits at
 * most about twice this before the "no AWS credentials" message.
 */
const IMDS_TIMEOUT_MS = 1_000

/** No source in the chain had credentials. */
export class NoCredentials extends Error {}

/** A configured source failed to give credentials. */
export class SourceFailed extends Error {
  constructor(
    readonly source: string,
    readonly error: unknown
  ) {
    super(`credentials from ${source} failed`)
  }
}

/** Settings for one login to `target`, with credentials from `aws` or else from `env`. */
export function awsSession(
  target: AwsTarget,
  aws: AwsInputs,
  options: AwsLoginOptions
): AwsSession {
  const env = options.env ?? process.env
  // aws.region is deliberately unused: the registry's region is the only one whose token works there.
  const pacing = options.pacing ?? { policy: DEFAULT_RETRY_POLICY }
  // AWS_MAX_ATTEMPTS is the AWS tools' own setting, and whoever sets it means AWS calls: it wins.
  const maxAttempts =
    options.maxAttempts ?? positiveInteger(env.AWS_MAX_ATTEMPTS) ?? pacing.policy.retries + 1
  const endpoint = configuredEndpoint(env, target.endpointId)
  const sts = configuredEndpoint(env, 'STS')
  // The SDK reads no proxy variable itself. STS and the API client of a login
  // run one after the other, so they may share the agents.
  const requestHandler = { ...REQUEST_HANDLER, ...proxyAgents(env) }
  const secrets = [aws.secretAccessKey, aws.sessionToken, env.AWS_SECRET_ACCESS_KEY]
    .concat(env.AWS_SESSION_TOKEN, env.AWS_CONTAINER_AUTHORIZATION_TOKEN)
    .filter((s): s is string => !!s)
  // STS (web identity, assume-role profiles) runs in the registry's region too, so it never lacks one.
  const stsConfig = {
    region: target.region,
    maxAttempts,
    retryStrategy: awsRetryStrategy(pacing, maxAttempts, `${target.label}: STS`, secrets),
    requestHandler,
    ...(sts && { endpoint: sts.url })
  }
  const session: AwsSession = {
    secrets,
    ...(endpoint && { endpoint }),
    clientConfig: {
      region: target.region,
      ...(endpoint && { endpoint: endpoint.url }),
      credentials: () => credentials(),
      maxAttempts,
      retryStrategy: awsRetryStrategy(
        pacing,
        maxAttempts,
        `${target.label}: the ${target.api} API`,
        secrets
      ),
      requestHandler
    }
  }
  const credentials = firstOf(credentialSources(target, aws, env, stsConfig), session, options.mask)
  return session
}

/**
 * The credential chain: explicit inputs alone when given; otherwise, in the
 * SDK's own order, environment keys, a shared profile, web identity, the
 * container endpoint, then EC2 instance metadata.
 *
 * Each source is read from `env`, not from whatever process.env holds, and
 * only sources that are configured are tried: a missing profile file or token
 * variable costs nothing. IMDS is the exception, as there is nothing to tell
 * an EC2 runner (whose instance role must keep working) from any other
 * machine; it is skipped when AWS_EC2_METADATA_DISABLED is set and otherwise
 * bounded by IMDS_TIMEOUT_MS, and any failure there just means "no credentials".
 */
function credentialSources(
  target: AwsTarget,
  aws: AwsInputs,
  env: NodeJS.ProcessEnv,
  sts: object
): Source[] {
  if (aws.accessKeyId || aws.secretAccessKey || aws.sessionToken) return [inputKeys(target, aws)]
  const sources: Source[] = []
  const profile = env.AWS_PROFILE
  const { AWS_ACCESS_KEY_ID: id, AWS_SECRET_ACCESS_KEY: secret, AWS_SESSION_TOKEN: token } = env
  // As in the SDK, a named profile wins over keys in the environment.
  if (!profile && id && secret) {
    sources.push({
      name: 'AWS_ACCESS_KEY_ID in the environment',
      load: async () => ({
        accessKeyId: id,
        secretAccessKey: secret,
        sessionToken: token || undefined
      })
    })
  }
  const home = env.HOME || env.USERPROFILE || homedir()
  const filepath = env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials')
  const configFilepath = env.AWS_CONFIG_FILE || join(home, '.aws', 'config')
  if (profile || existsSync(filepath) || existsSync(configFilepath)) {
    sources.push({
      name: `AWS profile "${profile || 'default'}"`,
      load: async () => {
        const { fromIni } = await import('@aws-sdk/credential-provider-ini')
        // ignoreCache: the SDK caches files per path for the process, and a step may have written them since.
        const init = { profile: profile || 'default', filepath, configFilepath, ignoreCache: true }
        return fromIni({ ...init, clientConfig: sts })()
      },
      // A config file holding only a region is common; that is no error unless a profile was named.
      ...(!profile && { absent: isProviderError })
    })
  }
  const { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: roleArn } = env
  if (tokenFile && roleArn) {
    sources.push({
      name: `web identity role ${roleArn}`,
      load: async () => {
        const { fromTokenFile } = await import('@aws-sdk/credential-provider-web-identity')
        const roleSessionName = env.AWS_ROLE_SESSION_NAME || undefined
        return fromTokenFile({
          webIdentityTokenFile: tokenFile,
          roleArn,
          roleSessionName,
          clientConfig: sts
        })()
      }
    })
  }
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI
  if (relative || full) {
    sources.push({
      name: 'the container credentials endpoint',
      load: async () => {
        const { fromHttp } = await import('@aws-sdk/credential-provider-http')
        return fromHttp({
          awsContainerCredentialsRelativeUri: relative,
          awsContainerCredentialsFullUri: full,
          awsContainerAuthorizationToken: env.AWS_CONTAINER_AUTHORIZATION_TOKEN,
          awsContainerAuthorizationTokenFile: env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE
        })()
      }
    })
  }
  if (!isSet(env.AWS_EC2_METADATA_DISABLED)) {
    sources.push({
      name: 'EC2 instance metadata',
      load: async () => {
        const { fromInstanceMetadata } = await import('@smithy/credential-provider-imds')
        return fromInstanceMetadata({ timeout: IMDS_TIMEOUT_MS, maxRetries: 0 })()
      },
      absent: () => true
    })
  }
  return sources
}

function inputKeys(target: AwsTarget, aws: AwsInputs): Source {
  const { accessKeyId, secretAccessKey, sessionToken } = aws
  const fail = (why: string): never => {
    throw new Error(`${target.label}: ${why}`)
  }
  if (!accessKeyId && !secretAccessKey) {
    fail(
      'aws-session-token is set without aws-access-key-id and aws-secret-access-key: set all three'
    )
  }
  if (!secretAccessKey) {
    fail('aws-access-key-id is set but aws-secret-access-key is empty: set both, or neither')
  }
  if (!accessKeyId) {
    fail('aws-secret-access-key is set but aws-access-key-id is empty: set both, or neither')
  }
  const keys = { accessKeyId: accessKeyId!, secretAccessKey: secretAccessKey!, sessionToken }
  return { name: 'the aws-access-key-id input', load: async () => keys }
}

/** The first source that has credentials, masked before the SDK (or a log) can show them. */
function firstOf(sources: readonly Source[], session: AwsSession, mask: MaskSecret) {
  let found: Promise<AwsKeys> | undefined
  const find = async (): Promise<AwsKeys> => {
    for (const source of sources) {
      let keys: AwsKeys
      try {
        keys = await source.load()
      } catch (error) {
        if (source.absent?.(error)) continue
        throw new SourceFailed(source.name, error)
      }
      for (const secret of [keys.secretAccessKey, keys.sessionToken]) {
        if (!secret) continue
        mask(secret)
        session.secrets.push(secret)
      }
      session.source = source.name
      return keys
    }
    throw new NoCredentials()
  }
  return (): Promise<AwsKeys> => (found ??= find())
}

/** The SDK's "not configured here" errors, as opposed to a configured source that failed. */
function isProviderError(error: unknown): boolean {
  const name = (error as { name?: unknown } | undefined)?.name
  return typeof name === 'string' && /^(Credentials)?ProviderError$/.test(name)
}

/**
 * The SDK's endpoint override for one service (`AWS_ENDPOINT_URL_ECR`), else the
 * global one, read from `env` like every other setting; unset means the SDK
 * picks the real endpoint.
 */
function configuredEndpoint(env: NodeJS.ProcessEnv, id: string) {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined
  for (const variable of [`AWS_ENDPOINT_URL_${id}`, 'AWS_ENDPOINT_URL']) {
    const url = env[variable]
    if (url) return { url, variable }
  }
  return undefined
}

/** The SDK's reading of a flag variable: anything but unset, empty or "false" is on. */
function isSet(value: string | undefined): boolean {
  return !!value && value.toLowerCase() !== 'false'
}

function positiveInteger(value: string | undefined): number | undefined {
  const n = Number(value)
  return value && Number.isInteger(n) && n > 0 ? n : undefined
}
