import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { rmSync } from 'node:fs'
import { runMainStep, snapshotBundle, USER } from '../../__fixtures__/reliability.js'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/services/fault-proxy.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry } from '../../__fixtures__/services/registry.js'

/**
 * Bad inputs only a registry or the daemon can reveal: a source image that
 * is not in the local daemon, a source reference with no manifest, and a
 * registry that wants credentials none were given for. The bundled action
 * fails with its line and writes nothing anywhere; unlike the corpus of
 * bad-input.test.ts it has read the registries first (the login check, and
 * the source), and these tests pin down exactly which reads.
 */
const cleanup = new Cleanup()
let daemon: DockerDaemon
let target: FaultProxy
let bundle: string

beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  const registry = await startRegistry({ auth: 'htpasswd', users: [USER] })
  cleanup.add(registry.stop)
  target = await startFaultProxy(registry.url)
  cleanup.add(target.stop)
  bundle = snapshotBundle()
  cleanup.add(async () => rmSync(bundle, { recursive: true, force: true }))
}, 120_000)
afterAll(() => cleanup.run(), 60_000)

async function runMain(inputs: Record<string, string>) {
  target.reset()
  return runMainStep(
    bundle,
    { ...daemon.env, RUNNER_DEBUG: '1' },
    { images: `${target.host}/acme/app`, strategies: 'semver, latest', ...inputs }
  )
}

const seen = () => target.requests().map((r) => `${r.method} ${r.path} ${r.status}`)
const auth = () =>
  `- registry: ${target.host}\n  username: ${USER.username}\n  password: ${USER.password}\n`

describe('fails with its line, writing nothing', () => {
  test('a local source image the daemon does not have', async () => {
    const run = await runMain({ source: 'tagship-test/absent:none', 'registry-auth': auth() })
    expect(run).toEqual({
      status: 1,
      errors: [
        '::error::source: "tagship-test/absent:none" is not an image in the local Docker daemon: build it with load: true (docker/build-push-action) or docker build before tagship, or give a registry reference; nothing was pushed'
      ],
      outputs: {}
    })
    // The daemon is asked before any registry: not even a login check.
    expect(seen()).toEqual([])
  })

  test('a source reference with no manifest behind it', async () => {
    const run = await runMain({
      source: `${target.host}/src/app:missing`,
      'registry-auth': auth()
    })
    expect(run.status).toBe(1)
    expect(run.errors).toEqual([
      `::error::source: "${target.host}/src/app:missing" is not in the registry (MANIFEST_UNKNOWN): check the tag or digest, or push the image there first; nothing was pushed`
    ])
    // The login check, then in one wave (in any order): the source manifest
    // and its tags (for referrers), the target's tags and every planned tag;
    // nothing written.
    const requests = seen()
    expect(requests.slice(0, 2)).toEqual(['GET /v2/ 401', 'GET /v2/ 200'])
    expect(requests.slice(2).sort()).toEqual([
      'GET /v2/acme/app/manifests/1 404',
      'GET /v2/acme/app/manifests/1.2 404',
      'GET /v2/acme/app/manifests/1.2.3 404',
      'GET /v2/acme/app/manifests/latest 404',
      'GET /v2/acme/app/tags/list 404',
      'GET /v2/src/app/manifests/missing 404',
      'GET /v2/src/app/tags/list 404'
    ])
  })

  test('a generic registry that wants credentials, with none given', async () => {
    const run = await runMain({ source: `${target.host}/src/app:build` })
    expect(run).toEqual({
      status: 1,
      errors: [
        `::error::${target.host} asks for credentials and none were given: add it to registry-auth`,
        `::error::could not log in to 1 of 1 registries (${target.host}): nothing was pushed`
      ],
      outputs: {}
    })
    // One anonymous look at /v2/ is how a registry says whether it needs credentials.
    expect(seen()).toEqual(['GET /v2/ 401'])
  })
})
