import { describe, expect, test } from '@jest/globals'
import { inputErrorFor, rulesFor, tagsFor } from './rules-helpers.js'

/** The tags one `type=raw` rule gives: `x.` marks where an expression renders empty. */
const rendered = (fixture: string, value: string, inputs: Record<string, string> = {}): string[] =>
  tagsFor(fixture, { tags: `type=raw,value=${value}`, ...inputs }).tags

describe('{{branch}}', () => {
  test.each([
    ['pull-request', 'b.'],
    ['pull-request-target', 'b.'],
    ['push-main', 'b.main'],
    ['push-feature', 'b.feature-login-42'],
    ['push-release-branch', 'b.release-1.4'],
    ['tag-stable', 'b.'],
    ['schedule', 'b.main'],
    ['workflow-dispatch', 'b.main'],
    ['release', 'b.']
  ])('on %s renders %j', (fixture, tag) => {
    expect(rendered(fixture, 'b.{{branch}}')).toEqual([tag])
  })
})

describe('{{tag}}', () => {
  test.each([
    ['pull-request', 't.'],
    ['push-main', 't.'],
    ['push-feature', 't.'],
    ['tag-stable', 't.v1.2.3'],
    ['tag-nested', 't.p1-v1.2.3'],
    ['release', 't.v1.3.0']
  ])('on %s renders %j', (fixture, tag) => {
    expect(rendered(fixture, 't.{{tag}}')).toEqual([tag])
  })
})

describe('{{sha}}', () => {
  test.each<[string, Record<string, string>, string]>([
    ['push-main', {}, 's.860c190'],
    ['tag-stable', {}, 's.860c190'],
    ['push-main', { 'sha-length': '10' }, 's.860c1904a1'],
    ['pull-request', {}, 's.5e7c3f1'],
    ['pull-request', { 'sha-pr-commit': 'merge' }, 's.a1b2c3d'],
    ['pull-request-target', {}, 's.5e7c3f1'],
    ['pull-request-target', { 'sha-pr-commit': 'merge' }, 's.860c190']
  ])('on %s with %j renders %j', (fixture, inputs, tag) => {
    expect(rendered(fixture, 's.{{sha}}', inputs)).toEqual([tag])
  })
})

describe('{{base_ref}}', () => {
  test.each([
    ['pull-request', 'r.main'],
    ['pull-request-target', 'r.main'],
    ['push-main', 'r.'],
    ['push-feature', 'r.'],
    // On a tag push, payload.base_ref (the branch the tag came from), when GitHub gives it.
    ['tag-stable', 'r.'],
    ['tag-from-branch', 'r.release-1.x']
  ])('on %s renders %j', (fixture, tag) => {
    expect(rendered(fixture, 'r.{{base_ref}}')).toEqual([tag])
  })
})

describe('{{is_default_branch}}', () => {
  test.each([
    ['push-main', 'd.true'],
    ['push-develop', 'd.false'],
    ['push-feature', 'd.false'],
    ['workflow-dispatch', 'd.true'],
    // schedule and create events always run on the default branch
    ['schedule', 'd.true'],
    ['create-tag', 'd.true'],
    ['tag-stable', 'd.false'],
    ['release', 'd.false'],
    ['pull-request', 'd.false'],
    ['pull-request-target', 'd.false']
  ])('on %s renders %j', (fixture, tag) => {
    expect(rendered(fixture, 'd.{{is_default_branch}}')).toEqual([tag])
  })
})

describe('{{is_not_default_branch}}', () => {
  test.each([
    ['push-main', 'n.false'],
    ['push-develop', 'n.true'],
    ['schedule', 'n.false'],
    ['tag-stable', 'n.true'],
    ['pull-request', 'n.true']
  ])('on %s renders %j', (fixture, tag) => {
    expect(rendered(fixture, 'n.{{is_not_default_branch}}')).toEqual([tag])
  })

  test('switches a rule off on the default branch', () => {
    const rule = 'type=raw,value=preview,enable={{is_not_default_branch}}'
    expect(rulesFor('push-main', rule).tags).toEqual([])
    expect(rulesFor('push-develop', rule).tags).toEqual(['preview'])
  })
})

describe('enable=', () => {
  test.each<[string, string, string[]]>([
    ['push-main', 'type=raw,value=latest,enable={{is_default_branch}}', ['latest']],
    ['push-develop', 'type=raw,value=latest,enable={{is_default_branch}}', []],
    ['pull-request-target', 'type=raw,value=latest,enable={{is_default_branch}}', []],
    ['push-main', 'type=raw,value=a,enable=true', ['a']],
    ['push-main', 'type=raw,value=a,enable=false', []],
    [
      'tag-stable',
      'type=ref,event=tag,enable=false\ntype=semver,pattern={{version}}',
      ['1.2.3', 'latest']
    ]
  ])('%s with %j gives %j', (fixture, tags, expected) => {
    expect(rulesFor(fixture, tags).tags).toEqual(expected)
  })
})

describe('{{date}} and {{commit_date}}', () => {
  test.each([
    ['push-main', "{{date 'YYYYMMDD'}}", '20261123'],
    ['push-main', "{{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}", '20261123-173000'],
    ['push-main', "{{date 'YYYYMMDD-HHmmss' tz='America/St_Johns'}}", '20261123-050000'],
    ['push-main', "{{ date 'YYYY.MM.DD' }}", '2026.11.23'],
    ['push-main', "v{{date 'YYYY'}}.{{date 'M'}}.{{sha}}", 'v2026.11.860c190'],
    // the payload's head commit time (2026-11-20T10:11:12+01:00)
    ['push-main', "{{commit_date 'YYYYMMDD-HHmmss'}}", '20261120-091112'],
    ['push-main', "{{commit_date 'YYYYMMDD-HHmmss' tz='Europe/Paris'}}", '20261120-101112'],
    ['push-main', "{{commit_date 'YYYY-MM-DDTHH:mm:ss.SSS[Z]'}}", '2026-11-20T09-11-12.000Z'],
    // no commit time in the payload: the run time
    ['pull-request', "{{commit_date 'YYYYMMDD-HHmmss'}}", '20261123-083000']
  ])('on %s %j renders %j', (fixture, value, tag) => {
    expect(rendered(fixture, value)).toEqual([tag])
  })

  test.each([
    // a comma inside the format needs the field quoted, as in CSV
    [
      `type=raw,"value={{date 'dddd, MMMM Do YYYY, h:mm:ss a'}}"`,
      'Monday-November-23rd-2026-8-30-00-am'
    ],
    // Handlebars takes double quotes too; inside a quoted field they are doubled
    [`type=raw,"value={{date ""YYYYMMDD"" tz=""Asia/Tokyo""}}"`, '20261123'],
    ["type=raw,value=build-{{date 'YYYYMMDD'}},prefix={{branch}}-", 'main-build-20261123'],
    ["type=ref,event=branch,suffix=-{{date 'YYYYMMDD'}}", 'main-20261123']
  ])('%j renders %j', (tags, tag) => {
    expect(rulesFor('push-main', tags).tags).toEqual([tag])
  })
})

describe('expressions in prefix and suffix', () => {
  test.each<[string, string, string[]]>([
    ['push-feature', 'type=ref,event=branch,suffix=-{{sha}}', ['feature-login-42-860c190']],
    ['pull-request', 'type=raw,value=pr,prefix={{base_ref}}-', ['main-pr']],
    ['push-main', 'type=sha,prefix={{branch}}-', ['main-860c190']],
    ['tag-stable', 'type=semver,pattern={{version}},suffix=-{{sha}}', ['1.2.3-860c190', 'latest']]
  ])('%s with %j gives %j', (fixture, tags, expected) => {
    expect(rulesFor(fixture, tags).tags).toEqual(expected)
  })
})

describe('invalid expressions', () => {
  test.each<[string, string]>([
    [
      'type=raw,value={{branchh}}',
      'tags: line 1 "type=raw,value={{branchh}}": unknown expression "{{branchh}}": use one of {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}}'
    ],
    [
      'type=raw,value={{date YYYYMMDD}}',
      `tags: line 1 "type=raw,value={{date YYYYMMDD}}": "{{date YYYYMMDD}}" is not a valid date expression: write {{date 'YYYYMMDD'}} or {{date 'YYYYMMDD' tz='Europe/Paris'}}`
    ],
    [
      "type=raw,value={{date 'YYYY' zone='UTC'}}",
      `tags: line 1 "type=raw,value={{date 'YYYY' zone='UTC'}}": "{{date 'YYYY' zone='UTC'}}" is not a valid date expression: write {{date 'YYYYMMDD'}} or {{date 'YYYYMMDD' tz='Europe/Paris'}}`
    ],
    [
      "type=raw,value={{date 'YYYY' tz='Mars/Olympus'}}",
      `tags: line 1 "type=raw,value={{date 'YYYY' tz='Mars/Olympus'}}": unknown time zone "Mars/Olympus": use an IANA name such as Europe/Paris`
    ],
    [
      'type=semver,pattern={{branch}}-{{version}}',
      'tags: line 1 "type=semver,pattern={{branch}}-{{version}}": "{{branch}}" cannot be used in a version pattern: use {{raw}}, {{version}}, {{major}}, {{minor}}, {{patch}}'
    ],
    [
      'type=raw,value=a,enable=maybe',
      'tags: line 1 "type=raw,value=a,enable=maybe": enable="maybe" is not true or false: use a true/false value or {{is_default_branch}}'
    ],
    [
      'type=raw,value=a,enable=',
      'tags: line 1 "type=raw,value=a,enable=": enable="" is not true or false: use a true/false value or {{is_default_branch}}'
    ],
    [
      'type=raw,value=a,enable={{branch}}',
      'tags: line 1 "type=raw,value=a,enable={{branch}}": enable="{{branch}}" is not true or false: use a true/false value or {{is_default_branch}}'
    ]
  ])('%j fails with %j', (tags, message) => {
    expect(inputErrorFor('tag-stable', { tags })).toBe(message)
  })

  test('an unknown expression in the flavor names the flavor', () => {
    expect(
      inputErrorFor('push-main', { tags: 'type=raw,value=a', flavor: 'prefix={{brnch}}-' })
    ).toBe(
      'flavor: prefix/suffix: unknown expression "{{brnch}}": use one of {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}}'
    )
  })
})
