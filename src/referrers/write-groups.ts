import { heldReferrer } from './held.js'
import { messageOf } from '../shared/errors.js'
import { short } from '../distribution/copy.js'
import { putManifest } from '../distribution/manifests.js'
import type { RepoHandle } from '../distribution/repo.js'
import { updateReferrersTag } from './fallback-tag.js'
import { descriptorOf } from './referrers-index.js'
import { putReferrerManifest } from './registry-api.js'
import { kindNoun } from './summary.js'
import { referrersTag } from './tag-names.js'
import type { Referrer, ReferrerOutcome, TargetReferrers } from './types.js'

/** Copy a referrer's content (blobs, child manifests) to the target. */
export type Copy = (r: Referrer) => Promise<unknown>

/**
 * The referrers of one subject: each one not listed yet is copied and stored
 * by digest; those the registry does not list itself (no `OCI-Subject`) go
 * into the subject's referrers tag, in one update after all of them.
 */
export async function writeSubject(
  referrers: readonly Referrer[],
  subject: string,
  target: RepoHandle,
  state: TargetReferrers,
  copy: Copy,
  log: (line: string) => void
): Promise<ReferrerOutcome[]> {
  const outcomes: ReferrerOutcome[] = []
  const unlisted: Referrer[] = []
  for (const r of referrers) {
    const held = heldReferrer(r, state)
    if (held.state === 'already there') {
      outcomes.push({ referrer: r, status: 'already there', via: held.via })
      continue
    }
    try {
      await copy(r)
      const { subjectListed } = await putReferrerManifest(target, r.manifest)
      if (!subjectListed) {
        unlisted.push(r)
        continue
      }
      log(`copied ${describe(r)}: the referrers API lists it`)
      outcomes.push({ referrer: r, status: 'copied', via: 'api' })
    } catch (e) {
      outcomes.push({
        referrer: r,
        status: 'failed',
        detail: messageOf(e),
        via: placementOf(r, state)
      })
    }
  }
  if (unlisted.length === 0) return outcomes
  const tag = referrersTag(subject)
  try {
    const update = await updateReferrersTag(target, subject, unlisted.map(descriptorOf))
    for (const r of unlisted) log(`copied ${describe(r)}: listed in the referrers tag ${tag}`)
    if (update)
      log(
        `wrote the referrers tag ${tag}: ${update.added} added${update.kept > 0 ? `, ${update.kept} kept` : ''}`
      )
    outcomes.push(
      ...unlisted.map((r): ReferrerOutcome => ({
        referrer: r,
        status: 'copied',
        via: 'tag-schema'
      }))
    )
  } catch (e) {
    const detail = `stored, but the referrers tag ${tag} could not be written: ${messageOf(e)}`
    outcomes.push(
      ...unlisted.map((r): ReferrerOutcome => ({
        referrer: r,
        status: 'failed',
        detail,
        via: 'tag-schema'
      }))
    )
  }
  return outcomes
}

/**
 * A cosign tag's referrer: copied and tagged, unless the target's tag
 * already points at it, or at another manifest (kept: the target's own).
 */
export async function writeCosign(
  referrers: readonly Referrer[],
  tag: string,
  target: RepoHandle,
  state: TargetReferrers,
  copy: Copy,
  log: (line: string) => void
): Promise<ReferrerOutcome[]> {
  const outcomes: ReferrerOutcome[] = []
  for (const r of referrers) {
    const held = heldReferrer(r, state)
    if (held.state === 'already there') {
      outcomes.push({ referrer: r, status: 'already there', via: 'cosign-tag' })
      continue
    }
    if (held.state === 'kept') {
      outcomes.push({ referrer: r, status: 'kept', detail: held.detail, via: 'cosign-tag' })
      continue
    }
    try {
      await copy(r)
      await putManifest(target, tag, r.manifest)
      log(`copied ${describe(r)} to the tag ${tag}`)
      outcomes.push({ referrer: r, status: 'copied', via: 'cosign-tag' })
    } catch (e) {
      outcomes.push({ referrer: r, status: 'failed', detail: messageOf(e), via: 'cosign-tag' })
    }
  }
  return outcomes
}

/** Where a referrer would be listed: under its cosign tag, by the API when the target has it, else in the referrers tag. */
export function placementOf(r: Referrer, state: TargetReferrers): ReferrerOutcome['via'] {
  if (r.via.kind === 'cosign-tag') return 'cosign-tag'
  return state.subjects.get(r.subject)?.api ? 'api' : 'tag-schema'
}

function describe(r: Referrer): string {
  return `${kindNoun(r.kind)} ${short(r.manifest.digest)} of ${short(r.subject)}`
}
