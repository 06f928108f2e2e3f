import { expect, test } from '@jest/globals'
import { printEvent, type PublishEvent } from '../../src/push/events.js'

const APP = 'registry.example/acme/app'
const OLD = `sha256:${'0a'.repeat(32)}`
const tag = (
  t: string,
  status: 'pushed' | 'already there' | 'kept' | 'failed',
  extra = {}
): PublishEvent => ({
  kind: 'tag',
  target: APP,
  tag: t,
  reference: `${APP}:${t}`,
  status,
  ...extra
})

test.each<[string, PublishEvent, string[]]>([
  ['a new tag', tag('1.2.3', 'pushed'), ['info: 1.2.3: pushed']],
  [
    'a moved tag says from where',
    tag('1.2', 'pushed', { previous: OLD }),
    [`info: 1.2: pushed (was ${OLD.slice(0, 19)})`]
  ],
  ['a tag at the digest already', tag('1', 'already there'), ['info: 1: already there']],
  [
    'a floating tag kept by forward-only',
    tag('latest', 'kept', { detail: 'newer version 2.0.0 holds it' }),
    [`warning: ${APP}:latest: kept where it is, the newer version 2.0.0 holds it (forward-only)`]
  ],
  [
    'a failed tag with its reason',
    tag('1.2.3', 'failed', { detail: 'DENIED' }),
    [`warning: ${APP}:1.2.3: DENIED`]
  ],
  ['a phase prints nothing', { kind: 'phase', target: APP, phase: 'writing tags' }, []],
  [
    'a blob prints nothing (the copy logs it)',
    { kind: 'blob', target: APP, digest: OLD, bytes: 3, how: 'uploaded' },
    []
  ]
])('%s', (_, event, lines) => {
  const printed: string[] = []
  printEvent(event, {
    info: (line) => printed.push(`info: ${line}`),
    warning: (line) => printed.push(`warning: ${line}`)
  })
  expect(printed).toEqual(lines)
})
