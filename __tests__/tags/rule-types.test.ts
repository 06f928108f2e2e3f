import { describe, expect, test } from '@jest/globals'
import { rulesFor, tagsFor, warningsFor } from './rules-helpers.js'

// Each row: runner fixture, the `tags` input, the exact ordered tags, the version.
// The default flavor (latest=auto) applies; strategies do not run when `tags` is given.
type Row = [string, string, string[], string]

describe('type=schedule', () => {
  test.each<Row>([
    ['schedule', 'type=schedule', ['nightly'], 'nightly'],
    ['schedule', "type=schedule,pattern={{date 'YYYYMMDD'}}", ['20261123'], '20261123'],
    [
      'schedule',
      "type=schedule,pattern={{date 'YYYYMMDD-HHmmss' tz='Asia/Tokyo'}}",
      ['20261123-173000'],
      '20261123-173000'
    ],
    [
      'schedule',
      "type=schedule,pattern={{date 'YYYYMMDD-hhmmss' tz='Asia/Tokyo'}}",
      ['20261123-053000'],
      '20261123-053000'
    ],
    [
      'schedule',
      "type=schedule,pattern=nightly-{{date 'YYYY.MM.DD'}}",
      ['nightly-2026.11.23'],
      'nightly-2026.11.23'
    ],
    ['schedule', 'type=schedule,pattern=', [], ''],
    ['push-main', 'type=schedule', [], ''],
    ['workflow-dispatch', 'type=schedule', [], ''],
    ['tag-stable', 'type=schedule', [], '']
  ])('%s with %j gives %j', (fixture, tags, expected, version) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version })
  })
})

describe('type=semver', () => {
  test.each<Row>([
    // README rows
    ['tag-stable', 'type=semver,pattern={{raw}}', ['v1.2.3', 'latest'], 'v1.2.3'],
    ['tag-stable', 'type=semver,pattern={{version}}', ['1.2.3', 'latest'], '1.2.3'],
    ['tag-stable', 'type=semver,pattern={{major}}.{{minor}}', ['1.2', 'latest'], '1.2'],
    ['tag-stable', 'type=semver,pattern=v{{major}}', ['v1', 'latest'], 'v1'],
    ['tag-stable', 'type=semver,pattern={{minor}}', ['2', 'latest'], '2'],
    ['tag-stable', 'type=semver,pattern={{patch}}', ['3', 'latest'], '3'],
    ['tag-beta', 'type=semver,pattern={{raw}}', ['v2.0.8-beta.67'], 'v2.0.8-beta.67'],
    ['tag-beta', 'type=semver,pattern={{version}}', ['2.0.8-beta.67'], '2.0.8-beta.67'],
    ['tag-beta', 'type=semver,pattern={{major}}.{{minor}}', ['2.0.8-beta.67'], '2.0.8-beta.67'],
    // a prerelease ignores any pattern but exactly {{raw}}
    ['tag-rc', 'type=semver,pattern=v{{major}}-{{raw}}', ['2.0.0-rc.1'], '2.0.0-rc.1'],
    ['tag-numeric-pre', 'type=semver,pattern={{major}}', ['3.0.0-1'], '3.0.0-1'],
    ['tag-no-prefix', 'type=semver,pattern={{version}}', ['1.2.3', 'latest'], '1.2.3'],
    ['tag-no-prefix', 'type=semver,pattern={{raw}}', ['1.2.3', 'latest'], '1.2.3'],
    ['tag-build-metadata', 'type=semver,pattern={{version}}', ['1.2.3', 'latest'], '1.2.3'],
    [
      'tag-build-metadata',
      'type=semver,pattern={{raw}}',
      ['v1.2.3-build.7', 'latest'],
      'v1.2.3-build.7'
    ],
    ['release', 'type=semver,pattern={{version}}', ['1.3.0', 'latest'], '1.3.0'],
    ['release-prerelease', 'type=semver,pattern={{version}}', ['1.4.0-beta.2'], '1.4.0-beta.2'],
    // major version zero has no special handling; the README disables the entry instead
    ['tag-zero', 'type=semver,pattern={{major}}', ['0', 'latest'], '0'],
    [
      'tag-zero',
      'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}\ntype=semver,pattern={{major}},enable=false',
      ['0.4.1', '0.4', 'latest'],
      '0.4.1'
    ],
    // value= reads a version on any event
    ['push-main', 'type=semver,pattern={{major}}.{{minor}},value=v3.1.0', ['3.1', 'latest'], '3.1'],
    [
      'pull-request',
      'type=semver,pattern={{version}},value=4.0.0-rc.2',
      ['4.0.0-rc.2'],
      '4.0.0-rc.2'
    ],
    // not a tag, or not semver: no tag
    ['push-main', 'type=semver,pattern={{version}}', [], ''],
    ['pull-request', 'type=semver,pattern={{version}}', [], ''],
    ['tag-non-semver', 'type=semver,pattern={{version}}', [], ''],
    ['tag-nested', 'type=semver,pattern={{version}}', [], ''],
    ['tag-pep440-beta', 'type=semver,pattern={{version}}', [], ''],
    ['tag-stable', 'type=semver,pattern=', [], '']
  ])('%s with %j gives %j', (fixture, tags, expected, version) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version })
  })

  test('a tag that is not semver is a warning, not an error', () => {
    expect(warningsFor('tag-non-semver', { tags: 'type=semver,pattern={{version}}' })).toEqual([
      'tags line 1 "type=semver,pattern={{version}}": "release-2026" is not a semver version; no tag from this rule'
    ])
  })
})

describe('type=pep440', () => {
  test.each<Row>([
    // README rows
    ['tag-no-prefix', 'type=pep440,pattern={{raw}}', ['1.2.3', 'latest'], '1.2.3'],
    ['tag-no-prefix', 'type=pep440,pattern={{version}}', ['1.2.3', 'latest'], '1.2.3'],
    ['tag-stable', 'type=pep440,pattern={{version}}', ['1.2.3', 'latest'], '1.2.3'],
    ['tag-no-prefix', 'type=pep440,pattern={{major}}.{{minor}}', ['1.2', 'latest'], '1.2'],
    ['tag-no-prefix', 'type=pep440,pattern=v{{major}}', ['v1', 'latest'], 'v1'],
    ['tag-pep440-vrc', 'type=pep440,pattern={{raw}}', ['v1.2.3rc2'], 'v1.2.3rc2'],
    ['tag-pep440-rc', 'type=pep440,pattern={{version}}', ['1.2.3rc2'], '1.2.3rc2'],
    ['tag-pep440-rc', 'type=pep440,pattern={{major}}.{{minor}}', ['1.2.3rc2'], '1.2.3rc2'],
    ['tag-pep440-post', 'type=pep440,pattern={{major}}.{{minor}}', ['1.2.3.post1'], '1.2.3.post1'],
    ['tag-pep440-beta', 'type=pep440,pattern={{major}}.{{minor}}', ['1.2.3b2'], '1.2.3b2'],
    ['tag-pep440-dev', 'type=pep440,pattern={{major}}.{{minor}}', ['1.0.dev4'], '1.0.dev4'],
    ['tag-pep440-dev', 'type=pep440,pattern={{raw}}', ['1.0dev4'], '1.0dev4'],
    [
      'tag-stable',
      'type=pep440,pattern={{major}}.{{minor}}.{{patch}}',
      ['1.2.3', 'latest'],
      '1.2.3'
    ],
    ['push-main', 'type=pep440,pattern={{version}},value=2.0', ['2.0', 'latest'], '2.0'],
    ['push-main', 'type=pep440,pattern={{version}}', [], ''],
    ['tag-non-semver', 'type=pep440,pattern={{version}}', [], '']
  ])('%s with %j gives %j', (fixture, tags, expected, version) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version })
  })
})

describe('type=match', () => {
  test.each<Row>([
    // README rows
    ['tag-stable', 'type=match,pattern=\\d.\\d.\\d', ['1.2.3', 'latest'], '1.2.3'],
    ['tag-beta', 'type=match,pattern=v(.*),group=1', ['2.0.8-beta.67'], '2.0.8-beta.67'],
    ['tag-beta', 'type=match,pattern=v(\\d.\\d),group=1', ['2.0'], '2.0'],
    ['tag-date-rc', 'type=match,pattern=\\d+', ['20200110', 'latest'], '20200110'],
    // matched against the tag as written, `/` included
    ['tag-nested', 'type=match,pattern=p1/v(\\d.\\d.\\d),group=1', ['1.2.3', 'latest'], '1.2.3'],
    ['tag-stable', 'type=match,pattern=/V(\\d+)\\.(\\d+)/i,group=2', ['2', 'latest'], '2'],
    // {{tag}} in value= keeps its `/` too
    ['tag-nested', 'type=match,pattern=p1/v(\\d+),group=1,value={{tag}}', ['1', 'latest'], '1'],
    ['tag-non-semver', 'type=match,pattern=\\d{4}$', ['2026', 'latest'], '2026'],
    ['push-main', 'type=match,pattern=v(\\d+),group=1,value=v7-build', ['7', 'latest'], '7'],
    ['push-main', 'type=match,pattern=\\d+', [], ''],
    ['tag-stable', 'type=match,pattern=^release-', [], ''],
    ['tag-stable', 'type=match,pattern=v(\\d)(-rc)?,group=2', [], ''],
    ['tag-stable', 'type=match,pattern=v(\\d),group=3', [], '']
  ])('%s with %j gives %j', (fixture, tags, expected, version) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version })
  })

  test('no match, or no such group, is a warning', () => {
    expect(warningsFor('tag-stable', { tags: 'type=match,pattern=^release-' })).toEqual([
      'tags line 1 "type=match,pattern=^release-": "v1.2.3" does not match; no tag from this rule'
    ])
    expect(warningsFor('tag-stable', { tags: 'type=match,pattern=v(\\d),group=3' })).toHaveLength(1)
  })
})

describe('type=edge', () => {
  test.each<Row>([
    ['push-main', 'type=edge', ['edge'], 'edge'],
    ['workflow-dispatch', 'type=edge', ['edge'], 'edge'],
    ['schedule', 'type=edge', ['edge'], 'edge'],
    ['push-develop', 'type=edge', [], ''],
    ['push-develop', 'type=edge,branch=develop', ['edge'], 'edge'],
    ['push-main', 'type=edge,branch=develop', [], ''],
    // pull_request_target runs on the base branch's ref, but is a pull request
    ['pull-request-target', 'type=edge', [], ''],
    ['pull-request', 'type=edge', [], ''],
    ['tag-stable', 'type=edge', [], '']
  ])('%s with %j gives %j', (fixture, tags, expected, version) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version })
  })
})

describe('type=ref', () => {
  test.each<Row>([
    // README rows
    ['pull-request', 'type=ref,event=pr', ['pr-15'], 'pr-15'],
    ['push-main', 'type=ref,event=branch', ['main'], 'main'],
    ['push-release-branch', 'type=ref,event=branch', ['release-1.4'], 'release-1.4'],
    ['tag-stable', 'type=ref,event=tag', ['v1.2.3', 'latest'], 'v1.2.3'],
    ['workflow-dispatch', 'type=ref,event=branch', ['main'], 'main'],
    // `/` and `#` in a branch become `-`
    ['push-feature', 'type=ref,event=branch', ['feature-login-42'], 'feature-login-42'],
    ['schedule', 'type=ref,event=branch', ['main'], 'main'],
    ['pull-request-target', 'type=ref,event=pr', ['pr-16'], 'pr-16'],
    ['pull-request-target', 'type=ref,event=branch', [], ''],
    ['pull-request', 'type=ref,event=branch', [], ''],
    ['tag-nested', 'type=ref,event=tag', ['p1-v1.2.3', 'latest'], 'p1-v1.2.3'],
    ['tag-build-metadata', 'type=ref,event=tag', ['v1.2.3-build.7', 'latest'], 'v1.2.3-build.7'],
    ['tag-non-semver', 'type=ref,event=tag', ['release-2026', 'latest'], 'release-2026'],
    ['release', 'type=ref,event=tag', ['v1.3.0', 'latest'], 'v1.3.0'],
    ['push-main', 'type=ref,event=tag', [], ''],
    ['push-main', 'type=ref,event=pr', [], ''],
    ['tag-stable', 'type=ref,event=branch', [], ''],
    ['pull-request', 'type=ref,event=pr,prefix=', ['15'], '15'],
    [
      'pull-request',
      'type=ref,event=pr,prefix=pull-,suffix=-{{sha}}',
      ['pull-15-5e7c3f1'],
      'pull-15-5e7c3f1'
    ]
  ])('%s with %j gives %j', (fixture, tags, expected, version) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version })
  })
})

describe('type=raw', () => {
  test.each<Row>([
    ['push-main', 'type=raw,value=foo', ['foo'], 'foo'],
    ['push-main', 'type=raw,foo', ['foo'], 'foo'],
    ['push-main', 'foo', ['foo'], 'foo'],
    ['push-main', 'value=foo', ['foo'], 'foo'],
    ['push-main', 'TYPE=Raw,Value=foo', ['foo'], 'foo'],
    ['tag-stable', 'type=raw,value=foo', ['foo'], 'foo'],
    ['pull-request', 'type=raw,value=foo', ['foo'], 'foo'],
    ['schedule', 'type=raw,value=foo', ['foo'], 'foo'],
    // invalid characters become `-`, as metadata-action sanitises
    ['push-main', 'type=raw,value=my/tag+1', ['my-tag-1'], 'my-tag-1'],
    // an empty value gives no tag; a prefix on it still makes one
    ['push-main', 'type=raw,value=', [], ''],
    ['push-main', 'type=raw,value={{tag}}', [], ''],
    ['push-main', 'type=raw,value={{tag}},prefix=v', ['v'], 'v'],
    ['push-main', '"type=raw","value=a,b"', ['a-b'], 'a-b']
  ])('%s with %j gives %j', (fixture, tags, expected, version) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version })
  })
})

describe('type=sha', () => {
  const long = '860c1904a1ce19322e91ac35af1ab07466440c37'
  test.each<[string, Record<string, string>, string[]]>([
    ['push-main', { tags: 'type=sha' }, ['sha-860c190']],
    ['push-main', { tags: 'type=sha,format=short' }, ['sha-860c190']],
    ['push-main', { tags: 'type=sha,format=long' }, [`sha-${long}`]],
    ['push-main', { tags: 'type=sha,prefix=' }, ['860c190']],
    ['push-main', { tags: 'type=sha,prefix=git-,suffix=-amd64' }, ['git-860c190-amd64']],
    ['push-main', { tags: 'type=sha', 'sha-length': '12' }, ['sha-860c1904a1ce']],
    ['push-main', { tags: 'type=sha,format=long', 'sha-length': '12' }, [`sha-${long}`]],
    ['tag-stable', { tags: 'type=sha' }, ['sha-860c190']],
    ['schedule', { tags: 'type=sha' }, ['sha-860c190']],
    ['release', { tags: 'type=sha' }, ['sha-860c190']],
    // pull requests: the head commit (tagship), or the event's commit on request
    ['pull-request', { tags: 'type=sha' }, ['sha-5e7c3f1']],
    [
      'pull-request',
      { tags: 'type=sha,format=long' },
      ['sha-5e7c3f1c6a0d2b9e8f4a1b2c3d4e5f60718293a4']
    ],
    ['pull-request', { tags: 'type=sha', 'sha-pr-commit': 'merge' }, ['sha-a1b2c3d']],
    ['pull-request-target', { tags: 'type=sha' }, ['sha-5e7c3f1']],
    ['pull-request-target', { tags: 'type=sha', 'sha-pr-commit': 'merge' }, ['sha-860c190']]
  ])('%s with %j gives %j', (fixture, inputs, expected) => {
    expect(tagsFor(fixture, inputs)).toEqual({ tags: expected, version: expected[0] })
  })
})
