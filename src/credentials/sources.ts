import type { CredentialSources } from './acquire.js'

/**
 * The AWS and Azure SDK paths, for a login step that needs them (the action's and the CLI's).
 * Each SDK is imported only when a login calls it: most runs use neither, and loading them
 * up front is most of the bundle's start-up time (the bundler puts each in its own chunk).
 */
export function credentialSources(): CredentialSources {
  return {
    ecr: async (provider, aws, options) => {
      const { ecrCredentials } = await import('./ecr.js')
      return ecrCredentials(provider, aws, options)
    },
    ecrPublic: async (aws, options) => {
      const { ecrPublicCredentials } = await import('./ecr-public.js')
      return ecrPublicCredentials(aws, options)
    },
    acrOidc: async (registry, azure, options) => {
      const { acrOidcCredentials } = await import('./acr.js')
      return acrOidcCredentials(registry, azure, options)
    },
    // No SDK (two fetch calls), but most runs have no Google target to load it for.
    gcpOidc: async (gcp, options) => {
      const { gcpOidcCredentials } = await import('./gcp.js')
      return gcpOidcCredentials(gcp, options)
    },
    dockerhubOidc: async (hub, options) => {
      const { dockerhubOidcCredentials } = await import('./dockerhub-oidc.js')
      return dockerhubOidcCredentials(hub, options)
    }
  }
}
