import { afterAll, beforeAll, expect, test } from '@jest/globals'
import {
  acceptedWrites,
  jsonResults,
  referencesOf,
  runPublish,
  secretsShown,
  skopeoDigests,
  startFaultWorld,
  type FaultWorld,
  type StepRun
} from '../../__fixtures__/reliability.js'

/**
 * A publish that failed past its retries, run again unchanged once the
 * faults are gone: the second run completes what is missing and writes
 * nothing the first run already wrote. Writes are counted at the proxies
 * (accepted PUT/POST/PATCH), the tags are judged by skopeo.
 */
let world: FaultWorld
let first: StepRun
let second: StepRun
let firstWrites: { bearer: string[]; basic: string[] }
let secondWrites: { bearer: string[]; basic: string[] }
let bearer: string
let basic: string
/** The one layer whose upload to the bearer registry is reset on every try. */
let brokenLayer: string

beforeAll(async () => {
  world = await startFaultWorld()
  bearer = `${world.bearer.host}/acme/rerun`
  basic = `${world.basic.host}/acme/rerun`
  const manifest = JSON.parse(
    await (
      await fetch(`${world.source.url}/v2/src/app/manifests/build`, {
        headers: {
          accept: 'application/vnd.oci.image.manifest.v1+json',
          authorization: `Basic ${Buffer.from('ci:reliability-secret-7f3a').toString('base64')}`
        }
      })
    ).text()
  ) as { layers: { digest: string }[] }
  brokenLayer = manifest.layers[1]!.digest
  world.source.reset()
  world.bearer.inject({
    method: 'PUT',
    path: /\/acme\/rerun\/blobs\/uploads\//,
    query: new RegExp(`digest=${brokenLayer.replace(':', '%3A')}`),
    times: Infinity,
    fault: { kind: 'reset', afterBytes: 16 * 1024 }
  })
  world.basic.inject({
    method: 'PUT',
    path: /\/acme\/rerun\/manifests\/1$/,
    times: Infinity,
    fault: { kind: 'status', status: 503 }
  })
  first = await runPublish(world, [bearer, basic], { retries: '1' })
  firstWrites = {
    bearer: acceptedWrites(world.bearer.requests()),
    basic: acceptedWrites(world.basic.requests())
  }
  world.bearer.reset()
  world.basic.reset()
  second = await runPublish(world, [bearer, basic], { retries: '1' })
  secondWrites = {
    bearer: acceptedWrites(world.bearer.requests()),
    basic: acceptedWrites(world.basic.requests())
  }
}, 120_000)
afterAll(() => world?.stop(), 30_000)

test('neither run shows a password or token', () => {
  expect([secretsShown(first), secretsShown(second)]).toEqual([[], []])
})

test('the first run fails and says what landed', () => {
  expect(first.main.status).toBe(1)
  expect(jsonResults(first)).toEqual([
    ...referencesOf(bearer).map((r) => `${r} failed`),
    ...referencesOf(basic).map((r) => `${r} ${r.endsWith(':1') ? 'failed' : 'pushed'}`)
  ])
  expect(first.lines.at(-2)).toBe('8 tags on 2 targets: 3 pushed, 5 failed')
})

const blobPuts = (writes: string[]) => writes.filter((w) => /^PUT .*\/blobs\/sha256:/.test(w))
const tagPuts = (writes: string[]) => writes.filter((w) => w.includes('/manifests/'))

test('the first run stored three of four blobs on the bearer registry, and no tag there', () => {
  expect(blobPuts(firstWrites.bearer)).toHaveLength(3)
  expect(blobPuts(firstWrites.bearer)).not.toContain(`PUT /v2/acme/rerun/blobs/${brokenLayer} 201`)
  expect(tagPuts(firstWrites.bearer)).toEqual([])
})

test('the re-run completes: every tag at the digest', async () => {
  expect([second.main.status, second.errors]).toEqual([0, []])
  expect(second.lines.at(-1)).toBe('8 tags on 2 targets: 5 pushed, 3 already there')
  expect(jsonResults(second)).toEqual([
    ...referencesOf(bearer).map((r) => `${r} pushed`),
    ...referencesOf(basic).map((r) => `${r} ${r.endsWith(':1') ? 'pushed' : 'already there'}`)
  ])
  expect(await skopeoDigests([...referencesOf(bearer), ...referencesOf(basic)])).toEqual(
    [...referencesOf(bearer), ...referencesOf(basic)].map((r) => `${r} ${world.image.digest}`)
  )
})

test('the re-run writes only what was missing: the broken layer and the five tags', () => {
  // The bearer repository has no tag yet, so each blob is offered as a mount
  // from the repository itself: the three the first run stored answer 201 (no
  // bytes move), the broken one opens the session its upload uses.
  expect(secondWrites.bearer.sort()).toEqual(
    [
      ...Array<string>(3).fill('POST /v2/acme/rerun/blobs/uploads/ 201'),
      'POST /v2/acme/rerun/blobs/uploads/ 202',
      `PUT /v2/acme/rerun/blobs/${brokenLayer} 201`,
      ...['1.2.3', '1.2', '1', 'latest'].map((t) => `PUT /v2/acme/rerun/manifests/${t} 201`)
    ].sort()
  )
  expect(secondWrites.basic).toEqual(['PUT /v2/acme/rerun/manifests/1 201'])
})

test('across both runs, no blob and no tag was stored twice on either registry', () => {
  for (const name of ['bearer', 'basic'] as const) {
    const stored = [...firstWrites[name], ...secondWrites[name]].filter((w) => w.startsWith('PUT '))
    expect(stored).toHaveLength(4 + 4)
    expect(new Set(stored).size).toBe(stored.length)
  }
})
