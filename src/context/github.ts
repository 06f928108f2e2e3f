import type { EventPayload } from './payload.js'
import { checkedContext, type Env, type EventNames, type RawEvent } from './event.js'
import type { EventContext } from '../tags/context.js'

export type { Env } from './event.js'

/** The runner's variable (or payload file) behind each fact, for errors. */
export const GITHUB_NAMES: EventNames = {
  event: 'GITHUB_EVENT_NAME',
  ref: 'GITHUB_REF',
  sha: 'GITHUB_SHA',
  prNumber: 'GITHUB_EVENT_PATH',
  prHeadSha: 'GITHUB_EVENT_PATH'
}

/** True when the environment is a GitHub Actions job (or hand-set GITHUB_* variables). */
export function isGithub(env: Env): boolean {
  return env.GITHUB_ACTIONS === 'true' || env.GITHUB_REF !== undefined
}

/** The facts of a GitHub Actions run, from its `GITHUB_*` variables and payload, unchecked. */
export function readGithub(env: Env, payload: EventPayload): RawEvent {
  const repo = payload.repository
  const pr = payload.pull_request
  const prNumber = pr?.number ?? payload.number
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const url =
    repo?.html_url ?? (env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined)
  const name = repo?.name ?? env.GITHUB_REPOSITORY?.split('/')[1]
  const license = repo?.license?.spdx_id
  const release = env.GITHUB_EVENT_NAME === 'release' ? payload.release : undefined
  // A release created before its tag exists (a draft) may come with an empty
  // GITHUB_REF; its payload still names the tag.
  const ref =
    env.GITHUB_REF || (release?.tag_name ? `refs/tags/${release.tag_name}` : env.GITHUB_REF)
  return {
    ...(env.GITHUB_EVENT_NAME !== undefined ? { eventName: env.GITHUB_EVENT_NAME } : {}),
    ...(ref !== undefined ? { ref } : {}),
    ...(env.GITHUB_SHA !== undefined ? { sha: env.GITHUB_SHA } : {}),
    ...(repo?.default_branch ? { defaultBranch: repo.default_branch } : {}),
    ...(pr && prNumber !== undefined
      ? {
          pullRequest: {
            number: String(prNumber),
            headRef: pr.head?.ref ?? env.GITHUB_HEAD_REF ?? '',
            baseRef: pr.base?.ref ?? env.GITHUB_BASE_REF ?? '',
            ...(pr.head?.sha ? { headSha: pr.head.sha } : {})
          }
        }
      : {}),
    ...(payload.head_commit?.timestamp ? { commitTime: payload.head_commit.timestamp } : {}),
    ...(payload.base_ref ? { baseRef: payload.base_ref } : {}),
    ...(release
      ? { release: { prerelease: release.prerelease === true, draft: release.draft === true } }
      : {}),
    repository: {
      ...(name ? { name } : {}),
      ...(repo?.description ? { description: repo.description } : {}),
      ...(url ? { url } : {}),
      ...(license && license !== 'NOASSERTION' ? { license } : {})
    }
  }
}

/** The event context of a GitHub Actions run, from its `GITHUB_*` variables and payload. */
export function githubContext(env: Env, payload: EventPayload, now: Date): EventContext {
  return checkedContext(readGithub(env, payload), now, GITHUB_NAMES)
}
