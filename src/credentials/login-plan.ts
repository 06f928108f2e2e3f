import { named, words, type Words } from '../shared/words.js'
import { InputError } from '../shared/errors.js'
import type { AuthInputs } from '../inputs/auth.js'
import { detectProvider, providerName, type Provider } from '../registry/provider.js'
import type { GcpKey } from '../inputs/gcp.js'

/** How the credentials of one registry are obtained. */
export type CredentialPlan =
  | {
      readonly kind: 'static'
      readonly username: string
      readonly password: string
      readonly from: string
    }
  | { readonly kind: 'ecr'; readonly account: string; readonly region: string }
  | { readonly kind: 'ecr-public' }
  | { readonly kind: 'acr-oidc'; readonly clientId: string; readonly tenantId: string }
  /** Docker Hub: the job's GitHub ID token, exchanged at Docker's identity service. */
  | { readonly kind: 'dockerhub-oidc'; readonly username: string; readonly connectionId: string }
  /** GHCR: `github-token`, as the workflow's actor (GITHUB_ACTOR, read at login). */
  | { readonly kind: 'github-token'; readonly token: string }
  | {
      readonly kind: 'gcp-oidc'
      readonly workloadIdentityProvider: string
      readonly serviceAccount?: string
    }
  | { readonly kind: 'gcp-key'; readonly key: GcpKey }
  /** No credentials given for a registry that may not need any; checked at login. */
  | { readonly kind: 'anonymous' }

export interface LoginStep {
  readonly registry: string
  readonly provider: Provider
  readonly credentials: CredentialPlan
  /** Whether tagship will write to it (a target) or only read (a source). */
  readonly push: boolean
}

export function providerOf(registry: string, auth: AuthInputs): Provider {
  return auth.providers.get(registry) ?? detectProvider(registry)
}

/**
 * Decide, for every registry the plan touches, where its credentials come
 * from. Missing credentials are an error here, before any network call.
 */
export function planLogins(
  registries: readonly { registry: string; push: boolean }[],
  auth: AuthInputs
): LoginStep[] {
  const steps = new Map<string, LoginStep>()
  for (const { registry, push } of registries) {
    const existing = steps.get(registry)
    if (existing) {
      if (push && !existing.push) steps.set(registry, { ...existing, push })
      continue
    }
    const provider = providerOf(registry, auth)
    steps.set(registry, {
      registry,
      provider,
      credentials: credentialsFor(registry, provider, auth, push),
      push
    })
  }
  return [...steps.values()]
}

function credentialsFor(
  registry: string,
  provider: Provider,
  auth: AuthInputs,
  push: boolean
): CredentialPlan {
  const listed = auth.registryAuth.find((e) => e.registry === registry)
  if (listed)
    return {
      kind: 'static',
      username: listed.username,
      password: listed.password,
      from: 'registry-auth'
    }
  const missing = (inputs: Words): never => {
    throw new InputError(
      'images',
      words`${registry} is ${providerName(provider)} and no credentials were given for it: ${inputs}`
    )
  }
  switch (provider.kind) {
    case 'dockerhub':
      if (auth.dockerhub) return { kind: 'static', ...auth.dockerhub, from: 'dockerhub-token' }
      if (auth.dockerhubOidc) return { kind: 'dockerhub-oidc', ...auth.dockerhubOidc }
      if (!push) return { kind: 'anonymous' }
      return missing(
        words`set ${named('dockerhub-username')} and ${named('dockerhub-token')} (an access token with Read & Write) or ${named('dockerhub-oidc-connection-id')} (GitHub OIDC, with permissions: id-token: write), or add it to ${named('registry-auth')}`
      )
    case 'ghcr':
      // A source only read stays anonymous, as before: public packages need no login.
      if (!push) return { kind: 'anonymous' }
      if (auth.githubToken) return { kind: 'github-token', token: auth.githubToken }
      return missing(
        words`set ${named('github-token')} (the job's GITHUB_TOKEN, with permissions: packages: write), or add it to ${named('registry-auth')}`
      )
    case 'ecr':
      return { kind: 'ecr', account: provider.account, region: provider.region }
    case 'ecr-public':
      return { kind: 'ecr-public' }
    case 'acr': {
      const { clientId, clientSecret, tenantId } = auth.azure
      if (clientId && clientSecret) {
        return {
          kind: 'static',
          username: clientId,
          password: clientSecret,
          from: 'azure-client-secret'
        }
      }
      if (clientId && tenantId) return { kind: 'acr-oidc', clientId, tenantId }
      if (clientId) {
        throw new InputError(
          'azure-tenant-id',
          words`is empty: GitHub OIDC login to ${registry} needs the Entra ID tenant of ${named('azure-client-id')} (or set ${named('azure-client-secret')} to use a service principal)`
        )
      }
      if (!push) return { kind: 'anonymous' }
      return missing(
        words`set ${named('azure-client-id')} and ${named('azure-tenant-id')} (GitHub OIDC, with permissions: id-token: write), add ${named('azure-client-secret')} for a service principal, or add it to ${named('registry-auth')} (admin user or repository token)`
      )
    }
    case 'gar': {
      const { workloadIdentityProvider, serviceAccount, key } = auth.gcp ?? {}
      if (key) return { kind: 'gcp-key', key }
      if (workloadIdentityProvider) {
        return {
          kind: 'gcp-oidc',
          workloadIdentityProvider,
          ...(serviceAccount ? { serviceAccount } : {})
        }
      }
      if (!push) return { kind: 'anonymous' }
      return missing(
        words`set ${named('gcp-workload-identity-provider')} (GitHub OIDC, with permissions: id-token: write; and ${named('gcp-service-account')} to impersonate one), set ${named('gcp-credentials-json')} (a service-account key), or add it to ${named('registry-auth')} with username oauth2accesstoken and an access token (google-github-actions/auth's access_token output)`
      )
    }
    case 'generic':
      return { kind: 'anonymous' }
  }
}

/** What the log says about a step's credentials (never the secret itself). */
export function describeCredentials(plan: CredentialPlan): string {
  switch (plan.kind) {
    case 'static':
      return `${plan.username} (from ${plan.from})`
    case 'ecr':
      return `an ECR authorization token (account ${plan.account}, ${plan.region})`
    case 'ecr-public':
      return 'an ECR Public authorization token (us-east-1)'
    case 'acr-oidc':
      return `GitHub OIDC for Entra ID client ${plan.clientId}, exchanged for an ACR refresh token`
    case 'dockerhub-oidc':
      return `${plan.username} with GitHub OIDC, exchanged at Docker for OIDC connection ${plan.connectionId}`
    case 'github-token':
      return "the workflow's actor (GITHUB_ACTOR) with github-token"
    case 'gcp-oidc':
      return plan.serviceAccount
        ? `GitHub OIDC for Workload Identity provider ${plan.workloadIdentityProvider}, exchanged for an access token of ${plan.serviceAccount}`
        : `GitHub OIDC for Workload Identity provider ${plan.workloadIdentityProvider}, exchanged for a federated access token`
    case 'gcp-key':
      return `${plan.key.username} for ${plan.key.clientEmail} (from gcp-credentials-json)`
    case 'anonymous':
      return 'no credentials (anonymous)'
  }
}
