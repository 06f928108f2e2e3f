import { describe, expect, test } from '@jest/globals'
import { fixtureContext } from '../../__fixtures__/runner.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { computeTags } from '../../src/tags/compute.js'

/** Tags and version for a runner fixture and inputs (push: false, one target). */
function tagsFor(
  fixture: string,
  inputs: Record<string, string> = {}
): { tags: string[]; version: string } {
  const parsed = parseInputs({ images: 'docker.io/acme/app', push: 'false', ...inputs })
  const set = computeTags(fixtureContext(fixture), parsed.tags)
  return { tags: set.tags.map((t) => t.value), version: set.version }
}

describe('default strategies (semver, latest, dev, staging, sha)', () => {
  test.each([
    ['tag-stable', ['1.2.3', '1.2', '1', 'sha-860c190', 'latest'], '1.2.3'],
    ['tag-no-prefix', ['1.2.3', '1.2', '1', 'sha-860c190', 'latest'], '1.2.3'],
    ['tag-rc', ['2.0.0-rc.1', 'rc', 'staging', 'sha-860c190'], '2.0.0-rc.1'],
    ['tag-beta', ['2.0.8-beta.67', 'beta', 'staging', 'sha-860c190'], '2.0.8-beta.67'],
    ['tag-numeric-pre', ['3.0.0-1', 'staging', 'sha-860c190'], '3.0.0-1'],
    ['tag-zero', ['0.4.1', '0.4', 'sha-860c190', 'latest'], '0.4.1'],
    ['tag-build-metadata', ['1.2.3', '1.2', '1', 'sha-860c190', 'latest'], '1.2.3'],
    ['tag-non-semver', ['sha-860c190'], 'sha-860c190'],
    ['tag-nested', ['sha-860c190'], 'sha-860c190'],
    ['release', ['1.3.0', '1.3', '1', 'sha-860c190', 'latest'], '1.3.0'],
    ['release-prerelease', ['1.4.0-beta.2', 'beta', 'staging', 'sha-860c190'], '1.4.0-beta.2'],
    ['push-main', ['dev', 'sha-860c190'], 'dev'],
    ['push-staging', ['staging', 'sha-860c190'], 'staging'],
    ['push-feature', ['sha-860c190'], 'sha-860c190'],
    ['push-release-branch', ['sha-860c190'], 'sha-860c190'],
    ['pull-request', ['sha-5e7c3f1'], 'sha-5e7c3f1'],
    ['pull-request-target', ['sha-5e7c3f1'], 'sha-5e7c3f1'],
    ['schedule', ['sha-860c190'], 'sha-860c190'],
    ['workflow-dispatch', ['sha-860c190'], 'sha-860c190']
  ])('%s gives %j', (fixture, tags, version) => {
    expect(tagsFor(fixture)).toEqual({ tags, version })
  })
})

describe('each strategy alone', () => {
  test.each([
    ['semver', 'tag-stable', {}, ['1.2.3', '1.2', '1']],
    ['semver', 'tag-zero', {}, ['0.4.1', '0.4']],
    ['semver', 'tag-zero', { 'semver-major-zero': 'true' }, ['0.4.1', '0.4', '0']],
    ['semver', 'tag-rc', {}, ['2.0.0-rc.1']],
    ['semver', 'push-main', {}, []],
    ['semver', 'tag-stable', { 'semver-prefix': 'release-' }, []],
    ['semver', 'tag-no-prefix', { 'semver-prefix': 'release-' }, ['1.2.3', '1.2', '1']],
    ['latest', 'tag-stable', {}, ['latest']],
    ['latest', 'tag-rc', {}, []],
    ['latest', 'push-main', {}, []],
    ['latest', 'push-main', { 'latest-on-default-branch': 'true' }, ['latest']],
    ['latest', 'push-feature', { 'latest-on-default-branch': 'true' }, []],
    ['dev', 'push-main', {}, ['dev']],
    ['dev', 'push-develop', {}, []],
    ['dev', 'push-develop', { 'dev-branch': 'develop' }, ['dev']],
    ['dev', 'push-main', { 'dev-branch': 'develop' }, []],
    ['dev', 'workflow-dispatch', {}, []],
    ['dev', 'pull-request-target', {}, []],
    ['staging', 'push-staging', {}, ['staging']],
    ['staging', 'push-release-branch', {}, []],
    ['staging', 'push-release-branch', { 'staging-branches': 'staging, release/*' }, ['staging']],
    ['staging', 'push-feature', { 'staging-branches': 'feature' }, []],
    ['staging', 'push-feature', { 'staging-branches': 'feature/*' }, ['staging']],
    ['staging', 'push-feature', { 'staging-branches': 'feature*' }, []],
    ['staging', 'push-feature', { 'staging-branches': 'feature**' }, ['staging']],
    ['staging', 'tag-rc', {}, ['rc', 'staging']],
    ['staging', 'tag-stable', {}, []],
    ['sha', 'push-main', {}, ['sha-860c190']],
    ['sha', 'push-main', { 'sha-length': '12', 'sha-prefix': 'git-' }, ['git-860c1904a1ce']],
    ['sha', 'pull-request', {}, ['sha-5e7c3f1']],
    ['sha', 'pull-request', { 'sha-pr-commit': 'merge' }, ['sha-a1b2c3d']],
    ['branch', 'push-feature', {}, ['feature-login-42']],
    ['branch', 'push-main', {}, ['main']],
    ['branch', 'tag-stable', {}, []],
    ['branch', 'pull-request', {}, []],
    ['branch', 'schedule', {}, []],
    ['pr', 'pull-request', {}, ['pr-15']],
    ['pr', 'pull-request-target', {}, ['pr-16']],
    ['pr', 'push-main', {}, []],
    ['nightly', 'schedule', {}, ['nightly', 'nightly-20261123']],
    ['nightly', 'push-main', {}, []],
    ['raw', 'push-main', { 'raw-tags': 'stable, edge-2026' }, ['stable', 'edge-2026']]
  ])('%s on %s with %j gives %j', (strategy, fixture, inputs, tags) => {
    expect(tagsFor(fixture, { strategies: strategy, ...inputs }).tags).toEqual(tags)
  })
})

describe('reasons', () => {
  test('every tag says why it was chosen', () => {
    const parsed = parseInputs({ images: 'acme/app', push: 'false' })
    const set = computeTags(fixtureContext('tag-rc'), parsed.tags)
    expect(set.tags).toEqual([
      { value: '2.0.0-rc.1', reasons: ['semver: release v2.0.0-rc.1'] },
      {
        value: 'rc',
        reasons: ['staging: prerelease v2.0.0-rc.1 (channel rc)'],
        // the channel tag follows rc prereleases; tagship writes versions without the `v`
        floating: { kind: 'channel', version: '2.0.0-rc.1', prefix: '', suffix: '', channel: 'rc' }
      },
      { value: 'staging', reasons: ['staging: prerelease v2.0.0-rc.1'] },
      { value: 'sha-860c190', reasons: ['sha: commit 860c1904a1ce'] }
    ])
  })

  test('a tag asked for twice appears once with both reasons', () => {
    const parsed = parseInputs({
      images: 'acme/app',
      push: 'false',
      strategies: 'dev',
      'raw-tags': 'dev'
    })
    const set = computeTags(fixtureContext('push-main'), parsed.tags)
    expect(set.tags).toEqual([
      { value: 'dev', reasons: ['dev: push to development branch main', 'raw: listed in raw-tags'] }
    ])
  })
})
