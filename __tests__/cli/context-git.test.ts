import { afterEach, describe, expect, test } from '@jest/globals'
import type { Env } from '../../src/context/event.js'
import { main } from '../../src/cli/main.js'
import { GitRepo } from '../../__fixtures__/git-repo.js'
import { NOW, PR_HEAD_SHA, runnerFixture } from '../../__fixtures__/runner.js'
import { lines, type CliRun } from './run-cli.js'

/** The commit GitRepo makes with this date (see __tests__/context/git.test.ts). */
const DATE = '2026-11-20T10:00:00Z'

const repos: GitRepo[] = []
afterEach(() => {
  for (const repo of repos.splice(0)) repo.remove()
})

function checkout(setup: (repo: GitRepo) => void): GitRepo {
  const repo = new GitRepo()
  repos.push(repo)
  repo.commit('first', DATE)
  setup(repo)
  return repo
}

/** A checkout of tag v2.0.0, detached, as actions/checkout leaves a tag push. */
const atTag = (repo: GitRepo): void => {
  repo.git('tag', 'v2.0.0')
  repo.git('checkout', '--quiet', '--detach', 'v2.0.0')
}

/** Run the CLI in-process in `cwd`. */
async function cliIn(cwd: string, argv: readonly string[], env: Env = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    now: NOW,
    cwd
  })
  return { code, stdout, stderr }
}

const PLAN = ['plan', '--image', 'acme/app']

describe('tagship plan --context git', () => {
  test('a push to main whose checkout is at tag v2.0.0 plans the release of the checkout', async () => {
    const repo = checkout(atTag)
    expect(
      await cliIn(repo.dir, [...PLAN, '--context', 'git'], runnerFixture('push-main').env)
    ).toEqual({
      code: 0,
      stdout: lines(
        'version: 2.0.0',
        'docker.io/acme/app',
        '  2.0.0        semver: release v2.0.0',
        '  2.0          semver: release v2.0.0',
        '  2            semver: release v2.0.0',
        '  sha-6fc0ae7  sha: commit 6fc0ae74ae1c',
        '  latest       latest: stable release v2.0.0'
      ),
      stderr: ''
    })
  })

  test('without it, the same run plans the event', async () => {
    const repo = checkout(atTag)
    const run = await cliIn(repo.dir, PLAN, runnerFixture('push-main').env)
    expect(run.stdout).toBe(
      lines(
        'version: dev',
        'docker.io/acme/app',
        '  dev          dev: push to development branch main',
        '  sha-860c190  sha: commit 860c1904a1ce'
      )
    )
  })

  test('outside CI, the checkout alone is the event: a push of its branch', async () => {
    const repo = checkout((r) => r.git('checkout', '--quiet', '-b', 'feature/login'))
    const run = await cliIn(repo.dir, [...PLAN, '--context', 'git', '--strategies', 'branch,sha'])
    expect(run).toEqual({
      code: 0,
      stdout: lines(
        'version: feature-login',
        'docker.io/acme/app',
        '  feature-login  branch: push to branch feature/login',
        '  sha-6fc0ae7    sha: commit 6fc0ae74ae1c'
      ),
      stderr: ''
    })
  })

  test('on a pull request, the checkout commit is tagged, not the head commit of the payload', async () => {
    const repo = checkout((r) => {
      r.git('update-ref', 'refs/remotes/pull/15/merge', 'HEAD')
      r.git('checkout', '--quiet', '--detach')
      r.git('branch', '--quiet', '-D', 'main')
    })
    const env = runnerFixture('pull-request').env
    const flags = [...PLAN, '--strategies', 'pr,sha']
    expect((await cliIn(repo.dir, flags, env)).stdout).toContain(`sha-${PR_HEAD_SHA.slice(0, 7)}`)
    expect((await cliIn(repo.dir, [...flags, '--context', 'git'], env)).stdout).toBe(
      lines(
        'version: pr-15',
        'docker.io/acme/app',
        '  pr-15        pr: pull request #15',
        '  sha-6fc0ae7  sha: commit 6fc0ae74ae1c'
      )
    )
  })

  test.each([
    [
      '--ref',
      'refs/tags/v1.0.0',
      '--ref: "refs/tags/v1.0.0" is given, but --context git takes the ref from the checkout: remove --ref, or use --context workflow'
    ],
    [
      '--sha',
      '860c1904a1ce19322e91ac35af1ab07466440c37',
      '--sha: "860c1904a1ce19322e91ac35af1ab07466440c37" is given, but --context git takes the commit from the checkout: remove --sha, or use --context workflow'
    ]
  ])('%s with --context git is an error', async (flag, value, message) => {
    const repo = checkout(atTag)
    expect(await cliIn(repo.dir, [...PLAN, '--context', 'git', flag, value])).toEqual({
      code: 2,
      stdout: '',
      stderr: `tagship: ${message}\n`
    })
  })

  test('a directory that is no checkout is an input error', async () => {
    const repo = checkout(() => {})
    const dir = `${repo.dir}/.git`
    expect(await cliIn(dir, [...PLAN, '--context', 'git'])).toEqual({
      code: 2,
      stdout: '',
      stderr: `tagship: context: is git, but ${JSON.stringify(dir)} is not in a git checkout: run actions/checkout first, or use context: workflow\n`
    })
  })
})

describe('docker/metadata-action variables in the CLI', () => {
  test('DOCKER_METADATA_SHORT_SHA_LENGTH and DOCKER_METADATA_PR_HEAD_SHA apply when the flags are not given', async () => {
    const env = {
      ...runnerFixture('pull-request').env,
      DOCKER_METADATA_SHORT_SHA_LENGTH: '10',
      DOCKER_METADATA_PR_HEAD_SHA: 'false'
    }
    const flags = [...PLAN, '--strategies', 'sha']
    expect((await cliIn('.', flags, env)).stdout).toBe(
      lines(
        'version: sha-a1b2c3d4e5',
        'docker.io/acme/app',
        '  sha-a1b2c3d4e5  sha: commit a1b2c3d4e5f6'
      )
    )
    const given = [...flags, '--sha-length', '8', '--sha-pr-commit', 'head']
    expect((await cliIn('.', given, env)).stdout).toBe(
      lines(
        'version: sha-5e7c3f1c',
        'docker.io/acme/app',
        '  sha-5e7c3f1c  sha: pull request head commit 5e7c3f1c6a0d'
      )
    )
  })
})
