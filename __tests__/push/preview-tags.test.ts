import { describe, expect, test } from '@jest/globals'
import type { TagDecision } from '../../src/push/decide.js'
import type { PlannedTag } from '../../src/push/plan.js'
import type { PreviewTag } from '../../src/push/preview-result.js'
import {
  previewTag,
  previewTags,
  type TagFactsRead,
  type WriteBlockers
} from '../../src/push/preview-tags.js'

const OLD = `sha256:${'1'.repeat(64)}`
const NEW = `sha256:${'2'.repeat(64)}`
const REPO = 'docker.io/acme/app'
const fixed = (tag: string): PlannedTag => ({
  tag,
  reference: `${REPO}:${tag}`,
  reasons: [`semver: release v${tag}`]
})
const floating = (tag: string): PlannedTag => ({
  ...fixed(tag),
  floating: { kind: 'latest', version: '1.2.0', prefix: '', suffix: '' }
})
const facts = (
  tag: PlannedTag,
  decision: TagDecision,
  current?: string,
  /** null: unknown (a local image the docker CLI has not pushed). */
  expected: string | null = NEW
): TagFactsRead => ({
  tag,
  decision,
  ...(current !== undefined ? { current } : {}),
  ...(expected !== null ? { expected } : {})
})
const open: WriteBlockers = { immutable: false }
const DENIED = 'the credentials may read acme/app but not push: grant push'
const MISSING = 'docker.io/acme/app does not exist: create it'
const IMMUTABLE = `the repository is immutable and the tag 1.2.0 is already taken by ${OLD.slice(0, 19)}, another image: publish a new version, or make the repository mutable`
const UNKNOWN =
  "the repository's tag mutability could not be read: if its tags are immutable, this move is refused"

/** The preview of one tag as [action, from, to, reason]. */
const cells = (p: PreviewTag) => [p.action, p.from, p.to, p.reason]

describe('previewTag: the publish decision, and what blocks it', () => {
  const tag = fixed('1.2.0')
  test.each<[string, TagFactsRead, WriteBlockers, unknown[]]>([
    [
      'absent: create',
      facts(tag, { action: 'write' }),
      open,
      ['create', undefined, NEW, undefined]
    ],
    [
      'elsewhere: update',
      facts(tag, { action: 'write', current: OLD }, OLD),
      open,
      ['update', OLD, NEW, undefined]
    ],
    [
      'already at the digest: unchanged',
      facts(tag, { action: 'already there' }, NEW),
      open,
      ['unchanged', NEW, NEW, undefined]
    ],
    [
      'a newer release holds it: kept',
      facts(tag, { action: 'kept', newer: '2.0.0' }, OLD),
      open,
      ['kept', OLD, NEW, 'newer version 2.0.0 holds it']
    ],
    [
      'a local image not pushed yet: no digest to go to',
      facts(tag, { action: 'write', current: OLD }, OLD, null),
      open,
      ['update', OLD, undefined, undefined]
    ],
    [
      'immutable, absent: create',
      facts(tag, { action: 'write' }),
      { immutable: true },
      ['create', undefined, NEW, undefined]
    ],
    [
      'immutable, elsewhere: blocked',
      facts(tag, { action: 'write', current: OLD }, OLD),
      { immutable: true },
      ['blocked', OLD, NEW, IMMUTABLE]
    ],
    [
      'immutable, already there: unchanged',
      facts(tag, { action: 'already there' }, NEW),
      { immutable: true },
      ['unchanged', NEW, NEW, undefined]
    ],
    [
      'mutability unknown: an update says so',
      facts(tag, { action: 'write', current: OLD }, OLD),
      { immutable: 'unknown' },
      ['update', OLD, NEW, UNKNOWN]
    ],
    [
      'mutability unknown, absent: create',
      facts(tag, { action: 'write' }),
      { immutable: 'unknown' },
      ['create', undefined, NEW, undefined]
    ],
    [
      'no push right: a write is blocked',
      facts(tag, { action: 'write' }),
      { immutable: false, permission: DENIED },
      ['blocked', undefined, NEW, DENIED]
    ],
    [
      'no push right: unchanged needs none',
      facts(tag, { action: 'already there' }, NEW),
      { immutable: false, permission: DENIED },
      ['unchanged', NEW, NEW, undefined]
    ],
    [
      'no push right: kept needs none',
      facts(tag, { action: 'kept', newer: '2.0.0' }, OLD),
      { immutable: false, permission: DENIED },
      ['kept', OLD, NEW, 'newer version 2.0.0 holds it']
    ],
    [
      'no repository comes first',
      facts(tag, { action: 'write', current: OLD }, OLD),
      { immutable: true, permission: DENIED, repository: MISSING },
      ['blocked', OLD, NEW, MISSING]
    ],
    [
      'no push right before immutability',
      facts(tag, { action: 'write', current: OLD }, OLD),
      { immutable: true, permission: DENIED },
      ['blocked', OLD, NEW, DENIED]
    ]
  ])('%s', (_why, read, blockers, expected) => {
    expect(cells(previewTag(read, blockers))).toEqual(expected)
  })

  test('the tag, its reference and reasons come from the plan', () => {
    expect(previewTag(facts(tag, { action: 'write' }), open)).toEqual({
      tag: '1.2.0',
      reference: `${REPO}:1.2.0`,
      reasons: ['semver: release v1.2.0'],
      action: 'create',
      to: NEW
    })
  })
})

describe('previewTags: a blocked release tag holds the floating tags back', () => {
  const HELD = `not written: the release tag ${REPO}:1.2.0 is blocked, and a floating tag never points at a release without its own tag`
  test.each<[string, TagFactsRead[], WriteBlockers, string[]]>([
    [
      'immutable release tag: floating writes blocked, unchanged and kept stay',
      [
        facts(fixed('1.2.0'), { action: 'write', current: OLD }, OLD),
        facts(floating('1.2'), { action: 'write' }),
        facts(floating('1'), { action: 'already there' }, NEW),
        facts(floating('latest'), { action: 'kept', newer: '2.0.0' }, OLD)
      ],
      { immutable: true },
      [`blocked ${IMMUTABLE}`, `blocked ${HELD}`, 'unchanged', 'kept newer version 2.0.0 holds it']
    ],
    [
      'a floating tag blocked on its own keeps its own reason',
      [
        facts(fixed('1.2.0'), { action: 'write', current: OLD }, OLD),
        facts(floating('latest'), { action: 'write', current: OLD }, OLD)
      ],
      { immutable: true },
      [`blocked ${IMMUTABLE}`, `blocked ${IMMUTABLE.replace('tag 1.2.0', 'tag latest')}`]
    ],
    [
      'release tags free: floating tags as decided',
      [
        facts(fixed('1.2.0'), { action: 'write' }),
        facts(floating('latest'), { action: 'write', current: OLD }, OLD)
      ],
      { immutable: true },
      ['create', `blocked ${IMMUTABLE.replace('tag 1.2.0', 'tag latest')}`]
    ],
    [
      'nothing blocked',
      [
        facts(fixed('1.2.0'), { action: 'write' }),
        facts(floating('latest'), { action: 'write', current: OLD }, OLD)
      ],
      open,
      ['create', 'update']
    ]
  ])('%s', (_why, tags, blockers, expected) => {
    expect(previewTags(tags, blockers).map((p) => `${p.action} ${p.reason ?? ''}`.trim())).toEqual(
      expected
    )
  })
})
