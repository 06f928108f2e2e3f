import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import {
  buildScratchImage,
  docker,
  dockerOk,
  pushedDigest
} from '../../__fixtures__/services/docker-cli.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import type { RecordedRequest } from '../../__fixtures__/services/proxy.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { readTar } from '../../__fixtures__/services/tar.js'

const FILES = { 'hello.txt': 'hello from tagship\n', 'etc/app.json': '{"ok":true}\n' }
const sha256 = (data: Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`

const cleanup = new Cleanup()
let daemon: DockerDaemon
let registry: Registry
let imageId: string
beforeAll(async () => {
  daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  registry = await startRegistry({ auth: 'none' })
  cleanup.add(registry.stop)
  imageId = await buildScratchImage(daemon, 'tagship-test/hello:1', FILES)
}, 60_000)
afterAll(() => cleanup.run(), 30_000)

describe('the Docker daemon fixture', () => {
  test('answers on a unix socket, started privately when no daemon was running', async () => {
    expect(daemon.host).toMatch(
      daemon.started ? /^unix:\/\/\/tmp\/tagship-dockerd-\w+\/docker\.sock$/ : /^unix:\/\//
    )
    expect(daemon.env).toEqual({ DOCKER_HOST: daemon.host })
    const version = await dockerOk(daemon, ['version', '--format', '{{.Server.Os}}'])
    expect(version.stdout).toBe('linux\n')
  })

  test('a second ensureDocker reuses the daemon that answers at DOCKER_HOST and leaves it running', async () => {
    const saved = process.env.DOCKER_HOST
    process.env.DOCKER_HOST = daemon.host
    try {
      const reused = await ensureDocker()
      expect({ host: reused.host, started: reused.started }).toEqual({
        host: daemon.host,
        started: false
      })
      await reused.stop()
      expect((await docker(daemon, ['version', '--format', '{{.Server.Os}}'])).code).toBe(0)
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST
      else process.env.DOCKER_HOST = saved
    }
  })

  test('builds a FROM scratch image with one layer and returns its ID', async () => {
    expect(imageId).toMatch(/^sha256:[0-9a-f]{64}$/)
    const inspect = await dockerOk(daemon, [
      'image', 'inspect', '--format', '{{.Id}} {{len .RootFS.Layers}} {{.Os}}', 'tagship-test/hello:1'
    ]) // prettier-ignore
    expect(inspect.stdout).toBe(`${imageId} 1 linux\n`)
  })

  test('the same files make the same layer, even in a new build', async () => {
    const again = await buildScratchImage(daemon, 'tagship-test/hello:again', FILES, {
      noCache: true
    })
    expect(again).not.toBe(imageId)
    const layers = await dockerOk(daemon, [
      'image', 'inspect', '--format', '{{index .RootFS.Layers 0}}', 'tagship-test/hello:1', 'tagship-test/hello:again'
    ]) // prettier-ignore
    const [first, second] = layers.stdout.trim().split('\n')
    expect(second).toBe(first)
  })

  test('rejects a file path outside the image', async () => {
    await expect(buildScratchImage(daemon, 'tagship-test/bad:1', { '../x': 'x' })).rejects.toThrow(
      'buildScratchImage: "../x" is not a path inside the image'
    )
  })
})

describe('docker push to a registry, judged by skopeo', () => {
  let reference: string
  let digest: string
  let pushRequests: RecordedRequest[]
  beforeAll(async () => {
    reference = `${registry.host}/team/app:1`
    await dockerOk(daemon, ['tag', imageId, reference])
    registry.clearRequests()
    const push = await dockerOk(daemon, ['push', reference])
    digest = pushedDigest(push.stdout)
    pushRequests = registry.requests()
    const layer = push.stdout.split('\n')[1]?.slice(0, 12) ?? ''
    expect(push.stdout).toBe(
      `The push refers to repository [${registry.host}/team/app]\n` +
        `${layer}: Preparing\n${layer}: Pushed\n1: digest: ${digest} size: 524\n`
    )
  })

  test('skopeo reads the digest docker push printed', async () => {
    expect(await inspectDigest(reference)).toBe(digest)
    expect(await inspectDigest(`${registry.host}/team/app@${digest}`)).toBe(digest)
  })

  test('the raw manifest hashes to that digest and names the image config and one layer', async () => {
    const raw = await inspectRaw(reference)
    expect(sha256(raw)).toBe(digest)
    const manifest = JSON.parse(raw.toString('utf8')) as {
      mediaType: string
      config: { digest: string }
      layers: Array<{ digest: string }>
    }
    expect(manifest.mediaType).toBe('application/vnd.docker.distribution.manifest.v2+json')
    expect(manifest.config.digest).toBe(imageId)
    expect(manifest.layers).toHaveLength(1)
  })

  test('the layer that landed holds exactly the files given', async () => {
    const manifest = JSON.parse((await inspectRaw(reference)).toString('utf8')) as {
      layers: Array<{ digest: string }>
    }
    const blob = await fetch(`${registry.url}/v2/team/app/blobs/${manifest.layers[0]?.digest}`)
    expect(blob.status).toBe(200)
    expect(readTar(Buffer.from(await blob.arrayBuffer()))).toEqual([
      { name: 'etc/', type: 'directory', content: '' },
      { name: 'etc/app.json', type: 'file', content: '{"ok":true}\n' },
      { name: 'hello.txt', type: 'file', content: 'hello from tagship\n' }
    ])
  })

  test('the recording proxy saw the push: every blob uploaded, then the manifest', async () => {
    const manifest = JSON.parse((await inspectRaw(reference)).toString('utf8')) as {
      config: { digest: string }
      layers: Array<{ digest: string }>
    }
    const uploaded = pushRequests
      .filter((r) => r.method === 'PUT' && r.path.startsWith('/v2/team/app/blobs/uploads/'))
      .map((r) => [new URLSearchParams(r.query).get('digest'), r.status])
    expect(uploaded.sort()).toEqual(
      [manifest.config.digest, ...manifest.layers.map((l) => l.digest)].map((d) => [d, 201]).sort()
    )
    expect(pushRequests[0]).toEqual({
      method: 'GET',
      path: '/v2/',
      query: '',
      authorization: 'none',
      status: 200
    })
    expect(pushRequests.at(-1)).toEqual({
      method: 'PUT',
      path: '/v2/team/app/manifests/1',
      query: '',
      authorization: 'none',
      status: 201
    })
  })

  test('skopeo reports a missing tag as an error', async () => {
    await expect(inspectDigest(`${registry.host}/team/app:missing`)).rejects.toThrow(
      /manifest unknown/
    )
  })

  test('pushing to a registry that is gone fails', async () => {
    const gone = await startRegistry({ auth: 'none' })
    await gone.stop()
    await dockerOk(daemon, ['tag', imageId, `${gone.host}/team/app:1`])
    const push = await docker(daemon, ['push', `${gone.host}/team/app:1`])
    expect(push.code).toBe(1)
    expect(push.stderr).toMatch(/connection refused/)
  })
})
