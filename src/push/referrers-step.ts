import type { PublishOptions } from '../inputs/parse.js'
import { referrerSummary } from '../referrers/summary.js'
import { referrersTag } from '../referrers/tag-names.js'
import {
  readTargetReferrers,
  referrerProblems,
  writeReferrers,
  type ReferrerOutcome,
  type TargetReferrers
} from '../referrers/target.js'
import type { Referrer } from '../referrers/types.js'
import { short } from '../distribution/copy.js'
import { NO_GROUP } from './events.js'
import { allLimited } from '../shared/limit.js'
import type { LineLog } from './publish.js'
import type { ReferrerResult } from './results.js'
import type { TargetRun } from './run.js'
import type { ResolvedSource } from './source-resolve.js'

/** Outcomes kept for verification, by run. */
const outcomesOf = new WeakMap<TargetRun, readonly ReferrerOutcome[]>()

/** What every target holds of the referrers already (reads only). */
export async function readReferrersOf(
  runs: readonly TargetRun[],
  referrers: readonly Referrer[],
  width: number
): Promise<TargetReferrers[]> {
  return allLimited(runs, width, (run) =>
    readTargetReferrers(run.state.repo, referrers, run.state.existingTags)
  )
}

/** Copy the referrers to one target whose content arrived. */
export async function writeReferrersOf(
  run: TargetRun,
  source: Extract<ResolvedSource, { kind: 'content' }>,
  held: TargetReferrers,
  options: Pick<PublishOptions, 'concurrency'>,
  log: LineLog
): Promise<void> {
  if (run.contentFailed) {
    log.warning('referrers not copied: the image itself did not arrive')
    return
  }
  const registry = run.state.target.repository.registry
  const from = source.content.repository
  const outcomes = await writeReferrers(source.content, run.state.repo, source.referrers, held, {
    concurrency: options.concurrency,
    ...(from?.registry === registry ? { mountFrom: [from.path] } : {}),
    log: (line) => log.info(line)
  })
  outcomesOf.set(run, outcomes)
  run.referrers = outcomes.map(resultOf)
  for (const r of run.referrers)
    run.events(
      {
        kind: 'referrer',
        target: run.state.target.repository.name,
        digest: r.digest,
        status: r.status
      },
      NO_GROUP
    )
  for (const o of outcomes)
    if (o.status === 'failed' || o.status === 'kept')
      log.warning(
        `${o.referrer.kind} ${short(o.referrer.manifest.digest)}: ${o.status}: ${o.detail ?? ''}`
      )
  const copied = outcomes.filter((o) => o.status === 'copied')
  const there = outcomes.filter((o) => o.status === 'already there')
  log.info(
    `referrers: ${copied.length > 0 ? `copied ${referrerSummary(copied.map((o) => o.referrer))}` : 'none copied'}${there.length > 0 ? `; already there: ${referrerSummary(there.map((o) => o.referrer))}` : ''}`
  )
}

/** Each copied referrer must be listed for its subject on the target afterwards. */
export async function verifyReferrersOf(run: TargetRun, log: LineLog): Promise<void> {
  const outcomes = outcomesOf.get(run)
  if (!outcomes || outcomes.length === 0) return
  const problems = await referrerProblems(run.state.repo, outcomes)
  for (const p of problems) {
    log.warning(`${run.state.target.repository.name}: ${p.detail}`)
    run.referrers = (run.referrers ?? []).map((r) =>
      r.digest === p.digest ? { ...r, status: 'failed', detail: `verification: ${p.detail}` } : r
    )
  }
  const ok = outcomes.length - problems.length
  log.info(`${run.state.target.repository.name}: ${ok} of ${outcomes.length} referrer(s) checked`)
}

function resultOf(o: ReferrerOutcome): ReferrerResult {
  const where =
    o.via === 'api'
      ? 'referrers API'
      : o.via === 'tag-schema'
        ? `referrers tag ${referrersTag(o.referrer.subject)}`
        : `tag ${o.referrer.via.kind === 'cosign-tag' ? o.referrer.via.tag : ''}`
  return {
    digest: o.referrer.manifest.digest,
    subject: o.referrer.subject,
    kind: o.referrer.kind,
    where,
    status: o.status,
    ...(o.detail !== undefined ? { detail: o.detail } : {})
  }
}
