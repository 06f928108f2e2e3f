import type { ContentSource } from '../distribution/content-source.js'
import { copyContent } from '../distribution/copy.js'
import { headManifest } from '../distribution/manifests.js'
import type { RepoHandle } from '../distribution/repo.js'
import { allLimited, mapLimited } from '../shared/limit.js'
import { readReferrersApi, readTagIndex } from './registry-api.js'
import { referrersTag } from './tag-names.js'
import type { Referrer, ReferrerOutcome, SubjectListing, TargetReferrers } from './types.js'
import { placementOf, writeCosign, writeSubject } from './write-groups.js'
import { writeLevels, type WriteGroup } from './write-order.js'

export type { ReferrerOutcome, TargetReferrers } from './types.js'
export { referrerProblems, verifyReferrers, type ReferrerProblem } from './verify.js'

/** Reads on a target at once while nothing is written yet. */
const READS = 4

/**
 * What a target already holds of `referrers`, reading only: for each subject
 * its referrers API listing (when it has the API) and the index under its
 * referrers tag (when `existingTags` has that tag); for each cosign tag in
 * `existingTags` the digest it points at.
 */
export async function readTargetReferrers(
  repo: RepoHandle,
  referrers: readonly Referrer[],
  existingTags: readonly string[]
): Promise<TargetReferrers> {
  const tags = new Set(existingTags)
  const subjects = [
    ...new Set(referrers.filter((r) => r.via.kind === 'subject').map((r) => r.subject))
  ]
  // A registry without the API answers so for every subject: stop asking once it did.
  let noApi = false
  const listings = await allLimited(subjects, READS, async (subject): Promise<SubjectListing> => {
    const api = noApi ? undefined : await readReferrersApi(repo, subject)
    if (!api) noApi = true
    const tag = referrersTag(subject)
    const index = tags.has(tag) ? await readTagIndex(repo, tag) : undefined
    return {
      ...(api ? { api: new Set(api.map((d) => d.digest)) } : {}),
      tagIndex: new Set(index?.listed.map((d) => d.digest) ?? [])
    }
  })
  const cosign = [
    ...new Set(
      referrers.flatMap((r) =>
        r.via.kind === 'cosign-tag' && tags.has(r.via.tag) ? [r.via.tag] : []
      )
    )
  ]
  const heads = await allLimited(cosign, READS, (tag) => headManifest(repo, tag))
  const cosignTags = new Map<string, string>()
  cosign.forEach((tag, i) => {
    const head = heads[i]
    if (head) cosignTags.set(tag, head.digest)
  })
  return { subjects: new Map(subjects.map((s, i) => [s, listings[i]!])), cosignTags }
}

export interface WriteReferrersOptions {
  readonly concurrency: number
  /** Repositories on the target's registry to mount blobs from (see copyContent). */
  readonly mountFrom?: readonly string[]
  readonly log: (line: string) => void
}

/**
 * Put every referrer the target lacks there. A referrer with a subject: its
 * content, then its manifest by digest; a registry that answers with
 * `OCI-Subject` lists it itself, otherwise the subject's referrers tag is
 * read, merged (what is there stays) and written once, after all the
 * subject's referrers. A cosign referrer: its content, then its tag, unless
 * the target's tag points at another manifest (the target's own signatures),
 * which is kept. Referrers of referrers come after them. A referrer listed
 * already writes nothing; one that fails does not stop the others.
 */
export async function writeReferrers(
  source: ContentSource,
  target: RepoHandle,
  referrers: readonly Referrer[],
  state: TargetReferrers,
  options: WriteReferrersOptions
): Promise<ReferrerOutcome[]> {
  const outcomes = new Map<Referrer, ReferrerOutcome>()
  const failed = new Set<string>()
  // Referrers often share blobs (the empty config `{}`): one transfer each.
  const transfers = new Map<string, Promise<void>>()
  const copy = (r: Referrer) =>
    copyContent(source, target, r.manifest, {
      transfers,
      concurrency: options.concurrency,
      ...(options.mountFrom ? { mountFrom: options.mountFrom } : {}),
      log: options.log
    })
  const writeGroup = async (group: WriteGroup): Promise<ReferrerOutcome[]> => {
    const blocked = group.referrers.filter((r) => failed.has(r.subject))
    const open = group.referrers.filter((r) => !failed.has(r.subject))
    const done = group.cosignTag
      ? await writeCosign(open, group.cosignTag, target, state, copy, options.log)
      : await writeSubject(open, group.subject, target, state, copy, options.log)
    return [
      ...blocked.map((r): ReferrerOutcome => ({
        referrer: r,
        status: 'failed',
        detail: `not copied: what it refers to, ${r.subject}, was not copied`,
        via: placementOf(r, state)
      })),
      ...done
    ]
  }
  for (const level of writeLevels(referrers)) {
    const settled = await mapLimited(level, options.concurrency, writeGroup)
    for (const s of settled) {
      // writeGroup turns every failure into an outcome; a rejection is a bug.
      if (s.status === 'rejected') throw s.reason
      for (const o of s.value) {
        outcomes.set(o.referrer, o)
        if (o.status === 'failed') failed.add(o.referrer.manifest.digest)
      }
    }
  }
  return referrers.map((r) => outcomes.get(r)!)
}
