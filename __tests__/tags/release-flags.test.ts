import { describe, expect, test } from '@jest/globals'
import { fixtureContext } from '../../__fixtures__/runner.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { buildPlan } from '../../src/push/plan.js'
import { computeTags, type TagSet } from '../../src/tags/compute.js'
import { inputErrorFor } from './rules-helpers.js'

// GitHub's release flags on a `release` event. The fixtures:
//   release                   v1.3.0, a full release
//   release-prerelease        v1.4.0-beta.2, marked pre-release (a semver prerelease anyway)
//   release-prerelease-clean  v1.4.0, marked pre-release: a clean version GitHub calls a pre-release
//   release-draft             v1.5.0, a draft

function computed(fixture: string, inputs: Record<string, string> = {}): TagSet {
  const parsed = parseInputs({ images: 'acme/app', push: 'false', ...inputs })
  return computeTags(fixtureContext(fixture), parsed.tags)
}

const MARKED = 'marked pre-release in GitHub'
const withheld = (list: string, them = 'they are'): string =>
  `release v1.4.0 is ${MARKED}: ${list} not given (${them} for stable releases only)`

describe('a release marked pre-release in GitHub, with the default strategies', () => {
  test('v1.4.0 gets its version and staging, never 1.4, 1 or latest, and says why', () => {
    expect(computed('release-prerelease-clean')).toEqual({
      tags: [
        { value: '1.4.0', reasons: [`semver: release v1.4.0 (${MARKED})`] },
        // staging, as any prerelease gets; a clean version has no channel (rc, beta)
        { value: 'staging', reasons: [`staging: prerelease v1.4.0 (${MARKED})`] },
        { value: 'sha-860c190', reasons: ['sha: commit 860c1904a1ce'] }
      ],
      version: '1.4.0',
      warnings: [withheld('1.4, 1 and latest')]
    })
  })

  test('a semver prerelease marked pre-release is a prerelease anyway: no note, no warning', () => {
    expect(computed('release-prerelease')).toEqual({
      tags: [
        { value: '1.4.0-beta.2', reasons: ['semver: release v1.4.0-beta.2'] },
        {
          value: 'beta',
          reasons: ['staging: prerelease v1.4.0-beta.2 (channel beta)'],
          floating: {
            kind: 'channel',
            version: '1.4.0-beta.2',
            prefix: '',
            suffix: '',
            channel: 'beta'
          }
        },
        { value: 'staging', reasons: ['staging: prerelease v1.4.0-beta.2'] },
        { value: 'sha-860c190', reasons: ['sha: commit 860c1904a1ce'] }
      ],
      version: '1.4.0-beta.2',
      warnings: []
    })
  })

  test('an unmarked release is untouched', () => {
    const set = computed('release')
    expect(set.tags.map((t) => t.value)).toEqual(['1.3.0', '1.3', '1', 'sha-860c190', 'latest'])
    expect(set.tags[0]!.reasons).toEqual(['semver: release v1.3.0'])
    expect(set.warnings).toEqual([])
  })
})

describe('a release marked pre-release: each strategy and rule', () => {
  // fixture, inputs, exact ordered tags, the withheld warning (or none)
  test.each<[string, Record<string, string>, string[], string | undefined]>([
    ['release-prerelease-clean', { strategies: 'semver' }, ['1.4.0'], withheld('1.4 and 1')],
    ['release-prerelease-clean', { strategies: 'latest' }, [], withheld('latest', 'it is')],
    ['release-prerelease-clean', { strategies: 'staging' }, ['staging'], undefined],
    ['release-prerelease-clean', { strategies: 'sha' }, ['sha-860c190'], undefined],
    [
      'release-prerelease-clean',
      { strategies: 'semver, latest', flavor: 'prefix=app-' },
      ['app-1.4.0'],
      withheld('app-1.4, app-1 and latest')
    ],
    // metadata-action rules: a prerelease renders only {{version}} (or {{raw}}), never latest
    [
      'release-prerelease-clean',
      { tags: 'type=semver,pattern={{version}}' },
      ['1.4.0'],
      withheld('latest', 'it is')
    ],
    [
      'release-prerelease-clean',
      {
        tags: 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}}'
      },
      ['1.4.0'],
      withheld('1.4, 1 and latest')
    ],
    [
      'release-prerelease-clean',
      { tags: 'type=semver,pattern={{raw}}' },
      ['v1.4.0'],
      withheld('latest', 'it is')
    ],
    [
      'release-prerelease-clean',
      { tags: 'type=semver,pattern=v{{major}}' },
      ['1.4.0'],
      withheld('v1 and latest')
    ],
    [
      'release-prerelease-clean',
      { tags: 'type=pep440,pattern={{major}}.{{minor}}' },
      ['1.4.0'],
      withheld('1.4 and latest')
    ],
    [
      'release-prerelease-clean',
      { tags: 'type=ref,event=tag' },
      ['v1.4.0'],
      withheld('latest', 'it is')
    ],
    [
      'release-prerelease-clean',
      { tags: 'type=match,pattern=v(.*),group=1' },
      ['1.4.0'],
      withheld('latest', 'it is')
    ],
    // a match rule that picks the major or major.minor line gives nothing
    [
      'release-prerelease-clean',
      { tags: 'type=match,pattern=v(\\d+),group=1\ntype=match,pattern=v(\\d+.\\d+),group=1' },
      [],
      withheld('1, 1.4 and latest')
    ],
    [
      'release-prerelease-clean',
      { tags: 'type=semver,pattern={{version}}', flavor: 'latest=false' },
      ['1.4.0'],
      undefined
    ],
    // explicit asks stay: latest=true, and a raw value
    [
      'release-prerelease-clean',
      { tags: 'type=semver,pattern={{version}}', flavor: 'latest=true' },
      ['1.4.0', 'latest'],
      undefined
    ],
    [
      'release-prerelease-clean',
      { tags: 'type=raw,value=latest\ntype=raw,value=1' },
      ['latest', '1'],
      undefined
    ],
    // both inputs: the semver strategy's 1.4.0 and the rule's v1.4.0
    [
      'release-prerelease-clean',
      { strategies: 'semver, latest', tags: 'type=semver,pattern=v{{major}}.{{minor}}' },
      ['1.4.0'],
      withheld('1.4, 1, v1.4 and latest')
    ],
    // the same rules on the semver prerelease: nothing is withheld by the mark
    [
      'release-prerelease',
      { tags: 'type=semver,pattern={{major}}.{{minor}}\ntype=ref,event=tag' },
      ['1.4.0-beta.2', 'v1.4.0-beta.2'],
      undefined
    ]
  ])('%s with %j gives %j', (fixture, inputs, tags, warning) => {
    const set = computed(fixture, inputs)
    expect(set.tags.map((t) => t.value)).toEqual(tags)
    expect(set.warnings).toEqual(warning === undefined ? [] : [warning])
  })

  test('each rule tag says the mark changed it', () => {
    const tags =
      'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}\ntype=ref,event=tag\ntype=match,pattern=v(.*),group=1'
    expect(computed('release-prerelease-clean', { tags }).tags).toEqual([
      {
        value: '1.4.0',
        reasons: [
          `tags line 1: type=semver, semver v1.4.0 (${MARKED})`,
          `tags line 2: type=semver, semver v1.4.0 (${MARKED})`,
          `tags line 4: type=match, match on v1.4.0 (${MARKED})`
        ]
      },
      { value: 'v1.4.0', reasons: [`tags line 3: type=ref, git tag v1.4.0 (${MARKED})`] }
    ])
  })

  test('a version pattern typo fails on a marked release too, as on any prerelease', () => {
    const tags = 'type=semver,pattern={{majr}}'
    const message =
      'tags: line 1 "type=semver,pattern={{majr}}": "{{majr}}" cannot be used in a version pattern: use {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}'
    expect(inputErrorFor('release-prerelease-clean', { tags })).toBe(message)
    expect(inputErrorFor('tag-rc', { tags })).toBe(message)
  })
})

describe('a draft release publishes nothing', () => {
  test.each<[Record<string, string>]>([
    [{}],
    [{ strategies: 'semver, latest, sha', 'raw-tags': 'edge' }],
    [{ tags: 'type=semver,pattern={{version}}\ntype=raw,value=latest\ntype=sha' }],
    [{ tags: 'type=raw,value=latest', flavor: 'latest=true' }]
  ])('%j gives no tag, and says why', (inputs) => {
    expect(computed('release-draft', inputs)).toEqual({
      tags: [],
      version: '',
      warnings: ['release v1.5.0 is a draft: nothing is published']
    })
  })
})

describe("the plan's warnings", () => {
  test.each<[string, Record<string, string>, string[]]>([
    ['release-draft', {}, ['release v1.5.0 is a draft: nothing is published']],
    ['release-prerelease-clean', {}, [withheld('1.4, 1 and latest')]],
    // no tag for another reason than a draft: the plan says so too
    [
      'release-prerelease-clean',
      { strategies: 'latest' },
      [
        withheld('latest', 'it is'),
        'no strategy or rule gives a tag for this event (release on refs/tags/v1.4.0): nothing to publish'
      ]
    ]
  ])('%s with %j', (fixture, inputs, warnings) => {
    const inputsParsed = parseInputs({ images: 'acme/app', push: 'false', ...inputs })
    expect(buildPlan(fixtureContext(fixture), inputsParsed).warnings).toEqual(warnings)
  })
})
