import type { Plan } from '../push/plan.js'
import type { PublishLog } from '../push/publish.js'
import type { LoginLog } from '../registry/login-all.js'

/** Where the publish command's progress goes: a live status on a terminal, plain lines in CI. */
export interface Display extends PublishLog, LoginLog {
  /** A line that stays (the plan, a note), never redrawn. */
  line(text: string): void
  /** Take the live status off the screen; what follows starts on a clean line. */
  done(): void
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
    done: () => undefined
  }
}

interface Row {
  phase: string
  done: number
  readonly total: number
}

const PHASES: readonly [string, string][] = [
  ['Read ', 'reading'],
  ['Content for ', 'sending content'],
  ['Tags of ', 'writing tags']
]

/**
 * An info line that settles a tag: `1.2.3: pushed` in the `Tags of` group, or
 * docker's `1.2.3: digest: sha256:…` for the tag it pushes with the content
 * (kept and failed tags are warnings).
 */
const TAG_DONE = /^\S+: (?:pushed|already there|digest: sha256:)/

/**
 * A terminal: one live line per target (its phase and how many of its tags
 * are written) and the latest activity, redrawn in place; warnings, errors
 * and login lines stay above it. Lines are cut to the terminal's width so
 * none wraps (a wrapped line would break the redraw).
 */
export function liveDisplay(write: Write, plan: Plan, columns: number): Display {
  const rows = new Map<string, Row>(
    plan.targets.map((t) => [
      t.repository.name,
      { phase: 'waiting', done: 0, total: t.tags.length }
    ])
  )
  const width = Math.max(0, ...[...rows.keys()].map((n) => n.length))
  let activity = ''
  let group = ''
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
      const tags = row.phase === 'waiting' ? '' : `  ${row.done}/${row.total} tags`
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
  const tagGroup = (): Row | undefined => {
    const prefix = ['Tags of ', 'Content for '].find((p) => group.startsWith(p))
    return prefix === undefined ? undefined : rows.get(group.slice(prefix.length))
  }
  return {
    line: stay,
    info: (line) => {
      if (group.startsWith('Login to ')) return stay(line)
      const row = tagGroup()
      if (row && TAG_DONE.test(line)) row.done++
      activity = line
      draw()
    },
    warning: (line) => {
      const row = tagGroup()
      if (row) row.done++
      stay(`warning: ${line}`)
    },
    error: (line) => stay(`error: ${line}`),
    group: async (title, work) => {
      group = title
      activity = title
      for (const [prefix, phase] of PHASES) {
        const row = title.startsWith(prefix) ? rows.get(title.slice(prefix.length)) : undefined
        if (row) row.phase = phase
      }
      if (title === 'Verify') for (const row of rows.values()) row.phase = 'verifying'
      draw()
      try {
        return await work()
      } finally {
        if (title === 'Verify') for (const row of rows.values()) row.phase = 'verified'
        group = ''
        draw()
      }
    },
    done: clear
  }
}
