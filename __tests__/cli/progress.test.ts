import { describe, expect, test } from '@jest/globals'
import { liveDisplay, plainDisplay } from '../../src/cli/progress.js'
import { releasePlan } from '../../__fixtures__/publish.js'

const { plan } = releasePlan('1.2.3', ['registry.example/acme/app'])

const ESC = String.fromCharCode(27)
const REDRAW = new RegExp(`(${ESC}\\[\\d+F${ESC}\\[J)`)
const UP = new RegExp(`^${ESC}\\[(\\d+)F${ESC}\\[J$`)

/** Replay a terminal's writes: `ESC[nF` moves up n lines, `ESC[J` clears below. */
function screen(writes: readonly string[]): string[] {
  const lines: string[] = []
  for (const write of writes) {
    for (const part of write.split(REDRAW)) {
      const up = UP.exec(part)
      if (up) lines.splice(lines.length - Number(up[1]))
      else if (part !== '') lines.push(...part.replace(/\n$/, '').split('\n'))
    }
  }
  return lines
}

const APP = 'registry.example/acme/app'
const D = `sha256:${'ab'.repeat(32)}`

describe('the live display on a terminal', () => {
  test('a preview row shows its phase without a tag count (a preview settles no tag)', () => {
    const writes: string[] = []
    const d = liveDisplay((t) => writes.push(t), plan, 80)
    d.event({ kind: 'phase', target: APP, phase: 'previewing' })
    expect(screen(writes)).toEqual([`  ${APP}  previewing`])
    d.event({ kind: 'phase', target: APP, phase: 'previewed' })
    expect(screen(writes)).toEqual([`  ${APP}  previewed`])
  })

  test('one status line per target, driven by the publish events; warnings and logins stay above it', async () => {
    const writes: string[] = []
    const d = liveDisplay((t) => writes.push(t), plan, 80)
    await d.group('Login to registry.example', async () => d.info('Logged in as alice'))
    d.event({ kind: 'phase', target: APP, phase: 'sending content' })
    d.event({ kind: 'blob', target: APP, digest: D, bytes: 2048, how: 'uploaded' })
    expect(screen(writes)).toEqual([
      'Logged in as alice',
      `  ${APP}  sending content  0/4 tags`,
      `  ${APP}: uploaded ${D.slice(0, 19)} (2.0 KiB)`
    ])
    await d.group(`Tags of ${APP}`, async () => {
      d.event({ kind: 'phase', target: APP, phase: 'writing tags' })
      d.event({
        kind: 'tag',
        target: APP,
        tag: '1.2.3',
        reference: `${APP}:1.2.3`,
        status: 'pushed'
      })
      d.info('1.2.3: pushed')
      d.event({
        kind: 'tag',
        target: APP,
        tag: '1.2',
        reference: `${APP}:1.2`,
        status: 'already there'
      })
      d.info('1.2: already there')
      expect(screen(writes)).toEqual([
        'Logged in as alice',
        `  ${APP}  writing tags  2/4 tags`,
        '  1.2: already there'
      ])
      d.event({
        kind: 'tag',
        target: APP,
        tag: '1',
        reference: `${APP}:1`,
        status: 'kept',
        detail: 'newer'
      })
      d.warning(`${APP}:1: kept where it is`)
    })
    expect(screen(writes)).toEqual([
      'Logged in as alice',
      `warning: ${APP}:1: kept where it is`,
      `  ${APP}  writing tags  3/4 tags`,
      '  1.2: already there'
    ])
    // A tag that fails verification after it was pushed is still one tag.
    d.event({ kind: 'phase', target: APP, phase: 'verifying' })
    d.event({
      kind: 'tag',
      target: APP,
      tag: '1.2.3',
      reference: `${APP}:1.2.3`,
      status: 'failed',
      detail: 'moved'
    })
    d.event({ kind: 'phase', target: APP, phase: 'verified' })
    expect(screen(writes).slice(-2)).toEqual([
      `  ${APP}  verified  3/4 tags`,
      '  1.2: already there'
    ])
    d.done()
    expect(screen(writes)).toEqual(['Logged in as alice', `warning: ${APP}:1: kept where it is`])
  })

  test('cuts lines to the terminal width so none wraps', () => {
    const writes: string[] = []
    const d = liveDisplay((t) => writes.push(t), plan, 20)
    d.line('a line longer than twenty columns')
    expect(screen(writes)).toEqual(['a line longer than twenty columns', '  registry.example…'])
  })
})

test('the plain display writes every line as it comes, with no escape sequence', async () => {
  let out = ''
  const d = plainDisplay((t) => (out += t))
  await d.group('Verify', async () => d.info('3 tag(s) checked'))
  d.warning('w')
  d.error('e')
  d.done()
  expect(out).toBe('== Verify\n  3 tag(s) checked\nwarning: w\nerror: e\n')
})
