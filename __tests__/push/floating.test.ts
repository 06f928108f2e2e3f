import { describe, expect, test } from '@jest/globals'
import { SHA } from '../../__fixtures__/runner.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { holdsNewer, keptDetail, type FloatingTag } from '../../src/push/floating.js'
import { computeTags } from '../../src/tags/compute.js'

const tag = (
  kind: FloatingTag['kind'],
  version: string,
  more: Partial<FloatingTag> = {}
): FloatingTag => ({ kind, version, prefix: '', suffix: '', ...more })

/** The repository after releases 1.0.0, 1.1.0 and 2.0.0 with the default strategies. */
const HISTORY = ['1.0.0', '1.0', '1', '1.1.0', '1.1', '2.0.0', '2.0', '2', 'latest', 'sha-860c190']

describe('holdsNewer', () => {
  test.each<[string, FloatingTag, string[], string | undefined]>([
    ['hotfix 1.1.1: latest stays on 2.0.0', tag('latest', '1.1.1'), HISTORY, '2.0.0'],
    ['hotfix 1.1.1: 1 moves', tag('major', '1.1.1'), HISTORY, undefined],
    ['hotfix 1.1.1: 1.1 moves', tag('minor', '1.1.1'), HISTORY, undefined],
    ['major kept by a newer minor of its line', tag('major', '1.1.1'), ['1.2.0'], '1.2.0'],
    ['minor kept by a newer patch', tag('minor', '1.1.1'), ['1.1.2', '1.2.0'], '1.1.2'],
    ['minor ignores other lines', tag('minor', '1.1.1'), ['1.2.0', '2.0.0'], undefined],
    ['major zero', tag('minor', '0.4.1'), ['0.4.2', '0.5.0'], '0.4.2'],
    [
      'the highest newer version is named',
      tag('latest', '1.0.0'),
      ['1.5.0', '2.0.0', '1.9.9'],
      '2.0.0'
    ],
    [
      'an equal version is this release: it moves',
      tag('latest', '2.0.0'),
      ['2.0.0', '1.0.0'],
      undefined
    ],
    ['an empty repository', tag('latest', '1.0.0'), [], undefined],
    [
      'prereleases never hold latest',
      tag('latest', '1.1.1'),
      ['2.0.0-rc.1', '2.0.0-beta.3'],
      undefined
    ],
    ['prereleases never hold a major', tag('major', '1.1.1'), ['1.2.0-rc.1'], undefined],
    [
      'a stable release does not hold a channel',
      tag('channel', '2.0.0-rc.1', { channel: 'rc' }),
      ['2.0.0', '3.0.0'],
      undefined
    ],
    [
      'a channel is held by a higher prerelease of it',
      tag('channel', '2.0.0-rc.1', { channel: 'rc' }),
      ['2.0.0-rc.2', '2.1.0-beta.1'],
      '2.0.0-rc.2'
    ],
    [
      'prerelease numbers order numerically',
      tag('channel', '2.0.0-rc.9', { channel: 'rc' }),
      ['2.0.0-rc.10'],
      '2.0.0-rc.10'
    ],
    [
      'a channel ignores other channels and older versions',
      tag('channel', '1.5.0-beta.2', { channel: 'beta' }),
      ['2.0.0-rc.1', '1.5.0-beta.1', '1.4.0-beta.9'],
      undefined
    ],
    [
      'a channel across versions',
      tag('channel', '1.5.0-beta.2', { channel: 'beta' }),
      ['2.0.0-beta.1'],
      '2.0.0-beta.1'
    ],
    [
      'prefix v: only v tags count',
      tag('latest', '1.1.1', { prefix: 'v' }),
      ['2.0.0', 'v1.2.0'],
      'v1.2.0'
    ],
    [
      'no prefix: v tags are not this run’s versions',
      tag('latest', '1.1.1'),
      ['v2.0.0'],
      undefined
    ],
    [
      'flavor suffix: only suffixed tags count',
      tag('latest', '1.1.1', { suffix: '-alpine' }),
      ['2.0.0', '1.2.0-alpine', '3.0.0-slim'],
      '1.2.0-alpine'
    ],
    [
      'no suffix: a suffixed tag reads as a prerelease',
      tag('latest', '1.1.1'),
      ['2.0.0-alpine'],
      undefined
    ],
    [
      'prefix and suffix together',
      tag('major', '1.1.1', { prefix: 'app-', suffix: '-alpine' }),
      ['app-1.3.0-alpine', 'app-1.4.0', '1.5.0-alpine', 'app-2.0.0-alpine'],
      'app-1.3.0-alpine'
    ],
    [
      'tags that are not versions are ignored',
      tag('latest', '1.1.1'),
      [
        'latest',
        'dev',
        'sha-860c190',
        '2',
        '2.0',
        '01.2.3',
        '1.2.3.4',
        'nightly-20261123',
        'x2.0.0'
      ],
      undefined
    ],
    [
      'a tag that is only the prefix is ignored',
      tag('latest', '1.1.1', { prefix: 'v' }),
      ['v'],
      undefined
    ],
    ['an unreadable release version never keeps', tag('latest', 'main'), ['2.0.0'], undefined]
  ])('%s', (_why, floating, existing, expected) => {
    expect(holdsNewer(floating, existing)).toBe(expected)
  })

  test('the kept detail names the newer version', () => {
    expect(keptDetail('2.0.0')).toBe('newer version 2.0.0 holds it')
  })
})

/**
 * Releases in order against one repository, as the publisher decides: a tag
 * a newer version holds is kept, every other tag is written. Returns each
 * release's kept tags with their detail, and which release each tag ends on.
 */
function release(history: string[], strategies = 'semver,latest') {
  const repo = new Map<string, string>()
  const kept: Record<string, string[]> = {}
  for (const version of history) {
    const inputs = parseInputs({ images: 'docker.io/acme/app', push: 'false', strategies })
    const ctx = { eventName: 'push', ref: `refs/tags/v${version}`, sha: SHA, now: new Date(0) }
    kept[version] = []
    for (const t of computeTags(ctx, inputs.tags).tags) {
      const newer = t.floating ? holdsNewer(t.floating, [...repo.keys()]) : undefined
      if (newer !== undefined) kept[version].push(`${t.value}: ${keptDetail(newer)}`)
      else repo.set(t.value, version)
    }
  }
  return { kept, tags: Object.fromEntries(repo) }
}

describe('a release history', () => {
  test('1.0.0, 1.1.0, 2.0.0 then hotfix 1.1.1: latest stays on 2.0.0, 1 and 1.1 move', () => {
    expect(release(['1.0.0', '1.1.0', '2.0.0', '1.1.1'])).toEqual({
      kept: {
        '1.0.0': [],
        '1.1.0': [],
        '2.0.0': [],
        '1.1.1': ['latest: newer version 2.0.0 holds it']
      },
      tags: {
        '1.0.0': '1.0.0',
        '1.0': '1.0.0',
        '1': '1.1.1',
        latest: '2.0.0',
        '1.1.0': '1.1.0',
        '1.1': '1.1.1',
        '2.0.0': '2.0.0',
        '2.0': '2.0.0',
        '2': '2.0.0',
        '1.1.1': '1.1.1'
      }
    })
  })

  test('a late 1.0.1 keeps 1 and latest, moves 1.0; re-running 2.0.0 moves nothing back', () => {
    expect(release(['1.0.0', '1.1.0', '2.0.0', '1.0.1', '2.0.0']).kept).toEqual({
      '1.0.0': [],
      '1.1.0': [],
      '2.0.0': [],
      '1.0.1': ['1: newer version 1.1.0 holds it', 'latest: newer version 2.0.0 holds it']
    })
  })

  test('prereleases: rc moves forward only', () => {
    const history = ['2.0.0-rc.1', '2.0.0-rc.2', '1.9.0-rc.5', '2.0.0-beta.4']
    const run = release(history, 'semver,staging')
    expect(run.kept['1.9.0-rc.5']).toEqual(['rc: newer version 2.0.0-rc.2 holds it'])
    // staging follows no version: the last prerelease always takes it
    const { rc, beta, staging } = run.tags
    expect({ rc, beta, staging }).toEqual({
      rc: '2.0.0-rc.2',
      beta: '2.0.0-beta.4',
      staging: '2.0.0-beta.4'
    })
  })
})
