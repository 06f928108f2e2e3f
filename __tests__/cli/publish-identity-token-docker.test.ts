import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { buildScratchImage } from '../../__fixtures__/services/docker-cli.js'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { startTokenServer, type TokenServer } from '../../__fixtures__/services/token-server.js'
import { writeTestHelper, type TestHelper } from './credential-helper-script.js'
import { runCli } from './run-cli.js'

/**
 * A local image pushed by the docker CLI with an identity token a credential
 * helper gave: `docker login` takes no identity token, so tagship writes it
 * into the run's Docker config, and docker push trades it at the token
 * service (the daemon's OAuth2 POST) as a login of its own would be.
 */
const ALICE = { username: 'alice', password: 'docker-identity-alice-password' }
const cleanup = new Cleanup()
let daemon: DockerDaemon
let tokens: TokenServer
let registry: Registry
let helper: TestHelper
let home: string
let image: string
let refreshToken: string

beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  // The in-process CLI runs docker with this process's environment (dockerEnv).
  const before = process.env.DOCKER_HOST
  process.env.DOCKER_HOST = daemon.host
  cleanup.add(async () => {
    if (before === undefined) delete process.env.DOCKER_HOST
    else process.env.DOCKER_HOST = before
  })
  tokens = await startTokenServer({ users: [ALICE], refreshTokens: true })
  cleanup.add(tokens.stop)
  registry = await startRegistry({ auth: 'token', tokenServer: tokens, users: [ALICE] })
  cleanup.add(registry.stop)
  home = mkdtempSync(join(tmpdir(), 'tagship-cli-identity-docker-'))
  cleanup.add(async () => rmSync(home, { recursive: true, force: true }))
  helper = writeTestHelper(join(home, 'bin'))
  image = await buildScratchImage(daemon, 'tagship-cli/identity:build', {
    'hello.txt': 'pushed with an identity token\n'
  })
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
}, 180_000)
afterAll(() => cleanup.run(), 30_000)

test('docker push uses the identity token; the run config is gone afterwards', async () => {
  helper.found(registry.host, '<token>', refreshToken)
  writeFileSync(
    join(home, 'config.json'),
    JSON.stringify({ credHelpers: { [registry.host]: 'tagship-test' } })
  )
  const target = `${registry.host}/team/docker-identity`
  tokens.clearRequests()
  const run = await runCli(
    [
      'publish',
      '--source',
      image,
      '--local-push',
      'docker',
      '--image',
      target,
      '--strategies',
      'semver',
      '--json'
    ],
    {
      ...runnerFixture('tag-stable').env,
      ...daemon.env,
      PATH: `${helper.bin}:${process.env.PATH ?? ''}`,
      HOME: home,
      DOCKER_CONFIG: home,
      RUNNER_TEMP: home
    }
  )
  expect({ code: run.code, stderr: run.stderr.includes(refreshToken) }).toEqual({
    code: 0,
    stderr: false
  })
  // tagship's login check, then the daemon's push: every token from the refresh token.
  const clients = new Set(
    tokens
      .requests()
      .map((r) => `${r.method} ${r.form?.grant_type} ${r.form?.client_id} ${r.account} ${r.status}`)
  )
  expect(clients).toEqual(
    new Set(['POST refresh_token tagship alice 200', 'POST refresh_token docker alice 200'])
  )
  expect(readdirSync(home).filter((name) => name.startsWith('tagship-docker-'))).toEqual([])
  const { digest } = JSON.parse(run.stdout) as { digest: string }
  for (const tag of ['1.2.3', '1.2', '1'])
    expect(await inspectDigest(`${target}:${tag}`, { creds: ALICE })).toBe(digest)
  expect(helper.calls()).toEqual([{ args: 'get', stdin: registry.host }])
}, 180_000)
