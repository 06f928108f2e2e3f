import { describe, expect, test } from '@jest/globals'
import { inputErrorFor, rulesFor } from './rules-helpers.js'

const TYPES = 'use one of schedule, semver, pep440, match, edge, ref, raw, sha'

describe('invalid tags input: one exact line naming the rule, the value and the fix', () => {
  test.each<[string, string]>([
    [
      'type=semvar,pattern={{version}}',
      'tags: line 1 "type=semvar,pattern={{version}}": unknown rule type "semvar": did you mean "semver"?'
    ],
    ['type=bogus', `tags: line 1 "type=bogus": unknown rule type "bogus": ${TYPES}`],
    ['type=,value=a', `tags: line 1 "type=,value=a": unknown rule type "": ${TYPES}`],
    ['# comment\n\ntype=bogus', `tags: line 3 "type=bogus": unknown rule type "bogus": ${TYPES}`],
    [
      'type=semver,patern={{version}}',
      'tags: line 1 "type=semver,patern={{version}}": unknown attribute "patern" for type=semver: did you mean "pattern"?'
    ],
    [
      'type=sha,pattern=x',
      'tags: line 1 "type=sha,pattern=x": unknown attribute "pattern" for type=sha: use one of enable, priority, prefix, suffix, format'
    ],
    [
      'type=edge,branch=main,event=branch',
      'tags: line 1 "type=edge,branch=main,event=branch": unknown attribute "event" for type=edge: use one of enable, priority, prefix, suffix, branch'
    ],
    [
      'type=semver',
      'tags: line 1 "type=semver": type=semver needs a pattern: add e.g. pattern={{version}}'
    ],
    [
      'type=pep440',
      'tags: line 1 "type=pep440": type=pep440 needs a pattern: add e.g. pattern={{version}}'
    ],
    [
      'type=match,group=1',
      'tags: line 1 "type=match,group=1": type=match needs a pattern: add e.g. pattern=v(.*),group=1'
    ],
    [
      'type=match,pattern=v(\\d),group=one',
      'tags: line 1 "type=match,pattern=v(\\\\d),group=one": group "one" is not a number: use e.g. group=1'
    ],
    [
      'type=match,pattern=v(',
      'tags: line 1 "type=match,pattern=v(": pattern "v(" is not a valid regular expression (Invalid regular expression: /v(/: Unterminated group): fix it'
    ],
    [
      'type=match,pattern=/v(\\d)/q',
      `tags: line 1 "type=match,pattern=/v(\\\\d)/q": pattern "/v(\\\\d)/q" is not a valid regular expression (Invalid flags supplied to RegExp constructor 'q'): fix it`
    ],
    [
      'type=ref',
      'tags: line 1 "type=ref": type=ref needs event=branch, event=tag or event=pr: add one'
    ],
    [
      'type=ref,event=push',
      'tags: line 1 "type=ref,event=push": event "push" is not branch, tag or pr: use one of them'
    ],
    ['type=raw', 'tags: line 1 "type=raw": type=raw needs a value: add value=<tag>'],
    [
      'type=raw,prefix=x-',
      'tags: line 1 "type=raw,prefix=x-": type=raw needs a value: add value=<tag>'
    ],
    [
      'type=sha,format=medium',
      'tags: line 1 "type=sha,format=medium": format "medium" is not short or long: use one of them'
    ],
    [
      'type=raw,value=a,priority=high',
      'tags: line 1 "type=raw,value=a,priority=high": priority "high" is not a whole number: use e.g. priority=200'
    ],
    [
      'type=sha,priority=1.5',
      'tags: line 1 "type=sha,priority=1.5": priority "1.5" is not a whole number: use e.g. priority=100'
    ],
    [
      'type=raw,value=a,value=b',
      'tags: line 1 "type=raw,value=a,value=b": gives value twice: keep one'
    ],
    ['foo,bar', 'tags: line 1 "foo,bar": gives value twice: keep one'],
    [
      'type=raw,,value=a',
      'tags: line 1 "type=raw,,value=a": has an empty field (two commas in a row?): remove it'
    ],
    [
      'type=raw,"value=a',
      'tags: line 1 "type=raw,\\"value=a": has an unclosed double quote: close it or remove it'
    ],
    [
      'type=raw,=foo',
      `tags: line 1 "type=raw,=foo": has a field with no attribute name before '=': write it as name=value`
    ]
  ])('%j fails with %j', (tags, message) => {
    expect(inputErrorFor('push-main', { tags })).toBe(message)
  })
})

describe('a tag a registry would refuse is an error, after sanitising', () => {
  const fix = 'change the value, prefix or suffix that makes it'
  const leading = (c: string): string =>
    `starts with '${c}'; a tag must start with a letter, digit or '_'`
  const long = 'a'.repeat(129)
  const shaPrefix = `${'p'.repeat(90)}-`
  test.each<[string, string, string]>([
    [`type=raw,value=${long}`, `"${long}"`, 'is 129 characters long; a tag may have at most 128'],
    [
      `type=sha,format=long,prefix=${shaPrefix}`,
      `"${shaPrefix}860c1904a1ce19322e91ac35af1ab07466440c37"`,
      'is 131 characters long; a tag may have at most 128'
    ],
    ['type=raw,value=-foo', '"-foo"', leading('-')],
    ['type=raw,value=.foo', '".foo"', leading('.')],
    // `@` becomes `-`, which may not start a tag
    ['type=raw,value=foo,prefix=@', '"-foo"', leading('-')],
    ['type=raw,value={{tag}},suffix=-x', '"-x"', leading('-')],
    ['type=ref,event=branch,prefix=.', '".main"', leading('.')]
  ])('%j fails', (tags, tag, problem) => {
    expect(inputErrorFor('push-main', { tags })).toBe(
      `tags: line 1 ${JSON.stringify(tags)}: the tag ${tag} ${problem}: ${fix}`
    )
  })

  test('128 characters is still a tag', () => {
    const tag = 'a'.repeat(128)
    expect(rulesFor('push-main', `type=raw,value=${tag}`).tags).toEqual([tag])
  })
})
