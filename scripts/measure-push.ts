// `npm run -s measure:push`: what one release costs on the wire. One image of
// five 10 MiB layers (random, so gzip cannot shrink them) goes to two
// registries (htpasswd and token auth) under five tags, three ways:
//   - a plain loop of `docker login`, then `docker tag` + `docker push` per tag;
//   - the bundled action with the image in the local daemon (docker mode);
//   - the bundled action with the image in a third registry (registry mode).
// Each contender gets fresh registries, runs the release, then runs it again.
// Recording proxies in this process count every request and every request
// body byte. The whole comparison runs three times (--rounds=N to change)
// and the medians go to stdout and to docs/notes/push-measurements.md.
import { execFileSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  NO_DAEMON,
  runAction as runBundledAction,
  SHA,
  snapshotAction as snapshotBenchAction
} from '../bench/action.js'
import { kindOf } from '../bench/registries.js'
import { dockerOk, pushedDigest } from '../__fixtures__/services/docker-cli.js'
import { DOCKER_CLI, ensureDocker, type DockerDaemon } from '../__fixtures__/services/dockerd.js'
import { Cleanup } from '../__fixtures__/services/process.js'
import type { RecordedRequest } from '../__fixtures__/services/proxy.js'
import { REGISTRY_BIN, startRegistry, type Registry } from '../__fixtures__/services/registry.js'

const ROOT = process.cwd()
const DOC = join(ROOT, 'docs', 'notes', 'push-measurements.md')
const COMMAND = 'npm run -s measure:push'
/** What a release of v1.2.3 gets from the default strategies (semver, latest, dev, staging, sha). */
const TAGS = ['1.2.3', '1.2', '1', 'sha-860c190', 'latest']
const LAYERS = 5
const LAYER_BYTES = 10 * 1024 * 1024
const WRITES = new Set(['PUT', 'POST', 'PATCH', 'DELETE'])
const user = { username: 'measure', password: `measure-${process.pid}-${Date.now()}` }

const CONTENDERS = ['docker loop', 'tagship (docker mode)', 'tagship (registry mode)'] as const
type Contender = (typeof CONTENDERS)[number]
const RUNS = ['first', 're-run'] as const
type Run = (typeof RUNS)[number]

/** What the two target registries (and the token server) saw during one run. */
interface Measure {
  readonly requests: number
  readonly tokenRequests: number
  readonly writes: number
  readonly blobUploads: number
  readonly manifestPuts: number
  readonly blobBytes: number
  readonly otherBytes: number
  /** Registry mode: requests to the source registry (all reads). */
  readonly sourceRequests: number
  readonly seconds: number
  readonly digest: string
  /** `HEAD blob → 404`: count, in order of first appearance. */
  readonly breakdown: ReadonlyMap<string, number>
}

type Count =
  | 'requests'
  | 'tokenRequests'
  | 'writes'
  | 'blobUploads'
  | 'manifestPuts'
  | 'blobBytes'
  | 'sourceRequests'

interface Targets {
  readonly registries: readonly Registry[]
  /** One repository per registry. */
  readonly repos: readonly string[]
  readonly source?: Registry
}

interface Image {
  readonly id: string
  /** The layers as the daemon compresses them, and the config: what a push uploads. */
  readonly blobBytes: number
  readonly layerSizes: readonly number[]
}

async function main(): Promise<void> {
  const rounds = Number(/^--rounds=(\d+)$/.exec(process.argv[2] ?? '')?.[1] ?? 3)
  const cleanup = new Cleanup()
  const interrupted = () => void cleanup.run().finally(() => process.exit(130))
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  const work = mkdtempSync(join(tmpdir(), 'tagship-measure-'))
  cleanup.add(() => rm(work, { recursive: true, force: true }))
  try {
    const action = snapshotAction(work)
    console.log(`action: ${action}`)
    const daemon = await ensureDocker()
    cleanup.add(daemon.stop)
    const machine = await describeMachine(daemon)
    console.log(`machine: ${machine.join('; ')}`)
    const image = await buildImage(daemon, work)
    console.log(
      `image ${image.id}: ${LAYERS} layers of ${LAYER_BYTES} random bytes; a push uploads ${image.blobBytes} bytes of blobs`
    )
    const results = new Map<string, Measure[]>()
    const digests = new Set<string>()
    for (let round = 0; round < rounds; round++) {
      // Each round starts with another contender, so none is always first on a warm machine.
      const order = CONTENDERS.map((_, i) => CONTENDERS[(i + round) % CONTENDERS.length]!)
      for (const contender of order) {
        console.log(`\n=== round ${round + 1} of ${rounds}: ${contender} ===`)
        const measures = await measureContender(contender, daemon, image, work)
        for (const [run, m] of measures) {
          console.log(`${run}: ${summary(m)}`)
          const key = `${contender}\n${run}`
          results.set(key, [...(results.get(key) ?? []), m])
          digests.add(m.digest)
        }
      }
    }
    const report = render(results, rounds, image, [...digests], [...machine, `action ${action}`])
    console.log(`\n${report.table}`)
    writeFileSync(DOC, report.doc)
    console.log(`\nwritten to ${DOC.slice(ROOT.length + 1)}`)
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await cleanup.run()
  }
}

/** Where the bundled action runs from: a copy of dist/main and dist/post made at the start. */
let actionDir = ''

/**
 * Copy the bundled action aside (as the bench does), so a rebuild of dist/
 * during the measurement cannot change what is measured; say which build it is.
 */
function snapshotAction(work: string): string {
  actionDir = snapshotBenchAction(work)
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()
  const dirty = git('status', '--porcelain', '--', 'src', 'dist').length > 0
  const hash = createHash('sha256')
    .update(readFileSync(join(actionDir, 'main', 'index.js')))
    .digest('hex')
  return `dist/main/index.js sha256:${hash.slice(0, 12)}, commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in src/ or dist/' : ''}`
}

/** FROM scratch and five COPYs of 10 MiB of random bytes: five layers gzip cannot shrink. */
async function buildImage(daemon: DockerDaemon, work: string): Promise<Image> {
  const context = join(work, 'build')
  mkdirSync(context)
  const lines = ['FROM scratch']
  for (let i = 1; i <= LAYERS; i++) {
    writeFileSync(join(context, `layer${i}.bin`), randomBytes(LAYER_BYTES))
    lines.push(`COPY layer${i}.bin /layer${i}.bin`)
  }
  writeFileSync(join(context, 'Dockerfile'), `${lines.join('\n')}\n`)
  const tag = `tagship-measure:${process.pid}`
  const build = await dockerOk(daemon, ['build', '--quiet', '--tag', tag, context], {
    env: { DOCKER_BUILDKIT: '0' },
    timeoutMs: 600_000
  })
  const id = build.stdout.trim()
  if (!/^sha256:[0-9a-f]{64}$/.test(id)) throw new Error(`docker build printed no image ID`)
  // What a push uploads: push once to a throwaway registry and read the manifest.
  const scratch = await startRegistry({ auth: 'none' })
  try {
    const ref = `${scratch.host}/measure/sizes:1`
    await dockerOk(daemon, ['tag', id, ref])
    const digest = pushedDigest((await push(daemon, ref, daemon.configDir)).stdout)
    const manifest = (await (
      await fetch(`${scratch.url}/v2/measure/sizes/manifests/${digest}`, {
        headers: { accept: 'application/vnd.docker.distribution.manifest.v2+json' }
      })
    ).json()) as { config: { size: number }; layers: { size: number }[] }
    const layerSizes = manifest.layers.map((l) => l.size)
    if (layerSizes.length !== LAYERS) throw new Error(`the image has ${layerSizes.length} layers`)
    const blobBytes = manifest.config.size + layerSizes.reduce((a, b) => a + b, 0)
    return { id, blobBytes, layerSizes }
  } finally {
    await scratch.stop()
  }
}

/** Fresh target registries, the contender's first run, its re-run, and everything stopped. */
async function measureContender(
  contender: Contender,
  daemon: DockerDaemon,
  image: Image,
  work: string
): Promise<Map<Run, Measure>> {
  const cleanup = new Cleanup()
  try {
    const basic = await startRegistry({ auth: 'htpasswd', users: [user] })
    cleanup.add(basic.stop)
    const token = await startRegistry({ auth: 'token', users: [user] })
    cleanup.add(token.stop)
    let source: Registry | undefined
    let sourceRef = ''
    if (contender === 'tagship (registry mode)') {
      // The build's registry, loaded before (and not counted in) the measurement.
      source = await startRegistry({ auth: 'none' })
      cleanup.add(source.stop)
      sourceRef = `${source.host}/ci/app:build-${SHA.slice(0, 7)}`
      await dockerOk(daemon, ['tag', image.id, sourceRef])
      await push(daemon, sourceRef, daemon.configDir)
    }
    const targets: Targets = {
      registries: [basic, token],
      repos: [`${basic.host}/acme/app`, `${token.host}/acme/app`],
      ...(source ? { source } : {})
    }
    const measures = new Map<Run, Measure>()
    for (const run of RUNS) {
      const dir = mkdtempSync(join(work, 'run-'))
      measures.set(
        run,
        await measure(targets, () =>
          contender === 'docker loop'
            ? dockerLoop(daemon, image.id, targets, dir)
            : runAction(run, targets, {
                work: dir,
                source: contender === 'tagship (docker mode)' ? image.id : sourceRef,
                dockerHost: contender === 'tagship (docker mode)' ? daemon.host : NO_DAEMON
              })
        )
      )
    }
    return measures
  } finally {
    await cleanup.run()
  }
}

async function measure(targets: Targets, work: () => Promise<string>): Promise<Measure> {
  const everyRegistry = [...targets.registries, ...(targets.source ? [targets.source] : [])]
  for (const r of everyRegistry) {
    r.clearRequests()
    r.tokenServer?.clearRequests()
  }
  const start = performance.now()
  const digest = await work()
  const seconds = (performance.now() - start) / 1000
  const requests = targets.registries.flatMap((r) => r.requests())
  const tokenRequests = targets.registries.flatMap((r) => r.tokenServer?.requests() ?? [])
  const uploads = requests.filter((r) => r.path.includes('/blobs/uploads/'))
  const bytes = (list: RecordedRequest[]) => list.reduce((sum, r) => sum + (r.bytes ?? 0), 0)
  const breakdown = new Map<string, number>()
  for (const r of requests) breakdown.set(kindOf(r), (breakdown.get(kindOf(r)) ?? 0) + 1)
  for (const r of targets.source?.requests() ?? []) {
    const kind = `source ${kindOf(r)}`
    breakdown.set(kind, (breakdown.get(kind) ?? 0) + 1)
  }
  for (const t of tokenRequests) {
    const kind = `token ${t.method}${t.status >= 400 ? ` → ${t.status}` : ''}`
    breakdown.set(kind, (breakdown.get(kind) ?? 0) + 1)
  }
  return {
    requests: requests.length,
    tokenRequests: tokenRequests.length,
    writes: requests.filter((r) => WRITES.has(r.method)).length,
    blobUploads: uploads.filter((r) => r.method === 'PUT' && r.status === 201).length,
    manifestPuts: requests.filter((r) => r.method === 'PUT' && r.path.includes('/manifests/'))
      .length,
    blobBytes: bytes(uploads),
    otherBytes: bytes(requests) - bytes(uploads),
    sourceRequests: targets.source?.requests().length ?? 0,
    seconds,
    digest,
    breakdown
  }
}

/** The baseline: log in, then tag and push every reference, one `docker push` each. */
async function dockerLoop(
  daemon: DockerDaemon,
  image: string,
  targets: Targets,
  configDir: string
): Promise<string> {
  for (const registry of targets.registries) {
    await dockerOk(
      daemon,
      ['login', '--username', user.username, '--password-stdin', registry.host],
      { input: user.password, configDir }
    )
  }
  const digests = new Set<string>()
  for (const repo of targets.repos) {
    for (const tag of TAGS) {
      await dockerOk(daemon, ['tag', image, `${repo}:${tag}`], { configDir })
      digests.add(pushedDigest((await push(daemon, `${repo}:${tag}`, configDir)).stdout))
    }
  }
  if (digests.size !== 1) throw new Error(`the docker loop pushed ${[...digests].join(', ')}`)
  return [...digests][0]!
}

function push(daemon: DockerDaemon, reference: string, configDir: string) {
  return dockerOk(daemon, ['push', reference], { configDir, timeoutMs: 600_000 })
}

/** The bundled action as the bench runs it (a published release v1.2.3), its outputs checked. */
async function runAction(
  run: Run,
  targets: Targets,
  options: { work: string; source: string; dockerHost: string }
): Promise<string> {
  const result = await runBundledAction(actionDir, options.work, {
    images: targets.repos,
    source: options.source,
    registries: targets.registries.map((r) => r.host),
    creds: user,
    dockerHost: options.dockerHost
  })
  return checkOutputs(result.outputs, run, targets)
}

/** The action said it published exactly the ten references, all at one digest. */
function checkOutputs(outputs: Record<string, string>, run: Run, targets: Targets): string {
  const expected = targets.repos.flatMap((repo) => TAGS.map((t) => `${repo}:${t}`))
  const tags = (outputs.tags ?? '').split('\n')
  if ([...tags].sort().join('\n') !== [...expected].sort().join('\n'))
    throw new Error(`the tags output is not the ten expected references:\n${outputs.tags}`)
  const json = JSON.parse(outputs.json ?? '{}') as {
    targets?: { tags: { reference: string; result: string }[] }[]
  }
  const want = run === 'first' ? 'pushed' : 'already there'
  const wrong = (json.targets ?? [])
    .flatMap((t) => t.tags)
    .filter((t) => t.result !== want)
    .map((t) => `${t.reference}: ${t.result}`)
  if (wrong.length > 0) throw new Error(`expected every tag ${want}, got ${wrong.join(', ')}`)
  if (!/^sha256:[0-9a-f]{64}$/.test(outputs.digest ?? '')) throw new Error('no digest output')
  return outputs.digest!
}

async function describeMachine(daemon: DockerDaemon): Promise<string[]> {
  const version = await dockerOk(daemon, [
    'version',
    '--format',
    '{{.Client.Version}} (client) / {{.Server.Version}} (daemon, API {{.Server.APIVersion}})'
  ])
  const registry = execFileSync(REGISTRY_BIN, ['--version'], { encoding: 'utf8' }).trim()
  return [
    `nproc ${execFileSync('nproc', { encoding: 'utf8' }).trim()} (${cpus()[0]?.model ?? '?'})`,
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM`,
    `node ${process.version}`,
    `docker ${version.stdout.trim()} at ${DOCKER_CLI}, ${daemon.started ? 'a private dockerd (vfs)' : `the daemon at ${daemon.host}`}`,
    registry.replace(/^\S*docker-registry github.com\/docker\/distribution /, 'Distribution ')
  ]
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(2)} MiB`

function summary(m: Measure): string {
  return (
    `${m.requests} requests (+${m.tokenRequests} token), ${m.writes} writes, ${m.blobUploads} blob uploads, ` +
    `${m.manifestPuts} manifest PUTs, ${m.blobBytes} blob bytes` +
    (m.sourceRequests ? `, ${m.sourceRequests} source requests` : '') +
    `, ${m.seconds.toFixed(2)} s`
  )
}

/** The median; with the range when the rounds disagree, which counts should never do. */
function countCell(values: number[], format: (n: number) => string = String): string {
  const lo = Math.min(...values)
  const hi = Math.max(...values)
  return lo === hi ? format(lo) : `${format(median(values))} (${format(lo)}–${format(hi)})`
}

function render(
  results: Map<string, Measure[]>,
  rounds: number,
  image: Image,
  digests: string[],
  machine: string[]
): { table: string; doc: string } {
  const rows: string[][] = []
  const times: string[][] = []
  const breakdowns: string[] = []
  for (const contender of CONTENDERS) {
    for (const run of RUNS) {
      const ms = results.get(`${contender}\n${run}`) ?? []
      const col = (k: Count) => ms.map((m) => m[k])
      rows.push([
        contender,
        run,
        countCell(col('requests')),
        countCell(col('tokenRequests')),
        countCell(col('writes')),
        countCell(col('blobUploads')),
        countCell(col('manifestPuts')),
        countCell(col('blobBytes'), (n) => `${n} (${mib(n)})`),
        contender === 'tagship (registry mode)' ? countCell(col('sourceRequests')) : '–',
        `${median(ms.map((m) => m.seconds)).toFixed(2)} s`
      ])
      times.push([contender, run, ...ms.map((m) => `${m.seconds.toFixed(2)} s`)])
      const first = ms[0]
      if (first) {
        const parts = [...first.breakdown].map(([kind, n]) => `${kind} ×${n}`)
        breakdowns.push(`- **${contender}, ${run}**: ${parts.join(', ')}`)
      }
    }
  }
  const table = markdownTable(
    [
      'contender',
      'run',
      'registry requests',
      'token requests',
      'writes',
      'blob uploads',
      'manifest PUTs',
      'blob bytes uploaded',
      'source requests',
      `wall time (median of ${rounds})`
    ],
    rows
  )
  const timeTable = markdownTable(
    ['contender', 'run', ...Array.from({ length: rounds }, (_, i) => `round ${i + 1}`)],
    times
  )
  const at = (contender: Contender, run: Run) => results.get(`${contender}\n${run}`)?.[0]
  const doc = documentText({
    table,
    timeTable,
    breakdowns,
    rounds,
    image,
    digests,
    machine,
    at
  })
  return { table, doc }
}

function markdownTable(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

interface DocFacts {
  readonly table: string
  readonly timeTable: string
  readonly breakdowns: string[]
  readonly rounds: number
  readonly image: Image
  readonly digests: string[]
  readonly machine: string[]
  readonly at: (contender: Contender, run: Run) => Measure | undefined
}

function documentText(f: DocFacts): string {
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
  return `# Push measurements: tagship against a \`docker tag && docker push\` loop

Written by \`scripts/measure-push.ts\` (\`${COMMAND}\`) on ${date}. Run the
command again to regenerate this file; the numbers below are from that run.

Machine: ${f.machine.join('; ')}.

## What was measured

One image built FROM scratch with five \`COPY\` instructions of ${LAYERS} distinct
files of ${LAYER_BYTES} random bytes each (legacy builder, nothing pulled), so five
layers that gzip cannot shrink: the daemon's compressed layers are
${f.image.layerSizes.join(', ')} bytes, and with the image config one full upload
is **${f.image.blobBytes} bytes (${mib(f.image.blobBytes)})** per registry.
It is published to two registries (Distribution, one with htpasswd auth and one
with token auth, one repository each) under five tags: ${TAGS.join(', ')}
(a published release v1.2.3 with the default strategies), that is ten references.

Contenders, each on its own fresh pair of registries (no contender finds blobs
another one uploaded):

- **docker loop**: \`docker login --password-stdin\` to both registries in a fresh
  \`DOCKER_CONFIG\`, then for each registry and each tag \`docker tag\` + \`docker push\`
  (ten pushes).
- **tagship (docker mode)**: the bundled action (\`dist/main\` then \`dist/post\`, as a
  runner runs them) with \`source\` = the image ID in the local daemon.
- **tagship (registry mode)**: the bundled action with \`source\` = the same image
  in a third registry (no auth), loaded by a \`docker push\` before the measurement
  and not counted. \`DOCKER_HOST\` points at a socket that does not exist, so the
  measured part provably needs no daemon.

Each contender then runs the same publish again (**re-run**): the loop logs in
and pushes all ten references again; the action runs main and post again.
The whole comparison ran ${f.rounds} times (each round with a different contender
first); counts are the same in every round unless a range is shown, times are medians.
Every manifest digest the contenders published: ${f.digests.join(', ')}.

## Results

${f.table}

### What each number counts

All counts come from the recording proxies in front of the two target
registries (\`__fixtures__/services/proxy.ts\`), which see every request a
client (the action itself, or the Docker daemon pushing for the CLI) sends.

- **registry requests**: every HTTP request to the two target registries, of any
  method and status, the 401 challenges included. Logins count: the loop's
  \`docker login\` and the action's own login check are part of each run.
- **token requests**: requests to the token server of the token-auth registry
  (the htpasswd registry has none); not included in the registry requests.
- **writes**: registry requests with method PUT, POST, PATCH or DELETE.
- **blob uploads**: blob upload sessions that completed (a PUT to
  \`/blobs/uploads/…?digest=\` answered 201).
- **manifest PUTs**: \`PUT /v2/<repo>/manifests/<tag>\` requests, one per tag written.
- **blob bytes uploaded**: request body bytes of requests to \`/blobs/uploads/\`
  (the PATCH or PUT bodies that carry layers and the config), counted by the proxy
  as they arrive. Manifests are not included (a few hundred bytes each).
- **source requests**: registry mode only, requests to the source registry
  (all reads: tag, manifest and blob GETs); not included in the registry requests.
- **wall time**: from the first command of the run (login) to the end of the
  action's post step, or of the last \`docker push\`.

Per run, by kind (round 1; \`→ 404\` marks a status that is not a success,
\`/v2/\` is the version check, \`upload\` a request to \`/blobs/uploads/\`, \`source\` a
request to the source registry):

${f.breakdowns.join('\n')}

Wall time per round:

${f.timeTable}

${explanation(f)}`
}

/** Why the numbers come out as they do, with the counts of round 1 put in. */
function explanation(f: DocFacts): string {
  const loop = f.at('docker loop', 'first')
  const loop2 = f.at('docker loop', 're-run')
  const dock = f.at('tagship (docker mode)', 'first')
  const dock2 = f.at('tagship (docker mode)', 're-run')
  const reg = f.at('tagship (registry mode)', 'first')
  const reg2 = f.at('tagship (registry mode)', 're-run')
  if (!loop || !loop2 || !dock || !dock2 || !reg || !reg2) return ''
  const n = (m: Measure, kind: string): number => m.breakdown.get(kind) ?? 0
  const one = f.image.blobBytes
  const pushes = TAGS.length * 2
  return `## Why the numbers come out as they do

**Blob bytes: the same for every contender, and the least possible.** One full
upload is ${one} bytes (five gzipped layers of random bytes, each a little over
10 MiB, plus the config). Every contender uploads it once per registry on the
first run, ${2 * one} bytes in all, and nothing on the re-run. Less is not
possible with two distinct registries: a cross-repository mount only works within
one registry. The docker loop does not upload more either: after the first push to
a repository, the daemon's distribution metadata knows which blobs are there, so the
later pushes only HEAD them (${n(loop, 'HEAD blob')} blob HEADs answered 200 on the
first run, six per push). tagship in docker mode lets the daemon make exactly one
push per repository, so its uploads (POST, PATCH with the body, closing PUT:
${n(dock, 'PATCH upload')} of each) and bytes are the daemon's, the same as the
loop's. In registry mode, tagship HEADs each of the six blobs in the target (404),
opens an upload session (POST) and streams the blob from the source into a single
PUT (${n(reg, 'PATCH upload')} PATCH requests), so the body bytes are exactly the sizes the
manifest lists. Those bytes come from the source registry, once per target:
${n(reg, 'source GET blob')} blob GETs, about ${mib(2 * one)} downloaded. The proxy counts
request bodies, not response bodies, so the table does not show those downloads.

**First run: the same writes, fewer reads.** The loop and docker mode make the
same ${loop.writes} writes: ${loop.blobUploads} blob uploads of three requests each and
${loop.manifestPuts} manifest PUTs, because a \`docker push\` of an image whose blobs
are already there writes only its manifest. The difference is in the reads. Each of
the loop's ${pushes} pushes starts over with a version check answered 401
(\`GET /v2/\`), a token when the registry is the token registry, and six blob HEADs,
before its manifest PUT. That makes ${loop.requests} registry requests and
${loop.tokenRequests} token requests (one per \`docker login\`, one per push to the
token registry). tagship in docker mode makes ${dock.requests} registry requests:

- one \`docker login\` per registry, as in the loop (through the daemon: \`GET /v2/\`
  answered 401, then with the credentials);
- one \`docker push\` per repository: the daemon's version check, six HEADs answered
  404, the six uploads, a HEAD of each blob once it is in, and the first tag's manifest;
- one manifest PUT per further tag from tagship's own client
  (${dock.manifestPuts - 2} of the ${dock.manifestPuts});
- its own reads: its login check (\`GET /v2/\`, answered 401, then with the
  credentials), each repository's tag list (answered 401 first, then 404 on a fresh
  repository), one GET of the manifest the daemon pushed (tagship PUTs those same
  bytes under the other tags), and one HEAD per tag to verify
  (${n(dock, 'HEAD manifest')}).

Registry mode has no daemon and skips the daemon's post-upload HEADs and its version
checks: ${reg.requests} registry requests, ${reg.writes} writes (no PATCH).

**Re-run: only reads.** The loop pushes all ten references again. It runs the same
protocol, every blob HEAD answers 200, and every push PUTs its manifest again:
${loop2.writes} writes of content that is already there, ${loop2.requests} requests.
tagship reads each repository's tags and HEADs the five planned tags. It finds them at
the digest it would publish: in docker mode it GETs the manifest once per
repository (${n(dock2, 'GET manifest')} in all) to compare its config digest with the
local image ID; in registry mode it compares with the source manifest's digest. It
writes nothing, then verifies the ten tags again. That is
${n(dock2, 'HEAD manifest')} manifest HEADs in all, ${dock2.requests} (docker mode) and
${reg2.requests} (registry mode) requests, and ${dock2.writes + reg2.writes} writes.

**Token requests.** The loop makes one per \`docker login\` and one per push to the
token registry (${loop.tokenRequests} per run). tagship in docker mode makes
${dock.tokenRequests} on the first run: the docker login, tagship's login check,
tagship's repository token, and the daemon's push. It makes ${dock2.tokenRequests} on
the re-run, which has no push. Registry mode makes ${reg.tokenRequests}: the login
check and the repository token.

**Wall time.** On the first run, the loop and docker mode spend most of their time
in the daemon. It gzips every 10 MiB layer again for each registry it has not pushed
to, and reads them from vfs storage. Both contenders pay that once per registry;
the loop adds eight more \`docker push\` commands, each a CLI start, a version check
and six HEADs (and a token on the token registry). Registry mode moves blobs that are
already compressed from registry to registry, with no compression and no daemon. On
the re-run, each of the loop's ten \`docker push\` commands costs a CLI start and a
round of HEADs. tagship's time is mostly its two Node processes (main and post). The
machine is shared, so times vary from round to round (see the per-round table).
Counts do not.

**What tagship could still save** (observations only; this script changes nothing in src/):

- One 401 per registry per run (\`GET tags/list → 401\` above): the action's login
  check uses its own \`RegistryClient\` (src/action/login.ts), and publishing makes a
  new one (src/action/publish-env.ts), which meets each registry's 401 challenge
  again before it authenticates. The repository-scoped token it then gets is needed
  anyway; the 401 round trip is not.
- The verify step HEADs every tag it has just written or just found
  (${n(dock2, 'HEAD manifest') / 2} HEADs of the ${n(dock2, 'HEAD manifest')} on a re-run).
  That is the price of proving that every tag landed.
- Registry mode reads each source blob once per target registry, not once per run.
`
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
