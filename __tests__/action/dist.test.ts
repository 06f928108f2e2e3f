import { afterEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DIST, runActionStep } from '../../__fixtures__/action-runner.js'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { runnerFixture, SHA } from '../../__fixtures__/runner.js'

let files: RunnerFiles | undefined

afterEach(() => {
  files?.remove()
  files = undefined
})

/** Run a bundled entry exactly as the runner does: INPUT_* in, file commands out. */
async function runBundled(entry: 'main' | 'post', fixture: string, inputs: Record<string, string>) {
  files ??= runnerFiles()
  const { env } = runnerFixture(fixture)
  const logs = mkdtempSync(join(tmpdir(), 'tagship-dist-test-'))
  try {
    const run = await runActionStep(
      entry,
      { PATH: process.env.PATH ?? '', ...env, ...files.env, ...inputEnv(inputs) },
      files,
      { stdoutPath: join(logs, 'stdout'), stderrPath: join(logs, 'stderr') }
    )
    return { status: run.status, stdout: run.stdout, stderr: run.stderr }
  } finally {
    rmSync(logs, { recursive: true, force: true })
  }
}

const PLAN_ONLY = { images: 'docker.io/acme/app', push: 'false' }

describe('the bundled action, run as the runner runs it', () => {
  test('v1.2.3 gives exactly 1.2.3, 1.2, 1, latest and sha-<7> on the target', async () => {
    const run = await runBundled('main', 'tag-stable', PLAN_ONLY)
    expect(run.status).toBe(0)
    const out = files!.outputs()
    expect(out.tags!.split('\n')).toEqual([
      'docker.io/acme/app:1.2.3',
      'docker.io/acme/app:1.2',
      'docker.io/acme/app:1',
      `docker.io/acme/app:sha-${SHA.slice(0, 7)}`,
      'docker.io/acme/app:latest'
    ])
    expect(out.version).toBe('1.2.3')
    expect(out.digest).toBe('')
    const created = JSON.parse(out.json!).labels['org.opencontainers.image.created'] as string
    expect(new Date(created).toISOString()).toBe(created)
    expect(out.labels!.split('\n')).toEqual([
      `org.opencontainers.image.created=${created}`,
      'org.opencontainers.image.description=The Acme app',
      'org.opencontainers.image.licenses=MIT',
      `org.opencontainers.image.revision=${SHA}`,
      'org.opencontainers.image.source=https://github.com/acme/app',
      'org.opencontainers.image.title=app',
      'org.opencontainers.image.url=https://github.com/acme/app',
      'org.opencontainers.image.version=1.2.3'
    ])
    expect(out.annotations!.split('\n')[0]).toBe(
      `manifest:org.opencontainers.image.created=${created}`
    )
    expect(out.annotations!.split('\n')).toHaveLength(8)
    const json = JSON.parse(out.json!)
    expect(json.tags).toEqual(out.tags!.split('\n'))
    expect(
      json.targets[0].tags.map((t: { tag: string; result: string }) => [t.tag, t.result])
    ).toEqual([
      ['1.2.3', 'planned'],
      ['1.2', 'planned'],
      ['1', 'planned'],
      [`sha-${SHA.slice(0, 7)}`, 'planned'],
      ['latest', 'planned']
    ])
    expect(files!.summary()).toContain(
      '| `docker.io/acme/app` | `latest` | latest: stable release v1.2.3 |'
    )
  })

  test('v2.0.0-rc.1 gives 2.0.0-rc.1, rc, staging and sha-<7>, and no latest, 2 or 2.0', async () => {
    const run = await runBundled('main', 'tag-rc', PLAN_ONLY)
    expect(run.status).toBe(0)
    expect(files!.outputs().tags!.split('\n')).toEqual([
      'docker.io/acme/app:2.0.0-rc.1',
      'docker.io/acme/app:rc',
      'docker.io/acme/app:staging',
      `docker.io/acme/app:sha-${SHA.slice(0, 7)}`
    ])
  })

  test.each([
    [
      { images: 'docker.io/acme/app:1' },
      'images: "docker.io/acme/app:1" has a tag: give the repository only, e.g. "docker.io/acme/app" (tags are computed)'
    ],
    [
      { strategies: 'semver,lastest' },
      'strategies: unknown strategy "lastest": did you mean "latest"?'
    ],
    [
      { tags: 'type=semver,patern={{version}}' },
      'tags: line 1 "type=semver,patern={{version}}": unknown attribute "patern" for type=semver: did you mean "pattern"?'
    ]
  ])('invalid input %j fails the step with one line and an empty plan', async (bad, message) => {
    const run = await runBundled('main', 'tag-stable', { ...PLAN_ONLY, ...bad })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe(`::error::${message}\n`)
    expect(files!.outputs()).toEqual({})
    expect(files!.summary()).toBe('')
  })

  test('push: true to Docker Hub without credentials fails before any network call', async () => {
    const run = await runBundled('main', 'tag-stable', {
      images: 'acme/app',
      source: 'acme/app:build'
    })
    expect(run.status).toBe(1)
    expect(run.stdout.trim().split('\n').pop()).toBe(
      '::error::images: docker.io is Docker Hub and no credentials were given for it: set dockerhub-username and dockerhub-token (an access token with Read & Write) or dockerhub-oidc-connection-id (GitHub OIDC, with permissions: id-token: write), or add it to registry-auth'
    )
    expect(files!.outputs()).toEqual({})
  })

  test('the post step runs and succeeds', async () => {
    const run = await runBundled('post', 'tag-stable', PLAN_ONLY)
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('tagship: nothing to clean up (no docker login was made)\n')
  })

  // Every job pays the post step's start-up: it is one file of tagship's own
  // code, without @actions/core (whose HTTP client was 490 KB of it) or @actions/exec.
  test('the post step is one small file, with no chunk and no third-party code', () => {
    expect(readdirSync(join(DIST, 'post')).sort()).toEqual(['index.js', 'package.json'])
    expect(statSync(join(DIST, 'post', 'index.js')).size).toBeLessThan(32 * 1024)
  })
})

test('a repository written with capitals is lowercased, with one notice', async () => {
  const run = await runBundled('main', 'tag-stable', { images: 'ghcr.io/Acme/App', push: 'false' })
  expect(run.status).toBe(0)
  expect(run.stdout.split('\n').filter((l) => l.startsWith('::notice::'))).toEqual([
    '::notice::images: "ghcr.io/Acme/App" is used as "ghcr.io/acme/app" (repository names are lowercase)'
  ])
  expect(files!.outputs().tags!.split('\n')[0]).toBe('ghcr.io/acme/app:1.2.3')
})

test('sep-tags, sep-labels and sep-annotations join the list outputs, as metadata-action does', async () => {
  const inputs = { images: 'ghcr.io/acme/app', push: 'false', strategies: 'semver' }
  expect((await runBundled('main', 'tag-stable', inputs)).status).toBe(0)
  const lines = files!.outputs()
  files!.remove()
  files = undefined
  const run = await runBundled('main', 'tag-stable', {
    ...inputs,
    'sep-tags': ',',
    'sep-labels': ';',
    'sep-annotations': '|'
  })
  expect(run.status).toBe(0)
  const out = files!.outputs()
  expect(out.tags).toBe('ghcr.io/acme/app:1.2.3,ghcr.io/acme/app:1.2,ghcr.io/acme/app:1')
  // The same lines, joined otherwise (the run time in `created` aside).
  const timeless = (items: string[]) => items.filter((l) => !l.includes('image.created='))
  expect(timeless(out.labels!.split(';'))).toEqual(timeless(lines.labels!.split('\n')))
  expect(timeless(out.annotations!.split('|'))).toEqual(timeless(lines.annotations!.split('\n')))
  expect(lines.labels!.split('\n').length).toBeGreaterThan(3)
})
