import type { RegistryClient } from '../distribution/client.js'
import type { PublishOptions } from '../inputs/parse.js'
import type { Repository } from '../registry/reference.js'
import type { Source } from '../registry/source.js'
import { HeldLog, runGrouped } from '../shared/log-groups.js'
import { bringContent, type Landed } from './content.js'
import { NO_GROUP, printEvent, type PublishEvents, type TargetPhase } from './events.js'
import type { Plan } from './plan.js'
import type { RepositoryFacts } from './preview-result.js'
import { light, readPhase, type ReadPhase } from './read-phase.js'
import { verifyReferrersOf, writeReferrersOf } from './referrers-step.js'
import type { PublishResult, TargetResult } from './results.js'
import type { TargetRun } from './run.js'
import type { ResolvedSource } from './source-resolve.js'
import { writeTags } from './tag-writes.js'
import { verifyTags } from './verify.js'
import type { SavedImage } from '../docker/save.js'

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
  /** `docker save` of the image known by `imageId`, for `local-push: upload`. */
  save?(image: string, imageId: string): Promise<SavedImage>
}

export interface PublishEnv {
  /** A client per registry, logged in. */
  readonly client: (registry: string) => RegistryClient
  readonly log: PublishLog
  readonly docker?: DockerEngine
  /** Called for a target with no tags yet: ECR needs its repository to exist. */
  readonly ensureRepository?: (repository: Repository, log: LineLog) => Promise<void>
  /**
   * A preview's look at every target repository, writing nothing: what
   * ensureRepository would find (ECR: missing, immutable tags). `empty`: the
   * target has no tags yet.
   */
  readonly inspectRepository?: (
    repository: Repository,
    empty: boolean,
    log: LineLog
  ) => Promise<RepositoryFacts | undefined>
  /** A file source opened and checked before the logins (see prepareSource). */
  readonly prepared?: ResolvedSource
  /** How the edge renders the publish's typed events (default: printEvent's lines). */
  readonly events?: PublishEvents
  /** Where a local image is saved and compressed for upload (RUNNER_TEMP; default: the OS temp dir). */
  readonly tempDir?: string
}

/** The publishing options a publish (and a preview) reads. */
export type PublishOptionsUsed = Pick<
  PublishOptions,
  'forwardOnly' | 'concurrency' | 'platforms' | 'platformsKeepIndex' | 'referrers' | 'localPush'
>

/**
 * Publish the plan: read the source and every target first (nothing is
 * written until all of them answered), then bring the content to every
 * target, then write the tags, then the referrers, then check everything.
 */
export async function publish(
  plan: Plan,
  source: Source,
  options: PublishOptionsUsed,
  env: PublishEnv
): Promise<PublishResult> {
  const { resolved, runs, held } = await readPhase(plan, source, options, env)
  try {
    return await writePhases(resolved, runs, held, options, env)
  } finally {
    if (resolved.kind === 'local') await resolved.upload?.close()
  }
}

/** Content, tags, referrers, then the checks: everything after the reads. */
async function writePhases(
  resolved: ResolvedSource,
  runs: TargetRun[],
  held: ReadPhase['held'],
  options: PublishOptionsUsed,
  env: PublishEnv
): Promise<PublishResult> {
  const { log } = env
  const events = env.events ?? printEvent
  const phase = (target: string, p: TargetPhase) =>
    events({ kind: 'phase', target, phase: p }, NO_GROUP)
  const name = (run: TargetRun) => run.state.target.repository.name

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
export function inTurnPerRegistry(
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
