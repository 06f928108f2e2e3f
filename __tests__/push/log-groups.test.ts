import { describe, expect, test } from '@jest/globals'
import { HeldLog, runGrouped, type GroupingLog } from '../../src/shared/log-groups.js'

/** A log that records lines and groups as the action's log would show them. */
function recordingLog(): { log: GroupingLog; lines: string[] } {
  const lines: string[] = []
  const log: GroupingLog = {
    info: (line) => void lines.push(line),
    warning: (line) => void lines.push(`warning: ${line}`),
    group: async (title, work) => {
      lines.push(`::group::${title}`)
      try {
        return await work()
      } finally {
        lines.push('::endgroup::')
      }
    }
  }
  return { log, lines }
}

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('HeldLog', () => {
  test('holds lines until released, then passes them on; error falls back to info', () => {
    const held = new HeldLog()
    held.info('one')
    held.warning('two')
    const seen: string[] = []
    held.release({
      info: (l) => void seen.push(`info ${l}`),
      warning: (l) => void seen.push(`warning ${l}`)
    })
    held.error('three')
    expect(seen).toEqual(['info one', 'warning two', 'info three'])
  })
})

describe('runGrouped', () => {
  test('tasks run at once; groups show in task order with all their lines; failures are presented', async () => {
    const { log, lines } = recordingLog()
    const started: string[] = []
    const results = await runGrouped(
      log,
      [
        { title: 'slow', run: async (l) => { started.push('slow'); await later(30); l.info('slow done'); return 1 } },
        { title: 'fast', run: async (l) => { started.push('fast'); l.info('fast done'); return 2 } },
        { title: 'broken', run: async (l) => { started.push('broken'); l.warning('about to fail'); throw new Error('boom') } }
      ],
      (settled) => (settled.status === 'fulfilled' ? `ok ${settled.value}` : `failed ${(settled.reason as Error).message}`)
    ) // prettier-ignore
    expect(started).toEqual(['slow', 'fast', 'broken'])
    expect(results).toEqual(['ok 1', 'ok 2', 'failed boom'])
    expect(lines).toEqual([
      '::group::slow',
      'slow done',
      '::endgroup::',
      '::group::fast',
      'fast done',
      '::endgroup::',
      '::group::broken',
      'warning: about to fail',
      '::endgroup::'
    ])
  })

  test('a later task still running when its group opens writes live into it', async () => {
    const { log, lines } = recordingLog()
    await runGrouped(
      log,
      [
        { title: 'first', run: async (l) => { l.info('first'); return 0 } },
        { title: 'second', run: async (l) => { l.info('held'); await later(20); l.info('live'); return 0 } }
      ],
      async (_settled, i) => { lines.push(`presented ${i}`) }
    ) // prettier-ignore
    expect(lines).toEqual([
      '::group::first',
      'first',
      'presented 0',
      '::endgroup::',
      '::group::second',
      'held',
      'live',
      'presented 1',
      '::endgroup::'
    ])
  })
})
