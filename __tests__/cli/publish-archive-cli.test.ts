import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildxLayout, writeArchive } from '../../__fixtures__/archives.js'
import { writesOf } from '../../__fixtures__/publish.js'
import { SHA } from '../../__fixtures__/runner.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { runBundledCli } from './bundled-cli.js'

/**
 * The bundled CLI publishes an OCI archive with two of its platforms, and
 * --dry-run describes the source without writing: plain lines in CI, the
 * action's json on stdout.
 */
const alice = { username: 'alice', password: 'cli-archive-secret' }
const cleanup = new Cleanup()
let registry: Registry
let dir: string
let archive: string
const image = buildxLayout({ refName: 'v1' })

beforeAll(async () => {
  registry = await startRegistry({ auth: 'htpasswd', users: [alice] })
  cleanup.add(registry.stop)
  dir = mkdtempSync(join(tmpdir(), 'tagship-cli-archive-'))
  cleanup.add(async () => rmSync(dir, { recursive: true, force: true }))
  archive = await writeArchive(join(dir, 'image.tar'), image.layout.tar())
}, 60_000)
afterAll(() => cleanup.run(), 30_000)

const run = (flags: string[]) =>
  runBundledCli(
    [
      'publish',
      '--source',
      `oci-archive:${archive}:v1`,
      '--image',
      `${registry.host}/acme/app`,
      '--strategies',
      'semver',
      '--ref',
      'refs/tags/v2.1.0',
      '--sha',
      SHA,
      ...flags
    ],
    {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      TAGSHIP_REGISTRY_AUTH: `- registry: ${registry.host}\n  username: alice\n  password: ${alice.password}\n`
    }
  )

test('--dry-run reads the archive and the logins, and writes nothing', async () => {
  registry.clearRequests()
  const dry = await run(['--dry-run', '--platform', 'linux/amd64', '--platform', 'linux/arm64'])
  expect(dry.code).toBe(0)
  expect(dry.stderr).toContain(`${image.index.digest} (application/vnd.oci.image.index.v1+json)\n`)
  expect(dry.stderr).toContain('platforms: linux/amd64, linux/arm64; 2 attestation manifest(s)\n')
  expect(writesOf(registry.requests())).toEqual([])
})

test('--platform keeps one platform in an index and --json reports the choice', async () => {
  const result = await run([
    '--platform',
    'linux/arm64',
    '--platforms-keep-index',
    'true',
    '--json'
  ])
  expect({ code: result.code }).toEqual({ code: 0 })
  const json = JSON.parse(result.stdout) as {
    digest: string
    platforms: { kept: string[]; dropped: string[]; sourceDigest: string }
  }
  expect(json.platforms).toEqual({
    kept: ['linux/arm64'],
    dropped: ['linux/amd64'],
    sourceDigest: image.index.digest
  })
  const written = JSON.parse(
    (await inspectRaw(`${registry.host}/acme/app:2.1.0`, { creds: alice })).toString()
  ) as { manifests: { digest: string }[] }
  expect(written.manifests.map((m) => m.digest)).toEqual([
    image.arm64.manifest.digest,
    image.attestations[1]!.digest
  ])
  expect(json.digest).not.toBe(image.index.digest)
})
