import { createPrivateKey, randomUUID, sign, X509Certificate, type KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { runOk } from './exec.js'

/**
 * A key and a self-signed certificate for it. Registry 2.8.2 trusts a token
 * when the certificate in its `x5c` header chains to `rootcertbundle`; with a
 * self-signed leaf the bundle is that certificate itself.
 */
export interface SigningIdentity {
  readonly key: KeyObject
  readonly certPem: string
  /** The file to give the registry as `auth.token.rootcertbundle`. */
  readonly certPath: string
  /** Base64 DER, as the `x5c` header carries it. */
  readonly x5c: string
}

/** Make a fresh RSA key and certificate in `dir`. node:crypto cannot write an X.509 certificate, so openssl does. */
export async function createSigningIdentity(
  dir: string,
  commonName = 'tagship-test-token-issuer'
): Promise<SigningIdentity> {
  const keyPath = join(dir, 'token.key')
  const certPath = join(dir, 'token.crt')
  await runOk('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-subj', `/CN=${commonName}`, '-keyout', keyPath, '-out', certPath
  ]) // prettier-ignore
  const certPem = await readFile(certPath, 'utf8')
  return {
    key: createPrivateKey(await readFile(keyPath, 'utf8')),
    certPem,
    certPath,
    x5c: new X509Certificate(certPem).raw.toString('base64')
  }
}

/** One entry of a token's `access` claim: `repository` `team/app` may `pull,push`. */
export interface Access {
  readonly type: string
  readonly name: string
  readonly actions: readonly string[]
}

export interface RegistryTokenClaims {
  readonly issuer: string
  /** The registry's `service` name; registries refuse a token whose `aud` is not theirs. */
  readonly audience: string
  readonly subject: string
  readonly access: readonly Access[]
  readonly ttlSeconds?: number
  /** The issue time; set it in the past to make an expired token. */
  readonly now?: Date
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url')

/** An RS256 JWT in the shape the Distribution registry's token auth accepts. */
export function signRegistryToken(identity: SigningIdentity, claims: RegistryTokenClaims): string {
  const iat = Math.floor((claims.now ?? new Date()).getTime() / 1000)
  const header = { typ: 'JWT', alg: 'RS256', x5c: [identity.x5c] }
  const payload = {
    iss: claims.issuer,
    sub: claims.subject,
    aud: claims.audience,
    exp: iat + (claims.ttlSeconds ?? 300),
    nbf: iat,
    iat,
    jti: randomUUID(),
    access: claims.access
  }
  const signingInput = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`
  const signature = sign('RSA-SHA256', Buffer.from(signingInput), identity.key)
  return `${signingInput}.${base64url(signature)}`
}

export interface DecodedToken {
  readonly header: Record<string, unknown>
  readonly payload: Record<string, unknown>
}

/** Read a JWT's header and claims without verifying it: for assertions, never for trust. */
export function decodeToken(token: string): DecodedToken {
  const [header = '', payload = ''] = token.split('.')
  const part = (text: string) =>
    JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Record<string, unknown>
  return { header: part(header), payload: part(payload) }
}

/** `repository:team/app:pull,push` → its parts, or undefined when it is not `type:name:actions`. */
export function parseScope(scope: string): Access | undefined {
  const first = scope.indexOf(':')
  const last = scope.lastIndexOf(':')
  if (first <= 0 || last <= first) return undefined
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter((a) => a !== '')
  }
}
