/**
 * Match a branch name against a pattern: `*` matches within one path segment,
 * `**` across segments, `?` one character. Everything else is literal.
 */
export function matchBranch(pattern: string, branch: string): boolean {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*'
      i++
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`).test(branch)
}
