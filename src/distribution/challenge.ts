/** A registry's `WWW-Authenticate` challenge. */
export interface Challenge {
  readonly scheme: 'basic' | 'bearer'
  /** Parameters, keys lowercased: realm, service, scope, error. */
  readonly params: Readonly<Record<string, string>>
}

/**
 * Parse `WWW-Authenticate` (RFC 7235): `Bearer realm="…",service="…",scope="…"`
 * or `Basic realm="…"`. Quoted values may hold commas and escaped quotes.
 * Returns undefined for a scheme tagship does not speak.
 */
export function parseChallenge(header: string | null | undefined): Challenge | undefined {
  if (!header) return undefined
  const m = /^\s*(\w+)\s*(.*)$/s.exec(header)
  if (!m) return undefined
  const scheme = m[1]!.toLowerCase()
  if (scheme !== 'basic' && scheme !== 'bearer') return undefined
  const params: Record<string, string> = {}
  const param = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))\s*,?\s*/gy
  const rest = m[2]!
  param.lastIndex = 0
  let p: RegExpExecArray | null
  while (param.lastIndex < rest.length && (p = param.exec(rest)) !== null) {
    params[p[1]!.toLowerCase()] = p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '')
  }
  return { scheme, params }
}
