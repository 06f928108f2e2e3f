import { describe, expect, test } from '@jest/globals'
import { fixtureContext } from '../../__fixtures__/runner.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { computeTags } from '../../src/tags/compute.js'
import { inputErrorFor, rulesFor, warningsFor } from './rules-helpers.js'

// `match=` on type=semver and type=pep440: a regular expression whose first
// group (or whole match, when it has none) is the version read from the git
// tag or from `value=`. Each row: runner fixture, the `tags` input, the exact
// ordered tags, the version. tag-nested is the git tag p1/v1.2.3.
type Row = [string, string, string[], string]

describe('match= picks the version out of the tag', () => {
  test.each<Row>([
    // metadata-action README rows
    [
      'tag-nested',
      'type=semver,pattern={{version}},match=v(\\d.\\d.\\d)$',
      ['1.2.3', 'latest'],
      '1.2.3'
    ],
    [
      'push-main',
      'type=semver,pattern={{version}},value=p1/v1.0.0,match=v(\\d.\\d.\\d)$',
      ['1.0.0', 'latest'],
      '1.0.0'
    ],
    [
      'tag-nested',
      'type=pep440,pattern={{version}},match=v(\\d.\\d.\\d)$',
      ['1.2.3', 'latest'],
      '1.2.3'
    ],
    [
      'push-main',
      'type=pep440,pattern={{version}},value=p1/v1.0.0,match=v(\\d.\\d.\\d)$',
      ['1.0.0', 'latest'],
      '1.0.0'
    ],
    // every pattern reads the picked version; {{raw}} is the picked text
    [
      'tag-nested',
      'type=semver,pattern={{major}}.{{minor}},match=v(\\d.\\d.\\d)$',
      ['1.2', 'latest'],
      '1.2'
    ],
    ['tag-nested', 'type=semver,pattern={{raw}},match=^p1/(v.*)$', ['v1.2.3', 'latest'], 'v1.2.3'],
    ['tag-nested', 'type=pep440,pattern=v{{major}},match=v(\\d.\\d.\\d)$', ['v1', 'latest'], 'v1'],
    // no group: the whole match
    [
      'tag-nested',
      'type=semver,pattern={{version}},match=\\d+\\.\\d+\\.\\d+$',
      ['1.2.3', 'latest'],
      '1.2.3'
    ],
    // the /source/flags form, as type=match's pattern takes it
    [
      'tag-nested',
      'type=semver,pattern={{version}},match=/^P1\\/V(.+)$/i',
      ['1.2.3', 'latest'],
      '1.2.3'
    ],
    // a picked prerelease gives only its version, never latest
    ['tag-beta', 'type=semver,pattern={{major}},match=^v(.*)$', ['2.0.8-beta.67'], '2.0.8-beta.67'],
    ['tag-pep440-rc', 'type=pep440,pattern={{major}},match=^(\\d.*)$', ['1.2.3rc2'], '1.2.3rc2'],
    // the rule's prefix and suffix go around the rendered version
    [
      'tag-nested',
      'type=semver,pattern={{version}},match=v(\\d.\\d.\\d)$,prefix=p1-,suffix=-alpine',
      ['p1-1.2.3-alpine', 'latest'],
      'p1-1.2.3-alpine'
    ],
    // an empty match= picks nothing out, as in metadata-action
    ['tag-stable', 'type=semver,pattern={{version}},match=', ['1.2.3', 'latest'], '1.2.3'],
    // one component of a monorepo: only its own tags
    [
      'tag-nested',
      'type=semver,pattern={{version}},match=^p1/v(.*)$\ntype=semver,pattern={{version}},match=^p2/v(.*)$,prefix=p2-',
      ['1.2.3', 'latest'],
      '1.2.3'
    ],
    // no match, a group that captures nothing, a picked text that is no version: no tag
    ['tag-stable', 'type=semver,pattern={{version}},match=^p1/v(.*)$', [], ''],
    ['tag-nested', 'type=semver,pattern={{version}},match=(x)?v(\\d.\\d.\\d)', [], ''],
    ['tag-nested', 'type=semver,pattern={{version}},match=^(p\\d)/', [], ''],
    ['tag-nested', 'type=pep440,pattern={{version}},match=^p1/(x.*)?', [], ''],
    // no tag and no value: nothing to read
    ['push-main', 'type=semver,pattern={{version}},match=v(.*)', [], '']
  ])('%s with %j gives %j', (fixture, tags, expected, version) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version })
  })
})

describe('a rule whose match= picks no version warns and gives no tag', () => {
  test.each<[string, string, string]>([
    [
      'tag-stable',
      'type=semver,pattern={{version}},match=^p1/v(.*)$',
      'tags line 1 "type=semver,pattern={{version}},match=^p1/v(.*)$": match="^p1/v(.*)$" does not match "v1.2.3"; no tag from this rule'
    ],
    [
      'tag-nested',
      'type=semver,pattern={{version}},match=(x)?v(\\d.\\d.\\d)',
      'tags line 1 "type=semver,pattern={{version}},match=(x)?v(\\\\d.\\\\d.\\\\d)": match="(x)?v(\\\\d.\\\\d.\\\\d)" its first group captures nothing in "p1/v1.2.3"; no tag from this rule'
    ],
    [
      'tag-nested',
      'type=semver,pattern={{version}},match=^(p\\d)/',
      'tags line 1 "type=semver,pattern={{version}},match=^(p\\\\d)/": "p1" (from "p1/v1.2.3") is not a semver version; no tag from this rule'
    ],
    [
      'tag-nested',
      'type=pep440,pattern={{version}},match=^p1/(x.*)?',
      'tags line 1 "type=pep440,pattern={{version}},match=^p1/(x.*)?": match="^p1/(x.*)?" its first group captures nothing in "p1/v1.2.3"; no tag from this rule'
    ]
  ])('%s with %j', (fixture, tags, warning) => {
    expect(warningsFor(fixture, { tags })).toEqual([warning])
  })
})

describe('reasons and floating tags name the picked version', () => {
  test('the version tag, the major line and latest', () => {
    const tags =
      'type=semver,pattern={{version}},match=v(.*)$\ntype=semver,pattern={{major}},match=v(.*)$'
    const parsed = parseInputs({ images: 'acme/app', push: 'false', tags })
    const set = computeTags(fixtureContext('tag-nested'), parsed.tags)
    expect(set).toEqual({
      tags: [
        { value: '1.2.3', reasons: ['tags line 1: type=semver, semver 1.2.3 from p1/v1.2.3'] },
        {
          value: '1',
          reasons: ['tags line 2: type=semver, semver 1.2.3 from p1/v1.2.3'],
          floating: { kind: 'major', version: '1.2.3', prefix: '', suffix: '' }
        },
        {
          value: 'latest',
          reasons: ['flavor latest=auto, tags line 1: semver 1.2.3 from p1/v1.2.3'],
          floating: { kind: 'latest', version: '1.2.3', prefix: '', suffix: '' }
        }
      ],
      version: '1.2.3',
      warnings: []
    })
  })
})

describe('an invalid match= is one error naming the rule line', () => {
  test.each<[string, string]>([
    [
      'type=semver,pattern={{version}},match=v(',
      'tags: line 1 "type=semver,pattern={{version}},match=v(": match "v(" is not a valid regular expression (Invalid regular expression: /v(/: Unterminated group): fix it'
    ],
    [
      'type=raw,value=a\ntype=pep440,pattern={{version}},match=/v(\\d)/q',
      `tags: line 2 "type=pep440,pattern={{version}},match=/v(\\\\d)/q": match "/v(\\\\d)/q" is not a valid regular expression (Invalid flags supplied to RegExp constructor 'q'): fix it`
    ],
    [
      'type=match,pattern=v(.*),match=v(.*)',
      'tags: line 1 "type=match,pattern=v(.*),match=v(.*)": unknown attribute "match" for type=match: use one of enable, priority, prefix, suffix, pattern, group, value'
    ],
    [
      'type=ref,event=tag,match=v(.*)',
      'tags: line 1 "type=ref,event=tag,match=v(.*)": unknown attribute "match" for type=ref: use one of enable, priority, prefix, suffix, event'
    ]
  ])('%j', (tags, message) => {
    // push-main: the expression is checked whatever the event
    expect(inputErrorFor('push-main', { tags })).toBe(message)
  })
})
