import { headManifest } from '../distribution/manifests.js'
import type { RepoHandle } from '../distribution/repo.js'
import { allLimited } from '../shared/limit.js'
import { readReferrersApi, readTagIndex } from './registry-api.js'
import { kindNoun } from './summary.js'
import { referrersTag } from './tag-names.js'
import type { ReferrerOutcome } from './types.js'
import { messageOf } from '../shared/errors.js'

/** Reads at once. */
const READS = 4

/** Something a verification found: the referrer's digest and one line saying what is wrong. */
export interface ReferrerProblem {
  readonly digest: string
  readonly detail: string
}

/**
 * Check what writeReferrers reported as there: each copied or already-there
 * referrer is listed for its subject by the target's referrers API or in its
 * referrers tag, and each cosign tag points at its referrer. One line per
 * problem; none when all is well.
 */
export async function verifyReferrers(
  target: RepoHandle,
  outcomes: readonly ReferrerOutcome[]
): Promise<string[]> {
  return (await referrerProblems(target, outcomes)).map((p) => p.detail)
}

/** verifyReferrers, with the digest each problem is about. */
export async function referrerProblems(
  target: RepoHandle,
  outcomes: readonly ReferrerOutcome[]
): Promise<ReferrerProblem[]> {
  const landed = outcomes
    .filter((o) => o.status === 'copied' || o.status === 'already there')
    .map((o) => o.referrer)
  const where = `${target.client.registry}/${target.path}`
  const subjects = [
    ...new Set(landed.filter((r) => r.via.kind === 'subject').map((r) => r.subject))
  ]
  const listed = await allLimited(subjects, READS, async (subject) => {
    try {
      const api = (await readReferrersApi(target, subject)) ?? []
      const index = await readTagIndex(target, referrersTag(subject))
      return new Set([...api, ...(index?.listed ?? [])].map((d) => d.digest))
    } catch (e) {
      return messageOf(e)
    }
  })
  const bySubject = new Map(subjects.map((s, i) => [s, listed[i]!]))
  const problems: ReferrerProblem[] = []
  for (const r of landed) {
    const digest = r.manifest.digest
    const noun = kindNoun(r.kind)
    if (r.via.kind === 'cosign-tag') {
      const tag = r.via.tag
      let at: string | undefined
      try {
        at = (await headManifest(target, tag))?.digest
      } catch (e) {
        problems.push({ digest, detail: `${where}:${tag} could not be checked: ${messageOf(e)}` })
        continue
      }
      if (at === undefined)
        problems.push({
          digest,
          detail: `${where}:${tag} is missing: it should point at the ${noun} ${digest}`
        })
      else if (at !== digest)
        problems.push({
          digest,
          detail: `${where}:${tag} points at ${at}, not at the ${noun} ${digest}`
        })
      continue
    }
    const seen = bySubject.get(r.subject)!
    if (typeof seen === 'string')
      problems.push({
        digest,
        detail: `${where}: the referrers of ${r.subject} could not be read: ${seen}`
      })
    else if (!seen.has(digest))
      problems.push({
        digest,
        detail: `${where}: the ${noun} ${digest} is not listed as a referrer of ${r.subject}: neither the referrers API nor the tag ${referrersTag(r.subject)} lists it`
      })
  }
  return problems
}
