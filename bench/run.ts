// `npm run bench` (or `npm run bench:tiny`: one run, small images, for CI):
// starts registries, a daemon and images itself, runs scenarios A to E at
// loopback and at 50 ms RTT and F at 50 ms RTT, and writes BENCHMARKS.md
// (tiny: stdout only). `-- --only F` (or `--only A,C`; B and E run together)
// runs some scenarios and prints their results without writing BENCHMARKS.md;
// so do `--runs N`, `--rtt 0|50`, `--auth basic|bearer` and `--contenders
// tagship,floor` (see narrowConfig), for working on one figure.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ensureDocker, type DockerDaemon } from '../__fixtures__/services/dockerd.js'
import { dockerOk } from '../__fixtures__/services/docker-cli.js'
import { Cleanup } from '../__fixtures__/services/process.js'
import { REGISTRY_BIN } from '../__fixtures__/services/registry.js'
import { SKOPEO_BIN } from '../__fixtures__/services/skopeo.js'
import { snapshotAction } from './action.js'
import { BUILDAH_BIN } from './archive.js'
import { benchConfig, flagValue, narrowConfig } from './config.js'
import { FLOOR_ENV, runFloorJob, type FloorJob } from './floor.js'
import type { BenchContext } from './measure.js'
import { authComparison } from './auth-report.js'
import { methodText } from './method.js'
import { AUTH_LABEL } from './registries.js'
import { renderReport, resultsTable, judgeTargets, whereTimeGoes } from './report.js'
import { prepareRetagImage, scenarioA } from './scenario-a.js'
import { preparePushImage, scenarioBE } from './scenario-be.js'
import { prepareCopySource, scenarioC } from './scenario-c.js'
import { scenarioD } from './scenario-d.js'
import { prepareArchive, scenarioF } from './scenario-f.js'

const SCENARIOS = ['A', 'B', 'C', 'D', 'E', 'F'] as const

/** `--only F`, `--only=A,C`: the scenarios to run (B and E are one run); all when absent. */
function selectedScenarios(argv: readonly string[]): Set<string> {
  if (!argv.some((a) => a === '--only' || a.startsWith('--only='))) return new Set(SCENARIOS)
  const value = flagValue(argv, '--only')
  const picked = (value ?? '')
    .toUpperCase()
    .split(/[\s,]+/)
    .filter(Boolean)
  const unknown = picked.filter((p) => !(SCENARIOS as readonly string[]).includes(p))
  if (picked.length === 0 || unknown.length > 0)
    throw new Error(
      `--only takes scenarios among ${SCENARIOS.join(', ')}; got ${value ?? 'nothing'}`
    )
  if (picked.includes('B') || picked.includes('E')) picked.push('B', 'E')
  return new Set(picked)
}

async function main(): Promise<void> {
  const narrow = narrowConfig(benchConfig(process.argv.includes('--tiny')), process.argv)
  const cfg = narrow.cfg
  const only = selectedScenarios(process.argv)
  const partial = only.size < SCENARIOS.length || narrow.narrowed
  const started = new Date()
  const t0 = performance.now()
  const cleanup = new Cleanup()
  const interrupted = () => void cleanup.run().finally(() => process.exit(130))
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)
  const work = mkdtempSync(join(tmpdir(), 'tagship-bench-'))
  cleanup.add(() => rm(work, { recursive: true, force: true }))
  try {
    const actionDir = snapshotAction(work)
    const daemon = await ensureDocker()
    cleanup.add(daemon.stop)
    const machine = await describeMachine(daemon)
    console.log(`machine: ${machine.join('; ')}`)
    if (partial) console.log(`only ${[...only].sort().join(', ')}`)
    const ctx: BenchContext = { cfg, daemon, work, actionDir, samples: [] }
    console.log('preparing images')
    const retag = only.has('A') ? await prepareRetagImage(ctx) : undefined
    const push = only.has('B') ? await preparePushImage(ctx) : undefined
    const source = only.has('C') ? await prepareCopySource(ctx) : undefined
    if (source) cleanup.add(source.registry.stop)
    const archive = only.has('F') ? await prepareArchive(ctx) : undefined
    if (archive)
      console.log(
        `F's archive: ${archive.manifests.length} platforms, ${archive.blobs.length} blobs of ` +
          `${(archive.blobBytes / 2 ** 20).toFixed(1)} MiB, index ${archive.index.digest}`
      )
    if (only.has('D')) {
      console.log('D (start-up)')
      await scenarioD(ctx)
    }
    for (const oneWayMs of cfg.oneWayMs) {
      for (const auth of cfg.auths) {
        const at = `one-way delay ${oneWayMs} ms, ${AUTH_LABEL[auth]} auth`
        if (retag) {
          console.log(`A (retag), ${at}`)
          await scenarioA(ctx, retag, oneWayMs, auth)
        }
        if (push) {
          console.log(`B and E (multi-registry push, re-run), ${at}`)
          await scenarioBE(ctx, push, oneWayMs, auth)
        }
        if (source) {
          console.log(`C (copy), ${at}`)
          await scenarioC(ctx, source, oneWayMs, auth)
        }
      }
    }
    for (const oneWayMs of archive ? cfg.archiveOneWayMs : []) {
      for (const auth of cfg.auths) {
        console.log(
          `F (multi-platform OCI archive to 3 registries), one-way delay ${oneWayMs} ms, ${AUTH_LABEL[auth]} auth`
        )
        await scenarioF(ctx, archive!, oneWayMs, auth)
      }
    }
    const minutes = (performance.now() - t0) / 60_000
    const pushBlobs = push?.manifest.blobs.length ?? 0
    const archiveFacts = archive
      ? { blobs: archive.blobs.length, blobBytes: archive.blobBytes }
      : undefined
    console.log(
      `\n${resultsTable(ctx.samples)}\n\nBasic and Bearer, side by side:\n\n${authComparison(ctx.samples)}` +
        `\n\n${judgeTargets(ctx.samples, pushBlobs, archiveFacts).join('\n')}`
    )
    console.log(`\nbench took ${minutes.toFixed(1)} minutes`)
    if (!cfg.tiny && !partial) {
      const analysis = `${methodText(cfg, source!.diskBytes, archive!.bytes)}\n## Where tagship's time goes\n\n${whereTimeGoes(ctx.samples)}`
      const report = renderReport(
        {
          cfg,
          samples: ctx.samples,
          machine,
          started,
          minutes,
          sourceDiskBytes: source!.diskBytes,
          pushBlobs,
          ...(archiveFacts ? { archive: archiveFacts } : {})
        },
        analysis
      )
      writeFileSync(join(process.cwd(), 'BENCHMARKS.md'), report)
      console.log('written to BENCHMARKS.md')
    } else if (partial) {
      const timelines = whereTimeGoes(ctx.samples)
      if (timelines) console.log(`\n${timelines}\n`)
      console.log('only part of the bench ran: BENCHMARKS.md is left as it is')
    }
  } finally {
    process.off('SIGINT', interrupted)
    process.off('SIGTERM', interrupted)
    await cleanup.run()
  }
}

async function describeMachine(daemon: DockerDaemon): Promise<string[]> {
  const version = await dockerOk(daemon, [
    'version',
    '--format',
    '{{.Client.Version}} (client) / {{.Server.Version}} (daemon)'
  ])
  const first = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { encoding: 'utf8' }).trim().split('\n')[0]!
  const git = (...args: string[]) => first('git', args)
  const dirty = git('status', '--porcelain', '--', 'src', 'dist').length > 0
  return [
    `nproc ${cpus().length} (${cpus()[0]?.model ?? '?'})`,
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM`,
    `node ${process.version}`,
    `docker ${version.stdout.trim()}${daemon.started ? ', a private dockerd (vfs)' : ''}`,
    first(REGISTRY_BIN, ['--version']).replace(
      /^\S*docker-registry github.com\/docker\/distribution /,
      'Distribution '
    ),
    first(SKOPEO_BIN, ['--version']),
    first(BUILDAH_BIN, ['--version']).replace(/ \(.*$/, ''),
    first('curl', ['--version']).split(' (')[0]!,
    `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' (with uncommitted changes in src/ or dist/)' : ''}`
  ]
}

if (process.argv.includes('--floor')) {
  const start = performance.now()
  runFloorJob(JSON.parse(process.env[FLOOR_ENV] ?? '{}') as FloorJob).then(
    () => console.log(`floor-ms=${performance.now() - start}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e))
      process.exit(1)
    }
  )
} else {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e))
    process.exit(1)
  })
}
