/** Everything the tag engine knows about the event. Plain data, filled by an edge. */
export interface EventContext {
  /** GitHub event name (`push`, `pull_request`, `schedule`, ...). */
  readonly eventName: string
  /** Full git ref: `refs/heads/main`, `refs/tags/v1.2.3`, `refs/pull/7/merge`. */
  readonly ref: string
  /** Commit the event is for; on pull requests the merge commit. */
  readonly sha: string
  /** The repository's default branch, when known. */
  readonly defaultBranch?: string
  readonly pullRequest?: PullRequestInfo
  /** Time of the head commit, when the payload has it. */
  readonly commitTime?: Date
  /** On a tag push: the branch the tag was pushed from, when GitHub gives it (payload `base_ref`). */
  readonly baseRef?: string
  /** The time of this run, for `created` labels and dated tags. */
  readonly now: Date
  readonly repository?: RepositoryInfo
  /** On a `release` event, GitHub's flags of that release (set only for `eventName === 'release'`). */
  readonly release?: ReleaseFlags
}

export interface ReleaseFlags {
  /** Marked pre-release in GitHub: never `latest`, `<major>` or `<major>.<minor>`. */
  readonly prerelease: boolean
  /** Not published yet: nothing is published for it. */
  readonly draft: boolean
}

export interface PullRequestInfo {
  readonly number: number
  readonly headRef: string
  readonly baseRef: string
  readonly headSha?: string
}

/** Repository facts from the event payload, for OCI labels. */
export interface RepositoryInfo {
  readonly name?: string
  readonly description?: string
  readonly url?: string
  readonly license?: string
}

/** The ref, read once: a branch, a tag, a pull request, or something else. */
export type RefInfo =
  | { readonly kind: 'branch'; readonly name: string }
  | { readonly kind: 'tag'; readonly name: string }
  | { readonly kind: 'pr'; readonly number: number }
  | { readonly kind: 'other'; readonly name: string }

export function readRef(ref: string): RefInfo {
  if (ref.startsWith('refs/heads/'))
    return { kind: 'branch', name: ref.slice('refs/heads/'.length) }
  if (ref.startsWith('refs/tags/')) return { kind: 'tag', name: ref.slice('refs/tags/'.length) }
  const pr = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref)
  if (pr) return { kind: 'pr', number: Number(pr[1]) }
  return { kind: 'other', name: ref }
}

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

export function isPullRequest(ctx: EventContext): boolean {
  return PULL_REQUEST_EVENTS.has(ctx.eventName) || readRef(ctx.ref).kind === 'pr'
}

/** The pull request number from the payload or, failing that, the ref. */
export function pullRequestNumber(ctx: EventContext): number | undefined {
  if (ctx.pullRequest) return ctx.pullRequest.number
  const ref = readRef(ctx.ref)
  return ref.kind === 'pr' ? ref.number : undefined
}

/** Branch the event is on (never set for tags or pull requests). */
export function pushedBranch(ctx: EventContext): string | undefined {
  const ref = readRef(ctx.ref)
  return ref.kind === 'branch' && !isPullRequest(ctx) ? ref.name : undefined
}

/**
 * Every event GitHub documents. Names outside this list are typos (from the
 * CLI's `--event`, or a hand-written environment) and are rejected.
 */
export const KNOWN_EVENTS = new Set([
  'branch_protection_rule',
  'check_run',
  'check_suite',
  'create',
  'delete',
  'deployment',
  'deployment_status',
  'discussion',
  'discussion_comment',
  'fork',
  'gollum',
  'issue_comment',
  'issues',
  'label',
  'merge_group',
  'milestone',
  'page_build',
  'public',
  'pull_request',
  'pull_request_review',
  'pull_request_review_comment',
  'pull_request_target',
  'push',
  'registry_package',
  'release',
  'repository_dispatch',
  'schedule',
  'status',
  'watch',
  'workflow_call',
  'workflow_dispatch',
  'workflow_run'
])
