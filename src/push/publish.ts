import type { RegistryClient } from '../distribution/client.js'
import type { PublishOptions } from '../inputs/parse.js'
import type { Repository } from '../registry/reference.js'
import type { Source } from '../registry/source.js'
import { HeldLog, runGrouped } from '../shared/log-groups.js'
import { bringContent, type Landed } from './content.js'
import { NO_GROUP, printEvent, type PublishEvents, type TargetPhase } from './events.js'
import type { Plan } from './plan.js'
import { readReferrersOf, verifyReferrersOf, writeReferrersOf } from './referrers-step.js'
import type { PublishResult, TargetResult } from './results.js'
import { nothingPushed } from '../shared/errors.js'
import { newRun, type TargetRun } from './run.js'
import { describeSource, resolveSource, type ResolvedSource } from './source-resolve.js'
import { readTarget, type TargetState } from './target-state.js'
import { writeTags } from './tag-writes.js'
import { verifyTags } from './verify.js'

/** Where progress goes: the action's log groups, or the CLI's stderr. */
export interface PublishLog {
  info(line: string): void
  warning(line: string): void
  group<T>(title: string, work: () => Promise<T>): Promise<T>
}

/** Lines without groups: what one target's work writes while others run. */
export type LineLog = Pick<PublishLog, 'info' | 'warning'>

/** The docker CLI, for a source in the local daemon. */
export interface DockerEngine {
  imageId(image: string): Promise<string>
  /** `docker tag` + `docker push` of one reference; the pushed manifest digest. */
  push(image: string, reference: string, log: (line: string) => void): Promise<{ digest: string }>
}

export interface PublishEnv {
  /** A client per registry, logged in. */
  readonly client: (registry: string) => RegistryClient
  readonly log: PublishLog
  readonly docker?: DockerEngine
  /** Called for a target with no tags yet: ECR needs its repository to exist. */
  readonly ensureRepository?: (repository: Repository, log: LineLog) => Promise<void>
  /** A file source opened and checked before the logins (see prepareSource). */
  readonly prepared?: ResolvedSource
  /** How the edge renders the publish's typed events (default: printEvent's lines). */
  readonly events?: PublishEvents
}

type Options = Pick<
  PublishOptions,
  'forwardOnly' | 'concurrency' | 'platforms' | 'platformsKeepIndex' | 'referrers'
>

/** Manifest writes and HEADs are small: they may run four times as wide as blob transfers. */
const light = (options: Options): number => options.concurrency * 4

/**
 * Publish the plan: read the source and every target first (nothing is
 * written until all of them answered), then bring the content to every
 * target, then write the tags, then the referrers, then check everything.
 */
export async function publish(
  plan: Plan,
  source: Source,
  options: Options,
  env: PublishEnv
): Promise<PublishResult> {
  const { log } = env
  const events = env.events ?? printEvent
  const phase = (target: string, p: TargetPhase) =>
    events({ kind: 'phase', target, phase: p }, NO_GROUP)
  const reads = await runGrouped<
    ResolvedSource | TargetState,
    PromiseSettledResult<ResolvedSource | TargetState>
  >(
    log,
    [
      {
        title: `Read the source ${plan.source ?? ''}`.trim(),
        run: async (l) => {
          const found =
            env.prepared ??
            (await resolveSource(source, {
              client: env.client,
              options,
              ...(env.docker ? { imageId: (image: string) => env.docker!.imageId(image) } : {})
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
          const s = await readTarget(target, client, light(options))
          if (s.existingTags.length === 0) await env.ensureRepository?.(target.repository, l)
          l.info(describeState(s))
          return s
        }
      }))
    ],
    (settled) => settled
  )
  const failed = reads.find((r) => r.status === 'rejected')
  if (failed) throw nothingPushed(failed.reason)
  const [first, ...targets] = reads.map(
    (r) => (r as PromiseFulfilledResult<ResolvedSource | TargetState>).value
  )
  const resolved = first as ResolvedSource
  const runs: TargetRun[] = (targets as TargetState[]).map((s) => newRun(s, events))
  const name = (run: TargetRun) => run.state.target.repository.name
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

  // Registries at once, so one slow registry holds up no other; targets on
  // one registry one after another, so the second mounts the first's blobs
  // (or the docker CLI does) instead of uploading them again.
  const landed: Landed = new Map()
  await runGrouped(
    log,
    inTurnPerRegistry(runs, (run) => ({
      title: `Content for ${name(run)}`,
      run: (l: LineLog) => {
        phase(name(run), 'sending content')
        return bringContent(run, resolved, options, landed, { ...env, log: { ...log, ...l } })
      }
    })),
    () => undefined
  )
  await runGrouped(
    log,
    runs.map((run) => ({
      title: `Tags of ${name(run)}`,
      run: (l: LineLog) => {
        phase(name(run), 'writing tags')
        return writeTags(run, light(options), l)
      }
    })),
    () => undefined
  )
  if (resolved.kind === 'content' && held)
    await runGrouped(
      log,
      runs.map((run, i) => ({
        title: `Referrers of ${name(run)}`,
        run: (l: LineLog) => {
          phase(name(run), 'copying referrers')
          return writeReferrersOf(run, resolved, held[i]!, options, l)
        }
      })),
      () => undefined
    )
  await log.group('Verify', async () => {
    const holds = runs.map(() => new HeldLog())
    await Promise.all(
      runs.map(async (run, i) => {
        phase(name(run), 'verifying')
        await verifyTags(run, light(options), holds[i]!)
        await verifyReferrersOf(run, holds[i]!)
        phase(name(run), 'verified')
      })
    )
    for (const hold of holds) hold.release(log)
  })
  return result(runs, resolved, log)
}

/**
 * Tasks for every target, started at once, where targets on the same
 * registry wait for the one before them.
 */
function inTurnPerRegistry(
  runs: readonly TargetRun[],
  task: (run: TargetRun) => { title: string; run: (l: LineLog) => Promise<void> }
): { title: string; run: (l: LineLog) => Promise<void> }[] {
  const previous = new Map<string, Promise<void>>()
  return runs.map((run) => {
    const registry = run.state.target.repository.registry
    const before = previous.get(registry) ?? Promise.resolve()
    let finish = (): void => undefined
    previous.set(registry, new Promise<void>((resolve) => (finish = resolve)))
    const { title, run: work } = task(run)
    return {
      title,
      run: async (l: LineLog) => {
        try {
          await before
          await work(l)
        } finally {
          finish()
        }
      }
    }
  })
}

function result(runs: readonly TargetRun[], source: ResolvedSource, log: LineLog): PublishResult {
  const targets: TargetResult[] = runs.map((run) => ({
    repository: run.state.target.repository,
    ...(run.manifest ? { digest: run.manifest.digest } : {}),
    tags: run.state.target.tags.map((t) => run.results.get(t.tag)!),
    ...(run.referrers ? { referrers: run.referrers } : {})
  }))
  const digests = [...new Set(targets.flatMap((t) => (t.digest ? [t.digest] : [])))]
  if (digests.length > 1)
    log.warning(
      `the targets hold different digests (${digests.join(', ')}): the docker CLI compressed the layers differently per registry`
    )
  const platforms = source.kind === 'content' ? source.platforms : undefined
  return { digest: digests[0] ?? '', targets, ...(platforms ? { platforms } : {}) }
}

function describeState(s: TargetState): string {
  const planned = s.target.tags.length
  const have = s.current.size
  return `${s.existingTags.length} tag(s) in the repository; ${have} of the ${planned} planned tag(s) exist`
}
