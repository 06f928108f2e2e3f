import { describe, expect, test } from '@jest/globals'
import { NOW, PR_HEAD_SHA, PR_MERGE_SHA, runnerFixture, SHA } from '../../__fixtures__/runner.js'
import { githubContext } from '../../src/context/github.js'
import type { EventPayload } from '../../src/context/payload.js'
import { InputError } from '../../src/shared/errors.js'

const REPOSITORY = {
  name: 'app',
  description: 'The Acme app',
  url: 'https://github.com/acme/app',
  license: 'MIT'
}
/** head_commit.timestamp of the push fixtures, 2026-11-20T10:11:12+01:00. */
const COMMIT_TIME = new Date('2026-11-20T09:11:12.000Z')

function contextOf(fixture: string) {
  const { env, payload } = runnerFixture(fixture)
  return githubContext(env, payload, NOW)
}

/** The InputError message `run` throws. */
function inputError(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('no error was thrown')
}

describe('githubContext on the runner fixtures', () => {
  const push = (ref: string) => ({
    eventName: 'push',
    ref,
    sha: SHA,
    defaultBranch: 'main',
    commitTime: COMMIT_TIME,
    now: NOW,
    repository: REPOSITORY
  })
  const release = (ref: string, flags: { prerelease: boolean; draft: boolean }) => ({
    eventName: 'release',
    ref,
    sha: SHA,
    defaultBranch: 'main',
    now: NOW,
    repository: REPOSITORY,
    release: flags
  })
  const pullRequest = {
    number: 15,
    headRef: 'feature/login',
    baseRef: 'main',
    headSha: PR_HEAD_SHA
  }

  test.each([
    ['tag-stable', push('refs/tags/v1.2.3')],
    ['tag-nested', push('refs/tags/p1/v1.2.3')],
    ['push-main', push('refs/heads/main')],
    ['push-feature', push('refs/heads/feature/login#42')],
    ['release', release('refs/tags/v1.3.0', { prerelease: false, draft: false })],
    ['release-prerelease', release('refs/tags/v1.4.0-beta.2', { prerelease: true, draft: false })],
    ['release-prerelease-clean', release('refs/tags/v1.4.0', { prerelease: true, draft: false })],
    ['release-draft', release('refs/tags/v1.5.0', { prerelease: false, draft: true })],
    [
      'pull-request',
      {
        eventName: 'pull_request',
        ref: 'refs/pull/15/merge',
        sha: PR_MERGE_SHA,
        defaultBranch: 'main',
        pullRequest,
        now: NOW,
        repository: REPOSITORY
      }
    ],
    [
      'pull-request-target',
      {
        eventName: 'pull_request_target',
        ref: 'refs/heads/main',
        sha: SHA,
        defaultBranch: 'main',
        pullRequest: { ...pullRequest, number: 16, headRef: 'fork-fix' },
        now: NOW,
        repository: REPOSITORY
      }
    ],
    [
      'schedule',
      {
        eventName: 'schedule',
        ref: 'refs/heads/main',
        sha: SHA,
        defaultBranch: 'main',
        now: NOW,
        repository: REPOSITORY
      }
    ],
    [
      'workflow-dispatch',
      {
        eventName: 'workflow_dispatch',
        ref: 'refs/heads/main',
        sha: SHA,
        defaultBranch: 'main',
        now: NOW,
        repository: REPOSITORY
      }
    ]
  ])('%s', (fixture, expected) => {
    expect(contextOf(fixture)).toStrictEqual(expected)
  })
})

describe('githubContext on thin payloads', () => {
  const ENV = {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REF: 'refs/pull/4/merge',
    GITHUB_SHA: PR_MERGE_SHA,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SERVER_URL: 'https://ghe.example.com',
    GITHUB_HEAD_REF: 'fix',
    GITHUB_BASE_REF: 'main'
  }

  test('the repository comes from GITHUB_REPOSITORY, the branches from GITHUB_HEAD_REF/BASE_REF', () => {
    const payload: EventPayload = { number: 4, pull_request: {} }
    expect(githubContext(ENV, payload, NOW)).toStrictEqual({
      eventName: 'pull_request',
      ref: 'refs/pull/4/merge',
      sha: PR_MERGE_SHA,
      pullRequest: { number: 4, headRef: 'fix', baseRef: 'main' },
      now: NOW,
      repository: { name: 'app', url: 'https://ghe.example.com/acme/app' }
    })
  })

  test('a NOASSERTION license, a null description and a bad timestamp are left out', () => {
    const payload: EventPayload = {
      repository: { name: 'app', description: null, license: { spdx_id: 'NOASSERTION' } },
      head_commit: { timestamp: 'yesterday' }
    }
    const env = { ...ENV, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' }
    expect(githubContext(env, payload, NOW)).toStrictEqual({
      eventName: 'push',
      ref: 'refs/heads/main',
      sha: PR_MERGE_SHA,
      now: NOW,
      repository: { name: 'app', url: 'https://ghe.example.com/acme/app' }
    })
  })
})

describe("githubContext reads a release's flags", () => {
  const ENV = {
    GITHUB_EVENT_NAME: 'release',
    GITHUB_REF: 'refs/tags/v1.5.0',
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/app'
  }
  const REPO = { name: 'app', url: 'https://github.com/acme/app' }

  test.each<[string, Record<string, string>, EventPayload, object]>([
    [
      'a draft with an empty GITHUB_REF names its tag from the payload',
      { GITHUB_REF: '' },
      { release: { tag_name: 'v1.5.0', draft: true } },
      { ref: 'refs/tags/v1.5.0', release: { prerelease: false, draft: true } }
    ],
    [
      'GITHUB_REF wins over the payload tag',
      {},
      { release: { tag_name: 'v9.9.9', prerelease: true } },
      { ref: 'refs/tags/v1.5.0', release: { prerelease: true, draft: false } }
    ],
    [
      'a flag that is not the boolean true is false',
      {},
      { release: { prerelease: 'true' as unknown as boolean, draft: null as unknown as boolean } },
      { ref: 'refs/tags/v1.5.0', release: { prerelease: false, draft: false } }
    ],
    [
      'a release event with no release in its payload has no flags',
      {},
      {},
      { ref: 'refs/tags/v1.5.0' }
    ],
    [
      'a release in the payload of another event is ignored',
      { GITHUB_EVENT_NAME: 'push' },
      { release: { tag_name: 'v1.5.0', prerelease: true, draft: true } },
      { eventName: 'push', ref: 'refs/tags/v1.5.0' }
    ]
  ])('%s', (_name, env, payload, expected) => {
    expect(githubContext({ ...ENV, ...env }, payload, NOW)).toStrictEqual({
      eventName: 'release',
      sha: SHA,
      now: NOW,
      repository: REPO,
      ...expected
    })
  })

  test('a release with no tag anywhere is still an error naming GITHUB_REF', () => {
    const payload: EventPayload = { release: { draft: true } }
    expect(inputError(() => githubContext({ ...ENV, GITHUB_REF: '' }, payload, NOW))).toBe(
      'GITHUB_REF: is empty: give the full git ref, e.g. refs/heads/main or refs/tags/v1.2.3'
    )
  })
})

describe('githubContext errors name the variable, the value and the fix', () => {
  const { env, payload } = runnerFixture('push-main')

  test.each([
    [
      { GITHUB_EVENT_NAME: 'pushh' },
      'GITHUB_EVENT_NAME: unknown event "pushh": use a GitHub event name such as push, pull_request, release, schedule or workflow_dispatch'
    ],
    [
      { GITHUB_EVENT_NAME: 'deploy' },
      'GITHUB_EVENT_NAME: unknown event "deploy": use a GitHub event name such as push, pull_request, release, schedule or workflow_dispatch'
    ],
    [
      { GITHUB_EVENT_NAME: undefined },
      'GITHUB_EVENT_NAME: is empty: use a GitHub event name such as push, pull_request, release, schedule or workflow_dispatch'
    ],
    [
      { GITHUB_REF: 'main' },
      'GITHUB_REF: "main" is not a full git ref: use refs/tags/main for a tag or refs/heads/main for a branch'
    ],
    [
      { GITHUB_REF: 'heads/main' },
      'GITHUB_REF: "heads/main" is not a full git ref: use refs/heads/main'
    ],
    [
      { GITHUB_REF: 'refs/tags/' },
      'GITHUB_REF: "refs/tags/" names no branch or tag: use e.g. refs/heads/main or refs/tags/v1.2.3'
    ],
    [
      { GITHUB_REF: '' },
      'GITHUB_REF: is empty: give the full git ref, e.g. refs/heads/main or refs/tags/v1.2.3'
    ],
    [
      { GITHUB_SHA: '860c190' },
      'GITHUB_SHA: "860c190" is not a full commit sha: give the 40 lowercase hex digits'
    ],
    [
      { GITHUB_SHA: SHA.toUpperCase() },
      `GITHUB_SHA: "${SHA.toUpperCase()}" is not a full commit sha: use lowercase: "${SHA}"`
    ],
    [{ GITHUB_SHA: undefined }, "GITHUB_SHA: is empty: give the commit's 40 hex digits"]
  ])('%j', (change, message) => {
    expect(inputError(() => githubContext({ ...env, ...change }, payload, NOW))).toBe(message)
  })

  test('a bad pull request in the payload names the payload file', () => {
    const bad: EventPayload = { pull_request: { number: 0, head: { sha: 'abc' } } }
    expect(inputError(() => githubContext(env, bad, NOW))).toBe(
      'GITHUB_EVENT_PATH: "0" is not a pull request number: give a positive whole number'
    )
    const short: EventPayload = { pull_request: { number: 3, head: { sha: 'abc' } } }
    expect(inputError(() => githubContext(env, short, NOW))).toBe(
      'GITHUB_EVENT_PATH: "abc" is not a full commit sha: give the 40 lowercase hex digits'
    )
  })
})
