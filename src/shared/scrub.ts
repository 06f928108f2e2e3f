/**
 * Values this short are left alone: they are no real secret, and replacing
 * every `a` or `1` in a message would make it unreadable.
 */
const MIN_SECRET_LENGTH = 4

/**
 * A JSON Web Token (an OIDC web identity token, say) can reach a message
 * without the caller ever holding it as a string, so any JWT is removed too.
 */
const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g

/** `message` with every secret (and anything shaped like a JWT) replaced by `***`. */
export function scrubSecrets(message: string, secrets: readonly (string | undefined)[]): string {
  // Longest first, so a secret that contains another one is removed whole.
  const known = secrets
    .filter((s): s is string => s !== undefined && s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
  let scrubbed = message
  for (const secret of known) scrubbed = scrubbed.split(secret).join('***')
  return scrubbed.replace(JWT, '***')
}

/**
 * The secrets one credential exchange holds: each is masked the moment it
 * exists (`keep`), and `scrub` removes every one kept so far from a message.
 */
export function keptSecrets(mask: (secret: string) => void): {
  keep(value: string): string
  scrub(message: string): string
} {
  const kept: string[] = []
  return {
    keep(value) {
      mask(value)
      kept.push(value)
      return value
    },
    scrub: (message) => scrubSecrets(message, kept)
  }
}
