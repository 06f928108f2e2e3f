import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writesOf } from '../../__fixtures__/publish.js'
import { SHA } from '../../__fixtures__/runner.js'
import type { SeededManifest } from '../../__fixtures__/services/oci-seed.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { blobBytes, namedImage, published, short } from '../e2e/preview-world.js'
import { runBundledCli, type BundledRun } from './bundled-cli.js'

/**
 * `tagship publish --dry-run` with the bundled CLI: the preview of release
 * 1.2.0 from a registry source (no daemon), to an htpasswd registry and a
 * token registry that both hold 1.0.0 and 1.1.0. stdout is the table (or
 * with --json the action's json of a preview); the exit code says whether a
 * tag is blocked; no registry gets a write.
 */
const alice = { username: 'alice', password: 'cli-preview-alice-secret' }
const reader = { username: 'reader', password: 'cli-preview-reader-secret', actions: ['pull'] }
const TAGS = ['1.2.0', '1.2', '1', 'latest']
const cleanup = new Cleanup()
let basic: Registry
let token: Registry
let home: string
let v110: SeededManifest
let v120: SeededManifest
let targets: string[]

beforeAll(async () => {
  basic = await startRegistry({ auth: 'htpasswd', users: [alice] })
  cleanup.add(basic.stop)
  token = await startRegistry({ auth: 'token', users: [alice, reader] })
  cleanup.add(token.stop)
  home = mkdtempSync(join(tmpdir(), 'tagship-cli-preview-'))
  cleanup.add(() => rmSync(home, { recursive: true, force: true }))
  targets = [`${basic.host}/team/app`, `${token.host}/acme/app`]
  for (const [registry, repo] of [
    [basic, 'team/app'],
    [token, 'acme/app']
  ] as const) {
    const at = { url: registry.url, creds: alice }
    await published(at, repo, '1.0.0', ['1.0.0', '1.0', '1', 'latest'])
    v110 = await published(at, repo, '1.1.0', ['1.1.0', '1.1', '1', 'latest'])
  }
  v120 = await namedImage({ url: basic.url, creds: alice }, 'src/app', '1.2.0')
}, 120_000)

afterAll(() => cleanup.run(), 30_000)

async function dryRun(tokenUser: typeof alice, flags: string[] = []): Promise<BundledRun> {
  const auth = (r: Registry, u: typeof alice) =>
    `- registry: ${r.host}\n  username: ${u.username}\n  password: ${u.password}\n`
  basic.clearRequests()
  token.clearRequests()
  const run = await runBundledCli(
    [
      'publish',
      '--dry-run',
      '--source',
      `${basic.host}/src/app@${v120.digest}`,
      ...targets.flatMap((t) => ['--image', t]),
      '--strategies',
      'semver,latest',
      '--ref',
      'refs/tags/v1.2.0',
      '--sha',
      SHA,
      ...flags
    ],
    {
      PATH: process.env.PATH ?? '',
      HOME: home,
      TAGSHIP_REGISTRY_AUTH: auth(basic, alice) + auth(token, tokenUser)
    }
  )
  // Read, never written.
  expect(basic.requests().length).toBeGreaterThan(0)
  expect(token.requests().length).toBeGreaterThan(0)
  expect({ basic: writesOf(basic.requests()), token: writesOf(token.requests()) }).toEqual({
    basic: [],
    token: []
  })
  return run
}

describe('every tag can be written', () => {
  test('exits 0 and prints the table on stdout', async () => {
    const run = await dryRun(alice)
    const [b, c] = [v110, v120].map((m) => short(m.digest))
    expect({ code: run.code, stdout: run.stdout }).toEqual({
      code: 0,
      stdout: [
        'preview: nothing was written',
        `digest: ${v120.digest}`,
        `registry ${basic.host}`,
        '  team/app',
        '    push: unknown (the registry takes Basic credentials (or none), which do not say what they may write)',
        '    content: blobs: 0 to upload (0 B), 2 to mount, 0 already there; manifests: 0 to write, 0 already there',
        '  TAG              ACTION  FROM                 TO                   WHY',
        `  team/app:1.2.0   create  -                    ${c}`,
        `  team/app:1.2     create  -                    ${c}`,
        `  team/app:1       update  ${b}  ${c}`,
        `  team/app:latest  update  ${b}  ${c}`,
        `registry ${token.host}`,
        '  acme/app',
        "    push: granted (the registry's token grants pull, push on acme/app)",
        `    content: blobs: 2 to upload (${blobBytes(v120)} B), 0 to mount, 0 already there; manifests: 0 to write, 0 already there`,
        '  TAG              ACTION  FROM                 TO                   WHY',
        `  acme/app:1.2.0   create  -                    ${c}`,
        `  acme/app:1.2     create  -                    ${c}`,
        `  acme/app:1       update  ${b}  ${c}`,
        `  acme/app:latest  update  ${b}  ${c}`,
        '8 tags on 2 targets: 4 create, 4 update',
        ''
      ].join('\n')
    })
  }, 60_000)

  test('--json prints the action json of a preview: per tag action, from and to', async () => {
    const run = await dryRun(alice, ['--json'])
    expect(run.code).toBe(0)
    const json = JSON.parse(run.stdout) as {
      preview: boolean
      tags: string[]
      digest: string
      targets: { repository: string; permission: { status: string }; tags: object[] }[]
    }
    expect([json.preview, json.tags, json.digest]).toEqual([true, [], v120.digest])
    expect(json.targets.map((t) => [t.repository, t.permission.status, t.tags])).toEqual(
      targets.map((repository, i) => [
        repository,
        i === 0 ? 'unknown' : 'granted',
        TAGS.map((tag) => ({
          tag,
          reference: `${repository}:${tag}`,
          reasons: [tag === 'latest' ? 'latest: stable release v1.2.0' : 'semver: release v1.2.0'],
          action: tag === '1' || tag === 'latest' ? 'update' : 'create',
          ...(tag === '1' || tag === 'latest' ? { from: v110.digest } : {}),
          to: v120.digest
        }))
      ])
    )
  }, 60_000)
})

test('a token that grants pull only: exit 1, the blocked tags on stderr, the table on stdout', async () => {
  const run = await dryRun(reader)
  const why =
    "the credentials may read acme/app but not push (the registry's token grants pull): grant the account push on acme/app at the registry's token service"
  const [b, c] = [v110, v120].map((m) => short(m.digest))
  expect(run.code).toBe(1)
  expect(run.stdout.split('\n').slice(11, 21)).toEqual([
    `registry ${token.host}`,
    '  acme/app',
    `    push: denied (${why})`,
    `    content: blobs: 2 to upload (${blobBytes(v120)} B), 0 to mount, 0 already there; manifests: 0 to write, 0 already there`,
    '  TAG              ACTION   FROM                 TO                   WHY',
    `  acme/app:1.2.0   blocked  -                    ${c}  ${why}`,
    `  acme/app:1.2     blocked  -                    ${c}  ${why}`,
    `  acme/app:1       blocked  ${b}  ${c}  ${why}`,
    `  acme/app:latest  blocked  ${b}  ${c}  ${why}`,
    '8 tags on 2 targets: 2 create, 2 update, 4 blocked'
  ])
  expect(run.stderr.split('\n').slice(-2)).toEqual([
    `tagship: the release would not land 4 tags: ${TAGS.map((t) => `${targets[1]}:${t}`).join(', ')} (blocked: see the preview for why and the fix)`,
    ''
  ])
}, 60_000)
