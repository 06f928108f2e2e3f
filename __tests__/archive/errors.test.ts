import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildxLayout,
  dockerSave,
  hexOf,
  OCI_LAYER_GZIP,
  OCI_MANIFEST,
  OciLayout,
  sha256,
  tarBytes,
  writeArchive,
  type BuildxImage
} from '../../__fixtures__/archives.js'
import { rejectionOf } from '../../__fixtures__/errors.js'
import { openFileImage } from '../../src/archive/open.js'
import type { FileSource } from '../../src/registry/source.js'

let dir: string
let count = 0
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagship-archive-errors-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Open `path` as `kind`; the message it fails with, the path replaced by PATH. */
async function refusal(kind: FileSource['kind'], path: string): Promise<string> {
  const source: FileSource = { kind, path, text: `${kind}:${path}` }
  return (await rejectionOf(() => openFileImage(source, { tmpDir: dir }))).replaceAll(path, 'PATH')
}

async function file(bytes: Buffer): Promise<string> {
  return writeArchive(join(dir, `archive-${++count}.tar`), bytes)
}

async function folder(layout: OciLayout): Promise<string> {
  const path = join(dir, `layout-${++count}`)
  await layout.writeDir(path)
  return path
}

const short = (digest: string) => digest.slice(0, 19)

describe('an image file that is not there, or not what its prefix says', () => {
  test('a missing file or folder says where build-push-action writes one', async () => {
    const missing = join(dir, 'nothing-here')
    expect(await refusal('oci-archive', missing)).toBe(
      'source: "oci-archive:PATH" does not exist: check the path; build-push-action writes it with outputs: type=oci,dest=PATH'
    )
    expect(await refusal('oci', missing)).toBe(
      'source: "oci:PATH" does not exist: check the path; build-push-action writes it with outputs: type=oci,dest=DIR,tar=false'
    )
    expect(await refusal('docker-archive', join(missing, 'image.tar'))).toBe(
      'source: "docker-archive:PATH" does not exist: check the path; build-push-action writes it with outputs: type=docker,dest=PATH'
    )
  })

  test('a folder given to oci-archive:, a file given to oci:', async () => {
    const layoutDir = await folder(buildxLayout().layout)
    expect(await refusal('oci-archive', layoutDir)).toBe(
      'source: "oci-archive:PATH" is a folder, not a file: oci-archive: reads a tar; for an OCI image layout folder, write oci:PATH'
    )
    expect(await refusal('docker-archive', layoutDir)).toBe(
      'source: "docker-archive:PATH" is a folder, not a file: docker-archive: reads a tar; for an OCI image layout folder, write oci:PATH'
    )
    const tar = await file(buildxLayout().layout.tar())
    expect(await refusal('oci', tar)).toBe(
      'source: "oci:PATH" is a file, not a folder: oci: reads an OCI image layout folder; for a tar, write oci-archive:PATH'
    )
  })

  test('not a tar', async () => {
    expect(await refusal('oci-archive', await file(Buffer.from('{"schemaVersion":2}')))).toBe(
      'source: "oci-archive:PATH" is not a tar archive: give the tar that build-push-action (outputs: type=oci,dest=PATH), buildah or docker save wrote'
    )
  })

  test('a tar or folder that is not an image layout says what it holds', async () => {
    const other = await file(
      tarBytes([
        { name: 'src/', type: '5' },
        { name: 'src/main.ts', data: 'x' },
        { name: 'README.md', data: 'y' }
      ])
    )
    expect(await refusal('oci-archive', other)).toBe(
      'source: "oci-archive:PATH" is not an OCI image layout: it has no index.json or oci-layout (it holds README.md, src/); build-push-action writes it with outputs: type=oci,dest=PATH'
    )
    expect(await refusal('docker-archive', other)).toBe(
      'source: "docker-archive:PATH" is not a docker save archive: it has no manifest.json or index.json (it holds README.md, src/); give the tar docker save wrote'
    )
    expect(await refusal('oci-archive', await file(tarBytes([])))).toBe(
      'source: "oci-archive:PATH" is not an OCI image layout: it has no index.json or oci-layout (it is empty); build-push-action writes it with outputs: type=oci,dest=PATH'
    )
    const empty = join(dir, 'empty-folder')
    await mkdir(join(empty, 'blobs'), { recursive: true })
    expect(await refusal('oci', empty)).toBe(
      'source: "oci:PATH" is not an OCI image layout: it has no index.json or oci-layout (it holds blobs/); build-push-action writes it with outputs: type=oci,dest=DIR,tar=false'
    )
  })

  test('a docker save tar given as an OCI archive, a layout missing one of its two files', async () => {
    const saved = await file(dockerSave([{ repoTags: ['app:1'], layers: ['a'] }]).tar)
    expect(await refusal('oci-archive', saved)).toBe(
      'source: "oci-archive:PATH" is a docker save archive, not an OCI image layout (it has manifest.json, no index.json or oci-layout): write docker-archive:PATH'
    )
    const entries = buildxLayout().layout.entries()
    const noLayout = await file(tarBytes(entries.filter((e) => e.name !== 'oci-layout')))
    expect(await refusal('oci-archive', noLayout)).toBe(
      'source: "oci-archive:PATH" is not a complete OCI image layout: it has index.json but no oci-layout; build the archive again'
    )
  })

  test('an oci-layout version tagship does not read', async () => {
    const { layout } = buildxLayout()
    layout.ociLayout = '{"imageLayoutVersion":"2.0.0"}'
    expect(await refusal('oci-archive', await file(layout.tar()))).toBe(
      'source: "oci-archive:PATH" is an OCI image layout of version "2.0.0" (its oci-layout file), which tagship does not read: it reads version 1.x; write the archive with buildx, buildah or skopeo'
    )
    layout.ociLayout = '{}'
    expect(await refusal('oci', await folder(layout))).toBe(
      'source: "oci:PATH" has an oci-layout file without an imageLayoutVersion: it is not a valid OCI image layout; build the archive again'
    )
  })

  test('an index.json that is not one', async () => {
    const layout = buildxLayout().layout
    const entries = layout
      .entries()
      .map((e) => (e.name === 'index.json' ? { ...e, data: '{"manifests":[{"digest":"x"}]}' } : e))
    expect(await refusal('oci-archive', await file(tarBytes(entries)))).toBe(
      'source: "oci-archive:PATH" has an index.json that tagship cannot read (manifests[0] is not a descriptor with mediaType, digest and size): build the archive again'
    )
  })
})

describe('blobs the image needs', () => {
  let built: BuildxImage
  beforeAll(() => {
    built = buildxLayout()
  })

  test('a missing blob, anywhere the selected image reaches', async () => {
    const layer = built.arm64.layers[1]!
    const entries = built.layout.entries().filter((e) => !e.name.endsWith(hexOf(layer.digest)))
    expect(await refusal('oci-archive', await file(tarBytes(entries)))).toBe(
      `source: "oci-archive:PATH" lacks blob ${layer.digest}, layer 2 of manifest ${short(built.arm64.manifest.digest)}: the archive is incomplete; build it again`
    )
    const index = built.layout.entries().filter((e) => !e.name.endsWith(hexOf(built.index.digest)))
    expect(await refusal('oci-archive', await file(tarBytes(index)))).toBe(
      `source: "oci-archive:PATH" lacks blob ${built.index.digest}, listed in index.json: the archive is incomplete; build it again`
    )
    const layout = new OciLayout()
    for (const [digest, bytes] of built.layout.blobs)
      if (digest !== built.attestations[1]!.digest) layout.blobs.set(digest, bytes)
    layout.tag(built.index, 'v1')
    expect(await refusal('oci', await folder(layout))).toBe(
      `source: "oci:PATH" lacks blob ${built.attestations[1]!.digest}, the unknown/unknown manifest of index ${short(built.index.digest)}: the archive is incomplete; build it again`
    )
  })

  test('a damaged blob (one byte flipped in the tar) is found before anything is returned', async () => {
    const layer = built.amd64.layers[1]!
    const tar = built.layout.tar()
    const at = tar.indexOf(built.layout.blobs.get(layer.digest)!)
    tar[at + 20]! ^= 0xff
    const bytes = Buffer.from(built.layout.blobs.get(layer.digest)!)
    bytes[20]! ^= 0xff
    const actual = sha256(bytes)
    expect(await refusal('oci-archive', await file(tar))).toBe(
      `source: "oci-archive:PATH" is damaged: ${layer.digest} hashes to ${actual}; build the archive again`
    )
    const layout = new OciLayout()
    for (const [digest, data] of built.layout.blobs)
      layout.blobs.set(digest, digest === layer.digest ? bytes : data)
    layout.tag(built.index, 'v1')
    expect(await refusal('oci', await folder(layout))).toBe(
      `source: "oci:PATH" is damaged: ${layer.digest} hashes to ${actual}; build the archive again`
    )
  })

  test('a blob whose size differs from its descriptor', async () => {
    const layout = new OciLayout()
    const layer = layout.blob('layer bytes', OCI_LAYER_GZIP)
    const config = layout.json(
      { architecture: 'amd64', os: 'linux' },
      'application/vnd.oci.image.config.v1+json'
    )
    const manifest = layout.json(
      { schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [{ ...layer, size: 12 }] },
      OCI_MANIFEST
    )
    layout.tag(manifest)
    expect(await refusal('oci-archive', await file(layout.tar()))).toBe(
      `source: "oci-archive:PATH" is damaged: ${layer.digest} is 11 bytes where manifest ${short(manifest.digest)} says 12; build the archive again`
    )
  })

  test('a truncated archive', async () => {
    const layer = built.amd64.layers[0]!
    const tar = built.layout.tar()
    const at = tar.indexOf(built.layout.blobs.get(layer.digest)!)
    expect(await refusal('oci-archive', await file(tar.subarray(0, at + 100)))).toBe(
      `source: "oci-archive:PATH" is truncated: it ends inside blobs/sha256/${hexOf(layer.digest)} (100 of its ${layer.size} bytes); copy or build the archive again`
    )
  })
})
