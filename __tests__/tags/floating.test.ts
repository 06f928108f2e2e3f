import { describe, expect, test } from '@jest/globals'
import { fixtureContext } from '../../__fixtures__/runner.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { computeTags, type FloatingTag } from '../../src/tags/compute.js'
import type { RowInputs } from './rules-helpers.js'

/** Each tag of a run with its floating metadata, or null for a tag that never needs guarding. */
function floatingFor(fixture: string, inputs: RowInputs): [string, FloatingTag | null][] {
  const parsed = parseInputs({ images: 'docker.io/acme/app', push: 'false', ...inputs })
  const set = computeTags(fixtureContext(fixture), parsed.tags)
  return set.tags.map((t) => [t.value, t.floating ?? null])
}

const latest = (version: string, prefix = '', suffix = ''): FloatingTag => ({
  kind: 'latest',
  version,
  prefix,
  suffix
})
const major = (version: string, prefix = '', suffix = ''): FloatingTag => ({
  kind: 'major',
  version,
  prefix,
  suffix
})
const minor = (version: string, prefix = '', suffix = ''): FloatingTag => ({
  kind: 'minor',
  version,
  prefix,
  suffix
})
const channel = (name: string, version: string, prefix = ''): FloatingTag => ({
  kind: 'channel',
  version,
  prefix,
  suffix: '',
  channel: name
})

type Row = [string, string, RowInputs, [string, FloatingTag | null][]]

describe('strategies mark the tags that follow a release', () => {
  test.each<Row>([
    [
      'stable release: 1.2, 1 and latest follow 1.2.3; 1.2.3 itself is fixed',
      'tag-stable',
      {},
      [
        ['1.2.3', null],
        ['1.2', minor('1.2.3')],
        ['1', major('1.2.3')],
        ['sha-860c190', null],
        ['latest', latest('1.2.3')]
      ]
    ],
    [
      'prerelease: the channel follows rc prereleases; staging is not guarded',
      'tag-rc',
      {},
      [
        ['2.0.0-rc.1', null],
        ['rc', channel('rc', '2.0.0-rc.1')],
        ['staging', null],
        ['sha-860c190', null]
      ]
    ],
    [
      'beta channel',
      'tag-beta',
      { strategies: 'staging' },
      [
        ['beta', channel('beta', '2.0.8-beta.67')],
        ['staging', null]
      ]
    ],
    [
      'major zero',
      'tag-zero',
      { strategies: 'semver', 'semver-major-zero': 'true' },
      [
        ['0.4.1', null],
        ['0.4', minor('0.4.1')],
        ['0', major('0.4.1')]
      ]
    ],
    [
      'latest on a default-branch push has no version: not guarded',
      'push-main',
      { strategies: 'latest', 'latest-on-default-branch': 'true' },
      [['latest', null]]
    ],
    [
      'flavor suffix frames the versions, also for latest without onlatest',
      'tag-stable',
      { strategies: 'semver,latest', flavor: 'suffix=-alpine' },
      [
        ['1.2.3-alpine', null],
        ['1.2-alpine', minor('1.2.3', '', '-alpine')],
        ['1-alpine', major('1.2.3', '', '-alpine')],
        ['latest', latest('1.2.3', '', '-alpine')]
      ]
    ],
    [
      'flavor prefix with onlatest',
      'tag-stable',
      { strategies: 'latest', flavor: 'prefix=app-,onlatest=true' },
      [['app-latest', latest('1.2.3', 'app-')]]
    ],
    [
      'a raw latest next to the latest strategy stays guarded',
      'tag-stable',
      { strategies: 'latest', tags: 'type=raw,value=latest', flavor: 'latest=false' },
      [['latest', latest('1.2.3')]]
    ]
  ])('%s', (_why, fixture, inputs, expected) => {
    expect(floatingFor(fixture, inputs)).toEqual(expected)
  })
})

describe('metadata-action rules mark the tags that follow a release', () => {
  test.each<Row>([
    [
      '{{version}}, {{major}}.{{minor}}, {{major}} and flavor latest=auto',
      'tag-stable',
      {
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}'
      },
      [
        ['1.2.3', null],
        ['1.2', minor('1.2.3')],
        ['1', major('1.2.3')],
        ['latest', latest('1.2.3')]
      ]
    ],
    [
      'a v in the patterns is how this run writes versions',
      'tag-stable',
      { tags: 'type=semver,pattern=v{{version}}\ntype=semver,pattern=v{{major}}' },
      [
        ['v1.2.3', null],
        ['v1', major('1.2.3', 'v')],
        ['latest', latest('1.2.3', 'v')]
      ]
    ],
    [
      'v{{major}} next to {{version}} follows the bare versions this run writes',
      'tag-stable',
      { tags: 'type=semver,pattern={{version}}\ntype=semver,pattern=v{{major}}' },
      [
        ['1.2.3', null],
        ['v1', major('1.2.3')],
        ['latest', latest('1.2.3')]
      ]
    ],
    [
      '{{raw}} keeps the git tag v',
      'tag-stable',
      { tags: 'type=semver,pattern={{raw}}\ntype=semver,pattern={{major}}' },
      [
        ['v1.2.3', null],
        ['1', major('1.2.3', 'v')],
        ['latest', latest('1.2.3', 'v')]
      ]
    ],
    [
      'rule prefix and flavor suffix, no full version: the tag frames itself',
      'tag-stable',
      { tags: 'type=semver,pattern={{major}}.{{minor}},prefix=app-', flavor: 'suffix=-slim' },
      [
        ['app-1.2-slim', minor('1.2.3', 'app-', '-slim')],
        ['latest', latest('1.2.3', 'app-', '-slim')]
      ]
    ],
    [
      'a match rule giving the prerelease channel follows it',
      'tag-rc',
      { tags: 'type=semver,pattern={{version}}\ntype=match,pattern=-([a-z]+),group=1' },
      [
        ['2.0.0-rc.1', null],
        ['rc', channel('rc', '2.0.0-rc.1')]
      ]
    ],
    [
      'a match rule giving the major follows it',
      'tag-stable',
      { tags: 'type=match,pattern=v(\\d+),group=1' },
      [
        ['1', major('1.2.3')],
        ['latest', latest('1.2.3')]
      ]
    ],
    [
      'a prerelease with latest=true: latest follows stable versions from 2.0.8-beta.67',
      'tag-beta',
      { tags: 'type=semver,pattern={{version}}', flavor: 'latest=true' },
      [
        ['2.0.8-beta.67', null],
        ['latest', latest('2.0.8-beta.67')]
      ]
    ],
    [
      'type=raw,value=latest reads no release: not guarded',
      'push-main',
      { tags: 'type=raw,value=latest' },
      [['latest', null]]
    ],
    [
      'latest=true on a branch push has no release: not guarded',
      'push-main',
      { tags: 'type=ref,event=branch', flavor: 'latest=true' },
      [
        ['main', null],
        ['latest', null]
      ]
    ],
    [
      'pep440 versions do not order as semver: not guarded',
      'tag-stable',
      { tags: 'type=pep440,pattern={{major}}' },
      [
        ['1', null],
        ['latest', null]
      ]
    ]
  ])('%s', (_why, fixture, inputs, expected) => {
    expect(floatingFor(fixture, inputs)).toEqual(expected)
  })
})
