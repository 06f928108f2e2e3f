import type { EventContext } from '../tags/context.js'
import { checkEvent, type Env } from './github.js'

/** True when the environment is a GitLab CI job. */
export function isGitlab(env: Env): boolean {
  return env.GITLAB_CI === 'true'
}

/** The event context of a GitLab CI job, from its predefined `CI_*` variables. */
export function gitlabContext(env: Env, now: Date): EventContext {
  const mr = env.CI_MERGE_REQUEST_IID
  const source = env.CI_PIPELINE_SOURCE ?? ''
  const eventName = mr ? 'pull_request' : source === 'schedule' ? 'schedule' : 'push'
  const ref = env.CI_COMMIT_TAG
    ? `refs/tags/${env.CI_COMMIT_TAG}`
    : mr
      ? `refs/pull/${mr}/merge`
      : `refs/heads/${env.CI_COMMIT_BRANCH ?? env.CI_COMMIT_REF_NAME ?? ''}`
  const sha = env.CI_COMMIT_SHA ?? ''
  checkEvent(
    { event: 'CI_PIPELINE_SOURCE', ref: 'CI_COMMIT_REF_NAME', sha: 'CI_COMMIT_SHA' },
    eventName,
    ref,
    sha
  )
  const commitTime = env.CI_COMMIT_TIMESTAMP ? new Date(env.CI_COMMIT_TIMESTAMP) : undefined
  return {
    eventName,
    ref,
    sha,
    ...(env.CI_DEFAULT_BRANCH ? { defaultBranch: env.CI_DEFAULT_BRANCH } : {}),
    ...(mr
      ? {
          pullRequest: {
            number: Number(mr),
            headRef: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME ?? '',
            baseRef: env.CI_MERGE_REQUEST_TARGET_BRANCH_NAME ?? '',
            ...(env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA
              ? { headSha: env.CI_MERGE_REQUEST_SOURCE_BRANCH_SHA }
              : {})
          }
        }
      : {}),
    ...(commitTime && !Number.isNaN(commitTime.getTime()) ? { commitTime } : {}),
    now,
    repository: {
      ...(env.CI_PROJECT_NAME ? { name: env.CI_PROJECT_NAME } : {}),
      ...(env.CI_PROJECT_DESCRIPTION ? { description: env.CI_PROJECT_DESCRIPTION } : {}),
      ...(env.CI_PROJECT_URL ? { url: env.CI_PROJECT_URL } : {})
    }
  }
}
