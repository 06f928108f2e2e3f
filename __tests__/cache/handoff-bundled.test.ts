import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { runnerFixture, SHA } from '../../__fixtures__/runner.js'
import { startActionsCache, type ActionsCache } from '../../__fixtures__/services/actions-cache.js'
import { buildScratchImage, docker, dockerOk } from '../../__fixtures__/services/docker-cli.js'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import {
  fileCommandTexts,
  leaks,
  runBundled,
  shownLines,
  type ActionRun
} from '../e2e/run-action.js'

/**
 * Build once, publish elsewhere: the bundled action (dist/main, as the runner
 * runs it) saves a built image through the Actions cache fixture in one job;
 * the image is then removed from the daemon; a second job, in another process
 * and another workspace, restores it and publishes it. skopeo must find the
 * exact image that was built (its config digest is the built image's ID) at
 * the digest the action reports. `npm run build` first.
 */
const alice = { username: 'alice', password: 'handoff-alice-secret' }
const cleanup = new Cleanup()
let daemon: DockerDaemon
let registry: Registry
let service: ActionsCache
let image: string
const jobs: Job[] = []

interface Job {
  readonly run: ActionRun
  readonly files: RunnerFiles
}

beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  registry = await startRegistry({ auth: 'htpasswd', users: [alice], record: true })
  cleanup.add(registry.stop)
  service = await startActionsCache()
  cleanup.add(service.stop)
  image = await buildScratchImage(daemon, 'tagship-cache/handoff:build', {
    'hello.txt': 'built once, published from another job\n'
  })
  cleanup.add(() => docker(daemon, ['image', 'rm', '--force', image]))
}, 180_000)

afterAll(() => cleanup.run(), 60_000)

/** One job: its own workspace (also its working directory and RUNNER_TEMP), as on a fresh runner. */
async function job(fixture: string, inputs: Record<string, string>): Promise<Job> {
  const files = runnerFiles()
  cleanup.add(() => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-cache-logs-'))
  cleanup.add(() => rmSync(logs, { recursive: true, force: true }))
  const env = {
    PATH: process.env.PATH ?? '',
    ...runnerFixture(fixture).env,
    ...files.env,
    GITHUB_WORKSPACE: files.dir,
    ...daemon.env,
    ...service.env,
    ...inputEnv(inputs)
  }
  const out = { stdoutPath: join(logs, 'stdout'), stderrPath: join(logs, 'stderr') }
  const done = { run: await runBundled('main', env, files, out), files }
  jobs.push(done)
  return done
}

const KEY = () => `tagship-image-${SHA}-${image.slice('sha256:'.length, 'sha256:'.length + 12)}`
const auth = () =>
  `- registry: ${registry.host}\n  username: alice\n  password: ${alice.password}\n`

describe('image hand-off through the Actions cache', () => {
  let saved: Job

  test('a save job stores the image under the default key and touches no registry', async () => {
    registry.clearRequests()
    saved = await job('push-main', { cache: 'save', source: 'tagship-cache/handoff:build' })
    expect(saved.run.status).toBe(0)
    expect(saved.files.outputs()).toEqual({ 'cache-key': KEY() })
    expect(shownLines(saved.run.stdout)).toContain(`Saved ${image} as ${KEY()}`)
    expect(service.entries()).toEqual([expect.objectContaining({ key: KEY(), finalized: true })])
    expect(registry.requests()).toEqual([])
    // The library compressed the docker-archive tar with zstd (it is on PATH here, as on GitHub's runners).
    expect((await service.archive(KEY())).subarray(0, 4).toString('hex')).toBe('28b52ffd')
    expect(saved.files.summary()).toBe(
      `### tagship\n\nImage \`${image}\` handed off as cache key \`${KEY()}\`.\n`
    )
  })

  test('a re-run of the save job keeps the entry and gives the same key', async () => {
    const again = await job('push-main', { cache: 'save', source: image })
    expect(again.run.status).toBe(0)
    expect(again.files.outputs()).toEqual({ 'cache-key': KEY() })
    expect(shownLines(again.run.stdout)).toContain(
      `${KEY()} is already in the Actions cache (an earlier run of this job saved it): kept`
    )
    expect(service.entries()).toHaveLength(1)
  })

  test('a restore job with a fresh daemon state loads it and publishes the exact image', async () => {
    await dockerOk(daemon, ['image', 'rm', '--force', 'tagship-cache/handoff:build', image])
    expect((await docker(daemon, ['image', 'inspect', image])).code).toBe(1)
    const target = `${registry.host}/acme/app`
    const restored = await job('tag-stable', {
      cache: 'restore',
      'cache-key': KEY(),
      images: target,
      strategies: 'semver',
      'registry-auth': auth()
    })
    expect(restored.run.status).toBe(0)
    const outputs = restored.files.outputs()
    expect(outputs['cache-key']).toBe(KEY())
    expect(outputs.tags).toBe([`${target}:1.2.3`, `${target}:1.2`, `${target}:1`].join('\n'))
    const creds = alice
    for (const tag of ['1.2.3', '1.2', '1'])
      expect(await inspectDigest(`${target}:${tag}`, { creds })).toBe(outputs.digest)
    const manifest = JSON.parse((await inspectRaw(`${target}:1.2.3`, { creds })).toString()) as {
      config: { digest: string }
    }
    expect(manifest.config.digest).toBe(image)
    expect(
      (await dockerOk(daemon, ['image', 'inspect', '--format', '{{.Id}}', image])).stdout.trim()
    ).toBe(image)
  })

  test('promote on tag: a restore with no cache-key finds the image saved for the commit', async () => {
    const target = `${registry.host}/acme/promoted`
    const promoted = await job('tag-stable', {
      cache: 'restore',
      images: target,
      strategies: 'latest',
      'registry-auth': auth()
    })
    expect(promoted.run.status).toBe(0)
    expect(promoted.files.outputs()['cache-key']).toBe(KEY())
    expect(await inspectDigest(`${target}:latest`, { creds: alice })).toBe(
      promoted.files.outputs().digest
    )
  })

  test('a missing entry fails with one error naming the key and the fix, before any registry request', async () => {
    registry.clearRequests()
    const missing = await job('tag-stable', {
      cache: 'restore',
      'cache-key': 'tagship-image-nothing-here',
      images: `${registry.host}/acme/app`,
      'registry-auth': auth()
    })
    expect(missing.run.status).toBe(1)
    expect(missing.run.stdout).toContain(
      '::error::cache-key: no image in the Actions cache under "tagship-image-nothing-here": ' +
        'run the job with cache: save first and pass its cache-key output here; a run reads only the caches of its own branch and of the default branch\n'
    )
    expect(registry.requests()).toEqual([])
    expect(missing.files.outputs()).toEqual({})
  })

  test('no image saved for the commit: the error names the commit', async () => {
    const missing = await job('pull-request', {
      cache: 'restore',
      images: `${registry.host}/acme/app`,
      'registry-auth': auth()
    })
    expect(missing.run.status).toBe(1)
    const sha = runnerFixture('pull-request').env.GITHUB_SHA
    expect(missing.run.stdout).toContain(
      `::error::cache-key: no image in the Actions cache under "tagship-image-${sha}-": ` +
        `no image was saved for commit ${sha}: run a job with cache: save on this commit first, or set cache-key to the save step's cache-key output\n`
    )
  })

  test('no job showed the runtime token, a password or a signed URL’s signature', () => {
    const secrets: Record<string, string> = {
      'runtime token': service.env.ACTIONS_RUNTIME_TOKEN,
      password: alice.password
    }
    service.signatures().forEach((sig, i) => (secrets[`signature ${i}`] = sig))
    expect(jobs.length).toBe(6)
    // save, the re-run's lookup, restore, promote: one signed URL each
    expect(service.signatures()).toHaveLength(4)
    const found = jobs.flatMap(({ run, files }, i) =>
      leaks(secrets, {
        [`job ${i} log`]: shownLines(run.stdout).join('\n'),
        [`job ${i} stderr`]: run.stderr,
        [`job ${i} command lines`]: run.cmdlines.map((c) => c.join(' ')).join('\n'),
        ...Object.fromEntries(
          Object.entries(fileCommandTexts(files)).map(([k, v]) => [`job ${i} ${k}`, v])
        )
      })
    )
    expect(found).toEqual([])
  })
})
