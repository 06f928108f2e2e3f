import type { RawManifest } from '../distribution/manifests.js'
import { MANIFEST_MEDIA_TYPES } from '../distribution/media-types.js'
import { allLimited } from '../shared/limit.js'
import { makeReferrer } from './make-referrer.js'
import type { Referrer } from './types.js'

/** More referrers than this is a runaway listing, not an image's signatures. */
const MAX_REFERRERS = 1000

/** One referrer a listing names, before its manifest is read. */
export interface Candidate {
  /** Its digest, or for a cosign tag the tag: one referrer is read once. */
  readonly key: string
  readonly subject: string
  readonly via: Referrer['via']
  /** The media type the listing gives, when it gives one. */
  readonly mediaType?: string
  /** Its manifest; undefined when it is not there (a listing that outlived it). */
  load(): Promise<RawManifest | undefined>
}

export interface WalkOptions {
  readonly concurrency: number
  readonly maxReferrers?: number
  readonly log?: (line: string) => void
}

/** The listing held more referrers than the walk reads. */
export class TooManyReferrersError extends Error {
  constructor(readonly limit: number) {
    super(
      `the source lists more than ${limit} signatures, attestations and SBOMs for the image: that is a runaway listing; set referrers: false to publish without them`
    )
    this.name = 'TooManyReferrersError'
  }
}

/**
 * Every referrer of `subjects`, breadth first: the referrers of the
 * subjects, then theirs (a signature on an SBOM), and so on, each read once.
 * A referrer therefore always comes after the one it refers to.
 */
export async function walkReferrers(
  subjects: readonly string[],
  find: (subject: string) => Promise<readonly Candidate[]>,
  options: WalkOptions
): Promise<Referrer[]> {
  const limit = options.maxReferrers ?? MAX_REFERRERS
  const visited = new Set(subjects)
  const seen = new Set<string>()
  const found: Referrer[] = []
  let level = [...visited]
  while (level.length > 0) {
    const lists = await allLimited(level, options.concurrency, find)
    const fresh: Candidate[] = []
    for (const candidate of lists.flat()) {
      if (seen.has(candidate.key)) continue
      seen.add(candidate.key)
      if (
        candidate.mediaType !== undefined &&
        !MANIFEST_MEDIA_TYPES.includes(candidate.mediaType)
      ) {
        options.log?.(
          `skipped referrer ${candidate.key} of ${candidate.subject}: its media type ${candidate.mediaType} is not one tagship copies`
        )
        continue
      }
      if (found.length + fresh.length >= limit) throw new TooManyReferrersError(limit)
      fresh.push(candidate)
    }
    const manifests = await allLimited(fresh, options.concurrency, (c) => c.load())
    const next: string[] = []
    fresh.forEach((candidate, i) => {
      const manifest = manifests[i]
      if (!manifest) {
        options.log?.(
          `skipped referrer ${candidate.key} of ${candidate.subject}: it is listed but not there`
        )
        return
      }
      if (!MANIFEST_MEDIA_TYPES.includes(manifest.mediaType)) {
        options.log?.(
          `skipped referrer ${manifest.digest} of ${candidate.subject}: its media type ${manifest.mediaType} is not one tagship copies`
        )
        return
      }
      found.push(makeReferrer(manifest, candidate.subject, candidate.via))
      if (!visited.has(manifest.digest)) {
        visited.add(manifest.digest)
        next.push(manifest.digest)
      }
    })
    level = next
  }
  return found
}
