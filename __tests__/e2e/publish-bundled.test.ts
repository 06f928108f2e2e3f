import { readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { writesOf } from '../../__fixtures__/publish.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { buildScratchImage } from '../../__fixtures__/services/docker-cli.js'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { postStateEnv, runBundled, shownLines, type ActionRun } from './run-action.js'

/**
 * The bundled action as the runner runs it (main, then post) publishes a
 * local image to three targets on two registries (htpasswd and token auth);
 * its outputs must say exactly what skopeo then finds there. A target the
 * credentials may not write stops the run before any write.
 */
const alice = { username: 'alice', password: 'e2e-publish-alice-secret' }
const carol = { username: 'carol', password: 'e2e-publish-carol-secret', repositories: ['team/*'] }
const cleanup = new Cleanup()
let daemon: DockerDaemon
let basic: Registry
let token: Registry
let image: string

interface Run {
  readonly files: RunnerFiles
  readonly main: ActionRun
  readonly post: ActionRun
}

beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  basic = await startRegistry({ auth: 'htpasswd', users: [alice] })
  cleanup.add(basic.stop)
  token = await startRegistry({ auth: 'token', users: [alice, carol] })
  cleanup.add(token.stop)
  image = await buildScratchImage(daemon, 'tagship-e2e/publish:build', {
    'hello.txt': 'published by the bundled action\n'
  })
}, 120_000)

afterAll(() => cleanup.run(), 30_000)

async function runAction(targets: string[], tokenUser: typeof alice): Promise<Run> {
  const files = runnerFiles()
  cleanup.add(() => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-logs-'))
  cleanup.add(() => rmSync(logs, { recursive: true, force: true }))
  const out = (step: string) => ({
    stdoutPath: join(logs, `${step}.stdout`),
    stderrPath: join(logs, `${step}.stderr`)
  })
  const auth = (r: Registry, u: typeof alice) =>
    `- registry: ${r.host}\n  username: ${u.username}\n  password: ${u.password}\n`
  const env = {
    PATH: process.env.PATH ?? '',
    ...runnerFixture('tag-stable').env,
    ...files.env,
    ...daemon.env,
    ...inputEnv({
      source: image,
      images: targets.join('\n'),
      strategies: 'semver, latest',
      'registry-auth': auth(basic, alice) + auth(token, tokenUser)
    })
  }
  const main = await runBundled('main', env, files, out('main'))
  const post = await runBundled('post', { ...env, ...postStateEnv(files) }, files, out('post'))
  return { files, main, post }
}

const TAGS = ['1.2.3', '1.2', '1', 'latest']

describe('three targets on two registries', () => {
  let run: Run
  let targets: string[]
  beforeAll(async () => {
    targets = [`${basic.host}/team/app`, `${basic.host}/team/mirror`, `${token.host}/acme/app`]
    run = await runAction(targets, alice)
  }, 120_000)

  test('main and post succeed', () => {
    expect({ main: run.main.status, post: run.post.status, stderr: run.main.stderr }).toEqual({
      main: 0,
      post: 0,
      stderr: ''
    })
  })

  test('the digest and tags outputs are what skopeo finds in the registries', async () => {
    const outputs = run.files.outputs()
    expect(outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(outputs.tags!.split('\n')).toEqual(
      targets.flatMap((t) => TAGS.map((tag) => `${t}:${tag}`))
    )
    for (const reference of outputs.tags!.split('\n'))
      expect(await inspectDigest(reference, { creds: alice })).toBe(outputs.digest)
  })

  test('the json output gives every tag its result', () => {
    const json = JSON.parse(run.files.outputs().json!) as {
      digest: string
      targets: { repository: string; tags: { tag: string; result: string }[] }[]
    }
    expect(json.digest).toBe(run.files.outputs().digest)
    expect(
      json.targets.map((t) => ({
        repository: t.repository,
        tags: t.tags.map((x) => `${x.tag} ${x.result}`)
      }))
    ).toEqual(targets.map((repository) => ({ repository, tags: TAGS.map((t) => `${t} pushed`) })))
  })

  test('the log shows one docker save, the layers compressed once, no docker push, and the tally', () => {
    const lines = shownLines(run.main.stdout)
    expect(lines.filter((l) => /^The push refers to repository/.test(l))).toEqual([])
    expect(lines.filter((l) => l.startsWith('docker save '))).toEqual([
      expect.stringMatching(new RegExp(`^docker save ${image}: \\d+\\.\\d s$`))
    ])
    expect(lines.filter((l) => / compressed once /.test(l))).toEqual([
      expect.stringMatching(
        /^1 layer\(s\) compressed once for every registry: 2\.0 KiB to \d+ B in \d+\.\d s$/
      )
    ])
    // Uploaded once per registry; the second repository on a registry mounts.
    expect(lines.filter((l) => l.startsWith('blobs: '))).toEqual([
      expect.stringMatching(
        /^blobs: 2 uploaded \(.+\), 0 mounted, 0 already there; manifests: 0 written, 0 already there$/
      ),
      'blobs: 0 uploaded (0 B), 2 mounted, 0 already there; manifests: 0 written, 0 already there',
      expect.stringMatching(
        /^blobs: 2 uploaded \(.+\), 0 mounted, 0 already there; manifests: 0 written, 0 already there$/
      )
    ])
    expect(lines.at(-1)).toBe('12 tags on 3 targets: 12 pushed')
  })

  test('the saved tar and the compressed layers are gone from RUNNER_TEMP after main', () => {
    const left = readdirSync(run.files.env.RUNNER_TEMP!).filter((n) =>
      /^tagship-(?:save|gzip)-/.test(n)
    )
    expect(left).toEqual([])
  })

  test('what landed is the local image: its config, its layers gzip-compressed, on every registry', async () => {
    const digest = run.files.outputs().digest!
    const raws = await Promise.all(
      targets.map((t) => inspectRaw(`${t}@${digest}`, { creds: alice }))
    )
    const manifest = JSON.parse(raws[0]!.toString('utf8')) as {
      mediaType: string
      config: { digest: string }
      layers: { mediaType: string }[]
    }
    expect(raws.map((r) => r.equals(raws[0]!))).toEqual([true, true, true])
    expect({
      mediaType: manifest.mediaType,
      config: manifest.config.digest,
      layers: manifest.layers.map((l) => l.mediaType)
    }).toEqual({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: image,
      layers: ['application/vnd.oci.image.layer.v1.tar+gzip']
    })
  })
})

describe('a target the credentials may not write', () => {
  test('fails before the first write, on every registry', async () => {
    basic.clearRequests()
    token.clearRequests()
    const targets = [`${basic.host}/team/refused`, `${token.host}/other/app`]
    const run = await runAction(targets, carol)
    expect(run.main.status).toBe(1)
    const errors = shownLines(run.main.stdout).filter((l) => l.startsWith('::error::'))
    expect(errors).toEqual([
      `::error::listing tags of ${token.host}/other/app failed: UNAUTHORIZED (HTTP 401): the registry refused the credentials for other/app: check them and their access to this repository; nothing was pushed`
    ])
    expect(writesOf(basic.requests())).toEqual([])
    expect(writesOf(token.requests())).toEqual([])
    expect(run.files.outputs()).toEqual({})
  })
})
