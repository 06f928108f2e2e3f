import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildahArchive, sha256, skopeoRaw } from '../../__fixtures__/archives.js'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { writesOf } from '../../__fixtures__/publish.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { formatBytes } from '../../src/distribution/copy.js'
import { postStateEnv, runBundled, shownLines, type ActionRun } from './run-action.js'

/**
 * The README's quick start, end to end, as the runner runs the bundled
 * action: a two-platform OCI archive (built here by buildah, as buildx's
 * type=oci output would be) published with no Docker daemon to three
 * registries (no auth, Basic, Bearer). skopeo finds the archive's index, both
 * platforms, on every tag; a re-run writes nothing.
 */
const user = { username: 'ci', password: 'e2e-archive-secret' }
const cleanup = new Cleanup()
let open: Registry
let basic: Registry
let token: Registry
let dir: string
let archive: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tagship-e2e-archive-'))
  cleanup.add(async () => rmSync(dir, { recursive: true, force: true }))
  ;[open, basic, token] = await Promise.all([
    startRegistry({ auth: 'none' }),
    startRegistry({ auth: 'htpasswd', users: [user] }),
    startRegistry({ auth: 'token', users: [user] })
  ])
  for (const r of [open, basic, token]) cleanup.add(r.stop)
  archive = (await buildahArchive(dir)).archive
}, 120_000)

afterAll(() => cleanup.run(), 30_000)

interface Run {
  readonly files: RunnerFiles
  readonly main: ActionRun
  readonly post: ActionRun
}

async function runAction(inputs: Record<string, string>): Promise<Run> {
  const files = runnerFiles()
  cleanup.add(async () => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-archive-logs-'))
  cleanup.add(async () => rmSync(logs, { recursive: true, force: true }))
  const out = (step: string) => ({
    stdoutPath: join(logs, `${step}.stdout`),
    stderrPath: join(logs, `${step}.stderr`)
  })
  const auth = (r: Registry) =>
    `- registry: ${r.host}\n  username: ${user.username}\n  password: ${user.password}\n`
  // No DOCKER_HOST, and no docker on PATH: nothing here may need a daemon.
  const env = {
    PATH: '/nonexistent',
    ...runnerFixture('tag-stable').env,
    ...files.env,
    ...inputEnv({
      images: targets().join('\n'),
      strategies: 'semver, latest',
      'registry-auth': auth(basic) + auth(token),
      ...inputs
    })
  }
  const main = await runBundled('main', env, files, out('main'))
  const post = await runBundled('post', { ...env, ...postStateEnv(files) }, files, out('post'))
  return { files, main, post }
}

const targets = () => [`${open.host}/acme/app`, `${basic.host}/acme/app`, `${token.host}/acme/app`]
const TAGS = ['1.2.3', '1.2', '1', 'latest']
const creds = (reference: string) => (reference.startsWith(open.host) ? {} : { creds: user })

describe('the quick start: an OCI archive to three registries, no daemon', () => {
  let first: Run
  let raw: Buffer
  beforeAll(async () => {
    raw = await skopeoRaw(`oci-archive:${archive}`, dir)
    for (const r of [open, basic, token]) r.clearRequests()
    first = await runAction({ source: `oci-archive:${archive}` })
  }, 120_000)

  test('main and post succeed, nothing on stderr', () => {
    expect({ main: first.main.status, post: first.post.status, stderr: first.main.stderr }).toEqual(
      { main: 0, post: 0, stderr: '' }
    )
  })

  test('the digest output is the archive’s index digest, and skopeo finds that index on every tag', async () => {
    const outputs = first.files.outputs()
    expect(outputs.digest).toBe(sha256(raw))
    expect(outputs.tags!.split('\n')).toEqual(
      targets().flatMap((t) => TAGS.map((tag) => `${t}:${tag}`))
    )
    const index = JSON.parse(raw.toString()) as {
      manifests: { digest: string; platform: { os: string; architecture: string } }[]
    }
    // buildah builds the platforms in parallel: either may come first.
    expect(
      index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`).sort()
    ).toEqual(['linux/amd64', 'linux/arm64'])
    for (const reference of outputs.tags!.split('\n')) {
      expect((await inspectRaw(reference, creds(reference))).equals(raw)).toBe(true)
      const repo = reference.slice(0, reference.lastIndexOf(':'))
      for (const m of index.manifests)
        expect(await inspectDigest(`${repo}@${m.digest}`, creds(reference))).toBe(m.digest)
    }
  })

  test('the log names the source, its platforms and what each registry received', async () => {
    // Every config and layer of both platforms, as the registry now holds them.
    let blobBytes = 0
    for (const m of (JSON.parse(raw.toString()) as { manifests: { digest: string }[] }).manifests) {
      const child = JSON.parse(
        (await inspectRaw(`${open.host}/acme/app@${m.digest}`)).toString()
      ) as { config: { size: number }; layers: { size: number }[] }
      blobBytes += child.config.size + child.layers.reduce((n, l) => n + l.size, 0)
    }
    const lines = shownLines(first.main.stdout)
    expect(lines).toContain(`::group::Read the source oci-archive:${archive}`)
    const index = JSON.parse(raw.toString()) as {
      manifests: { platform: { os: string; architecture: string } }[]
    }
    const platforms = index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`)
    expect(lines).toContain(`platforms: ${platforms.join(', ')}`)
    expect(lines.filter((l) => l.startsWith('blobs: '))).toEqual(
      Array(3).fill(
        `blobs: 4 uploaded (${formatBytes(blobBytes)}), 0 mounted, 0 already there; manifests: 2 written, 0 already there`
      )
    )
  })

  test('a re-run writes nothing anywhere', async () => {
    for (const r of [open, basic, token]) r.clearRequests()
    const again = await runAction({ source: `oci-archive:${archive}` })
    expect(again.main.status).toBe(0)
    for (const r of [open, basic, token]) expect(writesOf(r.requests())).toEqual([])
    const json = JSON.parse(again.files.outputs().json!) as {
      targets: { tags: { result: string }[] }[]
    }
    expect(json.targets.flatMap((t) => t.tags.map((x) => x.result))).toEqual(
      Array(12).fill('already there')
    )
  }, 120_000)
})

describe('a plan with no tag for the event', () => {
  test('publishes nothing, contacts no registry, and says so once', async () => {
    for (const r of [open, basic, token]) r.clearRequests()
    const run = await runAction({
      source: `oci-archive:${archive}`,
      strategies: '',
      tags: 'type=raw,value=never,enable=false'
    })
    expect({ main: run.main.status, stderr: run.main.stderr }).toEqual({ main: 0, stderr: '' })
    expect(shownLines(run.main.stdout).filter((l) => l.startsWith('::notice::'))).toEqual([
      '::notice::no tag for this event: nothing to publish, and no registry was contacted'
    ])
    for (const r of [open, basic, token]) expect(r.requests()).toEqual([])
    expect(run.files.outputs().tags).toBe('')
  }, 60_000)

  test('every image switched off with enable=false: the same, said so', async () => {
    for (const r of [open, basic, token]) r.clearRequests()
    const run = await runAction({
      source: `oci-archive:${archive}`,
      images: targets()
        .map((t) => `name=${t},enable=false`)
        .join('\n')
    })
    expect(run.main.status).toBe(0)
    expect(shownLines(run.main.stdout).filter((l) => l.startsWith('::notice::'))).toEqual([
      '::notice::no image is enabled for this event: nothing to publish, and no registry was contacted'
    ])
    for (const r of [open, basic, token]) expect(r.requests()).toEqual([])
  }, 60_000)
})
