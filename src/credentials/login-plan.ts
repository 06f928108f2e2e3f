import { named, words, type Words } from '../shared/words.js'
import { InputError } from '../shared/errors.js'
import type { AuthInputs } from '../inputs/auth.js'
import { detectProvider, providerName, type Provider } from '../registry/provider.js'

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
      if (!push) return { kind: 'anonymous' }
      return missing(
        words`set ${named('dockerhub-username')} and ${named('dockerhub-token')} (an access token with Read & Write), or add it to ${named('registry-auth')}`
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
    case 'anonymous':
      return 'no credentials (anonymous)'
  }
}
