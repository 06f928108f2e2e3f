import { randomBytes } from 'node:crypto'
import { ACR_TOKEN_USERNAME } from '../../__fixtures__/services/acr-exchange.js'
import type { AcrRegistry } from '../../__fixtures__/services/acr-registry.js'
import type { Entra } from '../../__fixtures__/services/entra.js'
import type { GithubOidc } from '../../__fixtures__/services/github-oidc.js'
import type { GoogleIam } from '../../__fixtures__/services/google-iam.js'
import type { GoogleSts } from '../../__fixtures__/services/google-sts.js'
import { base64 } from './run-action.js'

/**
 * Every secret of the keyless world (keyless-world.ts), by name: those the
 * test chooses, and those the fixtures issue during the run, read from their
 * records when asked.
 */
export const ACTOR = 'octocat'
export const PROXY_USER = 'builder'
const secret = (prefix: string): string => `${prefix}-${randomBytes(18).toString('base64url')}`

/** The secrets the test chooses. */
export const GIVEN = {
  hubAccessToken: `dckr_oat_${randomBytes(24).toString('base64url')}`,
  githubToken: `ghs_${randomBytes(27).toString('base64url')}`,
  awsAccessKeyId: `AKIA${randomBytes(8).toString('hex').toUpperCase()}`,
  awsSecretAccessKey: secret('aws-secret'),
  awsSessionToken: secret('aws-session'),
  ecrPassword: secret('ecr-pw'),
  directPassword: secret('direct-pw'),
  proxyPassword: secret('proxy-pw')
}

/** What each target is, as the test names it. */
export type Target = 'hub' | 'garKeyless' | 'garKey' | 'ghcr' | 'ecr' | 'acr' | 'direct'

/** The fixtures that issue secrets, the key file, and every credential value the proxy passed on. */
export interface SecretSources {
  readonly oidc: GithubOidc
  readonly sts: GoogleSts
  readonly iam: GoogleIam
  readonly entra: Entra
  readonly acr: AcrRegistry
  /** The service-account key file's JSON. */
  readonly keyJson: string
  /** Its private key, PEM. */
  readonly privateKey: string
  readonly sent: () => readonly string[]
}

export function keylessSecrets(s: SecretSources) {
  const refreshToken = (): string => s.acr.exchange.refreshTokens[0] ?? 'no refresh token yet'
  const iamToken = (): string => s.iam.issued[0] ?? 'no IAM token yet'

  /** user:password per target, as each registry takes them. */
  const logins = (): Record<Target, string> => ({
    hub: `acme:${GIVEN.hubAccessToken}`,
    garKeyless: `oauth2accesstoken:${iamToken()}`,
    garKey: `_json_key:${s.keyJson}`,
    ghcr: `${ACTOR}:${GIVEN.githubToken}`,
    ecr: `AWS:${GIVEN.ecrPassword}`,
    acr: `${ACR_TOKEN_USERNAME}:${refreshToken()}`,
    direct: `ci:${GIVEN.directPassword}`
  })

  const idTokens = (): Record<string, string> =>
    Object.fromEntries(
      s.oidc.requests.map((r, i) => [
        `GitHub ID token for ${r.audience}`,
        s.oidc.issued[i] ?? 'not issued'
      ])
    )

  /** Every secret tagship holds, which it must mask before it first sends or prints it. */
  const maskedSecrets = (): Record<string, string> => ({
    ...idTokens(),
    'Docker identity access token': GIVEN.hubAccessToken,
    'base64 acme:access token': base64(logins().hub),
    'STS federated token': s.sts.issued[0] ?? 'no federated token yet',
    'IAM access token': iamToken(),
    'base64 oauth2accesstoken:IAM token': base64(logins().garKeyless),
    'service-account key (JSON)': s.keyJson,
    'base64 _json_key:key': base64(logins().garKey),
    'github-token': GIVEN.githubToken,
    'base64 actor:github-token': base64(logins().ghcr),
    'aws-access-key-id': GIVEN.awsAccessKeyId,
    'aws-secret-access-key': GIVEN.awsSecretAccessKey,
    'aws-session-token': GIVEN.awsSessionToken,
    'ECR password': GIVEN.ecrPassword,
    'ECR authorization token (base64 AWS:password)': base64(logins().ecr),
    'Entra access token': s.entra.issued[0] ?? 'no Entra token yet',
    'ACR refresh token': refreshToken(),
    'base64 ACR user:refresh token': base64(logins().acr),
    'registry-auth password': GIVEN.directPassword,
    'base64 ci:password': base64(logins().direct)
  })

  /** The key's private part in every form a log line could hold it. */
  const privateKey = (): Record<string, string> => {
    const pem = s.privateKey.trim()
    const body = pem.split('\n').filter((line) => !line.startsWith('-----'))
    return {
      private_key: pem,
      'private_key as the JSON spells it': JSON.stringify(pem).slice(1, -1),
      ...Object.fromEntries(
        body
          .filter((line) => line.length >= 16)
          .map((line, i) => [`private_key line ${i + 1}`, line])
      )
    }
  }

  /** Those, plus what tagship never holds or shows: the runner's token, the proxy's password, registry tokens. */
  const allSecrets = (): Record<string, string> => {
    const held = new Set(Object.values(maskedSecrets()))
    const bearer = s.sent().filter((v) => v.startsWith('eyJ'))
    const tokens = new Set([...s.acr.signed, ...bearer].filter((t) => !held.has(t)))
    const proxyLogin = `${PROXY_USER}:${GIVEN.proxyPassword}`
    return {
      ...maskedSecrets(),
      ...privateKey(),
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: s.oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
      'proxy password': GIVEN.proxyPassword,
      'proxy user:password': proxyLogin,
      'base64 proxy user:password': base64(proxyLogin),
      'Proxy-Authorization value': `Basic ${base64(proxyLogin)}`,
      ...Object.fromEntries([...tokens].map((t, i) => [`registry token ${i + 1}`, t]))
    }
  }

  return { logins, maskedSecrets, allSecrets }
}
