import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  buildxLayout,
  hexOf,
  OCI_CONFIG,
  OCI_INDEX,
  OCI_LAYER_GZIP,
  OCI_MANIFEST,
  OciLayout,
  smallImage,
  tarBytes,
  writeArchive,
  type BuildxImage,
  type Desc
} from '../../__fixtures__/archives.js'
import { rejectionOf } from '../../__fixtures__/errors.js'
import { openFileImage, type FileImage } from '../../src/archive/open.js'
import type { FileSource } from '../../src/registry/source.js'

let dir: string
let count = 0
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tagship-open-layout-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const opened: FileImage[] = []
afterAll(() => Promise.all(opened.map((i) => i.close())))

type Kind = 'tar' | 'gzip' | 'folder'

/** Write `layout` as an archive (or folder) and name it as the source input would. */
async function sourceOf(layout: OciLayout, kind: Kind, ref?: string): Promise<FileSource> {
  const path = join(dir, `layout-${++count}${kind === 'folder' ? '' : '.tar'}`)
  if (kind === 'folder') await layout.writeDir(path)
  else await writeArchive(path, layout.tar(), { gzip: kind === 'gzip' })
  const prefix = kind === 'folder' ? 'oci' : 'oci-archive'
  return {
    kind: prefix,
    path,
    text: `${prefix}:${path}${ref !== undefined ? `:${ref}` : ''}`,
    ...(ref !== undefined ? { ref } : {})
  }
}

async function open(layout: OciLayout, kind: Kind, ref?: string): Promise<FileImage> {
  const image = await openFileImage(await sourceOf(layout, kind, ref), { tmpDir: dir })
  opened.push(image)
  return image
}

/** The message opening fails with, the path replaced by PATH. */
async function refusal(layout: OciLayout, ref?: string, kind: Kind = 'tar'): Promise<string> {
  const source = await sourceOf(layout, kind, ref)
  return (await rejectionOf(() => openFileImage(source, { tmpDir: dir }))).replaceAll(
    source.path,
    'PATH'
  )
}

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

const short = (d: Desc) => d.digest.slice(0, 19)

describe.each<Kind>(['tar', 'gzip', 'folder'])('a buildx-shaped index (%s)', (kind) => {
  let built: BuildxImage
  let image: FileImage
  beforeAll(async () => {
    built = buildxLayout()
    image = await open(built.layout, kind)
  })

  test('the index is selected, exact bytes, with index.json as it is', () => {
    expect(image.top).toEqual({
      bytes: built.layout.blobs.get(built.index.digest),
      mediaType: OCI_INDEX,
      digest: built.index.digest
    })
    expect(image.layoutDescriptors).toEqual([
      {
        mediaType: OCI_INDEX,
        digest: built.index.digest,
        size: built.index.size,
        annotations: { 'org.opencontainers.image.ref.name': 'v1' }
      }
    ])
    expect(image.name).toMatch(/^oci(-archive)?:\/.+layout-\d+(\.tar)?$/)
  })

  test('both platform manifests and both attestation manifests are readable', async () => {
    for (const d of [built.amd64.manifest, built.arm64.manifest, ...built.attestations]) {
      const m = await image.manifest(d.digest)
      expect(m).toEqual({
        bytes: built.layout.blobs.get(d.digest),
        mediaType: OCI_MANIFEST,
        digest: d.digest
      })
    }
  })

  test('every blob streams back with its bytes', async () => {
    for (const [digest, bytes] of built.layout.blobs) {
      const stream = await image.openBlob({ mediaType: 'any', digest, size: bytes.length })
      expect(await bytesOf(stream)).toEqual(bytes)
    }
  })

  test('an unknown digest is an error naming the source and the digest', async () => {
    const digest = `sha256:${'0'.repeat(64)}`
    expect(await rejectionOf(() => image.manifest(digest))).toBe(
      `${image.name} holds no manifest ${digest}`
    )
    expect(await rejectionOf(() => image.openBlob({ mediaType: 'x', digest, size: 1 }))).toBe(
      `${image.name} holds no blob ${digest}`
    )
    const layer = built.amd64.layers[1]!
    expect(await rejectionOf(() => image.openBlob({ ...layer, size: layer.size + 1 }))).toBe(
      `${image.name}: blob ${layer.digest} is damaged: it is ${layer.size} bytes where the manifest says ${layer.size + 1}`
    )
  })
})

describe('tar dialects', () => {
  test.each(['pax', 'gnu', 'prefix'] as const)(
    'a layout whose names are all written %s-style opens the same',
    async (longName) => {
      const built = buildxLayout()
      const entries = built.layout.entries().map((e) => ({ ...e, name: `./${e.name}`, longName }))
      const path = await writeArchive(join(dir, `dialect-${longName}.tar`), tarBytes(entries))
      const image = await openFileImage({ kind: 'oci-archive', path, text: `oci-archive:${path}` })
      expect(image.top.digest).toBe(built.index.digest)
      const layer = built.arm64.layers[1]!
      expect(await bytesOf(await image.openBlob(layer))).toEqual(
        built.layout.blobs.get(layer.digest)
      )
    }
  )

  test('a sha512 blob (its name is longer than ustar allows) is found and checked', async () => {
    const layout = new OciLayout()
    const bytes = Buffer.from('a layer addressed by sha512')
    const digest = `sha512:${createHash('sha512').update(bytes).digest('hex')}`
    layout.blobs.set(digest, bytes)
    const config = layout.json({ architecture: 'amd64', os: 'linux' }, OCI_CONFIG)
    const layer = { mediaType: OCI_LAYER_GZIP, digest, size: bytes.length }
    const manifest = layout.json(
      { schemaVersion: 2, mediaType: OCI_MANIFEST, config, layers: [layer] },
      OCI_MANIFEST
    )
    layout.tag(manifest)
    const image = await open(layout, 'tar')
    expect(await bytesOf(await image.openBlob(layer))).toEqual(bytes)
    const other = Buffer.from('a layer addressed by sha513')
    layout.blobs.set(digest, other)
    expect(await refusal(layout)).toBe(
      `source: "oci-archive:PATH" is damaged: ${digest} hashes to sha512:${createHash('sha512').update(other).digest('hex')}; build the archive again`
    )
  })
})

describe('selection', () => {
  /** Two images named v1 and v2, a cosign signature and an attestation with a subject. */
  function twoImages(): { layout: OciLayout; v1: Desc; v2: Desc; sig: Desc; att: Desc } {
    const layout = new OciLayout()
    const v1 = smallImage(layout, 'one')
    const v2 = smallImage(layout, 'two')
    const sig = layout.image({
      config: { architecture: '', os: '', rootfs: { type: 'layers', diff_ids: [] } },
      layers: [
        { bytes: '{"critical":{}}', mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json' }
      ]
    })
    const att = layout.image({
      config: {},
      configMediaType: 'application/vnd.oci.empty.v1+json',
      layers: [{ bytes: '{"_type":"statement"}', mediaType: 'application/vnd.in-toto+json' }],
      subject: v1,
      artifactType: 'application/vnd.in-toto+json'
    })
    return { layout, v1, v2, sig, att }
  }

  test(':REF picks the entry of that name', async () => {
    const { layout, v1, v2 } = twoImages()
    layout.tag(v1, 'v1').tag(v2, 'v2')
    expect((await open(layout, 'tar', 'v2')).top.digest).toBe(v2.digest)
    expect((await open(layout, 'folder', 'v1')).top.digest).toBe(v1.digest)
  })

  test('a :REF the layout does not name lists the names it holds', async () => {
    const { layout, v1, v2 } = twoImages()
    layout.tag(v1, 'v1').tag(v2, 'v2')
    expect(await refusal(layout, 'v3')).toBe(
      'source: "oci-archive:PATH:v3" has no image named "v3": it holds "v1", "v2"; put one of those after ":"'
    )
    const unnamed = twoImages()
    unnamed.layout.tag(unnamed.v1)
    expect(await refusal(unnamed.layout, 'v1')).toBe(
      'source: "oci-archive:PATH:v1" has no image named "v1": its index.json names none (no org.opencontainers.image.ref.name); drop ":v1"'
    )
  })

  test('several images and no :REF: one error listing them', async () => {
    const { layout, v1, v2 } = twoImages()
    layout.tag(v1, 'v1').tag(v2)
    expect(await refusal(layout)).toBe(
      `source: "oci-archive:PATH" holds 2 images: ${short(v1)} (${OCI_MANIFEST}, "v1"), ${short(v2)} (${OCI_MANIFEST}, unnamed); add :REF to pick one by its name (org.opencontainers.image.ref.name)`
    )
  })

  test('one image named twice is one image', async () => {
    const { layout, v1 } = twoImages()
    layout.tag(v1, 'v1').tag(v1, 'latest')
    expect((await open(layout, 'tar')).top.digest).toBe(v1.digest)
  })

  test('artifacts (a subject, a cosign or referrers tag name) are not candidates, and are checked', async () => {
    const { layout, v1, sig, att } = twoImages()
    const referrers = layout.index([att])
    layout
      .tag(sig, `sha256-${hexOf(v1.digest)}.sig`)
      .tag(v1, 'v1')
      .tag(att)
      .tag(referrers, `sha256-${hexOf(v1.digest)}`)
    const image = await open(layout, 'tar')
    expect(image.top.digest).toBe(v1.digest)
    expect(image.layoutDescriptors.map((d) => d.digest)).toEqual([
      sig.digest,
      v1.digest,
      att.digest,
      referrers.digest
    ])
    expect((await image.manifest(att.digest)).mediaType).toBe(OCI_MANIFEST)

    // the artifacts' blobs must be there too
    const sigLayer = JSON.parse(layout.blobs.get(sig.digest)!.toString()).layers[0].digest
    layout.blobs.delete(sigLayer)
    expect(await refusal(layout)).toBe(
      `source: "oci-archive:PATH" lacks blob ${sigLayer}, layer 1 of manifest ${short(sig)}: the archive is incomplete; build it again`
    )
  })

  test('only artifacts, or nothing: no image', async () => {
    const { layout, att } = twoImages()
    layout.tag(att)
    expect(await refusal(layout)).toBe(
      `source: "oci-archive:PATH" holds no image, only ${short(att)} (${OCI_MANIFEST}, unnamed): build the archive again with the image in it`
    )
    expect(await refusal(new OciLayout())).toBe(
      'source: "oci-archive:PATH" holds no image: its index.json lists nothing; build the archive again'
    )
  })

  test("another image's blobs need not be there, nor a foreign layer", async () => {
    const { layout, v1, v2 } = twoImages()
    const foreign = layout.image({
      config: { architecture: 'amd64', os: 'windows' },
      layers: [
        {
          bytes: 'base layer from elsewhere',
          mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip'
        }
      ]
    })
    const v2Layer = JSON.parse(layout.blobs.get(v2.digest)!.toString()).layers[0].digest
    const foreignLayer = JSON.parse(layout.blobs.get(foreign.digest)!.toString()).layers[0].digest
    layout.blobs.delete(v2Layer)
    layout.blobs.delete(foreignLayer)
    layout.tag(v1, 'v1').tag(v2, 'v2').tag(foreign, 'windows')
    expect((await open(layout, 'folder', 'v1')).top.digest).toBe(v1.digest)
    expect((await open(layout, 'tar', 'windows')).top.digest).toBe(foreign.digest)
    expect(await refusal(layout, 'v2')).toBe(
      `source: "oci-archive:PATH:v2" lacks blob ${v2Layer}, layer 1 of manifest ${short(v2)}: the archive is incomplete; build it again`
    )
  })
})

describe('close', () => {
  test('removes the decompressed copy of a gzip tar, once', async () => {
    const tmp = await mkdtemp(join(dir, 'tmp-'))
    const source = await sourceOf(buildxLayout().layout, 'gzip')
    const image = await openFileImage(source, { tmpDir: tmp })
    expect((await readdir(tmp)).length).toBe(1)
    await image.close()
    expect(await readdir(tmp)).toEqual([])
    await image.close()
  })

  test('a failed open leaves no copy behind', async () => {
    const tmp = await mkdtemp(join(dir, 'tmp-'))
    const layout = buildxLayout().layout
    layout.blobs.delete([...layout.blobs.keys()][0]!)
    const source = await sourceOf(layout, 'gzip')
    await rejectionOf(() => openFileImage(source, { tmpDir: tmp }))
    expect(await readdir(tmp)).toEqual([])
  })
})

describe('a folder blob changed after opening', () => {
  test('fails the stream that reads it', async () => {
    const built = buildxLayout()
    const source = await sourceOf(built.layout, 'folder')
    const image = await openFileImage(source)
    const layer = built.arm64.layers[1]!
    const bytes = Buffer.from(built.layout.blobs.get(layer.digest)!)
    bytes[10]! ^= 1
    await writeFile(join(source.path, 'blobs', 'sha256', hexOf(layer.digest)), bytes)
    const stream = await image.openBlob(layer)
    expect(await rejectionOf(() => bytesOf(stream))).toMatch(
      new RegExp(`^oci:.+: blob ${layer.digest} is damaged: its bytes hash to sha256:[a-f0-9]{64}$`)
    )
  })
})
