import { named, words } from '../shared/words.js'
import { InputError, quote } from '../shared/errors.js'

/** A service-account key, as Google's registries take it for `docker login`. */
export interface GcpKey {
  /** `_json_key` for the key file's JSON, `_json_key_base64` for its base64 form. */
  readonly username: '_json_key' | '_json_key_base64'
  /** The JSON as given, or the base64 without line breaks: what the registry decodes. */
  readonly password: string
  /** The service account the key belongs to (safe to show). */
  readonly clientEmail: string
  /** The PEM private key, so each of its lines can be masked (the runner masks line by line). */
  readonly privateKey: string
}

/** Google Cloud settings from the inputs: keyless (GitHub OIDC) or a key, never both. */
export interface GcpInputs {
  /** `projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>` */
  readonly workloadIdentityProvider?: string
  /** The service account the federated identity impersonates, when one is given. */
  readonly serviceAccount?: string
  readonly key?: GcpKey
}

const PROVIDER_FORM =
  'projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider>'
const PROVIDER =
  /^projects\/\d+\/locations\/global\/workloadIdentityPools\/[a-z0-9][a-z0-9-]*\/providers\/[a-z0-9][a-z0-9-]*$/
/** An email, or the numeric unique id IAM also takes. */
const SERVICE_ACCOUNT = /^(?:[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+|\d{21})$/

/** Parse the `gcp-*` inputs; undefined when none is set. */
export function parseGcpInputs(get: (name: string) => string): GcpInputs | undefined {
  const provider = get('gcp-workload-identity-provider').trim()
  const account = get('gcp-service-account').trim()
  const keyText = get('gcp-credentials-json').trim()
  if (provider === '' && account === '' && keyText === '') return undefined
  if (provider !== '') checkProvider(provider)
  if (account !== '' && !SERVICE_ACCOUNT.test(account)) {
    throw new InputError(
      'gcp-service-account',
      `${quote(account)} is not a service account: give its email, e.g. publisher@acme-prod.iam.gserviceaccount.com`
    )
  }
  if (keyText !== '' && provider !== '') {
    throw new InputError(
      'gcp-credentials-json',
      words`is set together with ${named('gcp-workload-identity-provider')}: use one of them (the keyless one needs no stored secret)`
    )
  }
  if (account !== '' && provider === '') {
    throw new InputError(
      'gcp-service-account',
      keyText !== ''
        ? words`is set with ${named('gcp-credentials-json')}, whose key logs in as its own account (client_email): remove ${named('gcp-service-account')}`
        : words`is set without ${named('gcp-workload-identity-provider')}: set the provider whose federated identity impersonates it`
    )
  }
  return {
    ...(provider !== '' ? { workloadIdentityProvider: provider } : {}),
    ...(account !== '' ? { serviceAccount: account } : {}),
    ...(keyText !== '' ? { key: parseGcpKey(keyText) } : {})
  }
}

/** One error for a provider name that is not the full resource name, with the likely slip. */
function checkProvider(value: string): void {
  if (PROVIDER.test(value)) return
  const prefix = /^(?:https:)?\/\/iam\.googleapis\.com\//.exec(value)?.[0]
  const hint = prefix
    ? `drop the ${prefix} prefix`
    : /^projects\/[^/]*[^\d/][^/]*\//.test(value)
      ? "use the project number, not the project id (gcloud projects describe <id> --format='value(projectNumber)')"
      : /\/workloadIdentityPools\/[^/]+$/.test(value)
        ? 'that is a pool: add /providers/<provider>'
        : "copy it from gcloud iam workload-identity-pools providers describe <provider> --workload-identity-pool=<pool> --location=global --format='value(name)'"
  throw new InputError(
    'gcp-workload-identity-provider',
    `${quote(value)} is not a workload identity provider's full resource name (${PROVIDER_FORM}): ${hint}`
  )
}

/**
 * A service-account key file's content, as JSON or base64 (what `base64 key.json` gives).
 * Its errors never show the value: a key that fails to parse is still a key.
 */
export function parseGcpKey(text: string): GcpKey {
  const INPUT = 'gcp-credentials-json'
  let json = text
  let key: Pick<GcpKey, 'username' | 'password'> = { username: '_json_key', password: text }
  if (!text.startsWith('{')) {
    const compact = text.replace(/\s+/g, '')
    json = /^[A-Za-z0-9+/]+={0,2}$/.test(compact)
      ? Buffer.from(compact, 'base64').toString('utf8')
      : ''
    key = { username: '_json_key_base64', password: compact }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    // JSON.parse's message quotes the text around the error: part of the key.
    throw new InputError(
      INPUT,
      'is neither a JSON service-account key nor base64 of one: give the key file as downloaded (gcloud iam service-accounts keys create), from a secret'
    )
  }
  const fields = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<
    string,
    unknown
  >
  const type = typeof fields.type === 'string' ? fields.type : ''
  if (type === 'external_account') {
    throw new InputError(
      INPUT,
      words`is a Workload Identity Federation credential configuration (type external_account), not a key: set ${named('gcp-workload-identity-provider')} (and ${named('gcp-service-account')}) instead`
    )
  }
  if (type !== 'service_account') {
    const what = /^[a-z_]{1,40}$/.test(type) ? `a credential of type ${type}` : 'not a key file'
    throw new InputError(
      INPUT,
      `is ${what}, not a service-account key (type service_account): create one with gcloud iam service-accounts keys create`
    )
  }
  const clientEmail = fields.client_email
  const privateKey = fields.private_key
  if (typeof clientEmail !== 'string' || !clientEmail.includes('@')) {
    throw new InputError(
      INPUT,
      'is a service-account key without client_email: use the key file as downloaded'
    )
  }
  if (typeof privateKey !== 'string' || !privateKey.includes('PRIVATE KEY')) {
    throw new InputError(
      INPUT,
      `is the key of ${clientEmail} without its private_key: use the key file as downloaded`
    )
  }
  return { ...key, clientEmail, privateKey }
}
