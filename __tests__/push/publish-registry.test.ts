import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createHash, randomBytes } from 'node:crypto'
import { manifestPuts, releasePlan, testPublishEnv, writesOf } from '../../__fixtures__/publish.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { seedImage, seedIndex, type SeedTarget } from '../../__fixtures__/services/oci-seed.js'
import { inspectDigest, inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { publish } from '../../src/push/publish.js'
import { parseSource } from '../../src/registry/source.js'

// Registry mode (the source is a registry reference; no daemon): one token
// registry holds the source and a target (blobs are mounted), one htpasswd
// registry is the other target (blobs are streamed across).
const user = { username: 'ci', password: 'registry-mode-secret' }
let tokenRegistry: Registry
let basicRegistry: Registry
let seedA: SeedTarget
let logins: Record<string, typeof user>

beforeAll(async () => {
  tokenRegistry = await startRegistry({ auth: 'token', users: [user] })
  basicRegistry = await startRegistry({ auth: 'htpasswd', users: [user] })
  seedA = { url: tokenRegistry.url, creds: user }
  logins = { [tokenRegistry.host]: user, [basicRegistry.host]: user }
}, 60_000)

afterAll(async () => {
  await tokenRegistry?.stop()
  await basicRegistry?.stop()
})

const layers = (n: number): Buffer[] => Array.from({ length: n }, () => randomBytes(64 * 1024))
const statuses = (result: Awaited<ReturnType<typeof publish>>): string[] =>
  result.targets.flatMap((t) => t.tags.map((tag) => `${tag.reference} ${tag.status}`))

describe('registry mode', () => {
  test('copies to two registries, then a re-run writes nothing', async () => {
    const image = await seedImage(seedA, 'src/app', { layers: layers(2), tag: 'build' })
    const sourceText = `${tokenRegistry.host}/src/app:build`
    const targets = [`${tokenRegistry.host}/acme/app`, `${basicRegistry.host}/acme/app`]
    const { plan, inputs } = releasePlan('1.2.3', targets, { source: sourceText })
    tokenRegistry.clearRequests()
    basicRegistry.clearRequests()
    const first = testPublishEnv(logins)
    const result = await publish(plan, parseSource(sourceText), inputs.publish, first.env)

    expect(result.digest).toBe(image.digest)
    expect(statuses(result)).toEqual(
      targets.flatMap((t) => ['1.2.3', '1.2', '1', 'latest'].map((tag) => `${t}:${tag} pushed`))
    )
    for (const t of targets)
      for (const tag of ['1.2.3', '1.2', '1', 'latest'])
        expect(await inspectDigest(`${t}:${tag}`, { creds: user })).toBe(image.digest)
    // Same registry: config and both layers mounted, never uploaded.
    // Same registry: config and both layers mounted (201), never uploaded.
    const answered = tokenRegistry.requests().filter((r) => r.status !== 401)
    const tokenWrites = writesOf(answered)
    expect(answered.filter((r) => r.method === 'POST').map((r) => `${r.path} ${r.status}`)).toEqual(
      Array(3).fill('/v2/acme/app/blobs/uploads/ 201')
    )
    expect(
      tokenWrites.filter((w) => w.includes('/blobs/uploads/') && !w.startsWith('POST'))
    ).toEqual([])
    // Across registries: three blobs uploaded, then one manifest PUT per tag.
    const inOrder = ['1.2.3', '1', '1.2', 'latest'].map(
      (tag) => `PUT /v2/acme/app/manifests/${tag}`
    )
    expect(manifestPuts(tokenWrites, 1)).toEqual(inOrder)
    expect(manifestPuts(writesOf(basicRegistry.requests()), 1)).toEqual(inOrder)

    tokenRegistry.clearRequests()
    basicRegistry.clearRequests()
    const again = await publish(
      plan,
      parseSource(sourceText),
      inputs.publish,
      testPublishEnv(logins).env
    )
    expect(statuses(again)).toEqual(
      targets.flatMap((t) =>
        ['1.2.3', '1.2', '1', 'latest'].map((tag) => `${t}:${tag} already there`)
      )
    )
    expect(writesOf(tokenRegistry.requests())).toEqual([])
    expect(writesOf(basicRegistry.requests())).toEqual([])
  })

  test('a multi-arch index is copied whole: same digest, both platforms', async () => {
    const amd64 = { os: 'linux', architecture: 'amd64' }
    const arm64 = { os: 'linux', architecture: 'arm64', variant: 'v8' }
    const a = await seedImage(seedA, 'src/multi', { layers: layers(1), platform: amd64 })
    const b = await seedImage(seedA, 'src/multi', { layers: layers(1), platform: arm64 })
    const index = await seedIndex(seedA, 'src/multi', 'build', [
      { manifest: a, platform: amd64 },
      { manifest: b, platform: arm64 }
    ])
    const sourceText = `${tokenRegistry.host}/src/multi@${index.digest}`
    const target = `${basicRegistry.host}/acme/multi`
    const { plan, inputs } = releasePlan('3.0.0', [target], { source: sourceText })
    basicRegistry.clearRequests()
    const result = await publish(
      plan,
      parseSource(sourceText),
      inputs.publish,
      testPublishEnv(logins).env
    )

    expect(result.digest).toBe(index.digest)
    expect((await inspectRaw(`${target}:3.0.0`, { creds: user })).equals(index.bytes)).toBe(true)
    expect(await inspectDigest(`${target}@${a.digest}`, { creds: user })).toBe(a.digest)
    expect(await inspectDigest(`${target}@${b.digest}`, { creds: user })).toBe(b.digest)
    // Children by digest first (side by side, in either order), then the index under each tag.
    const puts = manifestPuts(writesOf(basicRegistry.requests()), 3)
    expect([...puts.slice(0, 2).sort(), ...puts.slice(2)]).toEqual([
      ...[a.digest, b.digest].sort().map((d) => `PUT /v2/acme/multi/manifests/${d}`),
      ...['3.0.0', '3', '3.0', 'latest'].map((tag) => `PUT /v2/acme/multi/manifests/${tag}`)
    ])
  })

  test('a release history: the hotfix 1.1.1 moves 1 and 1.1, latest stays on 2.0.0', async () => {
    const target = `${basicRegistry.host}/acme/history`
    const digests: Record<string, string> = {}
    const release = async (version: string, extra = {}) => {
      const built = await seedImage(seedA, 'src/history', { layers: layers(1), tag: version })
      digests[version] = built.digest
      const sourceText = `${tokenRegistry.host}/src/history:${version}`
      const { plan, inputs } = releasePlan(version, [target], { source: sourceText, ...extra })
      const run = testPublishEnv(logins)
      const result = await publish(plan, parseSource(sourceText), inputs.publish, run.env)
      return { result, lines: run.lines }
    }
    await release('1.0.0')
    await release('1.1.0')
    await release('2.0.0')
    const hotfix = await release('1.1.1')

    expect(hotfix.result.targets[0]!.tags.map((t) => [t.tag, t.status, t.detail ?? ''])).toEqual([
      ['1.1.1', 'pushed', ''],
      ['1.1', 'pushed', ''],
      ['1', 'pushed', ''],
      ['latest', 'kept', 'newer version 2.0.0 holds it']
    ])
    expect(hotfix.lines).toContain(
      `warning: ${target}:latest: kept where it is, the newer version 2.0.0 holds it (forward-only)`
    )
    const at = (tag: string) => inspectDigest(`${target}:${tag}`, { creds: user })
    expect(await at('latest')).toBe(digests['2.0.0'])
    expect(await at('1')).toBe(digests['1.1.1'])
    expect(await at('1.1')).toBe(digests['1.1.1'])
    expect(await at('2')).toBe(digests['2.0.0'])
    expect(await at('1.0')).toBe(digests['1.0.0'])

    // forward-only: false moves latest back, as a plain push loop would.
    const forced = await release('1.1.2', { 'forward-only': 'false' })
    expect(forced.result.targets[0]!.tags.map((t) => t.status)).toEqual([
      'pushed',
      'pushed',
      'pushed',
      'pushed'
    ])
    expect(await at('latest')).toBe(digests['1.1.2'])
  })

  test('a large blob shows its progress every quarter, then that it was uploaded', async () => {
    const big = randomBytes(33 * 1024 * 1024)
    const image = await seedImage(seedA, 'src/big', { layers: [big], tag: 'build' })
    const sourceText = `${tokenRegistry.host}/src/big:build`
    const { plan, inputs } = releasePlan('1.0.0', [`${basicRegistry.host}/acme/big`], {
      source: sourceText
    })
    const run = testPublishEnv(logins)
    const result = await publish(plan, parseSource(sourceText), inputs.publish, run.env)
    expect(result.digest).toBe(image.digest)
    const layer = `sha256:${createHash('sha256').update(big).digest('hex')}`.slice(0, 19)
    expect(
      run.lines.filter((l) => l.startsWith(`info: ${layer}`) || l.includes(`uploaded ${layer}`))
    ).toEqual([
      `info: ${layer}: 25% of 33.0 MiB`,
      `info: ${layer}: 50% of 33.0 MiB`,
      `info: ${layer}: 75% of 33.0 MiB`,
      `info: uploaded ${layer} (33.0 MiB)`
    ])
  })

  test('a source that does not exist fails before any write', async () => {
    const sourceText = `${tokenRegistry.host}/src/app:missing`
    const target = `${basicRegistry.host}/acme/none`
    const { plan, inputs } = releasePlan('1.0.0', [target], { source: sourceText })
    basicRegistry.clearRequests()
    tokenRegistry.clearRequests()
    await expect(
      publish(plan, parseSource(sourceText), inputs.publish, testPublishEnv(logins).env)
    ).rejects.toThrow(/nothing was pushed$/)
    expect(writesOf(basicRegistry.requests())).toEqual([])
    expect(writesOf(tokenRegistry.requests())).toEqual([])
  })
})
