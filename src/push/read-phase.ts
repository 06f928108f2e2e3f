import type { TargetReferrers } from '../referrers/target.js'
import { nothingPushed } from '../shared/errors.js'
import { runGrouped } from '../shared/log-groups.js'
import { NO_GROUP, printEvent, type TargetPhase } from './events.js'
import type { Plan } from './plan.js'
import type { LineLog, PublishEnv, PublishOptionsUsed } from './publish.js'
import type { RepositoryFacts } from './preview-result.js'
import { readReferrersOf } from './referrers-step.js'
import { newRun, type TargetRun } from './run.js'
import { describeSource, resolveSource, type ResolvedSource } from './source-resolve.js'
import { readTarget, type TargetState } from './target-state.js'
import { tagListsOnce } from '../distribution/tags.js'
import { tmpdir } from 'node:os'
import { localUpload } from './local-upload.js'
import type { Source } from '../registry/source.js'

/** Manifest writes and HEADs are small: they may run four times as wide as blob transfers. */
export const light = (options: Pick<PublishOptionsUsed, 'concurrency'>): number =>
  options.concurrency * 4

/** What the reads found, before anything is written: the publish and the preview both start here. */
export interface ReadPhase {
  readonly resolved: ResolvedSource
  readonly runs: TargetRun[]
  /** What each target holds of the source's referrers, by run; undefined when there are none. */
  readonly held?: readonly TargetReferrers[]
  /** A preview's look at each target's repository (ECR: missing, immutable), by run. */
  readonly repositories: readonly (RepositoryFacts | undefined)[]
}

/**
 * Read the source and every target, all at once, then what every target
 * holds of the referrers: nothing is written until all of them answered, and
 * a read that fails stops everything with nothing pushed. A publish makes
 * sure a target with no tags can take a push (ECR: its repository exists,
 * created when allowed); a preview only looks (`mode: 'preview'`).
 */
export async function readPhase(
  plan: Plan,
  source: Source,
  options: PublishOptionsUsed,
  env: PublishEnv,
  mode: 'publish' | 'preview' = 'publish'
): Promise<ReadPhase> {
  const { log } = env
  const events = env.events ?? printEvent
  const phase = (target: string, p: TargetPhase) =>
    events({ kind: 'phase', target, phase: p }, NO_GROUP)
  // A source and a target in one repository read its tag list once.
  const tagList = tagListsOnce()
  type Read = ResolvedSource | { state: TargetState; facts: RepositoryFacts | undefined }
  const reads = await runGrouped<Read, PromiseSettledResult<Read>>(
    log,
    [
      {
        title: `Read the source ${plan.source ?? ''}`.trim(),
        run: async (l) => {
          const found =
            env.prepared ??
            (await resolveSource(source, {
              client: env.client,
              tagList,
              targets: new Set(
                plan.targets.map((t) => `${t.repository.registry}/${t.repository.path}`)
              ),
              options,
              ...(env.docker ? { imageId: (image: string) => env.docker!.imageId(image) } : {}),
              ...(env.docker?.save && options.localPush === 'upload'
                ? {
                    localUpload: (image: string, imageId: string) =>
                      localUpload(image, imageId, {
                        save: env.docker!.save!,
                        dir: env.tempDir ?? tmpdir(),
                        concurrency: options.concurrency
                      })
                  }
                : {})
            }))
          for (const line of describeSource(found)) l.info(line)
          return found
        }
      },
      ...plan.targets.map((target) => ({
        title: `Read ${target.repository.name}`,
        run: async (l: LineLog) => {
          phase(target.repository.name, 'reading')
          const client = env.client(target.repository.registry)
          const state = await readTarget(target, client, light(options), tagList)
          const empty = state.existingTags.length === 0
          let facts: RepositoryFacts | undefined
          if (mode === 'preview') facts = await env.inspectRepository?.(target.repository, empty, l)
          else if (empty) await env.ensureRepository?.(target.repository, l)
          l.info(describeState(state))
          return { state, facts }
        }
      }))
    ],
    (settled) => settled
  )
  const failed = reads.find((r) => r.status === 'rejected')
  if (failed) throw nothingPushed(failed.reason)
  const [first, ...targets] = reads.map((r) => (r as PromiseFulfilledResult<Read>).value)
  const resolved = first as ResolvedSource
  const found = targets as { state: TargetState; facts: RepositoryFacts | undefined }[]
  const runs = found.map((t) => newRun(t.state, events))
  const referrers = resolved.kind === 'content' ? resolved.referrers : []
  // What each target already holds of the referrers: read before any write too.
  const held =
    referrers.length > 0
      ? await log.group('Read the referrers on every target', () =>
          readReferrersOf(runs, referrers, light(options)).catch((e: unknown) => {
            throw nothingPushed(e)
          })
        )
      : undefined
  return { resolved, runs, ...(held ? { held } : {}), repositories: found.map((t) => t.facts) }
}

function describeState(s: TargetState): string {
  const planned = s.target.tags.length
  const have = s.current.size
  return `${s.existingTags.length} tag(s) in the repository; ${have} of the ${planned} planned tag(s) exist`
}
