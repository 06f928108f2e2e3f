import type { Provider } from '../provider.js'

/** Username and password a registry accepts (Basic, or for a token exchange). */
export interface BasicCredentials {
  readonly username: string
  readonly password: string
}

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

/** Marks a value as secret so no log line shows it (core.setSecret in the action). */
export type MaskSecret = (secret: string) => void

/** AWS settings from the action's inputs; unset ones come from the standard AWS chain. */
export interface AwsInputs {
  readonly accessKeyId?: string
  readonly secretAccessKey?: string
  readonly sessionToken?: string
  readonly region?: string
}

/** Azure settings from the action's inputs. */
export interface AzureInputs {
  readonly clientId?: string
  readonly clientSecret?: string
  readonly tenantId?: string
}
