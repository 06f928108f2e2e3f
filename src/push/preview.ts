import type { Source } from '../registry/source.js'
import { runGrouped } from '../shared/log-groups.js'
import { previewContent, type Landed } from './content.js'
import { NO_GROUP, printEvent } from './events.js'
import { pushPermission } from './permission.js'
import type { Plan } from './plan.js'
import { referrerPreviews } from './preview-referrers.js'
import {
  contentText,
  type ContentPreview,
  type PreviewResult,
  type PreviewTarget,
  type RepositoryFacts
} from './preview-result.js'
import { previewTags } from './preview-tags.js'
import {
  inTurnPerRegistry,
  type LineLog,
  type PublishEnv,
  type PublishOptionsUsed
} from './publish.js'
import { readPhase } from './read-phase.js'
import type { TargetRun } from './run.js'

/**
 * Preview the release: the publish with its write phases left out. The same
 * reads (the source, every target, their referrers; a missing ECR repository
 * is reported, never created), the same decisions per tag, the content
 * counted instead of copied, and whether the credentials may push, read from
 * the token the reads obtained. Nothing is written anywhere: no PUT, PATCH,
 * POST or DELETE on any registry, no docker login or push.
 */
export async function preview(
  plan: Plan,
  source: Source,
  options: PublishOptionsUsed,
  env: PublishEnv
): Promise<PreviewResult> {
  const { log } = env
  const events = env.events ?? printEvent
  const { resolved, runs, held, repositories } = await readPhase(
    plan,
    source,
    options,
    env,
    'preview'
  )
  const name = (run: TargetRun) => run.state.target.repository.name
  // As the publish brings content: targets on one registry in turn, so a
  // later one counts the blobs an earlier one would hold as mounts.
  const landed: Landed = new Map()
  const contents = new Map<TargetRun, ContentPreview>()
  await runGrouped(
    log,
    inTurnPerRegistry(runs, (run) => ({
      title: `What ${name(run)} would get`,
      run: async (l: LineLog) => {
        events({ kind: 'phase', target: name(run), phase: 'previewing' }, NO_GROUP)
        const content = await previewContent(run, resolved, options, landed)
        contents.set(run, content)
        l.info(contentText(content))
      }
    })),
    (settled) => {
      if (settled.status === 'rejected') throw settled.reason
    }
  )
  const targets = runs.map((run, i) =>
    previewTarget(run, contents.get(run)!, repositories[i], () =>
      resolved.kind === 'content' && held
        ? referrerPreviews(resolved.referrers, held[i]!)
        : undefined
    )
  )
  for (const run of runs) events({ kind: 'phase', target: name(run), phase: 'previewed' }, NO_GROUP)
  const digests = [...new Set(runs.map((r) => r.manifest?.digest))]
  // A local image's digest is known only where a target holds it already.
  const digest = digests.length === 1 && digests[0] !== undefined ? digests[0] : ''
  return {
    digest,
    ...(resolved.kind === 'local' ? { localImage: resolved.imageId } : {}),
    targets,
    ...(resolved.kind === 'content' && resolved.platforms ? { platforms: resolved.platforms } : {})
  }
}

function previewTarget(
  run: TargetRun,
  content: ContentPreview,
  facts: RepositoryFacts | undefined,
  referrers: () => PreviewTarget['referrers']
): PreviewTarget {
  const { state } = run
  const { repository } = state.target
  const client = state.repo.client
  const permission = pushPermission(
    client.grantOn(state.repo.scopes, repository.path),
    client.provider?.kind,
    repository.path
  )
  const expected = run.manifest?.digest
  const tags = previewTags(
    state.target.tags.map((tag) => {
      const current = state.current.get(tag.tag)
      return {
        tag,
        decision: run.decisions.get(tag.tag)!,
        ...(current !== undefined ? { current } : {}),
        ...(expected !== undefined ? { expected } : {})
      }
    }),
    {
      immutable: facts?.immutable ?? false,
      ...(facts?.blocked !== undefined ? { repository: facts.blocked } : {}),
      ...(permission.status === 'denied' ? { permission: permission.detail } : {})
    }
  )
  const found = referrers()
  return {
    repository,
    permission,
    content,
    tags,
    ...(found ? { referrers: found } : {}),
    ...(facts?.note !== undefined ? { note: facts.note } : {})
  }
}
