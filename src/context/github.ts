import { InputError, quote } from '../errors.js'
import { KNOWN_EVENTS, type EventContext, type PullRequestInfo } from '../tags/context.js'
import type { EventPayload } from './payload.js'

export type Env = Readonly<Record<string, string | undefined>>

const SHA = /^[0-9a-f]{40}$/

/** Check the three facts every event must give: its name, ref and commit. */
export function checkEvent(
  names: { event: string; ref: string; sha: string },
  eventName: string,
  ref: string,
  sha: string
): void {
  if (!KNOWN_EVENTS.has(eventName)) {
    throw new InputError(
      names.event,
      `unknown event ${quote(eventName)}: use a GitHub event name such as push, pull_request, release, schedule or workflow_dispatch`
    )
  }
  if (!ref.startsWith('refs/')) {
    throw new InputError(
      names.ref,
      `${quote(ref)} is not a full git ref: use e.g. refs/heads/main or refs/tags/v1.2.3`
    )
  }
  if (!SHA.test(sha)) {
    throw new InputError(
      names.sha,
      `${quote(sha)} is not a full commit sha: give the 40 lowercase hex digits`
    )
  }
}

/** The event context of a GitHub Actions run, from its `GITHUB_*` variables and payload. */
export function githubContext(
  env: Env,
  payload: EventPayload,
  now: Date,
  names = { event: 'GITHUB_EVENT_NAME', ref: 'GITHUB_REF', sha: 'GITHUB_SHA' }
): EventContext {
  const eventName = env.GITHUB_EVENT_NAME ?? ''
  const ref = env.GITHUB_REF ?? ''
  const sha = env.GITHUB_SHA ?? ''
  checkEvent(names, eventName, ref, sha)
  const repo = payload.repository
  const pr = payload.pull_request
  const prNumber = pr?.number ?? payload.number
  const pullRequest: PullRequestInfo | undefined =
    pr && prNumber !== undefined
      ? {
          number: prNumber,
          headRef: pr.head?.ref ?? env.GITHUB_HEAD_REF ?? '',
          baseRef: pr.base?.ref ?? env.GITHUB_BASE_REF ?? '',
          ...(pr.head?.sha ? { headSha: pr.head.sha } : {})
        }
      : undefined
  const timestamp = payload.head_commit?.timestamp
  const commitTime = timestamp ? new Date(timestamp) : undefined
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com'
  const url =
    repo?.html_url ?? (env.GITHUB_REPOSITORY ? `${server}/${env.GITHUB_REPOSITORY}` : undefined)
  const name = repo?.name ?? env.GITHUB_REPOSITORY?.split('/')[1]
  return {
    eventName,
    ref,
    sha,
    ...(repo?.default_branch ? { defaultBranch: repo.default_branch } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    ...(commitTime && !Number.isNaN(commitTime.getTime()) ? { commitTime } : {}),
    now,
    repository: {
      ...(name ? { name } : {}),
      ...(repo?.description ? { description: repo.description } : {}),
      ...(url ? { url } : {}),
      ...(repo?.license?.spdx_id && repo.license.spdx_id !== 'NOASSERTION'
        ? { license: repo.license.spdx_id }
        : {})
    }
  }
}
