import { named, words } from '../shared/words.js'
import { InputError } from '../shared/errors.js'
import type { Provider } from '../registry/provider.js'
import type { BasicCredentials } from '../distribution/credentials.js'
import { parseProviders } from './providers.js'
import { parseRegistryAuth, type RegistryAuthEntry } from './registry-auth.js'
import { parseBoolean } from '../shared/values.js'
import { parseDockerhubInputs, type DockerhubOidcInputs } from './dockerhub.js'
import { parseGcpInputs, type GcpInputs } from './gcp.js'

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

/** Everything the inputs say about logging in. */
export interface AuthInputs {
  readonly dockerhub?: BasicCredentials
  /** Docker Hub through an OIDC connection (`dockerhub-oidc-connection-id`), instead of a token. */
  readonly dockerhubOidc?: DockerhubOidcInputs
  /** `github-token`: pushes to GHCR log in with it as the workflow's actor. */
  readonly githubToken?: string
  readonly aws: AwsInputs
  readonly azure: AzureInputs
  /** Google Cloud, when any `gcp-*` input is set. */
  readonly gcp?: GcpInputs
  readonly registryAuth: readonly RegistryAuthEntry[]
  /** Hosts whose provider is given rather than read from the name. */
  readonly providers: ReadonlyMap<string, Provider>
  readonly logout: boolean
}

function pair(get: (n: string) => string, a: string, b: string): [string, string] | undefined {
  const va = get(a).trim()
  const vb = get(b).trim()
  if (va === '' && vb === '') return undefined
  if (va === '') throw new InputError(a, `is empty but ${b} is set: set both, or neither`)
  if (vb === '') throw new InputError(b, `is empty but ${a} is set: set both, or neither`)
  return [va, vb]
}

const optional = <K extends string>(key: K, value: string): Partial<Record<K, string>> =>
  value.trim() === '' ? {} : ({ [key]: value.trim() } as Record<K, string>)

export function parseAuthInputs(get: (name: string) => string): AuthInputs {
  const hub = parseDockerhubInputs(get)
  const keys = pair(get, 'aws-access-key-id', 'aws-secret-access-key')
  if (!keys && get('aws-session-token').trim() !== '') {
    throw new InputError(
      'aws-session-token',
      words`is set without ${named('aws-access-key-id')} and ${named('aws-secret-access-key')}: set all three, or none`
    )
  }
  if (get('azure-client-secret').trim() !== '' && get('azure-client-id').trim() === '') {
    throw new InputError(
      'azure-client-id',
      words`is empty but ${named('azure-client-secret')} is set: give the application (client) id of the service principal`
    )
  }
  const gcp = parseGcpInputs(get)
  const region = get('aws-region').trim()
  if (region !== '' && !/^[a-z]{2}(?:-[a-z]+)+-\d$/.test(region)) {
    throw new InputError(
      'aws-region',
      `${JSON.stringify(region)} is not an AWS region: use e.g. eu-west-1`
    )
  }
  return {
    ...hub,
    ...optional('githubToken', get('github-token')),
    aws: {
      ...(keys ? { accessKeyId: keys[0], secretAccessKey: keys[1] } : {}),
      ...optional('sessionToken', get('aws-session-token')),
      ...optional('region', region)
    },
    azure: {
      ...optional('clientId', get('azure-client-id')),
      ...optional('clientSecret', get('azure-client-secret')),
      ...optional('tenantId', get('azure-tenant-id'))
    },
    ...(gcp ? { gcp } : {}),
    registryAuth: parseRegistryAuth(get('registry-auth')),
    providers: parseProviders(get('registry-providers')),
    logout: parseBoolean('logout', get('logout'), true)
  }
}
