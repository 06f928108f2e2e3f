import type { Plan } from '../push/plan.js'
import { formatBytes, short } from '../distribution/copy.js'
import type { PublishEvent } from '../push/events.js'
import type { PublishLog } from '../push/publish.js'
import type { LoginLog } from '../credentials/login-all.js'

/** Where the publish command's progress goes: a live status on a terminal, plain lines in CI. */
export interface Display extends PublishLog, LoginLog {
  /** A line that stays (the plan, a note), never redrawn. */
  line(text: string): void
  /** Take the live status off the screen; what follows starts on a clean line. */
  done(): void
  /** The publish's typed progress. */
  event(e: PublishEvent): void
}

type Write = (text: string) => void

/** CI logs: every group title and line as it comes, no escape sequences. */
export function plainDisplay(write: Write): Display {
  return {
    line: (text) => write(`${text}\n`),
    info: (line) => write(`  ${line}\n`),
    warning: (line) => write(`warning: ${line}\n`),
    error: (line) => write(`error: ${line}\n`),
    group: (title, work) => {
      write(`== ${title}\n`)
      return work()
    },
    done: () => undefined,
    // Plain lines already say everything the events do.
    event: () => undefined
  }
}

interface Row {
  phase: string
  /** Tags settled so far (a tag that fails verification is counted once). */
  readonly settled: Set<string>
  readonly total: number
}

/**
 * A terminal: one live line per target (its phase and how many of its tags
 * are settled) and the latest activity, redrawn in place; warnings, errors,
 * the plan and the login lines stay above it. The rows follow the publish's
 * typed events, never its log text. Lines are cut to the terminal's width so
 * none wraps (a wrapped line would break the redraw).
 */
export function liveDisplay(write: Write, plan: Plan, columns: number): Display {
  const rows = new Map<string, Row>(
    plan.targets.map((t) => [
      t.repository.name,
      { phase: 'waiting', settled: new Set(), total: t.tags.length }
    ])
  )
  const width = Math.max(0, ...[...rows.keys()].map((n) => n.length))
  let activity = ''
  let publishing = false
  let drawn = 0
  const fit = (text: string): string =>
    text.length < columns ? text : `${text.slice(0, Math.max(0, columns - 2))}…`
  const clear = (): void => {
    if (drawn > 0) write(`\x1b[${drawn}F\x1b[J`)
    drawn = 0
  }
  const draw = (): void => {
    clear()
    const lines = [...rows].map(([name, row]) => {
      // A preview settles no tag: its rows show the phase alone.
      const counted = row.phase !== 'waiting' && !row.phase.startsWith('preview')
      const tags = counted ? `  ${row.settled.size}/${row.total} tags` : ''
      return fit(`  ${name.padEnd(width)}  ${row.phase}${tags}`)
    })
    if (activity !== '') lines.push(fit(`  ${activity}`))
    write(lines.map((l) => `${l}\n`).join(''))
    drawn = lines.length
  }
  const stay = (text: string): void => {
    clear()
    write(`${text}\n`)
    draw()
  }
  const event = (e: PublishEvent): void => {
    publishing = true
    const row = rows.get(e.target)
    if (e.kind === 'phase' && row) row.phase = e.phase
    if (e.kind === 'tag' && row) row.settled.add(e.tag)
    if (e.kind === 'blob')
      activity = `${e.target}: ${e.how} ${short(e.digest)} (${formatBytes(e.bytes)})`
    draw()
  }
  return {
    line: stay,
    // Before the publish starts (the logins), every line stays; then the
    // latest one is the activity under the rows.
    info: (line) => {
      if (!publishing) return stay(line)
      activity = line
      draw()
    },
    warning: (line) => stay(`warning: ${line}`),
    error: (line) => stay(`error: ${line}`),
    group: async (title, work) => {
      activity = title
      draw()
      try {
        return await work()
      } finally {
        draw()
      }
    },
    event,
    done: clear
  }
}
