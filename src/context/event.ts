import { InputError, quote } from '../shared/errors.js'
import {
  KNOWN_EVENTS,
  type EventContext,
  type PullRequestInfo,
  type RepositoryInfo
} from '../tags/context.js'

export type Env = Readonly<Record<string, string | undefined>>

/**
 * The facts of an event as a CI system (or the CLI's flags) states them, all
 * as text and not yet checked, so that sources can be layered before the one
 * check that names where a bad value came from.
 */
export interface RawEvent {
  readonly eventName?: string
  readonly ref?: string
  readonly sha?: string
  readonly defaultBranch?: string
  readonly pullRequest?: {
    readonly number: string
    readonly headRef: string
    readonly baseRef: string
    readonly headSha?: string
  }
  /** ISO 8601; an unreadable time is dropped, as a payload may omit it. */
  readonly commitTime?: string
  /** On a tag push, the branch it came from (`refs/heads/main` or `main`). */
  readonly baseRef?: string
  /** GitHub's flags of the release a `release` event is for; ignored on other events. */
  readonly release?: { readonly prerelease: boolean; readonly draft: boolean }
  readonly repository: RepositoryInfo
}

/** Where each checked fact came from (a variable, a payload file or a flag), for errors. */
export interface EventNames {
  readonly event: string
  readonly ref: string
  readonly sha: string
  readonly prNumber: string
  readonly prHeadSha: string
}

const SHA = /^[0-9a-f]{40}$/
const EXAMPLE_REFS = 'refs/heads/main or refs/tags/v1.2.3'
const COMMON_EVENTS = 'push, pull_request, release, schedule or workflow_dispatch'

function checkEventName(input: string, eventName: string): void {
  if (KNOWN_EVENTS.has(eventName)) return
  const what = eventName === '' ? 'is empty' : `unknown event ${quote(eventName)}`
  throw new InputError(input, `${what}: use a GitHub event name such as ${COMMON_EVENTS}`)
}

function checkRef(input: string, ref: string): void {
  if (ref === '')
    throw new InputError(input, `is empty: give the full git ref, e.g. ${EXAMPLE_REFS}`)
  if (!ref.startsWith('refs/')) {
    const fix = /^(?:heads|tags|pull)\/./.test(ref)
      ? `use refs/${ref}`
      : /\s/.test(ref)
        ? `use e.g. ${EXAMPLE_REFS}`
        : `use refs/tags/${ref} for a tag or refs/heads/${ref} for a branch`
    throw new InputError(input, `${quote(ref)} is not a full git ref: ${fix}`)
  }
  if (!/^refs\/[^/]+\/./.test(ref)) {
    throw new InputError(input, `${quote(ref)} names no branch or tag: use e.g. ${EXAMPLE_REFS}`)
  }
}

/** A commit must be named in full: a short sha could name another commit later. */
function checkSha(input: string, sha: string): void {
  if (SHA.test(sha)) return
  if (sha === '') throw new InputError(input, "is empty: give the commit's 40 hex digits")
  const fix = SHA.test(sha.toLowerCase())
    ? `use lowercase: ${quote(sha.toLowerCase())}`
    : 'give the 40 lowercase hex digits'
  throw new InputError(input, `${quote(sha)} is not a full commit sha: ${fix}`)
}

function checkPullRequest(
  names: EventNames,
  raw: NonNullable<RawEvent['pullRequest']>
): PullRequestInfo {
  if (!/^[1-9]\d*$/.test(raw.number)) {
    throw new InputError(
      names.prNumber,
      `${quote(raw.number)} is not a pull request number: give a positive whole number`
    )
  }
  if (raw.headSha !== undefined) checkSha(names.prHeadSha, raw.headSha)
  return {
    number: Number(raw.number),
    headRef: raw.headRef,
    baseRef: raw.baseRef,
    ...(raw.headSha !== undefined ? { headSha: raw.headSha } : {})
  }
}

/** Check an event's facts and turn them into the tag engine's context. */
export function checkedContext(raw: RawEvent, now: Date, names: EventNames): EventContext {
  const eventName = raw.eventName ?? ''
  const ref = raw.ref ?? ''
  const sha = raw.sha ?? ''
  checkEventName(names.event, eventName)
  checkRef(names.ref, ref)
  checkSha(names.sha, sha)
  const pullRequest = raw.pullRequest ? checkPullRequest(names, raw.pullRequest) : undefined
  const commitTime = raw.commitTime ? new Date(raw.commitTime) : undefined
  return {
    eventName,
    ref,
    sha,
    ...(raw.defaultBranch ? { defaultBranch: raw.defaultBranch } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    ...(commitTime && !Number.isNaN(commitTime.getTime()) ? { commitTime } : {}),
    ...(raw.baseRef ? { baseRef: raw.baseRef.replace(/^refs\/heads\//, '') } : {}),
    ...(eventName === 'release' && raw.release ? { release: raw.release } : {}),
    now,
    repository: raw.repository
  }
}
