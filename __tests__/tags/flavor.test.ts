import { describe, expect, test } from '@jest/globals'
import { inputErrorFor, rulesFor } from './rules-helpers.js'

// Each row: runner fixture, `tags`, `flavor`, the exact ordered tags, the version.
type Row = [string, string, string, string[], string]

const SEMVER = 'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}'

describe('flavor latest', () => {
  test.each<Row>([
    ['tag-stable', SEMVER, '', ['1.2.3', '1.2', 'latest'], '1.2.3'],
    ['tag-stable', SEMVER, 'latest=auto', ['1.2.3', '1.2', 'latest'], '1.2.3'],
    ['tag-stable', SEMVER, 'latest=false', ['1.2.3', '1.2'], '1.2.3'],
    ['tag-stable', 'type=ref,event=tag', 'latest=false', ['v1.2.3'], 'v1.2.3'],
    ['tag-beta', SEMVER, 'latest=true', ['2.0.8-beta.67', 'latest'], '2.0.8-beta.67'],
    ['push-main', 'type=ref,event=branch', 'latest=true', ['main', 'latest'], 'main'],
    ['push-main', 'type=ref,event=branch', 'latest=auto', ['main'], 'main'],
    ['pull-request', 'type=ref,event=pr', 'latest=true', ['pr-15', 'latest'], 'pr-15'],
    // no tag at all: no lone latest either
    ['push-main', SEMVER, 'latest=true', [], ''],
    // keys are case-insensitive
    ['tag-stable', SEMVER, 'LATEST=false', ['1.2.3', '1.2'], '1.2.3'],
    // the last line wins
    ['tag-stable', SEMVER, 'latest=false\nlatest=auto', ['1.2.3', '1.2', 'latest'], '1.2.3']
  ])('%s with tags %j and flavor %j gives %j', (fixture, tags, flavor, expected, version) => {
    expect(rulesFor(fixture, tags, flavor)).toEqual({ tags: expected, version })
  })
})

describe('flavor prefix and suffix', () => {
  test.each<Row>([
    ['tag-stable', SEMVER, 'prefix=app-', ['app-1.2.3', 'app-1.2', 'latest'], 'app-1.2.3'],
    [
      'tag-stable',
      SEMVER,
      'suffix=-alpine',
      ['1.2.3-alpine', '1.2-alpine', 'latest'],
      '1.2.3-alpine'
    ],
    [
      'tag-stable',
      SEMVER,
      'prefix=app-,onlatest=true',
      ['app-1.2.3', 'app-1.2', 'app-latest'],
      'app-1.2.3'
    ],
    [
      'tag-stable',
      SEMVER,
      'prefix=app-,onlatest=false',
      ['app-1.2.3', 'app-1.2', 'latest'],
      'app-1.2.3'
    ],
    [
      'tag-stable',
      SEMVER,
      'suffix=-alpine,onlatest=true',
      ['1.2.3-alpine', '1.2-alpine', 'latest-alpine'],
      '1.2.3-alpine'
    ],
    // onlatest applies to the prefix or suffix just before it on its line
    [
      'tag-stable',
      'type=semver,pattern={{version}}',
      'prefix=app-,onlatest=true\nsuffix=-alpine',
      ['app-1.2.3-alpine', 'app-latest'],
      'app-1.2.3-alpine'
    ],
    [
      'tag-stable',
      'type=semver,pattern={{version}}',
      'prefix=app-,suffix=-alpine,onlatest=true',
      ['app-1.2.3-alpine', 'latest-alpine'],
      'app-1.2.3-alpine'
    ],
    [
      'tag-stable',
      'type=semver,pattern={{version}}',
      'suffix=-alpine,prefix=app-,onlatest=true',
      ['app-1.2.3-alpine', 'app-latest'],
      'app-1.2.3-alpine'
    ],
    [
      'tag-stable',
      'type=semver,pattern={{version}}',
      'prefix=app-,onlatest=true\nsuffix=-alpine,onlatest=true',
      ['app-1.2.3-alpine', 'app-latest-alpine'],
      'app-1.2.3-alpine'
    ],
    // a rule's own prefix/suffix, even empty, replaces the flavor's
    [
      'tag-stable',
      'type=semver,pattern={{version}},prefix=v',
      'prefix=app-',
      ['v1.2.3', 'latest'],
      'v1.2.3'
    ],
    [
      'tag-stable',
      'type=semver,pattern={{version}},prefix=',
      'prefix=app-',
      ['1.2.3', 'latest'],
      '1.2.3'
    ],
    [
      'tag-stable',
      'type=semver,pattern={{version}},suffix=',
      'suffix=-alpine',
      ['1.2.3', 'latest'],
      '1.2.3'
    ],
    [
      'tag-stable',
      'type=semver,pattern={{version}},suffix=-slim',
      'prefix=app-\nsuffix=-alpine',
      ['app-1.2.3-slim', 'latest'],
      'app-1.2.3-slim'
    ],
    // pr and sha rules have their own default prefix, so never get the flavor's; the suffix applies
    [
      'pull-request',
      'type=ref,event=pr',
      'prefix=app-\nsuffix=-alpine',
      ['pr-15-alpine'],
      'pr-15-alpine'
    ],
    [
      'push-main',
      'type=sha',
      'prefix=app-\nsuffix=-alpine',
      ['sha-860c190-alpine'],
      'sha-860c190-alpine'
    ],
    ['pull-request', 'type=ref,event=pr,prefix=app-pr-', 'prefix=x-', ['app-pr-15'], 'app-pr-15'],
    ['push-main', 'type=ref,event=branch', 'prefix={{sha}}-', ['860c190-main'], '860c190-main'],
    [
      'push-feature',
      'type=raw,value=build',
      'prefix={{branch}}-',
      ['feature-login-42-build'],
      'feature-login-42-build'
    ],
    // what a tag may not hold becomes `-`, in latest too
    [
      'tag-stable',
      'type=semver,pattern={{version}}',
      'suffix=+win,onlatest=true',
      ['1.2.3-win', 'latest-win'],
      '1.2.3-win'
    ]
  ])('%s with tags %j and flavor %j gives %j', (fixture, tags, flavor, expected, version) => {
    expect(rulesFor(fixture, tags, flavor)).toEqual({ tags: expected, version })
  })
})

describe('invalid flavor', () => {
  test.each([
    [
      'latest=maybe',
      'flavor: line 1 "latest=maybe": latest=maybe is not auto, true or false: use one of them'
    ],
    [
      'latest=True',
      'flavor: line 1 "latest=True": latest=True is not auto, true or false: use one of them'
    ],
    [
      'prefix=app-,onlatest=yes',
      'flavor: line 1 "prefix=app-,onlatest=yes": onlatest=yes is not true or false: use one of them'
    ],
    [
      'prefix=app-\nonlatest=true',
      'flavor: line 2 "onlatest=true": onlatest needs a prefix or suffix before it on the same line: write prefix=foo-,onlatest=true'
    ],
    ['prefx=app-', 'flavor: line 1 "prefx=app-": unknown key "prefx": did you mean "prefix"?'],
    [
      'labelprefix=x',
      'flavor: line 1 "labelprefix=x": unknown key "labelprefix": use one of latest, prefix, suffix, onlatest'
    ],
    ['latest', 'flavor: line 1 "latest": "latest" is not key=value: write e.g. latest=auto'],
    [
      '# comment\nlatest=auto,prefix',
      'flavor: line 2 "latest=auto,prefix": "prefix" is not key=value: write e.g. latest=auto'
    ],
    ['"prefix=app-', 'flavor: line 1 "\\"prefix=app-": has an unclosed double quote: close it']
  ])('%j fails with %j', (flavor, message) => {
    expect(inputErrorFor('tag-stable', { tags: 'type=semver,pattern={{version}}', flavor })).toBe(
      message
    )
  })
})
