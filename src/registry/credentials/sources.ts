import { acrOidcCredentials } from './acr.js'
import type { CredentialSources } from './acquire.js'
import { ecrCredentials } from './ecr.js'
import { ecrPublicCredentials } from './ecr-public.js'

/** The AWS and Azure SDK paths, for a login step that needs them (the action's and the CLI's). */
export function credentialSources(): CredentialSources {
  return {
    ecr: (provider, aws, options) => ecrCredentials(provider, aws, options),
    ecrPublic: (aws, options) => ecrPublicCredentials(aws, options),
    acrOidc: (registry, azure, options) => acrOidcCredentials(registry, azure, options)
  }
}
