import { InputError, quote } from '../errors.js'
import { githubContext, type Env } from '../context/github.js'
import { gitlabContext, isGitlab } from '../context/gitlab.js'
import type { EventPayload } from '../context/payload.js'
import type { EventContext } from '../tags/context.js'
import type { ContextFlag } from './args.js'

type Flags = Partial<Record<ContextFlag, string>>

function parseTime(flag: string, value: string): Date {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) {
    throw new InputError(
      `--${flag}`,
      `${quote(value)} is not a date: use ISO 8601, e.g. 2026-11-23T10:00:00Z`
    )
  }
  return date
}

/**
 * The event for the CLI: from flags, over the GitHub Actions variables when
 * present, else GitLab CI's, else flags alone (a push by default).
 */
export function cliContext(
  flags: Flags,
  env: Env,
  payload: EventPayload,
  clock: Date
): EventContext {
  const now = flags.now !== undefined ? parseTime('now', flags.now) : clock
  const onGithub = env.GITHUB_ACTIONS === 'true' || env.GITHUB_REF !== undefined
  if (!onGithub && isGitlab(env)) {
    const base = gitlabContext(env, now)
    if (Object.keys(flags).every((k) => k === 'now')) return base
  }
  const prNumber = flags['pr-number']
  if (prNumber !== undefined && !/^[1-9]\d*$/.test(prNumber)) {
    throw new InputError(
      '--pr-number',
      `${quote(prNumber)} is not a pull request number: give a positive whole number`
    )
  }
  const gitlab = !onGithub && isGitlab(env) ? gitlabContext(env, now) : undefined
  const eventName =
    flags.event ??
    (onGithub ? env.GITHUB_EVENT_NAME : gitlab?.eventName) ??
    (prNumber ? 'pull_request' : 'push')
  const ref =
    flags.ref ??
    (onGithub ? env.GITHUB_REF : gitlab?.ref) ??
    (prNumber ? `refs/pull/${prNumber}/merge` : '')
  const sha = flags.sha ?? (onGithub ? env.GITHUB_SHA : gitlab?.sha) ?? ''
  const pr = payload.pull_request ?? {}
  const merged: EventPayload = {
    ...payload,
    repository: {
      ...(gitlab?.repository
        ? {
            name: gitlab.repository.name,
            description: gitlab.repository.description,
            html_url: gitlab.repository.url
          }
        : {}),
      ...payload.repository,
      ...((flags['default-branch'] ?? gitlab?.defaultBranch)
        ? { default_branch: flags['default-branch'] ?? gitlab?.defaultBranch }
        : {})
    },
    ...(prNumber !== undefined || payload.pull_request
      ? {
          pull_request: {
            number: prNumber !== undefined ? Number(prNumber) : pr.number,
            head: {
              ref: flags['pr-head-ref'] ?? pr.head?.ref,
              sha: flags['pr-head-sha'] ?? pr.head?.sha
            },
            base: { ref: flags['pr-base-ref'] ?? pr.base?.ref }
          }
        }
      : {}),
    ...(flags['commit-time'] !== undefined
      ? { head_commit: { timestamp: parseTime('commit-time', flags['commit-time']).toISOString() } }
      : gitlab?.commitTime
        ? { head_commit: { timestamp: gitlab.commitTime.toISOString() } }
        : {})
  }
  const names = {
    event: flags.event !== undefined || !onGithub ? '--event' : 'GITHUB_EVENT_NAME',
    ref: flags.ref !== undefined || !onGithub ? '--ref' : 'GITHUB_REF',
    sha: flags.sha !== undefined || !onGithub ? '--sha' : 'GITHUB_SHA'
  }
  const ghEnv = onGithub
    ? env
    : { GITHUB_SERVER_URL: env.GITHUB_SERVER_URL, GITHUB_REPOSITORY: env.GITHUB_REPOSITORY }
  return githubContext(
    { ...ghEnv, GITHUB_EVENT_NAME: eventName, GITHUB_REF: ref, GITHUB_SHA: sha },
    merged,
    now,
    names
  )
}
