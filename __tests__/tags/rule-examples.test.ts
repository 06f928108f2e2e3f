import { describe, expect, test } from '@jest/globals'
import { rulesFor, tagsFor } from './rules-helpers.js'

type Row = [string, string[], string]

/** metadata-action's default `tags` (tagship runs its strategies when `tags` is empty). */
const DEFAULT_TAGS = `type=schedule
type=ref,event=branch
type=ref,event=tag
type=ref,event=pr`

const SEMVER_TAGS = `type=ref,event=branch
type=ref,event=pr
type=semver,pattern={{version}}
type=semver,pattern={{major}}.{{minor}}`

describe("README workflow tables, on this repository's fixtures", () => {
  test.each<Row>([
    ['pull-request', ['pr-15'], 'pr-15'],
    ['pull-request-target', ['pr-16'], 'pr-16'],
    ['push-main', ['main'], 'main'],
    ['push-release-branch', ['release-1.4'], 'release-1.4'],
    ['tag-stable', ['v1.2.3', 'latest'], 'v1.2.3'],
    // metadata-action also gives latest here; tagship never does for a prerelease
    ['tag-beta', ['v2.0.8-beta.67'], 'v2.0.8-beta.67'],
    ['workflow-dispatch', ['main'], 'main'],
    ['schedule', ['nightly', 'main'], 'nightly'],
    ['release', ['v1.3.0', 'latest'], 'v1.3.0']
  ])('basic (default tags) on %s gives %j', (fixture, tags, version) => {
    expect(rulesFor(fixture, DEFAULT_TAGS)).toEqual({ tags, version })
  })

  test.each<Row>([
    ['pull-request', ['pr-15'], 'pr-15'],
    ['push-main', ['main'], 'main'],
    ['push-release-branch', ['release-1.4'], 'release-1.4'],
    ['tag-stable', ['1.2.3', '1.2', 'latest'], '1.2.3'],
    ['tag-beta', ['2.0.8-beta.67'], '2.0.8-beta.67'],
    ['workflow-dispatch', ['main'], 'main']
  ])('semver on %s gives %j', (fixture, tags, version) => {
    expect(rulesFor(fixture, SEMVER_TAGS)).toEqual({ tags, version })
  })

  test('bake: semver tags and type=sha on v1.2.3', () => {
    expect(rulesFor('tag-stable', `${SEMVER_TAGS}\ntype=sha`)).toEqual({
      tags: ['1.2.3', '1.2', 'sha-860c190', 'latest'],
      version: '1.2.3'
    })
  })
})

describe('priority ordering', () => {
  test.each<[string, string, string[]]>([
    // written lowest first, listed highest first
    [
      'tag-stable',
      'type=sha\ntype=raw,value=r\ntype=ref,event=tag\ntype=edge\ntype=match,pattern=\\d.\\d\ntype=semver,pattern={{version}}',
      ['1.2.3', '1.2', 'v1.2.3', 'r', 'sha-860c190', 'latest']
    ],
    [
      'schedule',
      'type=sha\ntype=raw,value=r\ntype=ref,event=branch\ntype=edge\ntype=schedule',
      ['nightly', 'edge', 'main', 'r', 'sha-860c190']
    ],
    ['push-main', 'type=ref,event=branch\ntype=sha,priority=2000', ['sha-860c190', 'main']],
    ['push-main', 'type=raw,value=z,priority=-1\ntype=sha', ['sha-860c190', 'z']],
    [
      'push-main',
      'type=raw,value=a,priority=650\ntype=edge\ntype=ref,event=branch',
      ['edge', 'a', 'main']
    ],
    // equal priorities keep the order they are written in
    ['push-main', 'type=raw,value=b\ntype=raw,value=a\ntype=raw,value=c', ['b', 'a', 'c']],
    [
      'tag-stable',
      'type=semver,pattern={{major}}\ntype=pep440,pattern={{major}}.{{minor}}',
      ['1', '1.2', 'latest']
    ]
  ])('%s with %j gives %j', (fixture, tags, expected) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version: expected[0] })
  })
})

describe('latest with latest=auto: the first rule that gives a tag decides, and it goes last', () => {
  test.each<[string, string, string[]]>([
    [
      'tag-stable',
      'type=semver,pattern={{version}}\ntype=raw,value=x\ntype=sha',
      ['1.2.3', 'x', 'sha-860c190', 'latest']
    ],
    [
      'tag-stable',
      'type=raw,value=first,priority=1000\ntype=semver,pattern={{version}}',
      ['first', '1.2.3']
    ],
    // a disabled rule, one that does not fire, or one whose tag is empty decides nothing
    [
      'tag-stable',
      'type=raw,value=first,priority=1000,enable=false\ntype=semver,pattern={{version}}',
      ['1.2.3', 'latest']
    ],
    [
      'tag-stable',
      'type=ref,event=branch,priority=1000\ntype=semver,pattern={{version}}',
      ['1.2.3', 'latest']
    ],
    [
      'tag-stable',
      'type=raw,value={{branch}},priority=1000\ntype=semver,pattern={{version}}',
      ['1.2.3', 'latest']
    ],
    // the semver prerelease decides no latest before match can
    [
      'tag-beta',
      'type=semver,pattern={{version}}\ntype=match,pattern=v(\\d.\\d),group=1',
      ['2.0.8-beta.67', '2.0']
    ],
    [
      'tag-non-semver',
      'type=semver,pattern={{version}}\ntype=ref,event=tag',
      ['release-2026', 'latest']
    ],
    ['push-main', 'type=edge\ntype=ref,event=branch\ntype=sha', ['edge', 'main', 'sha-860c190']],
    // latest on the default branch, the README way: a raw tag keeps its priority's place
    [
      'push-main',
      'type=raw,value=latest,enable={{is_default_branch}}\ntype=sha',
      ['latest', 'sha-860c190']
    ],
    [
      'push-develop',
      'type=raw,value=latest,enable={{is_default_branch}}\ntype=sha',
      ['sha-860c190']
    ],
    // asked for by a raw rule and by the flavor: listed once, where it first appears
    [
      'tag-stable',
      'type=semver,pattern={{version}}\ntype=raw,value=latest\ntype=sha',
      ['1.2.3', 'latest', 'sha-860c190']
    ]
  ])('%s with %j gives %j', (fixture, tags, expected) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version: expected[0] })
  })
})

describe('de-duplication', () => {
  test.each<[string, string, string[]]>([
    [
      'tag-stable',
      'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}.{{patch}}\ntype=match,pattern=\\d.\\d.\\d',
      ['1.2.3', 'latest']
    ],
    [
      'push-main',
      'type=ref,event=branch\ntype=raw,value=main\ntype=raw,value={{branch}}\ntype=edge,branch=x',
      ['main']
    ],
    ['push-feature', 'type=ref,event=branch\ntype=raw,value={{branch}}', ['feature-login-42']],
    [
      'tag-beta',
      'type=semver,pattern={{version}}\ntype=semver,pattern={{major}}.{{minor}}',
      ['2.0.8-beta.67']
    ],
    [
      'pull-request',
      'type=ref,event=pr\ntype=raw,value=pr-15\ntype=sha\ntype=sha',
      ['pr-15', 'sha-5e7c3f1']
    ]
  ])('%s with %j gives %j', (fixture, tags, expected) => {
    expect(rulesFor(fixture, tags)).toEqual({ tags: expected, version: expected[0] })
  })
})

describe('rules and strategies together', () => {
  test.each<[string, Record<string, string>, string[], string]>([
    // `tags` alone: no strategy runs
    ['push-main', { tags: 'type=raw,value=x' }, ['x'], 'x'],
    ['tag-stable', { tags: 'type=ref,event=tag' }, ['v1.2.3', 'latest'], 'v1.2.3'],
    [
      'tag-stable',
      { tags: 'type=ref,event=tag\ntype=raw,value=stable', strategies: 'semver, latest' },
      ['1.2.3', '1.2', '1', 'v1.2.3', 'stable', 'latest'],
      '1.2.3'
    ],
    [
      'push-main',
      { tags: 'type=ref,event=branch', strategies: 'dev,sha' },
      ['dev', 'main', 'sha-860c190'],
      'dev'
    ],
    [
      'pull-request',
      { tags: 'type=ref,event=pr\ntype=sha', strategies: 'pr,sha' },
      ['pr-15', 'sha-5e7c3f1'],
      'pr-15'
    ],
    [
      'tag-rc',
      { tags: 'type=semver,pattern={{version}}\ntype=ref,event=tag', strategies: 'staging' },
      ['2.0.0-rc.1', 'rc', 'staging', 'v2.0.0-rc.1'],
      '2.0.0-rc.1'
    ],
    // the flavor applies to strategy tags too; the sha rule keeps its own sha- prefix;
    // at equal priority strategy tags come before rule tags
    [
      'push-main',
      { tags: 'type=ref,event=branch\ntype=sha', strategies: 'sha', flavor: 'prefix=app-' },
      ['app-main', 'app-sha-860c190', 'sha-860c190'],
      'app-main'
    ],
    [
      'tag-stable',
      { tags: 'type=ref,event=tag', strategies: 'semver,latest', flavor: 'suffix=-alpine' },
      ['1.2.3-alpine', '1.2-alpine', '1-alpine', 'v1.2.3-alpine', 'latest'],
      '1.2.3-alpine'
    ]
  ])('%s with %j gives %j', (fixture, inputs, expected, version) => {
    expect(tagsFor(fixture, inputs)).toEqual({ tags: expected, version })
  })
})
