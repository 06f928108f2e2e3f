import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { releasePlan, testPublishEnv } from '../../__fixtures__/publish.js'
import { buildScratchImage, docker, dockerOk } from '../../__fixtures__/services/docker-cli.js'
import { ensureDocker, type DockerDaemon } from '../../__fixtures__/services/dockerd.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { publishFailure } from '../../src/push/failure.js'
import { publish } from '../../src/push/publish.js'
import { prepareSource } from '../../src/push/session.js'

// A `docker save` tar from the real daemon, published with no daemon in the
// way; then the daemon pulls it back from the registry and finds the same
// image ID: the manifest tagship wrote for it is one Docker understands.
let daemon: DockerDaemon
let registry: Registry
let dir: string
let image: string
let archive: string

beforeAll(async () => {
  daemon = await ensureDocker()
  registry = await startRegistry({ auth: 'none' })
  dir = await mkdtemp(join(tmpdir(), 'tagship-docker-archive-'))
  image = await buildScratchImage(daemon, 'tagship-test/saved:build', {
    'etc/hello.txt': 'saved with docker save, published with no daemon\n',
    'bin/data': Buffer.alloc(70_000, 7)
  })
  archive = join(dir, 'saved.tar')
  await dockerOk(daemon, ['save', '--output', archive, 'tagship-test/saved:build'])
}, 180_000)

afterAll(async () => {
  await registry?.stop()
  await daemon?.stop()
  await rm(dir, { recursive: true, force: true })
})

test('a docker save tar lands as an image whose config is the image ID; docker pulls it back', async () => {
  const target = `${registry.host}/saved/app`
  const { plan, inputs } = releasePlan('3.0.0', [target], {
    source: `docker-archive:${archive}:tagship-test/saved:build`
  })
  const prepared = await prepareSource(inputs)
  try {
    const result = await publish(plan, inputs.source!, inputs.publish, {
      ...testPublishEnv({}).env,
      ...(prepared ? { prepared } : {})
    })
    expect(publishFailure(result)).toBeUndefined()
    const manifest = JSON.parse((await inspectRaw(`${target}:3.0.0`)).toString()) as {
      mediaType: string
      config: { digest: string }
      layers: { mediaType: string }[]
    }
    expect(manifest.mediaType).toBe('application/vnd.oci.image.manifest.v1+json')
    expect(manifest.config.digest).toBe(image)
    expect(manifest.layers.map((l) => l.mediaType)).toEqual([
      'application/vnd.oci.image.layer.v1.tar'
    ])
  } finally {
    if (prepared?.kind === 'content') await prepared.close()
  }
  // The daemon trusts loopback registries over plain HTTP.
  await docker(daemon, ['image', 'rm', '--force', image])
  await dockerOk(daemon, ['pull', '--quiet', `${target}:3.0.0`])
  expect(
    (
      await dockerOk(daemon, ['image', 'inspect', '--format', '{{.Id}}', `${target}:3.0.0`])
    ).stdout.trim()
  ).toBe(image)
}, 120_000)
