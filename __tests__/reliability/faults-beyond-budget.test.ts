import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
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
import { throttled, type FaultRule } from '../../__fixtures__/services/fault-proxy.js'

/**
 * Faults beyond the retry budget (retries: 1): the bundled action fails the
 * step, its `::error::` line and json output say exactly which tags landed
 * and which did not, and skopeo finds every tag either at the source digest
 * or absent: never at another or a partial image.
 */
let world: FaultWorld
beforeAll(async () => {
  world = await startFaultWorld()
}, 60_000)
afterAll(() => world?.stop(), 30_000)

const FOREVER = Infinity
/** `::error::` escapes new lines as the runner reads them. */
const errorLine = (lines: string[]) => `::error::${lines.join('%0A')}`

interface Scenario {
  readonly run: StepRun
  readonly bearer: string
  readonly basic: string
  readonly digest: string
}

/** Publish to one repository on each target registry, with these faults injected. */
async function publishWith(
  name: string,
  faults: { bearer?: FaultRule[]; basic?: FaultRule[]; source?: FaultRule[] },
  inputs: Record<string, string> = {}
): Promise<Scenario> {
  for (const p of [world.source, world.bearer, world.basic]) p.reset()
  for (const r of faults.bearer ?? []) world.bearer.inject(r)
  for (const r of faults.basic ?? []) world.basic.inject(r)
  for (const r of faults.source ?? []) world.source.inject(r)
  const bearer = `${world.bearer.host}/acme/${name}`
  const basic = `${world.basic.host}/acme/${name}`
  const run = await runPublish(world, [bearer, basic], { retries: '1', ...inputs })
  // Failing runs print the most: check every one of them for secrets.
  expect(secretsShown(run)).toEqual([])
  return { run, bearer, basic, digest: world.image.digest }
}

const at = (refs: string[], digest: string) => refs.map((r) => `${r} ${digest}`)
const missing = (refs: string[]) => refs.map((r) => `${r} missing`)

describe('one floating tag refused past the retries (503 on every try)', () => {
  let s: Scenario
  beforeAll(async () => {
    s = await publishWith('one-tag', {
      basic: [
        {
          method: 'PUT',
          path: /\/acme\/one-tag\/manifests\/1\.2$/,
          times: FOREVER,
          fault: { kind: 'status', status: 503 }
        }
      ]
    })
  }, 60_000)

  test('the step fails with the list of what landed and what did not', () => {
    expect([s.run.main.status, s.run.post.status]).toEqual([1, 0])
    const landed = [
      ...referencesOf(s.bearer),
      ...referencesOf(s.basic).filter((r) => !r.endsWith(':1.2'))
    ]
    expect(s.run.errors).toEqual([
      errorLine([
        '1 of 8 tags did not land:',
        `  ${s.basic}:1.2: pushing manifest ${s.basic}:1.2 failed: HTTP 503: the registry kept failing; retried 1 time: try again later`,
        `landed (7): ${landed.join(', ')}`
      ])
    ])
    expect(s.run.lines.at(-2)).toBe('8 tags on 2 targets: 7 pushed, 1 failed')
  })

  test('the json output gives each tag its result; tags lists only what landed', () => {
    expect(jsonResults(s.run)).toEqual([
      ...referencesOf(s.bearer).map((r) => `${r} pushed`),
      ...referencesOf(s.basic).map((r) => `${r} ${r.endsWith(':1.2') ? 'failed' : 'pushed'}`)
    ])
    expect(s.run.outputs.tags!.split('\n')).toHaveLength(7)
    expect(s.run.outputs.digest).toBe(s.digest)
  })

  test('skopeo: every landed tag at the digest, the failed one absent', async () => {
    expect(await skopeoDigests([...referencesOf(s.bearer), ...referencesOf(s.basic)])).toEqual([
      ...at(referencesOf(s.bearer), s.digest),
      ...referencesOf(s.basic).map((r) =>
        r.endsWith(':1.2') ? `${r} missing` : `${r} ${s.digest}`
      )
    ])
  })
})

describe('the release tag refused past the retries: floating tags are not moved to it', () => {
  let s: Scenario
  beforeAll(async () => {
    s = await publishWith('fixed-tag', {
      bearer: [
        {
          method: 'PUT',
          path: /\/acme\/fixed-tag\/manifests\/1\.2\.3$/,
          times: FOREVER,
          fault: { kind: 'status', status: 502 }
        }
      ]
    })
  }, 60_000)

  test('the report names the failed release tag and the floating tags held back', () => {
    expect(s.run.main.status).toBe(1)
    const held = `not written: the release tag ${s.bearer}:1.2.3 did not land, and a floating tag never points at a release without its own tag`
    expect(s.run.errors).toEqual([
      errorLine([
        '4 of 8 tags did not land:',
        `  ${s.bearer}:1.2.3: pushing manifest ${s.bearer}:1.2.3 failed: HTTP 502: the registry kept failing; retried 1 time: try again later`,
        ...['1.2', '1', 'latest'].map((t) => `  ${s.bearer}:${t}: ${held}`),
        `landed (4): ${referencesOf(s.basic).join(', ')}`
      ])
    ])
    expect(jsonResults(s.run)).toEqual([
      ...referencesOf(s.bearer).map((r) => `${r} failed`),
      ...referencesOf(s.basic).map((r) => `${r} pushed`)
    ])
  })

  test('skopeo: no tag of the failed target exists; the other target is complete', async () => {
    expect(await skopeoDigests([...referencesOf(s.bearer), ...referencesOf(s.basic)])).toEqual([
      ...missing(referencesOf(s.bearer)),
      ...at(referencesOf(s.basic), s.digest)
    ])
  })
})

describe('a layer upload reset on every try', () => {
  let s: Scenario
  beforeAll(async () => {
    s = await publishWith('layer-reset', {
      basic: [
        {
          method: 'PUT',
          path: /\/acme\/layer-reset\/blobs\/uploads\//,
          minBody: 64 * 1024,
          times: FOREVER,
          fault: { kind: 'reset', afterBytes: 16 * 1024 }
        }
      ]
    })
  }, 60_000)

  test('every tag of that target fails with why; the other target lands whole', () => {
    expect(s.run.main.status).toBe(1)
    // The reset meets the client while it writes the body or while it reads the answer.
    const why = `the content could not be pushed: ${world.basic.host} could not be reached: ECONNRESET <read|write>; gave up after 1 retry: run the step again, or raise retries or request-timeout`
    expect(
      s.run.errors.map((e) => e.replace(/ECONNRESET (read|write)/g, 'ECONNRESET <read|write>'))
    ).toEqual([
      errorLine([
        '4 of 8 tags did not land:',
        ...referencesOf(s.basic).map((r) => `  ${r}: ${why}`),
        `landed (4): ${referencesOf(s.bearer).join(', ')}`
      ])
    ])
    expect(jsonResults(s.run)).toEqual([
      ...referencesOf(s.bearer).map((r) => `${r} pushed`),
      ...referencesOf(s.basic).map((r) => `${r} failed`)
    ])
  })

  test('skopeo: the failed target has no tag at all (no manifest without its layers)', async () => {
    expect(await skopeoDigests([...referencesOf(s.bearer), ...referencesOf(s.basic)])).toEqual([
      ...at(referencesOf(s.bearer), s.digest),
      ...missing(referencesOf(s.basic))
    ])
    expect(acceptedWrites(world.basic.requests()).filter((w) => w.includes('/manifests/'))).toEqual(
      []
    )
  })
})

describe('a tag PUT that stalls past the request timeout on every try', () => {
  test('fails that tag only, naming the timeout', async () => {
    const s = await publishWith(
      'stalled',
      {
        basic: [
          {
            method: 'PUT',
            path: /\/acme\/stalled\/manifests\/latest$/,
            times: FOREVER,
            fault: { kind: 'stall' }
          }
        ]
      },
      { 'request-timeout': '1' }
    )
    expect(s.run.main.status).toBe(1)
    expect(s.run.errors).toEqual([
      errorLine([
        '1 of 8 tags did not land:',
        `  ${s.basic}:latest: ${world.basic.host} could not be reached: PUT /v2/acme/stalled/manifests/latest got no answer within 1 s; gave up after 1 retry: run the step again, or raise retries or request-timeout`,
        `landed (7): ${[...referencesOf(s.bearer), ...referencesOf(s.basic).slice(0, 3)].join(', ')}`
      ])
    ])
    expect(await skopeoDigests(referencesOf(s.basic))).toEqual([
      ...at(referencesOf(s.basic).slice(0, 3), s.digest),
      `${s.basic}:latest missing`
    ])
  }, 60_000)
})

describe('faults before any write fail the run cleanly: nothing is pushed', () => {
  test.each([
    {
      name: 'the source keeps answering 503',
      faults: {
        source: [
          {
            method: 'GET',
            path: /\/src\/app\/manifests\/build$/,
            times: FOREVER,
            fault: { kind: 'status', status: 503 } as const
          }
        ]
      },
      error: (s: { source: string }) =>
        `::error::reading manifest ${s.source}/src/app:build failed: HTTP 503: the registry kept failing; retried 1 time: try again later; nothing was pushed`
    },
    {
      name: 'a target keeps throttling its tag list (429, Retry-After: 1)',
      faults: {
        basic: [
          {
            method: 'GET',
            path: /\/tags\/list$/,
            times: FOREVER,
            fault: throttled('seconds', 1)
          }
        ]
      },
      error: (s: { basic: string }) =>
        `::error::listing tags of ${s.basic}/acme/before-write-1 failed: TOOMANYREQUESTS (HTTP 429): rate limited; retried 1 time: wait and run again, or use credentials with a higher limit; nothing was pushed`
    }
  ])(
    '$name',
    async ({ faults, error }) => {
      const name = `before-write-${'basic' in faults ? 1 : 0}`
      const s = await publishWith(name, faults as Parameters<typeof publishWith>[1])
      expect(s.run.main.status).toBe(1)
      expect(s.run.errors).toEqual([error({ source: world.source.host, basic: world.basic.host })])
      expect(s.run.outputs).toEqual({})
      expect([
        acceptedWrites(world.bearer.requests()),
        acceptedWrites(world.basic.requests())
      ]).toEqual([[], []])
      expect(await skopeoDigests([...referencesOf(s.bearer), ...referencesOf(s.basic)])).toEqual(
        missing([...referencesOf(s.bearer), ...referencesOf(s.basic)])
      )
    },
    60_000
  )
})
