import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildxLayout, writeArchive } from '../../__fixtures__/archives.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { startTokenServer, type TokenServer } from '../../__fixtures__/services/token-server.js'
import { writeTestHelper, type TestHelper } from './credential-helper-script.js'
import { runCli } from './run-cli.js'

/**
 * `tagship publish` on a developer machine: the Docker config names a
 * credential helper (credHelpers for one host, credsStore for all) or holds
 * an identity token. A real `docker-credential-tagship-test` first on PATH
 * answers `get`; an OCI archive is published to real registries (htpasswd,
 * none, and token auth with refresh tokens); skopeo judges what landed.
 */
const ALICE = { username: 'alice', password: 'helper-alice-password-7c1e' }
const BOB = { username: 'bob', password: 'helper-bob-password-52d9' }
const TAGS = ['1.2.3', '1.2', '1']
const cleanup = new Cleanup()
let home: string
let archive: string
let helper: TestHelper
let alices: Registry
let bobs: Registry
let open: Registry
let tokens: TokenServer
let bearer: Registry
let refreshToken: string
const image = buildxLayout({ refName: 'v1' })

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'tagship-cli-helpers-'))
  cleanup.add(async () => rmSync(home, { recursive: true, force: true }))
  archive = await writeArchive(join(home, 'image.tar'), image.layout.tar())
  helper = writeTestHelper(join(home, 'bin'))
  alices = await startRegistry({ auth: 'htpasswd', users: [ALICE] })
  cleanup.add(alices.stop)
  bobs = await startRegistry({ auth: 'htpasswd', users: [BOB] })
  cleanup.add(bobs.stop)
  open = await startRegistry({ auth: 'none' })
  cleanup.add(open.stop)
  tokens = await startTokenServer({ users: [ALICE], refreshTokens: true })
  cleanup.add(tokens.stop)
  bearer = await startRegistry({ auth: 'token', tokenServer: tokens, users: [ALICE] })
  cleanup.add(bearer.stop)
  // The identity token `docker login` gets from a token service that gives refresh tokens.
  const res = await fetch(tokens.realm, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      username: ALICE.username,
      password: ALICE.password,
      service: tokens.service,
      client_id: 'docker',
      access_type: 'offline'
    })
  })
  refreshToken = ((await res.json()) as { refresh_token: string }).refresh_token
}, 120_000)
afterAll(() => cleanup.run(), 30_000)
beforeEach(() => helper.reset())

let configs = 0
/** A DOCKER_CONFIG folder with this config.json. */
function dockerConfig(doc: unknown): string {
  const dir = join(home, `docker-config-${configs++}`)
  mkdirSync(dir)
  writeFileSync(join(dir, 'config.json'), JSON.stringify(doc))
  return dir
}

/** `tagship publish` of the archive to these repositories, in a GitHub tag push (v1.2.3). */
function publish(repositories: string[], config: string, env: Record<string, string> = {}) {
  return runCli(
    [
      'publish',
      '--source',
      `oci-archive:${archive}:v1`,
      ...repositories.flatMap((r) => ['--image', r]),
      '--strategies',
      'semver'
    ],
    {
      ...runnerFixture('tag-stable').env,
      PATH: `${helper.bin}:${process.env.PATH ?? ''}`,
      HOME: home,
      DOCKER_CONFIG: config,
      ...env
    }
  )
}

/** The result on stdout: every tag of each target pushed. */
const pushed = (...targets: string[]): string =>
  [
    `digest: ${image.index.digest}`,
    ...targets.flatMap((t) => [t, ...TAGS.map((tag) => `  ${tag.padEnd(5)}  pushed`)]),
    `${TAGS.length * targets.length} tags on ${targets.length} target${targets.length > 1 ? 's' : ''}: ${TAGS.length * targets.length} pushed`,
    ''
  ].join('\n')

async function expectLanded(target: string, creds?: { username: string; password: string }) {
  for (const tag of TAGS)
    expect(await inspectDigest(`${target}:${tag}`, creds ? { creds } : {})).toBe(image.index.digest)
}

const basic = (u: { username: string; password: string }) =>
  Buffer.from(`${u.username}:${u.password}`).toString('base64')

describe('credHelpers for one host', () => {
  test('its helper is asked once, for that host only, and its login pushes', async () => {
    helper.found(alices.host, ALICE.username, ALICE.password)
    const config = dockerConfig({
      credHelpers: { [alices.host]: 'tagship-test' },
      auths: { [bobs.host]: { auth: basic(BOB) } }
    })
    const targets = [`${alices.host}/team/one`, `${bobs.host}/team/one`]
    const run = await publish(targets, config)
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: pushed(...targets) })
    expect(helper.calls()).toEqual([{ args: 'get', stdin: alices.host }])
    expect(run.stderr).toContain(
      `\n  ${alices.host}: alice (from docker-credential-tagship-test)\n  Logged in to ${alices.host} as alice (docker-credential-tagship-test)\n`
    )
    expect(run.stderr).toContain(`\n  ${bobs.host}: bob (from ${join(config, 'config.json')})\n`)
    expect(run.stderr).not.toContain(ALICE.password)
    await expectLanded(targets[0]!, ALICE)
    await expectLanded(targets[1]!, BOB)
  }, 120_000)
})

describe('credsStore for every registry', () => {
  test('asked once per registry; TAGSHIP_REGISTRY_AUTH still comes first', async () => {
    helper.found(alices.host, ALICE.username, ALICE.password)
    helper.found(bobs.host, BOB.username, BOB.password)
    const config = dockerConfig({ credsStore: 'tagship-test', auths: { [alices.host]: {} } })
    const targets = [`${alices.host}/team/store`, `${bobs.host}/team/store`, `${alices.host}/x/y`]
    const run = await publish(targets, config)
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: pushed(...targets) })
    expect(helper.calls()).toEqual([
      { args: 'get', stdin: alices.host },
      { args: 'get', stdin: bobs.host }
    ])
    expect(`${run.stdout}${run.stderr}`).not.toMatch(
      new RegExp(`${ALICE.password}|${BOB.password}`)
    )
    await expectLanded(targets[1]!, BOB)

    helper.reset()
    const auth = `- registry: ${bobs.host}\n  username: bob\n  password: ${BOB.password}\n`
    const again = await publish([`${bobs.host}/team/env`], config, { TAGSHIP_REGISTRY_AUTH: auth })
    expect(again.code).toBe(0)
    expect(helper.calls()).toEqual([])
  }, 120_000)
})

describe('a helper that has nothing for a registry ("not found")', () => {
  test('the next source: the auths entry of the file, else anonymous', async () => {
    const config = dockerConfig({
      credsStore: 'tagship-test',
      auths: { [`https://${bobs.host}`]: { auth: basic(BOB) } }
    })
    const targets = [`${bobs.host}/team/next`, `${open.host}/team/next`]
    const run = await publish(targets, config)
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: pushed(...targets) })
    expect(helper.calls()).toEqual([
      { args: 'get', stdin: bobs.host },
      { args: 'get', stdin: open.host }
    ])
    expect(run.stderr).toContain(`\n  ${bobs.host}: bob (from ${join(config, 'config.json')})\n`)
    expect(run.stderr).toContain(
      `\n  ${open.host}: no credentials (anonymous)\n  ${open.host} accepts anonymous requests\n`
    )
    await expectLanded(targets[1]!)
  }, 120_000)
})

describe('before any request, one error', () => {
  test('a helper that fails names the helper and the host, and never shows what it printed', async () => {
    helper.reply(alices.host, {
      exit: 2,
      stderr: `keychain locked; last token ${ALICE.password}\n`
    })
    alices.clearRequests()
    const config = dockerConfig({ credsStore: 'tagship-test' })
    const run = await publish([`${alices.host}/team/fail`], config)
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: `tagship: docker-credential-tagship-test get failed for ${alices.host} (exit code 2): run echo ${alices.host} | docker-credential-tagship-test get to see its message, or give ${alices.host} credentials in TAGSHIP_REGISTRY_AUTH\n`
    })
    expect(alices.requests()).toEqual([])
  })

  test('a helper that is not on PATH is bad input, with the fix', async () => {
    alices.clearRequests()
    const config = dockerConfig({ credHelpers: { [alices.host]: 'x' } })
    const run = await publish([`${alices.host}/team/missing`], config)
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `tagship: DOCKER_CONFIG: docker-credential-x was not found on PATH (credHelpers for ${alices.host} in ${join(config, 'config.json')} names it): install it or put its folder on PATH, remove that entry from the file, or give ${alices.host} credentials in TAGSHIP_REGISTRY_AUTH\n`
    })
    expect(alices.requests()).toEqual([])
  })
})

describe('identity tokens, traded at the token service (grant_type=refresh_token)', () => {
  test.each([
    ['from the auths entry of the file', 'file'],
    ['from a helper that answers <token>', 'helper']
  ])(
    '%s',
    async (_, where) => {
      const target = `${bearer.host}/team/identity-${where}`
      const config =
        where === 'file'
          ? dockerConfig({
              auths: {
                [bearer.host]: {
                  auth: Buffer.from('alice:').toString('base64'),
                  identitytoken: refreshToken
                }
              }
            })
          : dockerConfig({ credHelpers: { [bearer.host]: 'tagship-test' } })
      if (where === 'helper') helper.found(bearer.host, '<token>', refreshToken)
      tokens.clearRequests()
      const run = await publish([target], config)
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 0, stdout: pushed(target) })
      const from = where === 'file' ? join(config, 'config.json') : 'docker-credential-tagship-test'
      expect(run.stderr).toContain(`\n  ${bearer.host}: <token> (from ${from})\n`)
      expect(`${run.stdout}${run.stderr}`).not.toContain(refreshToken)
      const asked = tokens.requests()
      expect(asked.length).toBeGreaterThan(0)
      expect(
        new Set(
          asked.map(
            (r) =>
              `${r.method} ${r.form?.grant_type} ${r.form?.client_id} ${r.authorization} ${r.account} ${r.status}`
          )
        )
      ).toEqual(new Set(['POST refresh_token tagship none alice 200']))
      await expectLanded(target, ALICE)
    },
    120_000
  )
})
