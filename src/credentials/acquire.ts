import type { AuthInputs } from '../inputs/auth.js'
import { registryBaseUrl } from '../distribution/endpoint.js'
import type { LoginStep } from './login-plan.js'
import { githubIdToken } from './github-oidc.js'
import { githubTokenCredentials } from './ghcr.js'
import type { RegistryLogin } from './types.js'
import type { AwsInputs } from '../inputs/auth.js'
import type { BasicCredentials, MaskSecret } from '../distribution/credentials.js'
import { gcpKeyCredentials } from './gcp-key.js'
import { DEFAULT_RETRY_POLICY, type Pacing } from '../shared/retry.js'

type Obtained = BasicCredentials & { readonly expiresAt?: Date }

/** What every way to obtain credentials is given: where secrets go, and how its calls retry. */
interface SourceOptions {
  readonly mask: MaskSecret
  /** The login policy, bounded by `retries` (see loginAll). */
  readonly pacing: Pacing
}

interface OidcSourceOptions extends SourceOptions {
  readonly getIdToken: (audience: string) => Promise<string>
}

/** The provider-specific ways to obtain credentials (AWS and Azure SDKs in the action). */
export interface CredentialSources {
  ecr(
    provider: { account: string; region: string; host: string },
    aws: AwsInputs,
    options: SourceOptions
  ): Promise<Obtained>
  ecrPublic(aws: AwsInputs, options: SourceOptions): Promise<Obtained>
  acrOidc(
    registry: { host: string; baseUrl: string },
    azure: { clientId: string; tenantId: string },
    options: OidcSourceOptions
  ): Promise<Obtained>
  gcpOidc(
    gcp: { workloadIdentityProvider: string; serviceAccount?: string },
    options: OidcSourceOptions
  ): Promise<Obtained>
  dockerhubOidc(
    hub: { username: string; connectionId: string },
    options: OidcSourceOptions
  ): Promise<Obtained>
}

export interface AcquireOptions {
  readonly sources: CredentialSources
  readonly mask: MaskSecret
  readonly getIdToken: (audience: string) => Promise<string>
  /** Where GITHUB_ACTOR is read (the GHCR login's username); process.env by default. */
  readonly env?: NodeJS.ProcessEnv
  /** How the calls that obtain credentials retry; the default policy when undefined. */
  readonly pacing?: Pacing
}

/** Where the credentials of a step came from, for the log. */
function sourceOf(step: LoginStep): string {
  switch (step.credentials.kind) {
    case 'static':
      return step.credentials.from
    case 'ecr':
      return 'ECR GetAuthorizationToken'
    case 'ecr-public':
      return 'ECR Public GetAuthorizationToken'
    case 'acr-oidc':
      return 'GitHub OIDC, Entra ID and the ACR token exchange'
    case 'gcp-oidc':
      return step.credentials.serviceAccount
        ? 'GitHub OIDC, Google STS and IAM generateAccessToken'
        : 'GitHub OIDC and Google STS'
    case 'gcp-key':
      return 'gcp-credentials-json'
    case 'dockerhub-oidc':
      return 'GitHub OIDC and the Docker Hub token exchange'
    case 'github-token':
      return 'github-token'
    case 'anonymous':
      return 'none'
  }
}

/**
 * Obtain the credentials of one login step. Every secret is masked, and so
 * is the Basic value derived from it, before this returns. Anonymous steps
 * give undefined.
 */
export async function acquireLogin(
  step: LoginStep,
  auth: AuthInputs,
  options: AcquireOptions
): Promise<RegistryLogin | undefined> {
  const c = step.credentials
  const pacing = options.pacing ?? { policy: DEFAULT_RETRY_POLICY }
  let obtained: Obtained
  // What every OIDC exchange takes: the ID token's errors name the login and its alternative.
  const oidc = (login: string, alternative: string) => ({
    mask: options.mask,
    pacing,
    getIdToken: githubIdToken({ login, alternative }, options.getIdToken)
  })
  switch (c.kind) {
    case 'anonymous':
      return undefined
    case 'static':
      options.mask(c.password)
      obtained = { username: c.username, password: c.password }
      break
    case 'ecr':
      obtained = await options.sources.ecr(
        { account: c.account, region: c.region, host: step.registry },
        auth.aws,
        { mask: options.mask, pacing }
      )
      break
    case 'ecr-public':
      obtained = await options.sources.ecrPublic(auth.aws, { mask: options.mask, pacing })
      break
    case 'acr-oidc':
      obtained = await options.sources.acrOidc(
        { host: step.registry, baseUrl: registryBaseUrl(step.registry) },
        { clientId: c.clientId, tenantId: c.tenantId },
        oidc(`Azure login for ${step.registry}`, 'set azure-client-secret')
      )
      break
    case 'dockerhub-oidc':
      obtained = await options.sources.dockerhubOidc(
        { username: c.username, connectionId: c.connectionId },
        oidc(`Docker Hub login for ${c.username}`, 'set dockerhub-token')
      )
      break
    case 'github-token':
      obtained = githubTokenCredentials(step.registry, c.token, {
        mask: options.mask,
        env: options.env ?? process.env
      })
      break
    case 'gcp-oidc':
      obtained = await options.sources.gcpOidc(
        {
          workloadIdentityProvider: c.workloadIdentityProvider,
          ...(c.serviceAccount ? { serviceAccount: c.serviceAccount } : {})
        },
        oidc(`Google login for ${step.registry}`, 'set gcp-credentials-json')
      )
      break
    case 'gcp-key':
      obtained = gcpKeyCredentials(c.key, { mask: options.mask })
      break
  }
  options.mask(obtained.password)
  options.mask(Buffer.from(`${obtained.username}:${obtained.password}`).toString('base64'))
  return {
    registry: step.registry,
    provider: step.provider,
    username: obtained.username,
    password: obtained.password,
    source: sourceOf(step),
    ...(obtained.expiresAt ? { expiresAt: obtained.expiresAt } : {})
  }
}
