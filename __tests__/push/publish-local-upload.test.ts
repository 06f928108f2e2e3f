import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { readdirSync } from 'node:fs'
import { releasePlan, testPublishEnv, writesOf } from '../../__fixtures__/publish.js'
import { buildScratchImage, dockerOk } from '../../__fixtures__/services/docker-cli.js'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { Cleanup, tempDir, removeTempDir } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { localImageId } from '../../src/docker/image.js'
import { dockerPush } from '../../src/docker/push.js'
import { dockerSave } from '../../src/docker/save.js'
import { publish, type DockerEngine } from '../../src/push/publish.js'
import { parseSource } from '../../src/registry/source.js'

// local-push: upload (the default): the image in a real daemon (built FROM
// scratch) is saved once with docker save, its layers compressed once, and
// uploaded by tagship to every registry; no docker push.
const user = { username: 'ci', password: 'upload-mode-secret' }
const TAGS = ['3.1.0', '3.1', '3', 'latest']
const cleanup = new Cleanup()
let daemon: DockerDaemon
let basic: Registry
let token: Registry
let configDir: string
let temp: string
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
  temp = await tempDir('upload-temp')
  cleanup.add(() => removeTempDir(temp))
}, 90_000)

afterAll(async () => {
  if (savedHost === undefined) delete process.env.DOCKER_HOST
  else process.env.DOCKER_HOST = savedHost
  await cleanup.run()
}, 30_000)

/** The real docker engine, counting its saves; a docker push fails the test. */
function engine(): { docker: DockerEngine; saves: string[]; pushes: string[] } {
  const saves: string[] = []
  const pushes: string[] = []
  return {
    saves,
    pushes,
    docker: {
      imageId: (image) => localImageId(image, { configDir }),
      push: (image, reference) => {
        pushes.push(reference)
        return Promise.reject(new Error(`docker push ${reference} was not expected`))
      },
      save: (image, imageId) => {
        saves.push(imageId)
        return dockerSave(image, imageId, temp, { configDir })
      }
    }
  }
}

async function run(image: string, targets: string[], docker: DockerEngine) {
  const { plan, inputs } = releasePlan('3.1.0', targets, { source: image })
  const logins = { [basic.host]: user, [token.host]: user }
  const env = { ...testPublishEnv(logins, { docker }).env, tempDir: temp }
  return publish(plan, parseSource(image), inputs.publish, env)
}

const blobUploads = (r: Registry) =>
  writesOf(r.requests()).filter((w) => /^PUT \/v2\/.*\/blobs\/uploads\//.test(w)).length

describe('local-push: upload', () => {
  test('one docker save for every registry, the same digest everywhere; a re-run saves and writes nothing', async () => {
    const image = await buildScratchImage(daemon, 'tagship-test/upload:build', {
      'a.txt': 'upload mode\n'
    })
    const targets = [
      `${basic.host}/acme/up`,
      `${basic.host}/acme/up-mirror`,
      `${token.host}/acme/up`
    ]
    basic.clearRequests()
    token.clearRequests()
    const first = engine()
    const result = await run(image, targets, first.docker)

    expect({ saves: first.saves, pushes: first.pushes }).toEqual({ saves: [image], pushes: [] })
    expect(result.targets.map((t) => t.digest)).toEqual(targets.map(() => result.digest))
    for (const target of result.targets) {
      expect(target.tags.map((t) => `${t.tag} ${t.status}`)).toEqual(TAGS.map((t) => `${t} pushed`))
      for (const tag of TAGS)
        expect(await inspectDigest(`${target.repository.name}:${tag}`, { creds: user })).toBe(
          result.digest
        )
    }
    const manifest = JSON.parse(
      (await inspectRaw(`${targets[0]}@${result.digest}`, { creds: user })).toString('utf8')
    ) as { config: { digest: string }; layers: { mediaType: string }[] }
    expect(manifest.config.digest).toBe(image)
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.oci.image.layer.v1.tar+gzip'
    ])
    // Config and layer, uploaded once per registry (the mirror mounts them).
    expect({ basic: blobUploads(basic), token: blobUploads(token) }).toEqual({ basic: 2, token: 2 })
    expect(readdirSync(temp)).toEqual([])

    basic.clearRequests()
    token.clearRequests()
    const second = engine()
    const again = await run(image, targets, second.docker)
    expect({ saves: second.saves, pushes: second.pushes }).toEqual({ saves: [], pushes: [] })
    expect(again.targets.flatMap((t) => t.tags.map((tag) => tag.status))).toEqual(
      targets.flatMap(() => TAGS.map(() => 'already there'))
    )
    expect([...writesOf(basic.requests()), ...writesOf(token.requests())]).toEqual([])

    // The same bytes compress to the same layers: a new repository gets the same digest.
    const third = await run(image, [`${token.host}/acme/up-later`], engine().docker)
    expect(third.digest).toBe(result.digest)
  }, 120_000)

  test('a target where docker push put the image is recognised by its image ID: nothing is sent', async () => {
    const image = await buildScratchImage(daemon, 'tagship-test/upload-pushed:build', {
      'c.txt': 'pushed by docker before\n'
    })
    const target = `${basic.host}/acme/pushed-before`
    await dockerOk(daemon, ['login', '--username', user.username, '--password-stdin', basic.host], {
      input: user.password,
      configDir
    })
    const pushed = await dockerPush(image, `${target}:3.1.0`, { configDir, log: () => undefined })
    basic.clearRequests()
    const upload = engine()
    const result = await run(image, [target], upload.docker)
    expect({ saves: upload.saves, pushes: upload.pushes }).toEqual({ saves: [], pushes: [] })
    expect(result.digest).toBe(pushed.digest)
    expect(result.targets[0]!.tags.map((t) => `${t.tag} ${t.status}`)).toEqual([
      '3.1.0 already there',
      '3.1 pushed',
      '3 pushed',
      'latest pushed'
    ])
    expect(blobUploads(basic)).toBe(0)
  }, 120_000)
})
