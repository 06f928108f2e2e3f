/** Username and password a registry accepts (Basic, or for a token exchange). */
export interface BasicCredentials {
  readonly username: string
  readonly password: string
}

/** Marks a value as secret so no log line shows it (core.setSecret in the action). */
export type MaskSecret = (secret: string) => void
