import type { RegistryClient } from '../distribution/client.js'
import { findManifest } from '../distribution/manifests.js'
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
 * Read the repository's tags and where every planned tag points, all in one
 * wave (see findManifest: a HEAD on Docker Hub, where it is not a pull). The
 * tag reads do not wait for the list: a round trip less, and the connections
 * they open carry the tag writes that follow. A tag that does not exist
 * answers 404 and stays absent.
 */
export async function readTarget(
  target: PlanTarget,
  client: RegistryClient,
  concurrency: number,
  tagList: (repo: RepoHandle) => Promise<string[]> = listTags
): Promise<TargetState> {
  const repo = repoHandle(client, target.repository.path, 'push')
  const current = new Map<string, string>()
  const [existingTags] = await Promise.all([
    tagList(repo),
    allLimited(target.tags, concurrency, async (t) => {
      const found = await findManifest(repo, t.tag)
      if (found) current.set(t.tag, found.digest)
    })
  ])
  return { target, repo, existingTags, current }
}
