/** Username and password a registry accepts (Basic, or for a token exchange). */
export interface BasicCredentials {
  readonly username: string
  readonly password: string
}

/**
 * Docker's username for an identity token (credential helpers answer it, and
 * `docker login` stores one as `identitytoken`): the password is then an
 * OAuth2 refresh token, traded at the registry's token service for access
 * tokens, never sent as a password.
 */
export const IDENTITY_TOKEN_USERNAME = '<token>'

export function isIdentityToken(c: BasicCredentials): boolean {
  return c.username === IDENTITY_TOKEN_USERNAME
}

/** Marks a value as secret so no log line shows it (core.setSecret in the action). */
export type MaskSecret = (secret: string) => void
