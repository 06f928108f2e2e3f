import type { BasicCredentials } from '../distribution/credentials.js'
import type { Provider } from '../registry/provider.js'

/** A registry tagship will log in to, with the credentials it obtained. */
export interface RegistryLogin extends BasicCredentials {
  /** Host as in image references (`docker.io`, `127.0.0.1:5000`). */
  readonly registry: string
  readonly provider: Provider
  /** Where the credentials came from, for the log: `dockerhub-token`, `ECR GetAuthorizationToken`. */
  readonly source: string
  /** When the credentials stop working, when the provider says. */
  readonly expiresAt?: Date
}
