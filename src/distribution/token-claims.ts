/**
 * What a registry's token says it grants on one repository. Registry tokens
 * (Distribution's token auth, Docker Hub, ACR) are JWTs whose `access` claim
 * lists, per resource, the actions granted: `{type: 'repository', name:
 * 'acme/app', actions: ['pull']}`. A token service grants what it may of the
 * scope asked for, so the token of a `pull,push` request says whether pushing
 * would be allowed, with no write.
 */
export type TokenGrant =
  /** The actions the token grants on the repository (none: an empty list). */
  | { readonly kind: 'actions'; readonly actions: readonly string[] }
  /** A Bearer token that is no JWT with an `access` claim: what it grants cannot be read. */
  | { readonly kind: 'opaque' }
  /** No Bearer token was sent: Basic credentials, or a registry that asked for none. */
  | { readonly kind: 'no token' }

/**
 * The grant on `path` of the `Authorization` value a request was sent with.
 * The token is decoded, never verified (the registry verifies it), and never
 * returned or printed.
 */
export function grantOf(authorization: string | undefined, path: string): TokenGrant {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
  if (bearer === undefined) return { kind: 'no token' }
  const access = accessClaim(bearer)
  if (access === undefined) return { kind: 'opaque' }
  const actions = new Set<string>()
  for (const entry of access) {
    if (entry.type !== 'repository' || entry.name !== path) continue
    for (const action of entry.actions) actions.add(action)
  }
  return { kind: 'actions', actions: [...actions] }
}

interface AccessEntry {
  readonly type: string
  readonly name: string
  readonly actions: readonly string[]
}

/** The `access` claim of a JWT, or undefined when the token is not a JWT that has one. */
function accessClaim(token: string): AccessEntry[] | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  let payload: unknown
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  const access = (payload as { access?: unknown } | null)?.access
  if (!Array.isArray(access)) return undefined
  return access.flatMap((entry: unknown): AccessEntry[] => {
    const e = entry as { type?: unknown; name?: unknown; actions?: unknown } | null
    if (typeof e?.type !== 'string' || typeof e.name !== 'string' || !Array.isArray(e.actions))
      return []
    const actions = e.actions.filter((a): a is string => typeof a === 'string')
    return [{ type: e.type, name: e.name, actions }]
  })
}
