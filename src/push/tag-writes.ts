import { putManifest } from '../distribution/manifests.js'
import { keptDetail } from './floating.js'
import { allLimited } from '../shared/limit.js'
import type { PlannedTag } from './plan.js'
import type { LineLog } from './publish.js'
import { base, settle, tagResult, type TargetRun } from './run.js'
import { tagWriteFailure } from './write-errors.js'

export async function writeTags(run: TargetRun, width: number, log: LineLog): Promise<void> {
  const pending = run.state.target.tags.filter((t) => !run.results.has(t.tag))
  // Fixed tags first, floating ones (latest, 1, 1.2, rc) after them: a
  // floating tag never points at a release whose own tag is missing. Within
  // each group the writes run in parallel: one round trip, not one per tag.
  const fixed = pending.filter((t) => !t.floating)
  const floating = pending.filter((t) => t.floating)
  await allLimited(fixed, width, (tag) => writeTag(run, tag, log))
  // A fixed tag that did not land holds the floating ones back, or they would
  // point at a release whose own tag is missing; a re-run writes them all.
  const missing = fixed.find((t) => run.results.get(t.tag)?.status === 'failed')
  if (missing) {
    const detail = heldBackDetail(missing.reference, 'did not land')
    for (const tag of floating) {
      if (run.decisions.get(tag.tag)?.action !== 'write') continue
      settle(run, { ...base(tag), status: 'failed', detail }, log)
    }
  }
  await allLimited(
    floating.filter((t) => !run.results.has(t.tag)),
    width,
    (tag) => writeTag(run, tag, log)
  )
}

async function writeTag(run: TargetRun, tag: PlannedTag, log: LineLog): Promise<void> {
  const manifest = run.manifest
  const decision = run.decisions.get(tag.tag)!
  if (decision.action === 'kept')
    return settle(run, { ...base(tag), status: 'kept', detail: keptDetail(decision.newer) }, log)
  if (decision.action === 'already there')
    return settle(run, tagResult(tag, 'already there', manifest!.digest), log)
  try {
    await putManifest(run.state.repo, tag.tag, manifest!)
    settle(run, tagResult(tag, 'pushed', manifest!.digest), log, decision.current)
  } catch (e) {
    const detail = tagWriteFailure(e, tag.tag, decision.current)
    settle(run, { ...base(tag), status: 'failed', detail }, log)
  }
}

/** Why a floating tag is not written when its release tag is not: `did not land`, or in a preview `is blocked`. */
export function heldBackDetail(release: string, why: string): string {
  return `not written: the release tag ${release} ${why}, and a floating tag never points at a release without its own tag`
}
