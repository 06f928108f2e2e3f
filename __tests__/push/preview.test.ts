import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import {
  addToReferrersTag,
  cosignSignature,
  digestTag,
  inTotoAttestation,
  pushArtifact
} from '../../__fixtures__/artifacts.js'
import { releasePlan, testPublishEnv, writesOf } from '../../__fixtures__/publish.js'
import {
  seedImage,
  seedIndex,
  type SeededManifest,
  type SeedTarget
} from '../../__fixtures__/services/oci-seed.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { preview } from '../../src/push/preview.js'
import { previewFailure, type PreviewResult } from '../../src/push/preview-result.js'
import { publish } from '../../src/push/publish.js'
import { parseSource } from '../../src/registry/source.js'
import { previewText } from '../../src/report/preview.js'

// The preview against real registries: an htpasswd one (Basic: the push
// right cannot be read) holding the source, and a token one (Bearer: the
// token's access claim says) with a user who may only pull. Every preview is
// checked to make no write on any registry.
const alice = { username: 'alice', password: 'preview-alice-secret' }
const reader = { username: 'reader', password: 'preview-reader-secret', actions: ['pull'] }
let basic: Registry
let token: Registry
let seed: SeedTarget

beforeAll(async () => {
  basic = await startRegistry({ auth: 'htpasswd', users: [alice] })
  token = await startRegistry({ auth: 'token', users: [alice, reader] })
  seed = { url: basic.url, creds: alice }
}, 60_000)

afterAll(async () => {
  await basic?.stop()
  await token?.stop()
})

const short = (digest: string): string => digest.slice(0, 19)
const source = (image: SeededManifest): string => `${basic.host}/src/app@${image.digest}`
const image = (name: string): Promise<SeededManifest> =>
  seedImage(seed, 'src/app', { layers: [Buffer.from(`the layer of ${name}\n`)] })

/** The bytes of an image's config and layers, as its manifest lists them. */
function blobBytes(manifest: SeededManifest): number {
  const m = JSON.parse(manifest.bytes.toString()) as {
    config: { size: number }
    layers: { size: number }[]
  }
  return m.config.size + m.layers.reduce((sum, l) => sum + l.size, 0)
}

async function release(version: string, from: SeededManifest, targets: string[]): Promise<void> {
  const { plan, inputs } = releasePlan(version, targets, { source: source(from) })
  const env = testPublishEnv({ [basic.host]: alice, [token.host]: alice }).env
  const result = await publish(plan, parseSource(source(from)), inputs.publish, env)
  expect(result.targets.flatMap((t) => t.tags.map((r) => r.status))).not.toContain('failed')
}

/** Preview `version` of `from`, and check it wrote nothing anywhere. */
async function previewRelease(
  version: string,
  from: SeededManifest,
  targets: string[],
  tokenUser: { username: string; password: string } = alice,
  inputs: Record<string, string> = {}
): Promise<PreviewResult> {
  const { plan, inputs: parsed } = releasePlan(version, targets, {
    source: source(from),
    ...inputs
  })
  basic.clearRequests()
  token.clearRequests()
  const env = testPublishEnv({ [basic.host]: alice, [token.host]: tokenUser }).env
  const result = await preview(plan, parseSource(source(from)), parsed.publish, env)
  expect(basic.requests().length).toBeGreaterThan(0)
  expect(token.requests().length).toBeGreaterThan(0)
  expect({ basic: writesOf(basic.requests()), token: writesOf(token.requests()) }).toEqual({
    basic: [],
    token: []
  })
  return result
}

const BASIC_UNKNOWN = {
  status: 'unknown',
  detail: 'the registry takes Basic credentials (or none), which do not say what they may write'
}

describe('an older release present (1.0.0, then 1.1.0), preview of 1.2.0', () => {
  let v110: SeededManifest
  let v120: SeededManifest
  let result: PreviewResult
  let targets: string[]
  beforeAll(async () => {
    targets = [`${basic.host}/team/app`, `${token.host}/acme/app`]
    await release('1.0.0', await image('1.0.0'), targets)
    v110 = await image('1.1.0')
    await release('1.1.0', v110, targets)
    v120 = await image('1.2.0')
    result = await previewRelease('1.2.0', v120, targets)
  }, 60_000)

  test('every tag: create the new ones, move 1 and latest from 1.1.0 to 1.2.0', () => {
    const tags = (repository: string) =>
      [
        { tag: '1.2.0', action: 'create', to: v120.digest },
        { tag: '1.2', action: 'create', to: v120.digest },
        { tag: '1', action: 'update', from: v110.digest, to: v120.digest },
        { tag: 'latest', action: 'update', from: v110.digest, to: v120.digest }
      ].map((t) => ({
        ...t,
        reference: `${repository}:${t.tag}`,
        reasons: [t.tag === 'latest' ? 'latest: stable release v1.2.0' : 'semver: release v1.2.0']
      }))
    expect(result.digest).toBe(v120.digest)
    expect(result.targets.map((t) => t.tags)).toEqual(targets.map(tags))
    expect(previewFailure(result)).toBeUndefined()
  })

  test('push rights: unknown with Basic credentials, granted by the token', () => {
    expect(result.targets.map((t) => t.permission)).toEqual([
      BASIC_UNKNOWN,
      { status: 'granted', detail: "the registry's token grants pull, push on acme/app" }
    ])
  })

  test('content: mounted from the source on its registry, uploaded to the other', () => {
    const none = { blobsPresent: 0, manifestsWritten: 0, manifestsPresent: 0 }
    expect(result.targets.map((t) => t.content)).toEqual([
      { kind: 'copy', blobsUploaded: 0, bytesUploaded: 0, blobsMounted: 2, ...none },
      { kind: 'copy', blobsUploaded: 2, bytesUploaded: blobBytes(v120), blobsMounted: 0, ...none }
    ])
  })

  test('the table, exactly', () => {
    const [from, to] = [short(v110.digest), short(v120.digest)]
    const bytes = blobBytes(v120)
    expect(previewText(result)).toBe(
      [
        'preview: nothing was written',
        `digest: ${v120.digest}`,
        `registry ${basic.host}`,
        '  team/app',
        `    push: unknown (${BASIC_UNKNOWN.detail})`,
        '    content: blobs: 0 to upload (0 B), 2 to mount, 0 already there; manifests: 0 to write, 0 already there',
        `  TAG              ACTION  FROM                 TO                   WHY`,
        `  team/app:1.2.0   create  -                    ${to}`,
        `  team/app:1.2     create  -                    ${to}`,
        `  team/app:1       update  ${from}  ${to}`,
        `  team/app:latest  update  ${from}  ${to}`,
        `registry ${token.host}`,
        '  acme/app',
        "    push: granted (the registry's token grants pull, push on acme/app)",
        `    content: blobs: 2 to upload (${bytes} B), 0 to mount, 0 already there; manifests: 0 to write, 0 already there`,
        `  TAG              ACTION  FROM                 TO                   WHY`,
        `  acme/app:1.2.0   create  -                    ${to}`,
        `  acme/app:1.2     create  -                    ${to}`,
        `  acme/app:1       update  ${from}  ${to}`,
        `  acme/app:latest  update  ${from}  ${to}`,
        '8 tags on 2 targets: 4 create, 4 update',
        ''
      ].join('\n')
    )
  })

  test('a re-run of the published 1.1.0 would change nothing', async () => {
    const again = await previewRelease('1.1.0', v110, targets)
    expect(again.targets.map((t) => t.tags.map((tag) => `${tag.tag} ${tag.action}`))).toEqual(
      targets.map(() => ['1.1.0 unchanged', '1.1 unchanged', '1 unchanged', 'latest unchanged'])
    )
    expect(again.targets.map((t) => t.content)).toEqual(
      targets.map(() => ({ kind: 'none', why: 'nothing to copy: no tag needs writing' }))
    )
  })
})

test('a hotfix after 2.0.0 keeps latest where it is', async () => {
  const targets = [`${token.host}/acme/hotfix`]
  const v200 = await image('2.0.0')
  await release('2.0.0', v200, targets)
  const v111 = await image('1.1.1')
  const result = await previewRelease('1.1.1', v111, targets)
  expect(result.targets[0]!.tags.map((t) => [t.tag, t.action, t.from, t.to, t.reason])).toEqual([
    ['1.1.1', 'create', undefined, v111.digest, undefined],
    ['1.1', 'create', undefined, v111.digest, undefined],
    ['1', 'create', undefined, v111.digest, undefined],
    ['latest', 'kept', v200.digest, v111.digest, 'newer version 2.0.0 holds it']
  ])
  expect(previewFailure(result)).toBeUndefined()
})

test('a token that grants pull only blocks every write, naming the fix', async () => {
  const target = `${token.host}/acme/readonly`
  const v100 = await image('readonly 1.0.0')
  await release('1.0.0', v100, [target])
  const v101 = await image('readonly 1.0.1')
  const result = await previewRelease('1.0.1', v101, [target], reader)
  const why =
    "the credentials may read acme/readonly but not push (the registry's token grants pull): grant the account push on acme/readonly at the registry's token service"
  expect(result.targets[0]!.permission).toEqual({ status: 'denied', detail: why })
  expect(result.targets[0]!.tags.map((t) => [t.tag, t.action, t.from, t.reason])).toEqual([
    ['1.0.1', 'blocked', undefined, why],
    ['1.0', 'blocked', v100.digest, why],
    ['1', 'blocked', v100.digest, why],
    ['latest', 'blocked', v100.digest, why]
  ])
  expect(previewFailure(result)).toBe(
    `the release would not land 4 tags: ${['1.0.1', '1.0', '1', 'latest'].map((t) => `${target}:${t}`).join(', ')} (blocked: see the preview for why and the fix)`
  )
})

test('two targets on one registry: the second mounts what the first would hold', async () => {
  const v = await image('two targets')
  const targets = [`${token.host}/acme/first`, `${token.host}/acme/second`]
  const result = await previewRelease('3.0.0', v, targets)
  const none = { blobsPresent: 0, manifestsWritten: 0, manifestsPresent: 0 }
  expect(result.targets.map((t) => t.content)).toEqual([
    { kind: 'copy', blobsUploaded: 2, bytesUploaded: blobBytes(v), blobsMounted: 0, ...none },
    { kind: 'copy', blobsUploaded: 0, bytesUploaded: 0, blobsMounted: 2, ...none }
  ])
})

test('a multi-platform source with a platform filter: what is kept, and the children to write', async () => {
  const amd64 = await image('amd64')
  const arm64 = await seedImage(seed, 'src/app', {
    layers: [Buffer.from('the layer of arm64\n')],
    platform: { os: 'linux', architecture: 'arm64' }
  })
  const s390x = await seedImage(seed, 'src/app', {
    layers: [Buffer.from('the layer of s390x\n')],
    platform: { os: 'linux', architecture: 's390x' }
  })
  const index = await seedIndex(seed, 'src/app', 'multi', [
    { manifest: amd64, platform: { os: 'linux', architecture: 'amd64' } },
    { manifest: arm64, platform: { os: 'linux', architecture: 'arm64' } },
    { manifest: s390x, platform: { os: 'linux', architecture: 's390x' } }
  ])
  const result = await previewRelease('4.0.0', index, [`${token.host}/acme/multi`], alice, {
    platforms: 'linux/amd64,linux/arm64'
  })
  expect(result.platforms).toEqual({
    kept: ['linux/amd64', 'linux/arm64'],
    dropped: ['linux/s390x'],
    sourceDigest: index.digest
  })
  expect(result.digest).not.toBe(index.digest)
  expect(result.targets[0]!.content).toEqual({
    kind: 'copy',
    blobsUploaded: 4,
    bytesUploaded: blobBytes(amd64) + blobBytes(arm64),
    blobsMounted: 0,
    blobsPresent: 0,
    manifestsWritten: 2,
    manifestsPresent: 0
  })
})

test('referrers: what each target would get, then, once published, that it has them', async () => {
  const v = await image('signed')
  const signature = await pushArtifact(
    seed,
    'src/app',
    cosignSignature({ subject: v, dockerReference: `${basic.host}/src/app` }),
    digestTag(v.digest, '.sig')
  )
  const attestation = await pushArtifact(seed, 'src/app', inTotoAttestation({ subject: v }))
  await addToReferrersTag(seed, 'src/app', v.digest, [attestation])
  const targets = [`${token.host}/acme/signed`]
  const kinds = (result: PreviewResult) =>
    (result.targets[0]!.referrers ?? []).map((r) => `${r.kind} ${r.digest} ${r.action}`).sort()
  const expected = (action: string) =>
    [
      `attestation ${attestation.digest} ${action}`,
      `signature ${signature.digest} ${action}`
    ].sort()
  expect(kinds(await previewRelease('5.0.0', v, targets))).toEqual(expected('copy'))
  await release('5.0.0', v, targets)
  expect(kinds(await previewRelease('5.0.0', v, targets))).toEqual(expected('already there'))
})
