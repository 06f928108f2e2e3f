import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import {
  referencesOf,
  USER,
  retryLines,
  runPublish,
  secretsShown,
  skopeoDigests,
  startFaultWorld,
  type FaultWorld,
  type StepRun
} from '../../__fixtures__/reliability.js'
import {
  throttled,
  type FaultProxy,
  type FaultRule
} from '../../__fixtures__/services/fault-proxy.js'
import { seedImage } from '../../__fixtures__/services/oci-seed.js'

/**
 * Transient faults within the retry budget: the bundled action, run as the
 * runner runs it, completes; skopeo then finds every tag at the source's
 * digest, and the log shows each retry. One row per fault kind, each on a
 * fresh target repository so every request kind (blob upload, tag PUT) is
 * really made. The retries really wait (jittered backoff from 0.5 s, or the
 * Retry-After of 1-2 s), so the rows keep to one or two retries.
 */
let world: FaultWorld
beforeAll(async () => {
  world = await startFaultWorld()
}, 60_000)
afterAll(() => world?.stop(), 30_000)

/** One fault, where to inject it, and the retry lines the log must show (regexps: backoff is jittered). */
interface Row {
  readonly name: string
  readonly proxy: (w: FaultWorld) => FaultProxy
  readonly rules: (repo: string) => FaultRule[]
  readonly retries: (host: string, repo: string) => RegExp[]
  readonly inputs?: Record<string, string>
  /** Run before the faults are set, without them: a tagged repository is asked for each blob first. */
  readonly prepare?: (w: FaultWorld, repo: string) => Promise<unknown>
  /**
   * The requests of the faulted kind, as `METHOD status fault authorization` (the scheme
   * the client sent; expire-token strips it on the way to the registry), when they tell the story.
   */
  readonly sequence?: { readonly method: string; readonly path: RegExp; readonly seen: string[] }
}

const backoff = (n: number) => (n === 1 ? '0\\.[2-5]' : '(0\\.[5-9]|1\\.0)')
const line = (text: string) => new RegExp(`^${text}$`)
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const digestQuery = /digest=sha256%3A/

const ROWS: Row[] = [
  {
    name: '429 with Retry-After in seconds on a tag PUT',
    proxy: (w) => w.bearer,
    rules: (repo) => [
      {
        method: 'PUT',
        path: new RegExp(`/${repo}/manifests/1\\.2\\.3$`),
        fault: throttled('seconds', 1)
      }
    ],
    retries: (host, repo) => [
      line(
        `${esc(host)}: PUT /v2/${repo}/manifests/1\\.2\\.3 answered HTTP 429; retry 1 of 4 in 1\\.0 s`
      )
    ]
  },
  {
    name: '429 with Retry-After as an HTTP date on a tag PUT',
    proxy: (w) => w.basic,
    rules: (repo) => [
      { method: 'PUT', path: new RegExp(`/${repo}/manifests/latest$`), fault: throttled('date', 2) }
    ],
    // The date has whole seconds: 2 s from the fault is 1.0 to 2.0 s from the client.
    retries: (host, repo) => [
      line(
        `${esc(host)}: PUT /v2/${repo}/manifests/latest answered HTTP 429; retry 1 of 4 in (1\\.\\d|2\\.0) s`
      )
    ]
  },
  {
    name: '500 on the tag list read before any write',
    proxy: (w) => w.bearer,
    rules: (repo) => [
      {
        method: 'GET',
        path: new RegExp(`/${repo}/tags/list$`),
        fault: { kind: 'status', status: 500 }
      }
    ],
    retries: (host, repo) => [
      line(
        `${esc(host)}: GET /v2/${repo}/tags/list answered HTTP 500; retry 1 of 4 in ${backoff(1)} s`
      )
    ]
  },
  {
    name: '502 on a blob existence check',
    proxy: (w) => w.basic,
    // A repository with a tag: each blob is asked for (HEAD) before it is sent.
    prepare: (w, repo) =>
      seedImage({ url: w.basic.url, creds: USER }, repo, {
        layers: [randomBytes(1024)],
        tag: 'earlier'
      }),
    rules: (repo) => [
      {
        method: 'HEAD',
        path: new RegExp(`/${repo}/blobs/sha256:`),
        fault: { kind: 'status', status: 502 }
      }
    ],
    retries: (host, repo) => [
      line(
        `${esc(host)}: HEAD /v2/${repo}/blobs/sha256:[0-9a-f]{64} answered HTTP 502; retry 1 of 4 in ${backoff(1)} s`
      )
    ]
  },
  {
    name: '502 on offering a blob to a new repository',
    proxy: (w) => w.basic,
    // A repository without tags: each blob is offered as a mount from it, and the 202 opens its upload.
    rules: (repo) => [
      {
        method: 'POST',
        path: new RegExp(`/${repo}/blobs/uploads/$`),
        query: /^mount=sha256%3A[0-9a-f]{64}&from=/,
        fault: { kind: 'status', status: 502 }
      }
    ],
    retries: (host, repo) => [
      line(
        `${esc(host)}: POST /v2/${repo}/blobs/uploads/ answered HTTP 502; retry 1 of 4 in ${backoff(1)} s`
      )
    ]
  },
  {
    name: '503 twice on opening an upload session',
    proxy: (w) => w.bearer,
    // One transfer at a time, so both 503s meet the same upload and the log is in order.
    inputs: { concurrency: '1' },
    rules: (repo) => [
      {
        method: 'POST',
        path: new RegExp(`/${repo}/blobs/uploads/$`),
        times: 2,
        fault: { kind: 'status', status: 503 }
      }
    ],
    retries: (host, repo) => [
      line(
        `${esc(host)}: POST /v2/${repo}/blobs/uploads/ answered HTTP 503; retry 1 of 4 in ${backoff(1)} s`
      ),
      line(
        `${esc(host)}: POST /v2/${repo}/blobs/uploads/ answered HTTP 503; retry 2 of 4 in ${backoff(2)} s`
      )
    ]
  },
  {
    name: 'a connection reset in the middle of a layer upload',
    proxy: (w) => w.bearer,
    rules: (repo) => [
      {
        method: 'PUT',
        path: new RegExp(`/${repo}/blobs/uploads/`),
        query: digestQuery,
        minBody: 64 * 1024,
        fault: { kind: 'reset', afterBytes: 32 * 1024 }
      }
    ],
    retries: (host, repo) => [
      line(
        `${esc(host)}: uploading blob sha256:[0-9a-f]{64} to ${repo}: ${esc(host)} could not be reached: ECONNRESET \\w+; retry 1 of 4 in ${backoff(1)} s`
      )
    ]
  },
  {
    name: 'a tag PUT that stalls past the request timeout',
    proxy: (w) => w.basic,
    inputs: { 'request-timeout': '1' },
    rules: (repo) => [
      { method: 'PUT', path: new RegExp(`/${repo}/manifests/1\\.2$`), fault: { kind: 'stall' } }
    ],
    retries: (host, repo) => [
      line(
        `${esc(host)}: PUT /v2/${repo}/manifests/1\\.2 failed: PUT /v2/${repo}/manifests/1\\.2 got no answer within 1 s; retry 1 of 4 in ${backoff(1)} s`
      )
    ]
  },
  {
    name: 'a connection dropped without an answer while verifying',
    proxy: (w) => w.bearer,
    rules: (repo) => [
      { method: 'HEAD', path: new RegExp(`/${repo}/manifests/1$`), fault: { kind: 'drop' } }
    ],
    retries: (host, repo) => [
      line(
        `${esc(host)}: HEAD /v2/${repo}/manifests/1 failed: UND_ERR_SOCKET other side closed; retry 1 of 4 in ${backoff(1)} s`
      )
    ]
  },
  {
    name: 'a token that expires mid-run (401 on a tag PUT): authenticate again, no retry spent',
    proxy: (w) => w.bearer,
    rules: (repo) => [
      { method: 'PUT', path: new RegExp(`/${repo}/manifests/1$`), fault: { kind: 'expire-token' } }
    ],
    retries: () => [],
    sequence: {
      method: 'PUT',
      path: /\/manifests\/1$/,
      seen: ['PUT 401 expire-token bearer', 'PUT 201 pass bearer']
    }
  },
  {
    name: 'credentials that expire during a streamed layer upload (401): the upload starts over',
    proxy: (w) => w.basic,
    rules: (repo) => [
      {
        method: 'PUT',
        path: new RegExp(`/${repo}/blobs/uploads/`),
        query: digestQuery,
        minBody: 64 * 1024,
        fault: { kind: 'expire-token' }
      }
    ],
    sequence: {
      method: 'PUT',
      path: /\/blobs\/uploads\//,
      // Four blobs stored; the proxy took the credentials off one layer's first try.
      seen: [...Array(4).fill('PUT 201 pass basic'), 'PUT 401 expire-token basic']
    },
    retries: (host, repo) => [
      line(
        `${esc(host)}: uploading blob sha256:[0-9a-f]{64} to ${repo}: the upload answered HTTP 401; retry 1 of 4 in ${backoff(1)} s`
      )
    ]
  }
]

describe.each(ROWS)('$name', (row) => {
  let run: StepRun
  let proxy: FaultProxy
  let repo: string
  let target: string
  beforeAll(async () => {
    proxy = row.proxy(world)
    repo = `acme/${row.name
      .replace(/[^a-z0-9]+/gi, '-')
      .toLowerCase()
      .slice(0, 40)
      .replace(/-$/, '')}`
    target = `${proxy.host}/${repo}`
    await row.prepare?.(world, repo)
    proxy.reset()
    for (const rule of row.rules(repo)) proxy.inject(rule)
    run = await runPublish(world, [target], row.inputs ?? {})
  }, 60_000)

  test('completes, and skopeo finds every tag at the source digest', async () => {
    expect({ main: run.main.status, post: run.post.status, errors: run.errors }).toEqual({
      main: 0,
      post: 0,
      errors: []
    })
    expect(run.outputs.digest).toBe(world.image.digest)
    expect(await skopeoDigests(referencesOf(target))).toEqual(
      referencesOf(target).map((ref) => `${ref} ${world.image.digest}`)
    )
    expect(run.lines.at(-1)).toBe('4 tags on 1 target: 4 pushed')
  })

  test('no password or token in the log, stderr or file commands', () => {
    expect(secretsShown(run)).toEqual([])
  })

  test('the fault fired, and the log shows each retry', () => {
    const fired = proxy.requests().filter((r) => r.fault !== 'pass')
    expect(fired.length).toBe(row.rules(repo).reduce((n, r) => n + (r.times ?? 1), 0))
    const shown = retryLines(run)
    const expected = row.retries(proxy.host, repo)
    expect(shown).toHaveLength(expected.length)
    shown.forEach((l, i) => expect(l).toMatch(expected[i]!))
  })

  if (row.sequence) {
    const { method, path, seen } = row.sequence
    test('the faulted request was sent again and accepted', () => {
      const requests = proxy.requests().filter((r) => r.method === method && path.test(r.path))
      expect(
        requests.map((r) => `${r.method} ${r.status} ${r.fault} ${r.authorization}`).sort()
      ).toEqual([...seen].sort())
    })
  }
})

describe('blob downloads redirected to an object store on another origin', () => {
  test('complete without Authorization reaching the store', async () => {
    const target = `${world.basic.host}/acme/redirected`
    world.source.reset()
    world.source.inject({
      method: 'GET',
      path: /\/blobs\/sha256:/,
      times: Infinity,
      fault: { kind: 'redirect-to-store' }
    })
    const run = await runPublish(world, [target])
    expect([run.main.status, run.errors, retryLines(run)]).toEqual([0, [], []])
    expect(await skopeoDigests(referencesOf(target))).toEqual(
      referencesOf(target).map((ref) => `${ref} ${world.image.digest}`)
    )
    const redirected = world.source.requests().filter((r) => r.fault === 'redirect-to-store')
    expect(redirected.map((r) => [r.method, r.authorization, r.status])).toEqual(
      Array(4).fill(['GET', 'basic', 307])
    )
    expect(world.source.storeRequests().map((r) => [r.method, r.authorization, r.status])).toEqual(
      Array(4).fill(['GET', 'none', 200])
    )
  }, 60_000)
})
