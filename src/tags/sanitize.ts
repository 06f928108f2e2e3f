/** Longest tag the distribution spec allows. */
const MAX_TAG_LENGTH = 128

/**
 * Turn a git name (branch or tag) into a tag value: every run of characters a
 * tag may not hold becomes one `-`, and leading `.`/`-` are dropped, since a
 * tag may not start with them.
 */
export function sanitizeTag(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[.-]+/, '')
}

/** Why a tag is invalid, as the tail of an error message; undefined if valid. */
export function tagProblem(tag: string): string | undefined {
  if (tag === '') return 'is empty'
  if (tag.length > MAX_TAG_LENGTH)
    return `is ${tag.length} characters long; a tag may have at most ${MAX_TAG_LENGTH}`
  if (/^[.-]/.test(tag))
    return `starts with '${tag[0]}'; a tag must start with a letter, digit or '_'`
  const bad = /[^A-Za-z0-9_.-]/.exec(tag)
  if (bad)
    return `contains ${JSON.stringify(bad[0])}; a tag may hold only letters, digits, '_', '.' and '-'`
  return undefined
}

/**
 * metadata-action's sanitising of a finished tag: each run of characters a
 * tag may not hold becomes one `-`. A tag left starting with `.` or `-`, or
 * too long, is not mended here: computeTags rejects it with the reason.
 */
export function replaceInvalidTagCharacters(tag: string): string {
  return tag.replace(/[^A-Za-z0-9_.-]+/g, '-')
}
