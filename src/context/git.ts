import { execFile } from 'node:child_process'
import { statSync } from 'node:fs'
import semver from 'semver'
import { InputError, quote } from '../shared/errors.js'
import type { EventContext } from '../tags/context.js'
import { parseReleaseTag } from '../tags/version.js'
import { checkedContext, type Env, type EventNames, type RawEvent } from './event.js'

/** What `context: git` takes from the checkout: HEAD's ref, commit and commit time. */
export interface GitCheckout {
  /** `refs/heads/<branch>`, `refs/tags/<tag>` or `refs/pull/<n>/merge`. */
  readonly ref: string
  readonly sha: string
  /** The committer date of HEAD, ISO 8601. */
  readonly commitTime: string
}

interface GitRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

type Git = (args: readonly string[]) => Promise<GitRun>

const FIX = 'run actions/checkout first, or use context: workflow'

/**
 * The environment git runs with. `GIT_*` variables that point git at another
 * repository, work tree or index (`GIT_DIR`, `GIT_WORK_TREE`, `GIT_INDEX_FILE`,
 * a hook's leftovers...) are dropped, so the directory alone says which
 * checkout is read; `GIT_CONFIG*` (configuration only, such as
 * `safe.directory`) is kept. Messages are in English, so they can be recognised.
 */
export function gitEnv(env: Env): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue
    if (name.startsWith('GIT_') && !name.startsWith('GIT_CONFIG')) continue
    out[name] = value
  }
  out.LC_ALL = 'C'
  return out
}

function runner(dir: string, env: Env): Git {
  const options = { cwd: dir, env: gitEnv(env), encoding: 'utf8', maxBuffer: 64 << 20 } as const
  return (args) =>
    new Promise((resolve, reject) => {
      execFile('git', [...args], options, (error, stdout, stderr) => {
        // A number is git's exit code; anything else (ENOENT) means git did not run.
        if (error && typeof error.code !== 'number') reject(error)
        else resolve({ code: error ? Number(error.code) : 0, stdout, stderr })
      })
    })
}

function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .at(-1) ?? 'no output'
  )
}

function failed(dir: string, args: readonly string[], run: GitRun): Error {
  return new Error(
    `context: git ${args.join(' ')} failed in ${quote(dir)} (exit ${run.code}): ${lastLine(run.stderr)}`
  )
}

/** The directory is a git work tree git is willing to read; else one InputError. */
async function checkWorkTree(git: Git, dir: string): Promise<void> {
  const args = ['rev-parse', '--is-inside-work-tree']
  const run = await git(args).catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new InputError(
        'context',
        'is git, which reads the checkout with the git command, but git is not installed (or not on PATH): install git, or use context: workflow'
      )
    throw e
  })
  if (run.code === 0 && run.stdout.trim() === 'true') return
  if (/dubious ownership/.test(run.stderr))
    throw new InputError(
      'context',
      `is git, but git refuses to read ${quote(dir)}, which another user owns: run git config --global --add safe.directory ${quote(dir)} first, or use context: workflow`
    )
  if (run.code === 0 || /not a git repository/.test(run.stderr))
    throw new InputError('context', `is git, but ${quote(dir)} is not in a git checkout: ${FIX}`)
  throw failed(dir, args, run)
}

/** A tag that reads as a version first, the highest first; then the others by name. */
function compareTags(a: string, b: string): number {
  const va = parseReleaseTag(a, 'v')
  const vb = parseReleaseTag(b, 'v')
  if (va && vb) {
    const order = semver.rcompare(va.version, vb.version)
    if (order !== 0) return order
  } else if (va || vb) return va ? -1 : 1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * The branch a remote-tracking ref stands for (`refs/remotes/origin/main` is
 * `refs/heads/main`), or the pull request ref actions/checkout fetches a pull
 * request into (`refs/remotes/pull/7/merge` is `refs/pull/7/merge`).
 */
function fromRemote(ref: string): string | undefined {
  const pr = /^refs\/remotes\/(pull\/\d+\/(?:merge|head))$/.exec(ref)
  if (pr) return `refs/${pr[1]}`
  const branch = /^refs\/remotes\/[^/]+\/(.+)$/.exec(ref)?.[1]
  // origin/HEAD names the remote's default branch, not a branch called HEAD.
  return branch === undefined || branch === 'HEAD' ? undefined : `refs/heads/${branch}`
}

function refList(run: GitRun): string[] {
  return run.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
}

/**
 * The ref of a detached HEAD, much as docker/metadata-action infers it: a ref
 * pointing at HEAD (a tag, then a pull request ref, then a local branch, then
 * a remote-tracking branch), else the branch containing HEAD that moved last
 * (local before remote-tracking). A tag that only contains HEAD is not used:
 * HEAD is not that release.
 */
async function detachedRef(git: Git, dir: string, sha: string): Promise<string | undefined> {
  const pointsAt = ['for-each-ref', '--format=%(refname)', `--points-at=${sha}`, 'refs/']
  const at = await git(pointsAt)
  if (at.code !== 0) throw failed(dir, pointsAt, at)
  const refs = refList(at)
  const tags = refs
    .filter((r) => r.startsWith('refs/tags/'))
    .map((r) => r.slice('refs/tags/'.length))
    .sort(compareTags)
  if (tags[0] !== undefined) return `refs/tags/${tags[0]}`
  const remote = refs.filter((r) => r.startsWith('refs/remotes/')).map(fromRemote)
  const local = refs.filter((r) => r.startsWith('refs/heads/'))
  const pointing =
    remote.find((r) => r?.startsWith('refs/pull/')) ??
    local[0] ??
    remote.find((r) => r !== undefined)
  if (pointing !== undefined) return pointing
  const containing = [
    'for-each-ref',
    '--format=%(refname)',
    '--sort=-committerdate',
    `--contains=${sha}`,
    'refs/heads/',
    'refs/remotes/'
  ]
  const holds = await git(containing)
  if (holds.code !== 0) throw failed(dir, containing, holds)
  const branches = refList(holds)
  return (
    branches.find((r) => r.startsWith('refs/heads/')) ??
    branches.map((r) => (r.startsWith('refs/remotes/') ? fromRemote(r) : undefined)).find(Boolean)
  )
}

function directoryKind(dir: string): 'directory' | 'does not exist' | 'is not a directory' {
  try {
    return statSync(dir).isDirectory() ? 'directory' : 'is not a directory'
  } catch {
    return 'does not exist'
  }
}

/**
 * Read HEAD of the git checkout in `dir`: its commit, its commit time and its
 * ref (the branch checked out; else, detached, see `detachedRef`). Git runs
 * with `execFile` (no shell) in `dir`, with `gitEnv(env)`. A missing
 * directory, a missing git, a directory that is no checkout, a repository
 * with no commit or a HEAD no ref can name is one InputError naming `context`.
 */
export async function readCheckout(dir: string, env: Env): Promise<GitCheckout> {
  const kind = directoryKind(dir)
  if (kind !== 'directory')
    throw new InputError('context', `is git, but ${quote(dir)} ${kind}: ${FIX}`)
  const git = runner(dir, env)
  await checkWorkTree(git, dir)
  const head = ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']
  const [commit, symbolic] = await Promise.all([
    git(head),
    git(['symbolic-ref', '--quiet', 'HEAD'])
  ])
  if (commit.code !== 0) {
    if (commit.stderr.trim() === '')
      throw new InputError(
        'context',
        `is git, but the repository in ${quote(dir)} has no commit yet: commit first, or ${FIX}`
      )
    throw failed(dir, head, commit)
  }
  const sha = commit.stdout.trim()
  if (!/^[0-9a-f]{40}$/.test(sha))
    throw new InputError(
      'context',
      `is git, but HEAD in ${quote(dir)} is ${quote(sha)}, not a SHA-1 commit id (a SHA-256 repository?): use context: workflow`
    )
  const time = ['show', '--no-patch', '--no-show-signature', '--format=%cI', sha]
  const [branch, dated] = await Promise.all([
    symbolic.code === 0 && symbolic.stdout.startsWith('refs/heads/')
      ? symbolic.stdout.trim()
      : detachedRef(git, dir, sha),
    git(time)
  ])
  if (dated.code !== 0) throw failed(dir, time, dated)
  if (branch === undefined)
    throw new InputError(
      'context',
      `is git, but HEAD in ${quote(dir)} is detached at ${sha.slice(0, 12)}, which no branch, tag or pull request ref points at or contains: check out a branch or a tag (actions/checkout's ref), or use context: workflow`
    )
  return { ref: branch, sha, commitTime: dated.stdout.trim() }
}

/**
 * The event with the checkout's ref, commit and commit time. What describes
 * the event's own commit goes with it: the pull request's head commit
 * (`sha-pr-commit` has nothing to choose: HEAD is the commit) and, unless the
 * ref is the event's, the branch a pushed tag came from.
 */
export function withCheckout(event: RawEvent, checkout: GitCheckout): RawEvent {
  const { baseRef, pullRequest, ...rest } = event
  return {
    ...rest,
    ref: checkout.ref,
    sha: checkout.sha,
    commitTime: checkout.commitTime,
    ...(baseRef !== undefined && event.ref === checkout.ref ? { baseRef } : {}),
    ...(pullRequest
      ? {
          pullRequest: {
            number: pullRequest.number,
            headRef: pullRequest.headRef,
            baseRef: pullRequest.baseRef
          }
        }
      : {})
  }
}

/** The names for errors when the ref and commit come from the checkout. */
export function checkoutNames(names: EventNames): EventNames {
  return { ...names, ref: 'context', sha: 'context' }
}

/** The event context, with its ref, commit and commit time from the checkout in `dir`. */
export async function checkoutContext(
  event: RawEvent,
  names: EventNames,
  dir: string,
  env: Env,
  now: Date
): Promise<EventContext> {
  const checkout = await readCheckout(dir, env)
  return checkedContext(withCheckout(event, checkout), now, checkoutNames(names))
}
