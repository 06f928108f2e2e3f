import { generateKeyPairSync, randomBytes } from 'node:crypto'

/** A Google service-account key file, as `gcloud iam service-accounts keys create` writes it. */
export interface ServiceAccountKeyFile {
  /** The file's text: pretty-printed JSON, with a trailing newline. */
  readonly text: string
  readonly clientEmail: string
  /** The PEM private key, as `private_key` holds it once parsed (real newlines). */
  readonly privateKey: string
}

export const KEY_EMAIL = 'publisher@acme-prod.iam.gserviceaccount.com'

/** A key file around a fresh RSA key (1024 bits: it is never used to sign). */
export function serviceAccountKeyFile(
  fields: Record<string, unknown> = {},
  clientEmail = KEY_EMAIL
): ServiceAccountKeyFile {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' }
  })
  const project = clientEmail.split('@')[1]!.split('.')[0]!
  const file = {
    type: 'service_account',
    project_id: project,
    private_key_id: randomBytes(20).toString('hex'),
    private_key: privateKey,
    client_email: clientEmail,
    client_id: '104' + randomBytes(8).readBigUInt64BE().toString().slice(0, 18),
    auth_uri: 'https://accounts.google.com/o/oauth2/auth',
    token_uri: 'https://oauth2.googleapis.com/token',
    auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
    client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(clientEmail)}`,
    universe_domain: 'googleapis.com',
    ...fields
  }
  return { text: `${JSON.stringify(file, null, 2)}\n`, clientEmail, privateKey }
}
