import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { manifestPuts, releasePlan, testPublishEnv, writesOf } from '../../__fixtures__/publish.js'
import { buildScratchImage, dockerOk } from '../../__fixtures__/services/docker-cli.js'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { Cleanup, tempDir, removeTempDir } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { localImageId } from '../../src/docker/image.js'
import { dockerPush } from '../../src/docker/push.js'
import { publish, type DockerEngine } from '../../src/push/publish.js'
import { parseSource } from '../../src/registry/source.js'

// Docker mode: the source is an image in a real daemon (built FROM scratch);
// per target repository one `docker push` of one tag, every other tag one
// manifest PUT.
const user = { username: 'ci', password: 'docker-mode-secret' }
const TAGS = ['2.4.0', '2.4', '2', 'latest']
const cleanup = new Cleanup()
let daemon: DockerDaemon
let basic: Registry
let token: Registry
let configDir: string
let savedHost: string | undefined

beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  savedHost = process.env.DOCKER_HOST
  process.env.DOCKER_HOST = daemon.host
  basic = await startRegistry({ auth: 'htpasswd', users: [user] })
  cleanup.add(basic.stop)
  token = await startRegistry({ auth: 'token', users: [user] })
  cleanup.add(token.stop)
  configDir = await tempDir('docker-config')
  cleanup.add(() => removeTempDir(configDir))
  for (const r of [basic, token])
    await dockerOk(daemon, ['login', '--username', user.username, '--password-stdin', r.host], {
      input: user.password,
      configDir
    })
}, 90_000)

afterAll(async () => {
  if (savedHost === undefined) delete process.env.DOCKER_HOST
  else process.env.DOCKER_HOST = savedHost
  await cleanup.run()
}, 30_000)

/** The real docker engine, counting its pushes. */
function engine(): { docker: DockerEngine; pushes: string[] } {
  const pushes: string[] = []
  return {
    pushes,
    docker: {
      imageId: (image) => localImageId(image, { configDir }),
      push: async (image, reference, log) => {
        pushes.push(reference)
        return dockerPush(image, reference, { configDir, log })
      }
    }
  }
}

describe('docker mode', () => {
  test('one docker push per repository, the other tags as manifest writes; a re-run writes nothing', async () => {
    const image = await buildScratchImage(daemon, 'tagship-test/docker-mode:build', {
      'app.txt': 'docker mode\n'
    })
    const targets = [`${basic.host}/acme/app`, `${token.host}/acme/app`]
    const { plan, inputs } = releasePlan('2.4.0', targets, { source: image })
    const logins = { [basic.host]: user, [token.host]: user }
    basic.clearRequests()
    token.clearRequests()
    const first = engine()
    const result = await publish(
      plan,
      parseSource(image),
      inputs.publish,
      testPublishEnv(logins, { docker: first.docker }).env
    )

    expect(first.pushes).toEqual(targets.map((t) => `${t}:2.4.0`))
    for (const target of result.targets) {
      expect(target.tags.map((t) => `${t.tag} ${t.status}`)).toEqual(TAGS.map((t) => `${t} pushed`))
      for (const tag of TAGS)
        expect(await inspectDigest(`${target.repository.name}:${tag}`, { creds: user })).toBe(
          target.digest
        )
    }
    for (const r of [basic, token]) {
      // docker pushes 2.4.0 with the content; the floating tags follow, in any order.
      expect(manifestPuts(writesOf(r.requests()), 1)).toEqual(
        ['2.4.0', '2', '2.4', 'latest'].map((t) => `PUT /v2/acme/app/manifests/${t}`)
      )
    }
    expect(result.digest).toBe(result.targets[0]!.digest)

    basic.clearRequests()
    token.clearRequests()
    const second = engine()
    const again = await publish(
      plan,
      parseSource(image),
      inputs.publish,
      testPublishEnv(logins, { docker: second.docker }).env
    )
    expect(second.pushes).toEqual([])
    expect(again.targets.flatMap((t) => t.tags.map((tag) => tag.status))).toEqual(
      [...TAGS, ...TAGS].map(() => 'already there')
    )
    expect(writesOf(basic.requests())).toEqual([])
    expect(writesOf(token.requests())).toEqual([])
  })

  test('a local image the daemon does not have fails before any write', async () => {
    const missing = 'tagship-test/not-built:1'
    const target = `${basic.host}/acme/missing`
    const { plan, inputs } = releasePlan('1.0.0', [target], { source: missing })
    basic.clearRequests()
    await expect(
      publish(
        plan,
        parseSource(missing),
        inputs.publish,
        testPublishEnv({ [basic.host]: user }, { docker: engine().docker }).env
      )
    ).rejects.toThrow(/^source: "tagship-test\/not-built:1" .*; nothing was pushed$/s)
    expect(writesOf(basic.requests())).toEqual([])
  })
})
