import { short } from '../distribution/copy.js'

/**
 * Why a tag write failed, for the tag's result: an immutable repository's
 * refusal says which image holds the tag and what to do about it.
 */
export function tagWriteFailure(error: unknown, tag: string, current: string | undefined): string {
  const e = error as { code?: unknown; message?: unknown }
  const message = typeof e?.message === 'string' ? e.message : String(error)
  if (e?.code === 'TAG_INVALID' && /immutable/i.test(message))
    return immutableTagDetail(tag, current)
  return message
}

/** An immutable repository's tag held by another image: what it means and the fix. */
export function immutableTagDetail(tag: string, current: string | undefined): string {
  const held = current ? ` by ${short(current)}, another image` : ''
  return `the repository is immutable and the tag ${tag} is already taken${held}: publish a new version, or make the repository mutable`
}
