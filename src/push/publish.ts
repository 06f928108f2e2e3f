import type { RegistryClient } from '../distribution/client.js'
import { copyContent, formatBytes, short } from '../distribution/copy.js'
import {
  getManifest,
  headManifest,
  putManifest,
  type RawManifest
} from '../distribution/manifests.js'
import type { PublishOptions } from '../inputs/parse.js'
import type { Repository } from '../registry/reference.js'
import type { Source } from '../registry/source.js'
import { decideTag, type TagDecision } from './decide.js'
import { keptDetail } from './floating.js'
import { findLocalImage } from './docker-content.js'
import { allLimited } from './limit.js'
import type { Plan, PlannedTag } from './plan.js'
import type { PublishResult, TagResult, TargetResult } from './results.js'
import { resolveSource, type ResolvedSource } from './source-resolve.js'
import { readTarget, type TargetState } from './target-state.js'
import { tagWriteFailure } from './write-errors.js'
import { HeldLog, runGrouped } from '../log/groups.js'

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
}

type Options = Pick<PublishOptions, 'forwardOnly' | 'concurrency'>

/** Manifest writes and HEADs are small: they may run four times as wide as blob transfers. */
const light = (options: Options): number => options.concurrency * 4

/** One target on its way: what it holds, what to write, what happened. */
interface TargetRun {
  readonly state: TargetState
  manifest?: RawManifest
  decisions: Map<string, TagDecision>
  readonly results: Map<string, TagResult>
}

/**
 * Publish the plan: read the source and every target first (nothing is
 * written until all of them answered), then bring the content to every
 * target, then write the tags, then check every tag again.
 */
export async function publish(
  plan: Plan,
  source: Source,
  options: Options,
  env: PublishEnv
): Promise<PublishResult> {
  const { log } = env
  // Read everything at once; nothing is written until every read answered.
  const reads = await runGrouped<
    ResolvedSource | TargetState,
    PromiseSettledResult<ResolvedSource | TargetState>
  >(
    log,
    [
      {
        title: `Read the source ${plan.source ?? ''}`.trim(),
        run: async (l) => {
          const found = await resolveSource(source, {
            client: env.client,
            ...(env.docker ? { imageId: (image: string) => env.docker!.imageId(image) } : {})
          })
          l.info(
            found.kind === 'registry'
              ? `${found.manifest.digest} (${found.manifest.mediaType})`
              : `local image ${found.imageId}`
          )
          return found
        }
      },
      ...plan.targets.map((target) => ({
        title: `Read ${target.repository.name}`,
        run: async (l: LineLog) => {
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
  if (failed)
    throw new Error(`${messageOf(failed.reason)}; nothing was pushed`, { cause: failed.reason })
  const [first, ...targets] = reads.map(
    (r) => (r as PromiseFulfilledResult<ResolvedSource | TargetState>).value
  )
  const resolved = first as ResolvedSource
  const runs: TargetRun[] = (targets as TargetState[]).map((state) => ({
    state,
    decisions: new Map(),
    results: new Map()
  }))

  // Registries at once, so one slow registry holds up no other; targets on
  // one registry one after another, so the second finds the first's blobs
  // there (the docker CLI mounts them) instead of uploading them again.
  const previous = new Map<string, Promise<void>>()
  await runGrouped(
    log,
    runs.map((run) => {
      const registry = run.state.target.repository.registry
      const before = previous.get(registry) ?? Promise.resolve()
      let finish = (): void => undefined
      previous.set(registry, new Promise<void>((resolve) => (finish = resolve)))
      return {
        title: `Content for ${run.state.target.repository.name}`,
        run: async (l: LineLog) => {
          try {
            await before
            await bringContent(run, resolved, options, { ...env, log: { ...log, ...l } })
          } finally {
            finish()
          }
        }
      }
    }),
    () => undefined
  )
  await runGrouped(
    log,
    runs.map((run) => ({
      title: `Tags of ${run.state.target.repository.name}`,
      run: (l: LineLog) => writeTags(run, options, l)
    })),
    () => undefined
  )
  await log.group('Verify', async () => {
    const holds = runs.map(() => new HeldLog())
    await Promise.all(runs.map((run, i) => verify(run, options, holds[i]!)))
    for (const hold of holds) hold.release(log)
  })
  return result(runs, log)
}

function decideAll(run: TargetRun, expected: string | undefined, options: Options): void {
  for (const tag of run.state.target.tags) {
    if (run.results.has(tag.tag)) continue
    const current = run.state.current.get(tag.tag)
    run.decisions.set(
      tag.tag,
      decideTag({
        ...(current !== undefined ? { current } : {}),
        ...(expected !== undefined ? { expected } : {}),
        ...(tag.floating ? { floating: tag.floating } : {}),
        existingTags: run.state.existingTags,
        forwardOnly: options.forwardOnly
      })
    )
  }
}

async function bringContent(
  run: TargetRun,
  source: ResolvedSource,
  options: Options,
  env: PublishEnv
): Promise<void> {
  const { state } = run
  const target = state.target.repository
  try {
    if (source.kind === 'registry') {
      run.manifest = source.manifest
      decideAll(run, source.manifest.digest, options)
      if (!hasWrites(run)) return env.log.info('nothing to copy: no tag needs writing')
      if (source.registry === target.registry && source.repo.path === state.repo.path)
        return env.log.info('a retag in the source repository: the content is there already')
      const stats = await copyContent(source.repo, state.repo, source.manifest, {
        concurrency: options.concurrency,
        sameRegistry: source.registry === target.registry,
        log: (line) => env.log.info(line)
      })
      env.log.info(
        `blobs: ${stats.blobsUploaded} uploaded (${formatBytes(stats.bytesUploaded)}), ${stats.blobsMounted} mounted, ${stats.blobsPresent} already there; manifests: ${stats.manifestsWritten} written, ${stats.manifestsPresent} already there`
      )
      return
    }
    const found = await findLocalImage(state, source.imageId)
    if (found) {
      run.manifest = found
      decideAll(run, found.digest, options)
      return env.log.info(`the image is already there as ${found.digest}: no docker push`)
    }
    decideAll(run, undefined, options)
    const first = pushTagOf(run)
    if (!first) return env.log.info('nothing to push: every tag is kept')
    const reference = `${target.name}:${first.tag}`
    const pushed = await env.docker!.push(source.image, reference, (line) => env.log.info(line))
    run.manifest = await getManifest(state.repo, pushed.digest)
    run.results.set(first.tag, tagResult(first, 'pushed', pushed.digest))
    run.decisions.delete(first.tag)
    decideAll(run, pushed.digest, options)
  } catch (e) {
    failWrites(run, `the content could not be pushed: ${messageOf(e)}`)
  }
}

/** The tag the docker CLI pushes: the first to write, preferring one that does not exist yet. */
function pushTagOf(run: TargetRun): PlannedTag | undefined {
  const writes = run.state.target.tags.filter((t) => run.decisions.get(t.tag)?.action === 'write')
  return writes.find((t) => !run.state.current.has(t.tag)) ?? writes[0]
}

async function writeTags(run: TargetRun, options: Options, log: LineLog): Promise<void> {
  const pending = run.state.target.tags.filter((t) => !run.results.has(t.tag))
  // Fixed tags first, floating ones (latest, 1, 1.2, rc) after them: a
  // floating tag never points at a release whose own tag is missing. Within
  // each group the writes run in parallel: one round trip, not one per tag.
  const fixed = pending.filter((t) => !t.floating)
  const floating = pending.filter((t) => t.floating)
  await allLimited(fixed, light(options), (tag) => writeTag(run, tag, log))
  // A fixed tag that did not land holds the floating ones back, or they would
  // point at a release whose own tag is missing; a re-run writes them all.
  const missing = fixed.find((t) => run.results.get(t.tag)?.status === 'failed')
  if (missing) {
    const detail = `not written: the release tag ${missing.reference} did not land, and a floating tag never points at a release without its own tag`
    for (const tag of floating) {
      if (run.decisions.get(tag.tag)?.action !== 'write') continue
      run.results.set(tag.tag, { ...base(tag), status: 'failed', detail })
      log.warning(`${tag.reference}: ${detail}`)
    }
  }
  await allLimited(
    floating.filter((t) => !run.results.has(t.tag)),
    light(options),
    (tag) => writeTag(run, tag, log)
  )
}

async function writeTag(run: TargetRun, tag: PlannedTag, log: LineLog): Promise<void> {
  const manifest = run.manifest
  const decision = run.decisions.get(tag.tag)!
  if (decision.action === 'kept') {
    log.warning(
      `${tag.reference}: kept where it is, the newer version ${decision.newer} holds it (forward-only)`
    )
    run.results.set(tag.tag, { ...base(tag), status: 'kept', detail: keptDetail(decision.newer) })
    return
  }
  if (decision.action === 'already there') {
    run.results.set(tag.tag, tagResult(tag, 'already there', manifest!.digest))
    log.info(`${tag.tag}: already there`)
    return
  }
  try {
    await putManifest(run.state.repo, tag.tag, manifest!)
    run.results.set(tag.tag, tagResult(tag, 'pushed', manifest!.digest))
    log.info(`${tag.tag}: pushed${decision.current ? ` (was ${short(decision.current)})` : ''}`)
  } catch (e) {
    const detail = tagWriteFailure(e, tag.tag, decision.current)
    run.results.set(tag.tag, { ...base(tag), status: 'failed', detail })
    log.warning(`${tag.reference}: ${detail}`)
  }
}

/** Resolve every landed tag again: it must point at the digest this run published. */
async function verify(run: TargetRun, options: Options, log: LineLog): Promise<void> {
  const landed = [...run.results.values()].filter(
    (r) => r.status === 'pushed' || r.status === 'already there'
  )
  await allLimited(landed, light(options), async (r) => {
    const head = await headManifest(run.state.repo, r.tag).catch((e: unknown) => messageOf(e))
    const now = typeof head === 'string' ? undefined : head?.digest
    if (now === r.digest) return
    const why =
      typeof head === 'string'
        ? `could not be read back: ${head}`
        : now === undefined
          ? 'is missing after the push'
          : `points at ${now}, not ${r.digest}`
    run.results.set(r.tag, { ...r, status: 'failed', detail: `verification: the tag ${why}` })
    log.warning(`${r.reference}: the tag ${why}`)
  })
  const checked = landed.length
  log.info(`${run.state.target.repository.name}: ${checked} tag(s) checked`)
}

function result(runs: readonly TargetRun[], log: LineLog): PublishResult {
  const targets: TargetResult[] = runs.map((run) => ({
    repository: run.state.target.repository,
    ...(run.manifest ? { digest: run.manifest.digest } : {}),
    tags: run.state.target.tags.map((t) => run.results.get(t.tag)!)
  }))
  const digests = [...new Set(targets.flatMap((t) => (t.digest ? [t.digest] : [])))]
  if (digests.length > 1)
    log.warning(
      `the targets hold different digests (${digests.join(', ')}): the docker CLI compressed the layers differently per registry`
    )
  return { digest: digests[0] ?? '', targets }
}

function failWrites(run: TargetRun, detail: string): void {
  for (const tag of run.state.target.tags) {
    if (run.results.has(tag.tag)) continue
    const d = run.decisions.get(tag.tag)
    if (d !== undefined && d.action !== 'write') continue
    run.results.set(tag.tag, { ...base(tag), status: 'failed', detail })
  }
}

function hasWrites(run: TargetRun): boolean {
  return [...run.decisions.values()].some((d) => d.action === 'write')
}

function base(tag: PlannedTag): Pick<TagResult, 'tag' | 'reference' | 'reasons'> {
  return { tag: tag.tag, reference: tag.reference, reasons: tag.reasons }
}

function tagResult(tag: PlannedTag, status: 'pushed' | 'already there', digest: string): TagResult {
  return { ...base(tag), status, digest }
}

function describeState(s: TargetState): string {
  const planned = s.target.tags.length
  const have = s.current.size
  return `${s.existingTags.length} tag(s) in the repository; ${have} of the ${planned} planned tag(s) exist`
}

function messageOf(e: unknown): string {
  return e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e)
}
