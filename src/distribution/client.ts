import type { BasicCredentials, MaskSecret } from '../registry/credentials/types.js'
import { basicAuthorization, fetchBearerToken } from './auth.js'
import { parseChallenge, type Challenge } from './challenge.js'
import { registryBaseUrl } from './endpoint.js'
import {
  CredentialsRejectedError,
  networkErrorText,
  registryErrorText,
  RegistryUnreachableError
} from './errors.js'

/**
 * Talks to one registry's API, answering its `WWW-Authenticate` challenge
 * itself (Basic, or Bearer through the realm), and authenticating again once
 * when a 401 comes mid-run (tokens last minutes).
 */
export class RegistryClient {
  readonly baseUrl: string
  private readonly tokens = new Map<string, string>()
  private challenge: Challenge | undefined

  constructor(
    readonly registry: string,
    private readonly credentials: BasicCredentials | undefined,
    private readonly mask: MaskSecret
  ) {
    this.baseUrl = registryBaseUrl(registry)
  }

  /** Send a request to `path` (`/v2/…`) with the authorization the scopes need. */
  async request(
    path: string,
    init: RequestInit = {},
    scopes: readonly string[] = []
  ): Promise<Response> {
    const key = scopes.join(' ')
    let response = await this.send(path, init, this.tokens.get(key) ?? this.basicIfKnown())
    for (let attempt = 0; response.status === 401 && attempt < 1; attempt++) {
      const challenge = parseChallenge(response.headers.get('www-authenticate'))
      await response.body?.cancel()
      if (!challenge)
        throw new CredentialsRejectedError(
          this.registry,
          'it asked for authentication in a way tagship does not know'
        )
      this.challenge = challenge
      const authorization = await this.authorize(challenge, scopes)
      this.tokens.set(key, authorization)
      response = await this.send(path, init, authorization)
    }
    return response
  }

  /** Check that the registry accepts the credentials (`GET /v2/`). */
  async checkLogin(): Promise<void> {
    const response = await this.request('/v2/')
    if (response.ok) {
      await response.body?.cancel()
      return
    }
    if (response.status === 401) {
      await response.body?.cancel()
      const why = this.credentials
        ? 'the credentials were refused'
        : 'it needs credentials and none were given'
      throw new CredentialsRejectedError(this.registry, why)
    }
    throw new RegistryUnreachableError(this.registry, await registryErrorText(response))
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
      return basicAuthorization(this.credentials)
    }
    const token = await fetchBearerToken({
      registry: this.registry,
      challenge,
      scopes,
      ...(this.credentials ? { credentials: this.credentials } : {}),
      mask: this.mask
    })
    return `Bearer ${token}`
  }

  private async send(
    path: string,
    init: RequestInit,
    authorization: string | undefined
  ): Promise<Response> {
    const headers = new Headers(init.headers)
    if (authorization) headers.set('authorization', authorization)
    try {
      return await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' })
    } catch (e) {
      throw new RegistryUnreachableError(this.registry, networkErrorText(e))
    }
  }
}
