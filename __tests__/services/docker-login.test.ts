import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import {
  buildScratchImage,
  docker,
  dockerOk,
  pushImage
} from '../../__fixtures__/services/docker-cli.js'
import { Cleanup, removeTempDir, tempDir } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { startTokenServer, type TokenServer } from '../../__fixtures__/services/token-server.js'

const ALICE = { username: 'alice', password: 'alice-secret-1', repositories: ['team/*'] }
const basicAuth = (user: string, password: string): string =>
  Buffer.from(`${user}:${password}`).toString('base64')

const cleanup = new Cleanup()
let daemon: DockerDaemon
let imageId: string
beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  imageId = await buildScratchImage(daemon, 'tagship-test/login:1', { 'login.txt': 'login\n' })
}, 60_000)
afterAll(() => cleanup.run(), 30_000)

async function start<T extends { stop(): Promise<void> }>(service: Promise<T>): Promise<T> {
  const started = await service
  cleanup.add(started.stop)
  return started
}

/** A fresh DOCKER_CONFIG per login, as tagship uses: one login never sees another's. */
async function configDir(): Promise<string> {
  const dir = await tempDir('docker-login')
  cleanup.add(() => removeTempDir(dir))
  return dir
}

const login = (host: string, username: string, password: string, dir: string) =>
  docker(daemon, ['login', '--username', username, '--password-stdin', host], {
    input: password,
    configDir: dir
  })

const storedAuth = (dir: string): Record<string, unknown> =>
  (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { auths: Record<string, unknown> })
    .auths

/** Tag the built image into `host/team/app:1` and push it with the stored login; returns the digest. */
async function push(registry: Registry, dir: string): Promise<string> {
  const reference = `${registry.host}/team/app:1`
  await dockerOk(daemon, ['tag', imageId, reference])
  return pushImage(daemon, reference, { configDir: dir })
}

/** skopeo finds that digest with the file docker login wrote, with the password, and not without. */
async function expectSkopeoAgrees(registry: Registry, dir: string, digest: string): Promise<void> {
  const reference = `${registry.host}/team/app:1`
  expect(await inspectDigest(reference, { authfile: join(dir, 'config.json') })).toBe(digest)
  expect(await inspectDigest(reference, { creds: ALICE })).toBe(digest)
  await expect(inspectDigest(reference)).rejects.toThrow(/unauthorized: authentication required/)
}

describe('docker login against htpasswd (Basic, as ECR)', () => {
  let registry: Registry
  beforeAll(async () => {
    registry = await start(startRegistry({ auth: 'htpasswd', users: [ALICE] }))
  })

  test('a wrong password fails and stores nothing', async () => {
    const dir = await configDir()
    expect(await login(registry.host, 'alice', 'wrong', dir)).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `Error response from daemon: login attempt to ${registry.url}/v2/ failed with status: 401 Unauthorized\n`
    })
    expect(existsSync(join(dir, 'config.json'))).toBe(false)
  })

  test('the right password succeeds, is stored for the host, and lets docker push', async () => {
    const dir = await configDir()
    expect(await login(registry.host, 'alice', ALICE.password, dir)).toMatchObject({
      code: 0,
      stdout: 'Login Succeeded\n'
    })
    expect(storedAuth(dir)).toEqual({
      [registry.host]: { auth: basicAuth('alice', ALICE.password) }
    })
    registry.clearRequests()
    const digest = await push(registry, dir)
    // Docker first pings /v2/ bare to learn the challenge, then sends Basic on every request.
    const [ping, ...rest] = registry.requests()
    expect(ping).toEqual({
      method: 'GET',
      path: '/v2/',
      query: '',
      authorization: 'none',
      status: 401
    })
    expect(new Set(rest.map((r) => `${r.authorization} ${r.user}`))).toEqual(
      new Set(['basic alice'])
    )
    await expectSkopeoAgrees(registry, dir, digest)
  })
})

describe('docker login against token auth (Bearer, as Docker Hub)', () => {
  let registry: Registry
  beforeAll(async () => {
    registry = await start(startRegistry({ auth: 'token', users: [ALICE] }))
  })

  test('a wrong password is refused by the token server', async () => {
    const dir = await configDir()
    expect(await login(registry.host, 'alice', 'wrong', dir)).toMatchObject({
      code: 1,
      stderr: `Error response from daemon: Get "${registry.url}/v2/": unauthorized: incorrect username or password\n`
    })
    expect(existsSync(join(dir, 'config.json'))).toBe(false)
  })

  test('the right password: Basic GETs to the realm for login, then for the push scope', async () => {
    const dir = await configDir()
    const tokens = registry.tokenServer as TokenServer
    tokens.clearRequests()
    expect((await login(registry.host, 'alice', ALICE.password, dir)).stdout).toBe(
      'Login Succeeded\n'
    )
    expect(storedAuth(dir)).toEqual({
      [registry.host]: { auth: basicAuth('alice', ALICE.password) }
    })
    await expectSkopeoAgrees(registry, dir, await push(registry, dir))
    const service = 'tagship-test-registry'
    expect(tokens.requests().slice(0, 2)).toEqual([
      expect.objectContaining({
        method: 'GET',
        query: { account: 'alice', client_id: 'docker', offline_token: 'true', service },
        authorization: 'basic',
        status: 200,
        granted: []
      }),
      expect.objectContaining({
        method: 'GET',
        query: { account: 'alice', scope: 'repository:team/app:push,pull', service },
        authorization: 'basic',
        status: 200,
        granted: [{ type: 'repository', name: 'team/app', actions: ['push', 'pull'] }]
      })
    ])
  })
})

describe('docker login against a token server that issues refresh tokens (as ACR)', () => {
  let registry: Registry
  let tokens: TokenServer
  beforeAll(async () => {
    tokens = await start(startTokenServer({ users: [ALICE], refreshTokens: true }))
    registry = await start(startRegistry({ auth: 'token', tokenServer: tokens }))
  })

  test('docker stores the identity token instead of the password, and pushes with the OAuth2 POST', async () => {
    const dir = await configDir()
    expect((await login(registry.host, 'alice', ALICE.password, dir)).stdout).toBe(
      'Login Succeeded\n'
    )
    expect(storedAuth(dir)).toEqual({
      [registry.host]: { auth: basicAuth('alice', ''), identitytoken: expect.any(String) }
    })
    tokens.clearRequests()
    const digest = await push(registry, dir)
    expect(
      await inspectDigest(`${registry.host}/team/app:1`, { authfile: join(dir, 'config.json') })
    ).toBe(digest)
    expect(
      tokens.requests().map((r) => [r.method, r.form?.grant_type, r.form?.client_id, r.account])
    ).toEqual([
      ['POST', 'refresh_token', 'docker', 'alice'],
      ['POST', 'refresh_token', 'containers/image', 'alice']
    ])
  })
})
