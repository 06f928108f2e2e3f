import { InputError, quote } from '../../shared/errors.js'
import { isPullRequest, pushedBranch, readRef, type EventContext } from '../context.js'
import { sanitizeTag } from '../sanitize.js'
import type { StrategyOptions } from '../strategies/options.js'
import { formatDate, isTimeZone } from './date.js'

/** Where an expression is written, for error messages: `tags` and `line 3 "…"`. */
export interface ExpressionSite {
  readonly input: string
  readonly where: string
}

/**
 * How git names (branch, tag, base ref) come out of an expression. Rules
 * take them `raw` and sanitise the whole tag at the end, as metadata-action
 * does, so `type=match,value={{tag}}` still sees the `/` of `p1/v1.2.3`;
 * the flavor, which is also put on strategy tags, needs them `sanitised`.
 */
export type GitNames = 'raw' | 'sanitised'

const EXPRESSION = /\{\{\s*([^}]*?)\s*\}\}/g
const NAMES = [
  'branch',
  'tag',
  'sha',
  'base_ref',
  'is_default_branch',
  'is_not_default_branch',
  'date',
  'commit_date'
]

/** Events that always run on the default branch (for `{{is_default_branch}}`). */
const DEFAULT_BRANCH_EVENTS = ['create', 'discussion', 'issues', 'schedule']

/** The commit a tag or `{{sha}}` names: on pull requests the head unless told otherwise. */
export function commitSha(ctx: EventContext, options: StrategyOptions): string {
  const head = ctx.pullRequest?.headSha
  return isPullRequest(ctx) && options.shaPullRequestCommit === 'head' && head ? head : ctx.sha
}

/**
 * Whether the event is on the default branch. A pull_request_target run
 * carries the base branch in its ref, but metadata-action reads its ref as
 * `refs/pull/N/merge`, so pull requests are on no branch here or in `{{branch}}`.
 */
function isDefaultBranch(ctx: EventContext): boolean {
  if (DEFAULT_BRANCH_EVENTS.some((e) => ctx.eventName.includes(e))) return true
  const branch = pushedBranch(ctx)
  return branch !== undefined && branch === ctx.defaultBranch
}

/**
 * Render docker/metadata-action's global expressions in a value. An unknown
 * expression is an error, never an empty string.
 */
export function renderExpressions(
  text: string,
  ctx: EventContext,
  options: StrategyOptions,
  site: ExpressionSite,
  gitNames: GitNames = 'sanitised'
): string {
  const name = (value: string): string => (gitNames === 'raw' ? value : sanitizeTag(value))
  // An opening `{{` left after every closed expression would otherwise turn
  // into tag text and fail later with a message about the tag, not the cause.
  if (text.replace(EXPRESSION, '').includes('{{'))
    throw new InputError(
      site.input,
      `${site.where}: an expression opens with {{ and is never closed: end it with }}`
    )
  return text.replace(EXPRESSION, (_whole, body: string) => {
    const [, word = '', args = ''] = /^(\S*)\s*([\s\S]*)$/.exec(body) ?? []
    const ref = readRef(ctx.ref)
    switch (word) {
      case 'branch':
        return name(pushedBranch(ctx) ?? '')
      case 'tag':
        return ref.kind === 'tag' ? name(ref.name) : ''
      case 'sha':
        return commitSha(ctx, options).slice(0, options.shaLength)
      case 'base_ref':
        // A pull request's base branch; on a tag push, the branch it came from.
        if (ctx.pullRequest) return name(ctx.pullRequest.baseRef)
        return ref.kind === 'tag' && ctx.baseRef ? name(ctx.baseRef) : ''
      case 'is_default_branch':
        return String(isDefaultBranch(ctx))
      case 'is_not_default_branch':
        return String(!isDefaultBranch(ctx))
      case 'date':
      case 'commit_date': {
        const when = word === 'date' ? ctx.now : (ctx.commitTime ?? ctx.now)
        return renderDate(args, when, site, body)
      }
      default:
        throw new InputError(
          site.input,
          `${site.where}: unknown expression ${quote(`{{${body}}}`)}: use one of ${NAMES.map((n) => `{{${n}}}`).join(', ')}`
        )
    }
  })
}

/** `'<format>'` then an optional `tz='<zone>'`; Handlebars takes either quote. */
const DATE_ARGS = /^(?:'([^']*)'|"([^"]*)")(?:\s+tz=(?:'([^']*)'|"([^"]*)"))?$/

function renderDate(args: string, when: Date, site: ExpressionSite, body: string): string {
  const m = DATE_ARGS.exec(args.trim())
  if (!m) {
    throw new InputError(
      site.input,
      `${site.where}: ${quote(`{{${body}}}`)} is not a valid date expression: write {{date 'YYYYMMDD'}} or {{date 'YYYYMMDD' tz='Europe/Paris'}}`
    )
  }
  const format = m[1] ?? m[2] ?? ''
  const timeZone = m[3] ?? m[4] ?? 'UTC'
  if (!isTimeZone(timeZone)) {
    throw new InputError(
      site.input,
      `${site.where}: unknown time zone ${quote(timeZone)}: use an IANA name such as Europe/Paris`
    )
  }
  return formatDate(when, format, timeZone)
}
