import { InputError, quote } from '../shared/errors.js'
import { checkedContext, type Env, type EventNames, type RawEvent } from '../context/event.js'
import { checkoutNames, readCheckout, withCheckout, type GitCheckout } from '../context/git.js'
import { GITHUB_NAMES, isGithub, readGithub } from '../context/github.js'
import { isGitlab, readGitlab } from '../context/gitlab.js'
import { readPayload, type EventPayload } from '../context/payload.js'
import type { ContextSource } from '../inputs/context-source.js'
import { PULL_REQUEST_EVENTS, type EventContext } from '../tags/context.js'
import type { ContextFlag } from './args.js'

type Flags = Partial<Record<ContextFlag, string>>

/** The CI system whose variables describe the event, if any. */
export type CiSystem = 'github' | 'gitlab' | 'none'

export function detectCi(env: Env): CiSystem {
  return isGithub(env) ? 'github' : isGitlab(env) ? 'gitlab' : 'none'
}

const FLAG_NAMES: EventNames = {
  event: '--event',
  ref: '--ref',
  sha: '--sha',
  prNumber: '--pr-number',
  prHeadSha: '--pr-head-sha'
}

function parseTime(flag: string, value: string): Date {
  const date = new Date(value)
  if (value.trim() === '' || Number.isNaN(date.getTime())) {
    throw new InputError(
      `--${flag}`,
      `${quote(value)} is not a date: use ISO 8601, e.g. 2026-11-23T10:00:00Z`
    )
  }
  return date
}

function fromEnvironment(env: Env, payload: EventPayload): { event: RawEvent; names: EventNames } {
  switch (detectCi(env)) {
    case 'github':
      return { event: readGithub(env, payload), names: GITHUB_NAMES }
    case 'gitlab':
      return readGitlab(env)
    case 'none':
      return { event: { repository: {} }, names: FLAG_NAMES }
  }
}

/** The pull request the flags describe, over the one the environment gives. */
function pullRequest(flags: Flags, base: RawEvent): RawEvent['pullRequest'] {
  const number = flags['pr-number'] ?? base.pullRequest?.number
  const given = (['pr-head-ref', 'pr-head-sha', 'pr-base-ref'] as const).find(
    (f) => flags[f] !== undefined
  )
  if (number === undefined) {
    if (given === undefined) return undefined
    throw new InputError(
      `--${given}`,
      `${quote(flags[given] ?? '')} describes a pull request, but no pull request number is known: add --pr-number`
    )
  }
  const headSha = flags['pr-head-sha'] ?? base.pullRequest?.headSha
  return {
    number,
    headRef: flags['pr-head-ref'] ?? base.pullRequest?.headRef ?? '',
    baseRef: flags['pr-base-ref'] ?? base.pullRequest?.baseRef ?? '',
    ...(headSha !== undefined ? { headSha } : {})
  }
}

/**
 * The event for the CLI: flags, over the GitHub Actions variables and payload
 * when present, else over GitLab CI's, else flags alone (a push by default).
 * `--pr-number` alone makes a pull request event on `refs/pull/<n>/merge`.
 * With `checkout` (`--context git`), its ref, commit and commit time replace
 * the environment's.
 */
export function cliContext(
  flags: Flags,
  env: Env,
  payload: EventPayload,
  clock: Date,
  checkout?: GitCheckout
): EventContext {
  const now = flags.now !== undefined ? parseTime('now', flags.now) : clock
  const found = fromEnvironment(env, payload)
  const base = checkout ? withCheckout(found.event, checkout) : found.event
  const baseNames = checkout ? checkoutNames(found.names) : found.names
  const prNumber = flags['pr-number']
  const prFromFlags = prNumber !== undefined && !PULL_REQUEST_EVENTS.has(base.eventName ?? '')
  const commitTime =
    flags['commit-time'] !== undefined
      ? parseTime('commit-time', flags['commit-time']).toISOString()
      : base.commitTime
  const defaultBranch = flags['default-branch'] ?? base.defaultBranch
  const pr = pullRequest(flags, base)
  const event: RawEvent = {
    eventName: flags.event ?? (prFromFlags ? 'pull_request' : (base.eventName ?? 'push')),
    ref: flags.ref ?? (prFromFlags ? `refs/pull/${prNumber}/merge` : (base.ref ?? '')),
    sha: flags.sha ?? base.sha ?? '',
    ...(defaultBranch !== undefined ? { defaultBranch } : {}),
    ...(pr ? { pullRequest: pr } : {}),
    ...(commitTime !== undefined ? { commitTime } : {}),
    repository: base.repository
  }
  const from = (flag: ContextFlag, name: keyof EventNames): string =>
    flags[flag] !== undefined ? FLAG_NAMES[name] : baseNames[name]
  return checkedContext(event, now, {
    event: from('event', 'event'),
    ref: from('ref', 'ref'),
    sha: from('sha', 'sha'),
    prNumber: from('pr-number', 'prNumber'),
    prHeadSha: from('pr-head-sha', 'prHeadSha')
  })
}

/**
 * The CLI's event context: `cliContext` over the CI system's variables and,
 * with `--context git`, the checkout in `cwd`, which then alone gives the ref
 * and commit.
 */
export async function readCliContext(
  flags: Flags,
  source: ContextSource,
  env: Env,
  cwd: string,
  clock: Date
): Promise<EventContext> {
  const payload = detectCi(env) === 'github' ? readPayload(env.GITHUB_EVENT_PATH) : {}
  if (source === 'workflow') return cliContext(flags, env, payload, clock)
  for (const flag of ['ref', 'sha'] as const) {
    const value = flags[flag]
    if (value !== undefined)
      throw new InputError(
        `--${flag}`,
        `${quote(value)} is given, but --context git takes the ${flag === 'ref' ? 'ref' : 'commit'} from the checkout: remove --${flag}, or use --context workflow`
      )
  }
  return cliContext(flags, env, payload, clock, await readCheckout(cwd, env))
}
