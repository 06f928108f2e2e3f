import { InputError, quote } from '../../errors.js'
import { isPullRequest, readRef, type EventContext } from '../context.js'
import { sanitizeTag } from '../sanitize.js'
import type { StrategyOptions } from '../strategies/options.js'
import { formatDate, isTimeZone } from './date.js'

/** Where an expression is written, for error messages: `tags` and `line 3 "…"`. */
export interface ExpressionSite {
  readonly input: string
  readonly where: string
}

const EXPRESSION = /\{\{\s*([^}]*?)\s*\}\}/g
const NAMES = ['branch', 'tag', 'sha', 'base_ref', 'is_default_branch', 'date', 'commit_date']

/** Events that always run on the default branch (for `{{is_default_branch}}`). */
const DEFAULT_BRANCH_EVENTS = ['create', 'discussion', 'issues', 'schedule']

/** The commit a tag or `{{sha}}` names: on pull requests the head unless told otherwise. */
export function commitSha(ctx: EventContext, options: StrategyOptions): string {
  const head = ctx.pullRequest?.headSha
  return isPullRequest(ctx) && options.shaPullRequestCommit === 'head' && head ? head : ctx.sha
}

export function isDefaultBranch(ctx: EventContext): boolean {
  if (DEFAULT_BRANCH_EVENTS.some((e) => ctx.eventName.includes(e))) return true
  const ref = readRef(ctx.ref)
  return ref.kind === 'branch' && ref.name === ctx.defaultBranch
}

/**
 * Render docker/metadata-action's global expressions in a value. Values that
 * come from git (branch and tag names) are sanitised into tag characters.
 * An unknown expression is an error, never an empty string.
 */
export function renderExpressions(
  text: string,
  ctx: EventContext,
  options: StrategyOptions,
  site: ExpressionSite
): string {
  return text.replace(EXPRESSION, (_whole, body: string) => {
    const [name = '', ...rest] = body.split(/\s+/)
    const ref = readRef(ctx.ref)
    switch (name) {
      case 'branch':
        return ref.kind === 'branch' ? sanitizeTag(ref.name) : ''
      case 'tag':
        return ref.kind === 'tag' ? sanitizeTag(ref.name) : ''
      case 'sha':
        return commitSha(ctx, options).slice(0, options.shaLength)
      case 'base_ref':
        return ctx.pullRequest ? sanitizeTag(ctx.pullRequest.baseRef) : ''
      case 'is_default_branch':
        return String(isDefaultBranch(ctx))
      case 'date':
      case 'commit_date': {
        const when = name === 'date' ? ctx.now : (ctx.commitTime ?? ctx.now)
        return renderDate(rest.join(' '), when, site, body)
      }
      default:
        throw new InputError(
          site.input,
          `${site.where}: unknown expression ${quote(`{{${body}}}`)}: use one of ${NAMES.map((n) => `{{${n}}}`).join(', ')}`
        )
    }
  })
}

const DATE_ARGS = /^'([^']*)'(?:\s+tz='([^']*)')?$/

function renderDate(args: string, when: Date, site: ExpressionSite, body: string): string {
  const m = DATE_ARGS.exec(args.trim())
  if (!m) {
    throw new InputError(
      site.input,
      `${site.where}: ${quote(`{{${body}}}`)} is not a valid date expression: write {{date 'YYYYMMDD'}} or {{date 'YYYYMMDD' tz='Europe/Paris'}}`
    )
  }
  const timeZone = m[2] ?? 'UTC'
  if (!isTimeZone(timeZone)) {
    throw new InputError(
      site.input,
      `${site.where}: unknown time zone ${quote(timeZone)}: use an IANA name such as Europe/Paris`
    )
  }
  return formatDate(when, m[1]!, timeZone)
}
