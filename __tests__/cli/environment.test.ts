import { describe, expect, test } from '@jest/globals'
import { PR_HEAD_SHA, PR_MERGE_SHA, runnerFixture, SHA } from '../../__fixtures__/runner.js'
import { lines, runCli } from './run-cli.js'

const PLAN = ['plan', '--image', 'docker.io/acme/app']
const SHA_TAG = '  sha-860c190  sha: commit 860c1904a1ce'

describe('GitHub Actions: GITHUB_* variables and the event payload', () => {
  const github = (fixture: string, ...flags: string[]) =>
    runCli([...PLAN, ...flags], runnerFixture(fixture).env)

  test.each([
    [
      'tag-stable',
      [
        'version: 1.2.3',
        'docker.io/acme/app',
        '  1.2.3        semver: release v1.2.3',
        '  1.2          semver: release v1.2.3',
        '  1            semver: release v1.2.3',
        SHA_TAG,
        '  latest       latest: stable release v1.2.3'
      ]
    ],
    [
      'push-main',
      [
        'version: dev',
        'docker.io/acme/app',
        '  dev          dev: push to development branch main',
        SHA_TAG
      ]
    ],
    [
      'pull-request',
      [
        'version: sha-5e7c3f1',
        'docker.io/acme/app',
        '  sha-5e7c3f1  sha: pull request head commit 5e7c3f1c6a0d'
      ]
    ],
    ['schedule', ['version: sha-860c190', 'docker.io/acme/app', SHA_TAG]]
  ])('%s', async (fixture, expected) => {
    expect(await github(fixture)).toEqual({ code: 0, stdout: lines(...expected), stderr: '' })
  })

  test('the repository in the payload gives the labels', async () => {
    const plan = JSON.parse((await github('release', '--json')).stdout) as { labels: unknown }
    expect(plan.labels).toEqual({
      'org.opencontainers.image.created': '2026-11-23T08:30:00.000Z',
      'org.opencontainers.image.description': 'The Acme app',
      'org.opencontainers.image.licenses': 'MIT',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.source': 'https://github.com/acme/app',
      'org.opencontainers.image.title': 'app',
      'org.opencontainers.image.url': 'https://github.com/acme/app',
      'org.opencontainers.image.version': '1.3.0'
    })
  })

  test.each([
    [
      'push-main',
      ['--ref', 'refs/tags/v1.3.0', '--strategies', 'semver'],
      [
        'version: 1.3.0',
        '  1.3.0  semver: release v1.3.0',
        '  1.3    semver: release v1.3.0',
        '  1      semver: release v1.3.0'
      ]
    ],
    [
      'push-main',
      ['--sha', PR_HEAD_SHA],
      [
        'version: dev',
        '  dev          dev: push to development branch main',
        '  sha-5e7c3f1  sha: commit 5e7c3f1c6a0d'
      ]
    ],
    [
      'push-develop',
      ['--default-branch', 'develop'],
      ['version: dev', '  dev          dev: push to development branch develop', SHA_TAG]
    ],
    [
      'pull-request',
      ['--pr-head-sha', SHA, '--strategies', 'pr,sha'],
      [
        'version: pr-15',
        '  pr-15        pr: pull request #15',
        '  sha-860c190  sha: pull request head commit 860c1904a1ce'
      ]
    ],
    [
      'push-main',
      ['--pr-number', '7', '--strategies', 'pr,sha'],
      ['version: pr-7', '  pr-7         pr: pull request #7', SHA_TAG]
    ],
    [
      'tag-stable',
      ['--event', 'workflow_dispatch', '--strategies', 'dev,sha'],
      ['version: sha-860c190', SHA_TAG]
    ]
  ])('on %s, flags %j win', async (fixture, flags, [version, ...tags]) => {
    expect(await github(fixture, ...flags)).toEqual({
      code: 0,
      stdout: lines(version!, 'docker.io/acme/app', ...tags),
      stderr: ''
    })
  })

  test('an error names the variable; the flag that replaces it fixes it', async () => {
    const env = { ...runnerFixture('push-main').env, GITHUB_SHA: '860c190' }
    expect(await runCli(PLAN, env)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'tagship: GITHUB_SHA: "860c190" is not a full commit sha: give the 40 lowercase hex digits\n'
    })
    expect((await runCli([...PLAN, '--sha', SHA], env)).code).toBe(0)
  })

  test('an unreadable payload file is named', async () => {
    const env = { ...runnerFixture('push-main').env, GITHUB_EVENT_PATH: '/nonexistent/event.json' }
    expect(await runCli(PLAN, env)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'tagship: GITHUB_EVENT_PATH: "/nonexistent/event.json" cannot be read (ENOENT): point it at the event payload file or unset it\n'
    })
  })
})

describe('GitLab CI: predefined CI_* variables', () => {
  const PROJECT = {
    GITLAB_CI: 'true',
    CI_COMMIT_SHA: SHA,
    CI_DEFAULT_BRANCH: 'main',
    CI_PROJECT_NAME: 'app',
    CI_PROJECT_URL: 'https://gitlab.example.com/acme/app',
    CI_COMMIT_TIMESTAMP: '2026-11-20T10:11:12+01:00'
  }
  const TAG_PIPELINE = {
    ...PROJECT,
    CI_PIPELINE_SOURCE: 'push',
    CI_COMMIT_TAG: 'v1.2.3',
    CI_COMMIT_REF_NAME: 'v1.2.3'
  }
  const BRANCH_PIPELINE = {
    ...PROJECT,
    CI_PIPELINE_SOURCE: 'push',
    CI_COMMIT_BRANCH: 'main',
    CI_COMMIT_REF_NAME: 'main'
  }
  const MR_PIPELINE = {
    ...PROJECT,
    CI_COMMIT_SHA: PR_MERGE_SHA,
    CI_PIPELINE_SOURCE: 'merge_request_event',
    CI_COMMIT_REF_NAME: 'feature/login',
    CI_MERGE_REQUEST_IID: '12',
    CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: 'feature/login',
    CI_MERGE_REQUEST_SOURCE_BRANCH_SHA: PR_HEAD_SHA,
    CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main'
  }
  const SCHEDULE_PIPELINE = { ...BRANCH_PIPELINE, CI_PIPELINE_SOURCE: 'schedule' }

  test('a tag pipeline is a release, with the project in the labels', async () => {
    const run = await runCli([...PLAN, '--strategies', 'semver', '--json'], TAG_PIPELINE)
    const plan = JSON.parse(run.stdout) as { tags: unknown; labels: unknown }
    expect(plan.tags).toEqual([
      'docker.io/acme/app:1.2.3',
      'docker.io/acme/app:1.2',
      'docker.io/acme/app:1'
    ])
    expect(plan.labels).toEqual({
      'org.opencontainers.image.created': '2026-11-23T08:30:00.000Z',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.source': 'https://gitlab.example.com/acme/app',
      'org.opencontainers.image.title': 'app',
      'org.opencontainers.image.url': 'https://gitlab.example.com/acme/app',
      'org.opencontainers.image.version': '1.2.3'
    })
  })

  test.each([
    [
      'a branch pipeline on the default branch',
      BRANCH_PIPELINE,
      [],
      ['version: dev', '  dev          dev: push to development branch main', SHA_TAG]
    ],
    [
      'its commit time',
      BRANCH_PIPELINE,
      ['--tags', "type=raw,value={{commit_date 'YYYYMMDD-HHmmss'}}"],
      ['version: 20261120-091112', '  20261120-091112  tags line 1: type=raw, raw value']
    ],
    [
      'a merge request pipeline',
      MR_PIPELINE,
      ['--strategies', 'pr,sha', '--tags', 'type=raw,value=into-{{base_ref}}'],
      [
        'version: pr-12',
        '  pr-12        pr: pull request #12',
        '  into-main    tags line 1: type=raw, raw value',
        '  sha-5e7c3f1  sha: pull request head commit 5e7c3f1c6a0d'
      ]
    ],
    [
      'a merge request pipeline with a flag that does not touch the pull request',
      MR_PIPELINE,
      ['--default-branch', 'trunk'],
      ['version: sha-5e7c3f1', '  sha-5e7c3f1  sha: pull request head commit 5e7c3f1c6a0d']
    ],
    [
      'a scheduled pipeline',
      SCHEDULE_PIPELINE,
      ['--strategies', 'nightly,dev,sha'],
      [
        'version: nightly',
        '  nightly           nightly: scheduled run on 2026-11-23',
        '  nightly-20261123  nightly: scheduled run on 2026-11-23',
        '  sha-860c190       sha: commit 860c1904a1ce'
      ]
    ],
    [
      'a job without CI_COMMIT_SHA, given --sha',
      { ...BRANCH_PIPELINE, CI_COMMIT_SHA: undefined },
      ['--sha', PR_HEAD_SHA, '--ref', 'refs/heads/staging'],
      [
        'version: staging',
        '  staging      staging: push to staging branch staging',
        '  sha-5e7c3f1  sha: commit 5e7c3f1c6a0d'
      ]
    ]
  ])('%s', async (_name, env, flags, [version, ...tags]) => {
    expect(await runCli([...PLAN, ...flags], env)).toEqual({
      code: 0,
      stdout: lines(version!, 'docker.io/acme/app', ...tags),
      stderr: ''
    })
  })

  test('an error names the variable', async () => {
    expect(await runCli(PLAN, { ...BRANCH_PIPELINE, CI_COMMIT_SHA: undefined })).toEqual({
      code: 2,
      stdout: '',
      stderr: "tagship: CI_COMMIT_SHA: is empty: give the commit's 40 hex digits\n"
    })
  })
})

describe('no CI environment: the flags alone', () => {
  test.each([
    [{}, []],
    [{ CI_COMMIT_TAG: 'v1.2.3', CI_COMMIT_SHA: SHA, GITLAB_CI: 'false' }, []],
    [{ GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: SHA }, ['--sha', SHA]]
  ])('%j %j asks for --ref', async (env, flags) => {
    expect(await runCli([...PLAN, ...flags], env)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'tagship: --ref: is empty: give the full git ref, e.g. refs/heads/main or refs/tags/v1.2.3\n'
    })
  })

  test('then for --sha', async () => {
    expect((await runCli([...PLAN, '--ref', 'refs/heads/main'], {})).stderr).toBe(
      "tagship: --sha: is empty: give the commit's 40 hex digits\n"
    )
  })

  test('then plans a push, with no repository labels', async () => {
    const run = await runCli([...PLAN, '--ref', 'refs/heads/main', '--sha', SHA, '--json'], {})
    const plan = JSON.parse(run.stdout) as { tags: unknown; labels: unknown }
    expect(plan.tags).toEqual(['docker.io/acme/app:sha-860c190'])
    expect(plan.labels).toEqual({
      'org.opencontainers.image.created': '2026-11-23T08:30:00.000Z',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.version': 'sha-860c190'
    })
  })
})
