import type { EventContext } from '../tags/context.js'
import { checkedContext, type Env, type EventNames, type RawEvent } from './event.js'

/** True when the environment is a GitLab CI job. */
export function isGitlab(env: Env): boolean {
  return env.GITLAB_CI === 'true'
}

/**
 * The facts of a GitLab CI job, from its predefined `CI_*` variables,
 * unchecked, with the variable behind each. A merge request pipeline reads as
 * `pull_request` and a scheduled one as `schedule`; any other is a `push`.
 */
export function readGitlab(env: Env): { event: RawEvent; names: EventNames } {
  const mr = env.CI_MERGE_REQUEST_IID
  const tag = env.CI_COMMIT_TAG
  const branch = env.CI_COMMIT_BRANCH ?? env.CI_COMMIT_REF_NAME
  const eventName = mr
    ? 'pull_request'
    : env.CI_PIPELINE_SOURCE === 'schedule'
      ? 'schedule'
      : 'push'
  const ref = tag
    ? `refs/tags/${tag}`
    : mr
      ? `refs/pull/${mr}/merge`
      : branch
        ? `refs/heads/${branch}`
        : ''
  const event: RawEvent = {
    eventName,
    ref,
    ...(env.CI_COMMIT_SHA !== undefined ? { sha: env.CI_COMMIT_SHA } : {}),
    ...(env.CI_DEFAULT_BRANCH ? { defaultBranch: env.CI_DEFAULT_BRANCH } : {}),
    ...(mr
      ? {
          pullRequest: {
            number: mr,
            headRef: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME ?? '',
            baseRef: env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ?? '',
            ...(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA
              ? { headSha: env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA }
              : {})
          }
        }
      : {}),
    ...(env.CI_COMMIT_TIMESTAMP ? { commitTime: env.CI_COMMIT_TIMESTAMP } : {}),
    repository: {
      ...(env.CI_PROJECT_NAME ? { name: env.CI_PROJECT_NAME } : {}),
      ...(env.CI_PROJECT_DESCRIPTION ? { description: env.CI_PROJECT_DESCRIPTION } : {}),
      ...(env.CI_PROJECT_URL ? { url: env.CI_PROJECT_URL } : {})
    }
  }
  const names: EventNames = {
    event: 'CI_PIPELINE_SOURCE',
    ref: tag ? 'CI_COMMIT_TAG' : mr ? 'CI_MERGE_REQUEST_IID' : 'CI_COMMIT_REF_NAME',
    sha: 'CI_COMMIT_SHA',
    prNumber: 'CI_MERGE_REQUEST_IID',
    prHeadSha: 'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA'
  }
  return { event, names }
}

/** The event context of a GitLab CI job, from its predefined `CI_*` variables. */
export function gitlabContext(env: Env, now: Date): EventContext {
  const { event, names } = readGitlab(env)
  return checkedContext(event, now, names)
}
