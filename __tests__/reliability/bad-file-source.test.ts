import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildxLayout, hexOf, OciLayout, sha256, tarBytes } from '../../__fixtures__/archives.js'
import { runMainStep, snapshotBundle, USER } from '../../__fixtures__/reliability.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'

/**
 * A source file that cannot be published: the bundled action fails with one
 * line naming the input, the value and the fix, sets no output, and sends
 * not one request to any registry (the file is checked before the logins).
 */
const cleanup = new Cleanup()
let registry: Registry
let bundle: string
let dir: string

beforeAll(async () => {
  registry = await startRegistry({ auth: 'htpasswd', users: [USER] })
  cleanup.add(registry.stop)
  bundle = snapshotBundle()
  cleanup.add(async () => rmSync(bundle, { recursive: true, force: true }))
  dir = mkdtempSync(join(tmpdir(), 'tagship-bad-file-'))
  cleanup.add(async () => rmSync(dir, { recursive: true, force: true }))
}, 60_000)
afterAll(() => cleanup.run(), 60_000)

async function runMain(inputs: Record<string, string>) {
  registry.clearRequests()
  const run = await runMainStep(
    bundle,
    {},
    {
      images: `${registry.host}/acme/app`,
      strategies: 'semver, latest',
      'registry-auth': `- registry: ${registry.host}\n  username: ${USER.username}\n  password: ${USER.password}\n`,
      ...inputs
    }
  )
  return { ...run, requests: registry.requests().length }
}

const write = (name: string, data: Buffer | string): string => {
  const path = join(dir, name)
  writeFileSync(path, data)
  return path
}

const built = buildxLayout({ refName: 'v1' })
const twoImages = new OciLayout()
for (const name of ['a', 'b'])
  twoImages.tag(twoImages.image({ config: { os: 'linux' }, layers: [{ bytes: name }] }), name)
const damagedLayer = built.amd64.layers[0]!
/** The layer's bytes with the byte at 10 flipped, as the damaged archive holds them. */
const damagedDigest = (): string => {
  const bytes = Buffer.from(built.layout.blobs.get(damagedLayer.digest)!)
  bytes[10]! ^= 0xff
  return sha256(bytes)
}

/** Each case: the source (and any other input), and the one error line. */
const cases: [string, () => Record<string, string>, (p: string) => string][] = [
  [
    'a file that does not exist',
    () => ({ source: `oci-archive:${join(dir, 'absent.tar')}` }),
    (s) =>
      `source: "${s}" does not exist: check the path; build-push-action writes it with outputs: type=oci,dest=PATH`
  ],
  [
    'a folder given to oci-archive:',
    () => {
      mkdirSync(join(dir, 'folder'), { recursive: true })
      return { source: `oci-archive:${join(dir, 'folder')}` }
    },
    (s) =>
      `source: "${s}" is a folder, not a file: oci-archive: reads a tar; for an OCI image layout folder, write oci:${join(dir, 'folder')}`
  ],
  [
    'a file that is not a tar',
    () => ({ source: `oci-archive:${write('notes.txt', 'not a tar at all\n'.repeat(64))}` }),
    (s) =>
      `source: "${s}" is not a tar archive: give the tar that build-push-action (outputs: type=oci,dest=PATH), buildah or docker save wrote`
  ],
  [
    'a tar that is not an image layout',
    () => ({
      source: `oci-archive:${write('src.tar', tarBytes([{ name: 'README.md', data: 'hi' }]))}`
    }),
    (s) =>
      `source: "${s}" is not an OCI image layout: it has no index.json or oci-layout (it holds README.md); build-push-action writes it with outputs: type=oci,dest=PATH`
  ],
  [
    'a damaged blob',
    () => {
      const tar = built.layout.tar()
      const at = tar.indexOf(built.layout.blobs.get(damagedLayer.digest)!)
      tar[at + 10]! ^= 0xff
      return { source: `oci-archive:${write('damaged.tar', tar)}` }
    },
    (s) =>
      `source: "${s}" is damaged: ${damagedLayer.digest} hashes to ${damagedDigest()}; build the archive again`
  ],
  [
    'a missing blob',
    () => {
      const entries = built.layout
        .entries()
        .filter((e) => !e.name.endsWith(hexOf(damagedLayer.digest)))
      return { source: `oci-archive:${write('incomplete.tar', tarBytes(entries))}` }
    },
    (s) =>
      `source: "${s}" lacks blob ${damagedLayer.digest}, layer 1 of manifest ${built.amd64.manifest.digest.slice(0, 19)}: the archive is incomplete; build it again`
  ],
  [
    'a reference the layout does not hold',
    () => ({ source: `oci-archive:${write('buildx.tar', built.layout.tar())}:v2` }),
    (s) => `source: "${s}" has no image named "v2": it holds "v1"; put one of those after ":"`
  ],
  [
    'a platform the archive does not hold',
    () => ({
      source: `oci-archive:${write('buildx2.tar', built.layout.tar())}`,
      platforms: 'linux/s390x'
    }),
    (s) =>
      `platforms: "linux/s390x" is not in the source "${s}", which holds linux/amd64, linux/arm64: list only platforms it holds`
  ],
  [
    'a layout with two images and no reference',
    () => {
      return { source: `oci-archive:${write('two.tar', twoImages.tar())}` }
    },
    (s) =>
      `source: "${s}" holds 2 images: ${twoImages.top.map((d, i) => `${d.digest.slice(0, 19)} (${d.mediaType}, "${'ab'[i]}")`).join(', ')}; add :REF to pick one by its name (org.opencontainers.image.ref.name)`
  ]
]

test.each(cases)(
  '%s: one line, no output, no request',
  async (_, make, message) => {
    const inputs = make()
    const run = await runMain(inputs)
    const expected = message(inputs.source!)
    expect({ status: run.status, outputs: run.outputs, requests: run.requests }).toEqual({
      status: 1,
      outputs: {},
      requests: 0
    })
    expect(run.errors).toEqual([`::error::${expected}`])
  },
  30_000
)
