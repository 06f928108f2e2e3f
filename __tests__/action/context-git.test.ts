import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../../__fixtures__/core.js'
import { GitRepo } from '../../__fixtures__/git-repo.js'
import { NOW, PR_HEAD_SHA, PR_MERGE_SHA, runnerFixture } from '../../__fixtures__/runner.js'

jest.unstable_mockModule('../../src/action/runner.js', () => core)
const { run } = await import('../../src/action/main.js')

/** The commit GitRepo makes with this date (see __tests__/context/git.test.ts). */
const DATE = '2026-11-20T10:00:00Z'
const COMMIT = '6fc0ae74ae1c8b1a8c8e7317c6b5d591ef1609f2'

const savedEnv = { ...process.env }
const cleanup: (() => void)[] = []

function useFixture(name: string, inputs: Record<string, string>): void {
  Object.assign(process.env, runnerFixture(name).env)
  core.getInput.mockImplementation((input: string) => inputs[input] ?? '')
}

function outputs(): Record<string, string> {
  return Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, String(v)]))
}

/** A checkout of tag v2.0.0, detached, as actions/checkout leaves a tag push. */
function tagCheckout(): GitRepo {
  const repo = new GitRepo()
  cleanup.push(() => repo.remove())
  repo.commit('first', DATE)
  repo.git('tag', 'v2.0.0')
  repo.git('checkout', '--quiet', '--detach', 'v2.0.0')
  repo.git('branch', '--quiet', '-D', 'main')
  return repo
}

beforeEach(() => {
  jest.clearAllMocks()
  core.summary.reset()
})
afterEach(() => {
  process.env = { ...savedEnv }
  for (const undo of cleanup.splice(0)) undo()
})

describe('context: git in the action', () => {
  test('a push to main whose checkout is at tag v2.0.0 plans the release of the checkout', async () => {
    useFixture('push-main', { images: 'acme/app', push: 'false', context: 'git' })
    process.env.GITHUB_WORKSPACE = tagCheckout().dir
    await run(NOW)
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(outputs().tags).toBe(
      [
        'docker.io/acme/app:2.0.0',
        'docker.io/acme/app:2.0',
        'docker.io/acme/app:2',
        'docker.io/acme/app:sha-6fc0ae7',
        'docker.io/acme/app:latest'
      ].join('\n')
    )
    expect(outputs().version).toBe('2.0.0')
    expect(outputs().labels!.split('\n')).toContain(`org.opencontainers.image.revision=${COMMIT}`)
    expect(core.startGroup).toHaveBeenCalledWith('Plan for push on refs/tags/v2.0.0')
  })

  test('the same run with context: workflow plans the event', async () => {
    useFixture('push-main', { images: 'acme/app', push: 'false', context: 'workflow' })
    process.env.GITHUB_WORKSPACE = tagCheckout().dir
    await run(NOW)
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(outputs().tags).toBe('docker.io/acme/app:dev\ndocker.io/acme/app:sha-860c190')
  })

  test('a workspace that is no checkout fails the step with one line and no output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-nogit-'))
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
    useFixture('push-main', { images: 'acme/app', push: 'false', context: 'git' })
    process.env.GITHUB_WORKSPACE = dir
    await run(NOW)
    expect(core.setFailed).toHaveBeenCalledWith(
      `context: is git, but ${JSON.stringify(dir)} is not in a git checkout: run actions/checkout first, or use context: workflow`
    )
    expect(core.setOutput).not.toHaveBeenCalled()
  })

  test('an unknown context fails the step naming both values', async () => {
    useFixture('push-main', { images: 'acme/app', push: 'false', context: 'checkout' })
    await run(NOW)
    expect(core.setFailed).toHaveBeenCalledWith(
      `context: "checkout" is not a context: use workflow (the event's ref and commit) or git (those of the local checkout)`
    )
  })
})

describe('docker/metadata-action variables in the action', () => {
  const pr = { images: 'acme/app', push: 'false', strategies: 'sha' }

  test.each([
    ['nothing set: the head commit, 7 digits', {}, pr, `sha-${PR_HEAD_SHA.slice(0, 7)}`],
    [
      'DOCKER_METADATA_PR_HEAD_SHA=false: the merge commit',
      { DOCKER_METADATA_PR_HEAD_SHA: 'false' },
      pr,
      `sha-${PR_MERGE_SHA.slice(0, 7)}`
    ],
    [
      'DOCKER_METADATA_SHORT_SHA_LENGTH=12',
      { DOCKER_METADATA_SHORT_SHA_LENGTH: '12' },
      pr,
      `sha-${PR_HEAD_SHA.slice(0, 12)}`
    ],
    [
      'the inputs win over both',
      { DOCKER_METADATA_PR_HEAD_SHA: 'true', DOCKER_METADATA_SHORT_SHA_LENGTH: '12' },
      { ...pr, 'sha-pr-commit': 'merge', 'sha-length': '9' },
      `sha-${PR_MERGE_SHA.slice(0, 9)}`
    ]
  ])('%s', async (_name, env, inputs, tag) => {
    useFixture('pull-request', inputs)
    Object.assign(process.env, env)
    await run(NOW)
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(outputs().tags).toBe(`docker.io/acme/app:${tag}`)
  })

  test('a bad value fails the step naming the variable', async () => {
    useFixture('pull-request', pr)
    process.env.DOCKER_METADATA_SHORT_SHA_LENGTH = '64'
    await run(NOW)
    expect(core.setFailed).toHaveBeenCalledWith(
      'DOCKER_METADATA_SHORT_SHA_LENGTH: "64" is not a whole number from 7 to 40: use e.g. 7'
    )
    expect(core.setOutput).not.toHaveBeenCalled()
  })
})
