import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  dockerSave,
  OCI_MANIFEST,
  OciLayout,
  sha256,
  smallImage,
  tarBytes,
  writeArchive
} from '../../__fixtures__/archives.js'
import { rejectionOf } from '../../__fixtures__/errors.js'
import { openFileImage, type FileImage } from '../../src/archive/open.js'
import type { FileSource } from '../../src/registry/source.js'

let dir: string
let count = 0
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagship-docker-archive-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

async function sourceOf(tar: Buffer, ref?: string): Promise<FileSource> {
  const path = await writeArchive(join(dir, `saved-${++count}.tar`), tar)
  return {
    kind: 'docker-archive',
    path,
    text: `docker-archive:${path}${ref !== undefined ? `:${ref}` : ''}`,
    ...(ref !== undefined ? { ref } : {})
  }
}

const open = async (tar: Buffer, ref?: string): Promise<FileImage> =>
  openFileImage(await sourceOf(tar, ref))

async function refusal(tar: Buffer, ref?: string): Promise<string> {
  const source = await sourceOf(tar, ref)
  return (await rejectionOf(() => openFileImage(source))).replaceAll(source.path, 'PATH')
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

describe('a docker save tar from before Docker 25', () => {
  const saved = dockerSave([
    { repoTags: ['app:1', 'app:latest'], layers: ['base', 'one'] },
    { repoTags: ['localhost:5000/tool:2'], layers: ['base', 'two'] },
    { repoTags: [], layers: ['three'] }
  ])
  const single = dockerSave([{ repoTags: ['app:1'], layers: ['base', 'one'] }])

  test('becomes an OCI image manifest of its config and uncompressed layers, exact bytes', async () => {
    const image = await open(single.tar)
    const [{ config, layers }] = single.images as [(typeof single.images)[0]]
    const bytes = Buffer.from(
      `{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"${config.digest}","size":${config.size}},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"${layers[0]!.digest}","size":${layers[0]!.size}},{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"${layers[1]!.digest}","size":${layers[1]!.size}}]}`
    )
    expect(image.top).toEqual({ bytes, mediaType: OCI_MANIFEST, digest: sha256(bytes) })
    expect(image.layoutDescriptors).toEqual([])
    expect(await image.manifest(image.top.digest)).toEqual(image.top)
    expect(await bytesOf(await image.openBlob(config))).toEqual(config.bytes)
    expect((await bytesOf(await image.openBlob(layers[1]!))).toString('latin1')).toContain('one')
    expect(sha256(await bytesOf(await image.openBlob(layers[0]!)))).toBe(layers[0]!.digest)
    await image.close()
  })

  test(':REF picks an image by a RepoTags entry or @N; a layer saved twice is a link', async () => {
    const tool = await open(saved.tar, 'localhost:5000/tool:2')
    const manifest = JSON.parse(tool.top.bytes.toString())
    expect(manifest.config.digest).toBe(saved.images[1]!.config.digest)
    expect(manifest.layers.map((l: { digest: string }) => l.digest)).toEqual(
      saved.images[1]!.layers.map((l) => l.digest)
    )
    // the shared base layer of the second image is a symbolic link to the first's
    expect(saved.entries.find((e) => e.name === saved.images[1]!.layerPaths[0])?.type).toBe('2')
    const base = saved.images[1]!.layers[0]!
    expect(sha256(await bytesOf(await tool.openBlob(base)))).toBe(base.digest)

    const app = JSON.parse((await open(saved.tar, 'app')).top.bytes.toString())
    expect(app.config.digest).toBe(saved.images[0]!.config.digest)
    const third = JSON.parse((await open(saved.tar, '@2')).top.bytes.toString())
    expect(third.config.digest).toBe(saved.images[2]!.config.digest)
  })

  test('several images without :REF, an unknown tag, an @N out of range', async () => {
    const held = '@0 (app:1, app:latest), @1 (localhost:5000/tool:2), @2 (untagged)'
    expect(await refusal(saved.tar)).toBe(
      `source: "docker-archive:PATH" holds 3 images: ${held}; add :REF with one of those tags, or :@N for the Nth image`
    )
    expect(await refusal(saved.tar, 'app:2')).toBe(
      `source: "docker-archive:PATH:app:2" has no image tagged "app:2": it holds ${held}; put one of those tags, or @N, after ":"`
    )
    expect(await refusal(saved.tar, '@3')).toBe(
      `source: "docker-archive:PATH:@3" has no image @3: it holds ${held}; put one of those tags, or @N, after ":"`
    )
  })

  test('a layer that does not hash to its diff_id, a damaged config, a missing layer', async () => {
    const layer = single.images[0]!.layers[1]!
    const path = single.images[0]!.layerPaths[1]!
    const flipped = Buffer.from(single.tar)
    const at = flipped.indexOf('one')
    flipped[at]! ^= 1
    const actual = sha256(tarBytes([{ name: 'layer1.txt', data: 'nne' }]))
    expect(await refusal(flipped)).toBe(
      `source: "docker-archive:PATH" is damaged: layer 2 (${path}) hashes to ${actual}, not to its rootfs.diff_ids[1] ${layer.digest}; build the archive again`
    )
    const config = single.images[0]!.config
    const badConfig = Buffer.from(single.tar)
    const c = badConfig.indexOf(config.bytes)
    badConfig[c + config.bytes.indexOf('amd64')]! ^= 1
    const changed = Buffer.from(config.bytes)
    changed[changed.indexOf('amd64')]! ^= 1
    expect(await refusal(badConfig)).toBe(
      `source: "docker-archive:PATH" is damaged: ${config.digest} hashes to ${sha256(changed)}; build the archive again`
    )
    const without = tarBytes(single.entries.filter((e) => e.name !== path))
    expect(await refusal(without)).toBe(
      `source: "docker-archive:PATH" lacks "${path}", layer 2 that manifest.json lists: save the image again with docker save`
    )
  })
})

describe('a docker save tar from Docker 25 on (an OCI layout inside)', () => {
  function docker25(): { tar: Buffer; one: string; two: string } {
    const layout = new OciLayout()
    const one = smallImage(layout, 'one')
    const two = smallImage(layout, 'two')
    layout
      .tag(one, '1', { 'io.containerd.image.name': 'docker.io/library/app:1' })
      .tag(two, '2', { 'io.containerd.image.name': 'docker.io/acme/tool:2' })
    const manifest = [{ Config: 'blobs/sha256/x', RepoTags: ['app:1'], Layers: [] }]
    const tar = tarBytes([
      ...layout.entries(),
      { name: 'manifest.json', data: JSON.stringify(manifest) }
    ])
    return { tar, one: one.digest, two: two.digest }
  }

  test('is read as the OCI layout; :REF matches the image name Docker gave it', async () => {
    const { tar, one, two } = docker25()
    expect((await open(tar, 'app:1')).top.digest).toBe(one)
    expect((await open(tar, 'acme/tool:2')).top.digest).toBe(two)
    expect((await open(tar, '1')).top.digest).toBe(one)
    expect((await open(tar, '@1')).top.digest).toBe(two)
    expect((await open(tar, 'app:1')).layoutDescriptors.length).toBe(2)
    expect(await refusal(tar, 'app:3')).toBe(
      'source: "docker-archive:PATH:app:3" has no image named "app:3": it holds "1", "docker.io/library/app:1", "2", "docker.io/acme/tool:2"; put one of those after ":"'
    )
  })
})
