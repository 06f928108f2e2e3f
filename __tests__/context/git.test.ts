import { afterEach, describe, expect, test } from '@jest/globals'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitEnv, readCheckout, withCheckout, type GitCheckout } from '../../src/context/git.js'
import { readGithub } from '../../src/context/github.js'
import { GitRepo, testGitEnv } from '../../__fixtures__/git-repo.js'
import { PR_HEAD_SHA, runnerFixture } from '../../__fixtures__/runner.js'

const D1 = '2026-11-20T10:00:00Z'
const D2 = '2026-11-21T10:00:00Z'
const D3 = '2026-11-22T10:00:00Z'
/** The commits GitRepo makes with those dates: the same on every machine. */
const C1 = '6fc0ae74ae1c8b1a8c8e7317c6b5d591ef1609f2'
const C2 = '23ae31c758ff885f376cd35f94e344310d378c51'
const T1 = '2026-11-20T10:00:00+00:00'

const cleanup: (() => void)[] = []
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo()
})

function repo(objectFormat?: 'sha256'): GitRepo {
  const r = new GitRepo(objectFormat)
  cleanup.push(() => r.remove())
  return r
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-nogit-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A `git` on PATH that answers every call with `stderr` and `code`. */
function fakeGit(stderr: string, code: number): string {
  const dir = tempDir()
  writeFileSync(join(dir, 'git'), `#!/bin/sh\necho "${stderr}" >&2\nexit ${code}\n`)
  chmodSync(join(dir, 'git'), 0o755)
  return dir
}

const read = (r: GitRepo): Promise<GitCheckout> => readCheckout(r.dir, testGitEnv())

describe('readCheckout: the ref, commit and commit time of HEAD', () => {
  test.each<[string, (r: GitRepo) => void, string, string]>([
    ['a branch checked out', () => {}, 'refs/heads/main', C1],
    [
      'a branch with a slash, with a tag at HEAD too: the branch',
      (r) => {
        r.git('checkout', '--quiet', '-b', 'feature/login')
        r.git('tag', 'v1.0.0')
      },
      'refs/heads/feature/login',
      C1
    ],
    [
      'detached at a lightweight tag',
      (r) => {
        r.git('tag', 'v1.0.0')
        r.git('checkout', '--quiet', '--detach', 'v1.0.0')
        r.git('branch', '--quiet', '-D', 'main')
      },
      'refs/tags/v1.0.0',
      C1
    ],
    [
      'detached at an annotated tag',
      (r) => {
        r.git('tag', '-a', '-m', 'release', 'v1.0.0')
        r.git('checkout', '--quiet', '--detach', 'v1.0.0')
      },
      'refs/tags/v1.0.0',
      C1
    ],
    [
      'several tags at HEAD: the highest version, a release over its prerelease',
      (r) => {
        for (const tag of ['v1.2.3-rc.1', 'latest', '1.2.2', 'v1.2.3']) r.git('tag', tag)
        r.git('checkout', '--quiet', '--detach')
      },
      'refs/tags/v1.2.3',
      C1
    ],
    [
      'several versions at HEAD: compared as numbers, not as text',
      (r) => {
        for (const tag of ['v1.9.0', 'v1.10.0-beta.1', 'v1.10.0-alpha.2']) r.git('tag', tag)
        r.git('checkout', '--quiet', '--detach')
      },
      'refs/tags/v1.10.0-beta.1',
      C1
    ],
    [
      'several tags, none a version: the first by name',
      (r) => {
        for (const tag of ['stable', 'beta', 'nightly']) r.git('tag', tag)
        r.git('checkout', '--quiet', '--detach')
      },
      'refs/tags/beta',
      C1
    ],
    [
      'a pull request as actions/checkout fetches it (refs/remotes/pull/7/merge, detached)',
      (r) => {
        r.git('update-ref', 'refs/remotes/pull/7/merge', 'HEAD')
        r.git('checkout', '--quiet', '--detach')
        r.git('branch', '--quiet', '-D', 'main')
      },
      'refs/pull/7/merge',
      C1
    ],
    [
      'a local branch at a detached HEAD',
      (r) => r.git('checkout', '--quiet', '--detach'),
      'refs/heads/main',
      C1
    ],
    [
      'a remote-tracking branch at HEAD; origin/HEAD names no branch',
      (r) => {
        r.git('update-ref', 'refs/remotes/origin/release/v2', 'HEAD')
        r.git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/release/v2')
        r.git('checkout', '--quiet', '--detach')
        r.git('branch', '--quiet', '-D', 'main')
      },
      'refs/heads/release/v2',
      C1
    ],
    [
      'an older commit: the branch containing it that moved last',
      (r) => {
        r.commit('second', D2)
        r.git('checkout', '--quiet', '-b', 'release/next', 'HEAD~1')
        r.commit('third', D3)
        r.git('checkout', '--quiet', '--detach', 'HEAD~1')
      },
      'refs/heads/release/next',
      C1
    ],
    [
      'an older commit only a remote-tracking branch contains',
      (r) => {
        r.commit('second', D2)
        r.git('update-ref', 'refs/remotes/origin/main', 'HEAD')
        r.git('checkout', '--quiet', '--detach', 'HEAD~1')
        r.git('branch', '--quiet', '-D', 'main')
      },
      'refs/heads/main',
      C1
    ]
  ])('%s', async (_name, setup, ref, sha) => {
    const r = repo()
    r.commit('first', D1)
    setup(r)
    expect(await read(r)).toEqual({ ref, sha, commitTime: T1 })
  })

  test('the commit time is HEAD committer date', async () => {
    const r = repo()
    r.commit('first', D1)
    const second = r.commit('second', D2)
    expect(second).toBe(C2)
    expect(await read(r)).toEqual({
      ref: 'refs/heads/main',
      sha: C2,
      commitTime: '2026-11-21T10:00:00+00:00'
    })
  })

  test('GIT_DIR and GIT_WORK_TREE of another repository do not leak in: the directory decides', async () => {
    const r = repo()
    r.commit('first', D1)
    const other = repo()
    other.commit('second', D2)
    other.git('checkout', '--quiet', '-b', 'other')
    const env = {
      ...testGitEnv(),
      GIT_DIR: join(other.dir, '.git'),
      GIT_WORK_TREE: other.dir,
      GIT_INDEX_FILE: join(other.dir, '.git', 'index')
    }
    expect(await readCheckout(r.dir, env)).toEqual({
      ref: 'refs/heads/main',
      sha: C1,
      commitTime: T1
    })
  })
})

describe('readCheckout: what it cannot read is one error naming context', () => {
  const fix = 'run actions/checkout first, or use context: workflow'

  test.each([
    ['does not exist', (dir: string) => join(dir, 'missing')],
    [
      'is not a directory',
      (dir: string) => {
        writeFileSync(join(dir, 'file'), '')
        return join(dir, 'file')
      }
    ]
  ])('a path that %s', async (what, make) => {
    const dir = make(tempDir())
    await expect(readCheckout(dir, testGitEnv())).rejects.toThrow(
      `context: is git, but ${JSON.stringify(dir)} ${what}: ${fix}`
    )
  })

  test('a directory that is no git checkout', async () => {
    const dir = tempDir()
    await expect(readCheckout(dir, testGitEnv())).rejects.toThrow(
      `context: is git, but ${JSON.stringify(dir)} is not in a git checkout: ${fix}`
    )
  })

  test('a repository with no commit yet', async () => {
    const r = repo()
    await expect(read(r)).rejects.toThrow(
      `context: is git, but the repository in ${JSON.stringify(r.dir)} has no commit yet: commit first, or ${fix}`
    )
  })

  test('a detached HEAD that only a later tag contains', async () => {
    const r = repo()
    r.commit('first', D1)
    r.commit('second', D2)
    r.git('tag', 'v2.0.0')
    r.git('checkout', '--quiet', '--detach', 'HEAD~1')
    r.git('branch', '--quiet', '-D', 'main')
    await expect(read(r)).rejects.toThrow(
      `context: is git, but HEAD in ${JSON.stringify(r.dir)} is detached at ${C1.slice(0, 12)}, which no branch, tag or pull request ref points at or contains: check out a branch or a tag (actions/checkout's ref), or use context: workflow`
    )
  })

  test('a SHA-256 repository', async () => {
    const r = repo('sha256')
    const sha = r.commit('first', D1)
    await expect(read(r)).rejects.toThrow(
      `context: is git, but HEAD in ${JSON.stringify(r.dir)} is "${sha}", not a SHA-1 commit id (a SHA-256 repository?): use context: workflow`
    )
  })

  test('git not installed', async () => {
    const r = repo()
    r.commit('first', D1)
    await expect(
      readCheckout(r.dir, { ...testGitEnv(), PATH: join(r.dir, 'no-bin') })
    ).rejects.toThrow(
      'context: is git, which reads the checkout with the git command, but git is not installed (or not on PATH): install git, or use context: workflow'
    )
  })

  test('a repository another user owns', async () => {
    const dir = tempDir()
    const bin = fakeGit(`fatal: detected dubious ownership in repository at '${dir}'`, 128)
    await expect(readCheckout(dir, { PATH: bin })).rejects.toThrow(
      `context: is git, but git refuses to read ${JSON.stringify(dir)}, which another user owns: run git config --global --add safe.directory ${JSON.stringify(dir)} first, or use context: workflow`
    )
  })

  test('any other failure of git is reported as git says it, not as bad input', async () => {
    const dir = tempDir()
    const bin = fakeGit('error: something else broke', 129)
    const error = await readCheckout(dir, { PATH: bin }).catch((e: unknown) => e)
    expect(error).toEqual(
      new Error(
        `context: git rev-parse --is-inside-work-tree failed in ${JSON.stringify(dir)} (exit 129): error: something else broke`
      )
    )
    expect((error as Error).name).toBe('Error')
  })
})

describe('gitEnv', () => {
  test('drops what points git elsewhere, keeps configuration, speaks English', () => {
    expect(
      gitEnv({
        PATH: '/usr/bin',
        HOME: '/home/runner',
        LANG: 'de_DE.UTF-8',
        LC_ALL: 'de_DE.UTF-8',
        GIT_DIR: '/elsewhere/.git',
        GIT_WORK_TREE: '/elsewhere',
        GIT_INDEX_FILE: '/elsewhere/.git/index',
        GIT_OBJECT_DIRECTORY: '/elsewhere/.git/objects',
        GIT_COMMON_DIR: '/elsewhere/.git',
        GIT_NAMESPACE: 'ns',
        GIT_CONFIG_GLOBAL: '/home/runner/.gitconfig',
        GIT_CONFIG_COUNT: '1',
        GIT_CONFIG_KEY_0: 'safe.directory',
        GIT_CONFIG_VALUE_0: '*',
        UNSET: undefined
      })
    ).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      LANG: 'de_DE.UTF-8',
      LC_ALL: 'C',
      GIT_CONFIG_GLOBAL: '/home/runner/.gitconfig',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'safe.directory',
      GIT_CONFIG_VALUE_0: '*'
    })
  })
})

describe('withCheckout: the event, with the checkout ref, commit and commit time', () => {
  const checkout: GitCheckout = { ref: 'refs/tags/v2.0.0', sha: C1, commitTime: T1 }
  const event = (name: string) => {
    const { env, payload } = runnerFixture(name)
    return readGithub(env, payload)
  }

  test('a pull request keeps its number and branches; its head commit goes (HEAD is the commit)', () => {
    const pr = event('pull-request')
    expect(pr.pullRequest?.headSha).toBe(PR_HEAD_SHA)
    const { pullRequest, ...rest } = pr
    expect(withCheckout(pr, checkout)).toEqual({
      ...rest,
      ref: 'refs/tags/v2.0.0',
      sha: C1,
      commitTime: T1,
      pullRequest: {
        number: pullRequest!.number,
        headRef: pullRequest!.headRef,
        baseRef: pullRequest!.baseRef
      }
    })
  })

  test.each([
    ['the same tag as the event: the branch it came from stays', 'refs/tags/v1.2.3', 'main'],
    ['another ref: the branch the event tag came from goes', 'refs/heads/main', undefined]
  ])('%s', (_name, ref, baseRef) => {
    const tag = { ...event('tag-stable'), ref: 'refs/tags/v1.2.3', baseRef: 'main' }
    expect(withCheckout(tag, { ...checkout, ref }).baseRef).toBe(baseRef)
  })
})
