import { describe, expect, test } from '@jest/globals'
import { NOW, PR_HEAD_SHA, PR_MERGE_SHA, SHA } from '../../__fixtures__/runner.js'
import { gitlabContext, isGitlab } from '../../src/context/gitlab.js'
import { InputError } from '../../src/shared/errors.js'

/** What every GitLab job has, whatever its pipeline. */
const JOB = {
  GITLAB_CI: 'true',
  CI_COMMIT_SHA: SHA,
  CI_DEFAULT_BRANCH: 'main',
  CI_PROJECT_NAME: 'app',
  CI_PROJECT_DESCRIPTION: 'The Acme app',
  CI_PROJECT_URL: 'https://gitlab.example.com/acme/app',
  CI_COMMIT_TIMESTAMP: '2026-11-20T10:11:12+01:00'
}
const REPOSITORY = {
  name: 'app',
  description: 'The Acme app',
  url: 'https://gitlab.example.com/acme/app'
}
const COMMIT_TIME = new Date('2026-11-20T09:11:12.000Z')
const COMMON = { defaultBranch: 'main', commitTime: COMMIT_TIME, now: NOW, repository: REPOSITORY }

describe('gitlabContext', () => {
  test.each([
    [
      'a tag pipeline',
      { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_REF_NAME: 'v1.2.3' },
      { eventName: 'push', ref: 'refs/tags/v1.2.3', sha: SHA, ...COMMON }
    ],
    [
      'a branch pipeline on the default branch',
      { CI_PIPELINE_SOURCE: 'push', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
      { eventName: 'push', ref: 'refs/heads/main', sha: SHA, ...COMMON }
    ],
    [
      'a pipeline started from the web on a branch',
      { CI_PIPELINE_SOURCE: 'web', CI_COMMIT_BRANCH: 'feature/x', CI_COMMIT_REF_NAME: 'feature/x' },
      { eventName: 'push', ref: 'refs/heads/feature/x', sha: SHA, ...COMMON }
    ],
    [
      'a branch known only by CI_COMMIT_REF_NAME',
      { CI_COMMIT_REF_NAME: 'develop' },
      { eventName: 'push', ref: 'refs/heads/develop', sha: SHA, ...COMMON }
    ],
    [
      'a merged results pipeline (head commit known)',
      {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_COMMIT_SHA: PR_MERGE_SHA,
        CI_COMMIT_REF_NAME: 'feature/login',
        CI_MERGE_REQUEST_IID: '12',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
        CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: PR_HEAD_SHA,
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main'
      },
      {
        eventName: 'pull_request',
        ref: 'refs/pull/12/merge',
        sha: PR_MERGE_SHA,
        pullRequest: {
          number: 12,
          headRef: 'feature/login',
          baseRef: 'main',
          headSha: PR_HEAD_SHA
        },
        ...COMMON
      }
    ],
    [
      'a merge request pipeline (GitLab leaves the source branch sha empty)',
      {
        CI_PIPELINE_SOURCE: 'merge_request_event',
        CI_MERGE_REQUEST_IID: '12',
        CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
        CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: '',
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main'
      },
      {
        eventName: 'pull_request',
        ref: 'refs/pull/12/merge',
        sha: SHA,
        pullRequest: { number: 12, headRef: 'feature/login', baseRef: 'main' },
        ...COMMON
      }
    ],
    [
      'a scheduled pipeline',
      { CI_PIPELINE_SOURCE: 'schedule', CI_COMMIT_BRANCH: 'main', CI_COMMIT_REF_NAME: 'main' },
      { eventName: 'schedule', ref: 'refs/heads/main', sha: SHA, ...COMMON }
    ]
  ])('%s', (_name, pipeline, expected) => {
    expect(gitlabContext({ ...JOB, ...pipeline }, NOW)).toStrictEqual(expected)
  })

  test('a job with only the required variables', () => {
    const env = { GITLAB_CI: 'true', CI_COMMIT_SHA: SHA, CI_COMMIT_BRANCH: 'main' }
    expect(gitlabContext(env, NOW)).toStrictEqual({
      eventName: 'push',
      ref: 'refs/heads/main',
      sha: SHA,
      now: NOW,
      repository: {}
    })
  })

  test.each([
    [{ GITLAB_CI: 'true' }, true],
    [{ GITLAB_CI: 'false' }, false],
    [{ CI: 'true', CI_COMMIT_SHA: SHA }, false],
    [{}, false]
  ])('isGitlab(%j) is %s', (env, expected) => {
    expect(isGitlab(env)).toBe(expected)
  })
})

describe('gitlabContext errors name the variable, the value and the fix', () => {
  const BRANCH = { ...JOB, CI_COMMIT_BRANCH: 'main' }

  test.each([
    [
      { ...BRANCH, CI_COMMIT_SHA: '860c190' },
      'CI_COMMIT_SHA: "860c190" is not a full commit sha: give the 40 lowercase hex digits'
    ],
    [
      { ...BRANCH, CI_COMMIT_SHA: undefined },
      "CI_COMMIT_SHA: is empty: give the commit's 40 hex digits"
    ],
    [
      JOB,
      'CI_COMMIT_REF_NAME: is empty: give the full git ref, e.g. refs/heads/main or refs/tags/v1.2.3'
    ],
    [
      { ...JOB, CI_MERGE_REQUEST_IID: '0' },
      'CI_MERGE_REQUEST_IID: "0" is not a pull request number: give a positive whole number'
    ],
    [
      { ...JOB, CI_MERGE_REQUEST_IID: '12', CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: 'abc123' },
      'CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: "abc123" is not a full commit sha: give the 40 lowercase hex digits'
    ]
  ])('%j', (env, message) => {
    let thrown: unknown
    try {
      gitlabContext(env, NOW)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(InputError)
    expect((thrown as Error).message).toBe(message)
  })
})
