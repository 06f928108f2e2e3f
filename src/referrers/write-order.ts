import type { Referrer } from './types.js'

/** Referrers written together: those of one subject (one referrers-tag update), or one cosign tag. */
export interface WriteGroup {
  readonly subject: string
  /** Set for a cosign tag's group, which holds that one referrer. */
  readonly cosignTag?: string
  readonly referrers: readonly Referrer[]
}

/**
 * The referrers in the order they are written: first those of the image,
 * then those of the referrers just written (a signature on an SBOM), and so
 * on. Within a level, one group per subject, and one per cosign tag.
 */
export function writeLevels(referrers: readonly Referrer[]): WriteGroup[][] {
  const byDigest = new Map(referrers.map((r) => [r.manifest.digest, r]))
  const depths = new Map<Referrer, number>()
  const depth = (r: Referrer, path: Set<Referrer>): number => {
    const known = depths.get(r)
    if (known !== undefined) return known
    const parent = byDigest.get(r.subject)
    // Content addresses cannot form a cycle, but a listing can claim one.
    const d = parent && !path.has(parent) ? depth(parent, new Set([...path, r])) + 1 : 0
    depths.set(r, d)
    return d
  }
  const levels: Map<string, { subject: string; cosignTag?: string; referrers: Referrer[] }>[] = []
  for (const r of referrers) {
    const d = depth(r, new Set([r]))
    while (levels.length <= d) levels.push(new Map())
    const key = r.via.kind === 'cosign-tag' ? `tag ${r.via.tag}` : `subject ${r.subject}`
    const level = levels[d]!
    const group = level.get(key)
    if (group) group.referrers.push(r)
    else
      level.set(key, {
        subject: r.subject,
        ...(r.via.kind === 'cosign-tag' ? { cosignTag: r.via.tag } : {}),
        referrers: [r]
      })
  }
  return levels.map((level) => [...level.values()])
}
