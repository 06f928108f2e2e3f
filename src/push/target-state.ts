import type { RegistryClient } from '../distribution/client.js'
import { headManifest } from '../distribution/manifests.js'
import { repoHandle, type RepoHandle } from '../distribution/repo.js'
import { listTags } from '../distribution/tags.js'
import { allLimited } from '../shared/limit.js'
import type { PlanTarget } from './plan.js'

/** A target repository as it is before tagship writes anything. */
export interface TargetState {
  readonly target: PlanTarget
  readonly repo: RepoHandle
  /** Every tag the repository has. */
  readonly existingTags: readonly string[]
  /** Where each planned tag points now; a tag that does not exist is absent. */
  readonly current: ReadonlyMap<string, string>
}

/**
 * Read the repository's tags, then `HEAD` each planned tag it has (a `HEAD`
 * is not a pull on Docker Hub). A tag missing from the list is not asked for.
 */
export async function readTarget(
  target: PlanTarget,
  client: RegistryClient,
  concurrency: number
): Promise<TargetState> {
  const repo = repoHandle(client, target.repository.path, 'push')
  const existingTags = await listTags(repo)
  const have = new Set(existingTags)
  const current = new Map<string, string>()
  const listed = target.tags.filter((t) => have.has(t.tag))
  await allLimited(listed, concurrency, async (t) => {
    const head = await headManifest(repo, t.tag)
    if (head) current.set(t.tag, head.digest)
  })
  return { target, repo, existingTags, current }
}
