import { isIdentityToken, type BasicCredentials, type MaskSecret } from './credentials.js'
import { basicAuthorization, fetchBearerToken } from './auth.js'
import type { Challenge } from './challenge.js'
import { CredentialsRejectedError } from './errors.js'

/**
 * The `Authorization` one registry's requests carry, per scope set: Basic
 * credentials, or Bearer tokens fetched through the challenge's realm and
 * cached per scope set (tokens last minutes, so a refused one is renewed).
 */
export class Authorizer {
  private readonly tokens = new Map<string, string>()
  /** Token fetches under way, per scope set: concurrent requests share one. */
  private readonly pending = new Map<string, Promise<string>>()
  private challenge: Challenge | undefined

  constructor(
    private readonly registry: string,
    private readonly credentials: BasicCredentials | undefined,
    private readonly mask: MaskSecret,
    private readonly insecureRegistries: readonly string[] = []
  ) {}

  /**
   * What to send first: the token for these scopes, or, once the registry
   * has asked for Bearer tokens, a new token fetched up front, which saves a
   * 401 round trip for every new scope set; Basic credentials once asked for.
   * `fresh` says the token was fetched for this very request.
   */
  async authorizationFor(
    scopes: readonly string[]
  ): Promise<{ authorization: string | undefined; fresh: boolean }> {
    const key = scopes.join(' ')
    const cached = this.tokens.get(key)
    if (cached !== undefined) return { authorization: cached, fresh: false }
    if (this.challenge?.scheme === 'bearer')
      return {
        authorization: await this.fetchAuthorization(this.challenge, key, scopes),
        fresh: true
      }
    return { authorization: this.basicIfKnown(), fresh: false }
  }

  /** The authorization these scopes were last sent with, if any (the preview reads a token's grant). */
  held(scopes: readonly string[]): string | undefined {
    return this.tokens.get(scopes.join(' '))
  }

  /**
   * The registry answered `sent` with a 401 and this challenge: remember the
   * challenge, and give the authorization to send instead.
   */
  async renew(
    challenge: Challenge,
    scopes: readonly string[],
    sent: string | undefined
  ): Promise<string> {
    const key = scopes.join(' ')
    this.challenge = challenge
    // Another request may have renewed the token meanwhile: use that one.
    const renewed = this.tokens.get(key)
    if (renewed !== undefined && renewed !== sent) return renewed
    this.tokens.delete(key)
    return await this.fetchAuthorization(challenge, key, scopes)
  }

  private fetchAuthorization(
    challenge: Challenge,
    key: string,
    scopes: readonly string[]
  ): Promise<string> {
    let pending = this.pending.get(key)
    if (!pending) {
      pending = this.authorize(challenge, scopes)
        .then((authorization) => {
          this.tokens.set(key, authorization)
          return authorization
        })
        .finally(() => this.pending.delete(key))
      this.pending.set(key, pending)
    }
    return pending
  }

  private basicIfKnown(): string | undefined {
    return this.challenge?.scheme === 'basic' && this.credentials
      ? basicAuthorization(this.credentials)
      : undefined
  }

  private async authorize(challenge: Challenge, scopes: readonly string[]): Promise<string> {
    if (challenge.scheme === 'basic') {
      if (!this.credentials)
        throw new CredentialsRejectedError(
          this.registry,
          'it needs credentials and none were given'
        )
      // An identity token is traded at a token service only, never sent as a password.
      if (isIdentityToken(this.credentials))
        throw new CredentialsRejectedError(
          this.registry,
          'it asks for a username and password (Basic), and an identity token is none'
        )
      return basicAuthorization(this.credentials)
    }
    const token = await fetchBearerToken({
      registry: this.registry,
      challenge,
      scopes,
      ...(this.credentials ? { credentials: this.credentials } : {}),
      mask: this.mask,
      insecureRegistries: this.insecureRegistries
    })
    return `Bearer ${token}`
  }
}
