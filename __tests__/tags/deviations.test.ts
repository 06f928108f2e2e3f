import { describe, expect, test } from '@jest/globals'
import { inputErrorFor, rulesFor, tagsFor } from './rules-helpers.js'

// tagship's deliberate departures from docker/metadata-action, one table each,
// with what metadata-action would give in the comments.

describe('no duplicate tags', () => {
  test.each<[string, string, string, string[]]>([
    // metadata-action: 1.2.3, latest, latest
    [
      'tag-stable',
      'type=semver,pattern={{version}}\ntype=raw,value=latest',
      '',
      ['1.2.3', 'latest']
    ],
    // metadata-action: latest, sha-860c190, latest
    [
      'push-main',
      'type=raw,value=latest,enable={{is_default_branch}}\ntype=sha',
      'latest=true',
      ['latest', 'sha-860c190']
    ]
  ])('%s with %j and flavor %j gives %j', (fixture, tags, flavor, expected) => {
    expect(rulesFor(fixture, tags, flavor).tags).toEqual(expected)
  })
})

describe('unknown rule types and attributes are errors, with a hint', () => {
  test.each([
    ['type=shaa', 'tags: line 1 "type=shaa": unknown rule type "shaa": did you mean "sha"?'],
    [
      'type=ref,event=tag,sufix=-x',
      'tags: line 1 "type=ref,event=tag,sufix=-x": unknown attribute "sufix" for type=ref: did you mean "suffix"?'
    ]
  ])('%j fails with %j', (tags, message) => {
    expect(inputErrorFor('tag-stable', { tags })).toBe(message)
  })
})

describe('tags over 128 characters or starting with . or - are errors', () => {
  test.each([
    [`type=raw,value=${'x'.repeat(200)}`, 'is 200 characters long; a tag may have at most 128'],
    ['type=raw,value=-rc', "starts with '-'; a tag must start with a letter, digit or '_'"]
  ])('%j fails', (tags, problem) => {
    expect(inputErrorFor('push-main', { tags })).toContain(problem)
  })
})

describe('a semver prerelease git tag never gets latest from type=ref,event=tag or type=match', () => {
  test.each<[string, string, string, string[]]>([
    // metadata-action: v2.0.8-beta.67, latest
    ['tag-beta', 'type=ref,event=tag', '', ['v2.0.8-beta.67']],
    ['tag-rc', 'type=ref,event=tag', '', ['v2.0.0-rc.1']],
    ['tag-numeric-pre', 'type=ref,event=tag', '', ['v3.0.0-1']],
    ['release-prerelease', 'type=ref,event=tag', '', ['v1.4.0-beta.2']],
    // metadata-action: 2.0, latest
    ['tag-beta', 'type=match,pattern=v(\\d.\\d),group=1', '', ['2.0']],
    ['tag-rc', 'type=match,pattern=v(\\d+),group=1', '', ['2']],
    // not semver, so not a prerelease: as metadata-action
    ['tag-date-rc', 'type=match,pattern=\\d+', '', ['20200110', 'latest']],
    ['tag-date-rc', 'type=ref,event=tag', '', ['20200110-RC2', 'latest']],
    // latest=true still forces it
    ['tag-beta', 'type=ref,event=tag', 'latest=true', ['v2.0.8-beta.67', 'latest']]
  ])('%s with %j and flavor %j gives %j', (fixture, tags, flavor, expected) => {
    expect(rulesFor(fixture, tags, flavor).tags).toEqual(expected)
  })
})

describe('type=sha on a pull request tags the head commit; sha-pr-commit: merge restores the event commit', () => {
  test.each<[string, Record<string, string>, string[]]>([
    // metadata-action: sha-a1b2c3d (the merge commit) unless DOCKER_METADATA_PR_HEAD_SHA=true
    ['pull-request', { tags: 'type=sha' }, ['sha-5e7c3f1']],
    ['pull-request', { tags: 'type=sha', 'sha-pr-commit': 'merge' }, ['sha-a1b2c3d']],
    // metadata-action: sha-860c190 (the base branch's commit GitHub runs on)
    ['pull-request-target', { tags: 'type=sha' }, ['sha-5e7c3f1']],
    ['pull-request-target', { tags: 'type=sha', 'sha-pr-commit': 'merge' }, ['sha-860c190']],
    // {{sha}} names the same commit
    ['pull-request', { tags: 'type=raw,value=pr-{{sha}}' }, ['pr-5e7c3f1']]
  ])('%s with %j gives %j', (fixture, inputs, expected) => {
    expect(tagsFor(fixture, inputs).tags).toEqual(expected)
  })
})

describe('a value keeps everything after the first =', () => {
  test.each<[string, string, string, string[]]>([
    // metadata-action's flavor parser cuts `suffix=-a=b` to `-a`
    ['push-main', 'type=raw,value=build', 'suffix=-a=b', ['build-a-b']],
    ['push-main', 'type=raw,value=a=b', '', ['a-b']],
    // a lookahead in a match pattern
    ['tag-stable', 'type=match,pattern=^v(?=\\d)(.*)$,group=1', '', ['1.2.3', 'latest']],
    [
      'schedule',
      "type=schedule,pattern={{date 'YYYYMMDD-HHmm' tz='Asia/Tokyo'}}",
      '',
      ['20261123-1730']
    ]
  ])('%s with %j and flavor %j gives %j', (fixture, tags, flavor, expected) => {
    expect(rulesFor(fixture, tags, flavor).tags).toEqual(expected)
  })
})
