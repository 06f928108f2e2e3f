import { acrOidcCredentials } from '../registry/credentials/acr.js'
import type { CredentialSources } from '../registry/credentials/acquire.js'
import { ecrCredentials } from '../registry/credentials/ecr.js'
import { ecrPublicCredentials } from '../registry/credentials/ecr-public.js'

/** The AWS and Azure SDK paths, for a login step that needs them. */
export function credentialSources(): CredentialSources {
  return {
    ecr: (provider, aws, options) => ecrCredentials(provider, aws, options),
    ecrPublic: (aws, options) => ecrPublicCredentials(aws, options),
    acrOidc: (registry, azure, options) => acrOidcCredentials(registry, azure, options)
  }
}
