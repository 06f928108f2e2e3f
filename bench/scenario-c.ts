// C. Daemonless copy of an image from one registry to another.
import { execFileSync } from 'node:child_process'
import { dirname } from 'node:path'
import { expectResults, NO_DAEMON, runAction } from './action.js'
import { latencyLabel, type CopySize } from './config.js'
import { expectTagsAt, type Manifest } from './http.js'
import { measure, rotate, type BenchContext } from './measure.js'
import { floorChild, skopeoAuthfile, skopeoCopies } from './peers.js'
import { withLatency, startBenchRegistry, USER, type BenchRegistry } from './registries.js'
import { seedStreamedImage } from './seed.js'

const CONTENDERS = ['tagship', 'skopeo', 'floor'] as const
const FROM = 'c/app'
const TO = 'c/copy'

export interface CopySource {
  readonly registry: BenchRegistry
  readonly images: ReadonlyMap<string, Manifest>
  /** What the source registry's storage holds after seeding, bytes. */
  readonly diskBytes: number
}

/** One source registry holding every size, seeded once with streamed PRNG layers. */
export async function prepareCopySource(ctx: BenchContext): Promise<CopySource> {
  const registry = await startBenchRegistry(0, 0)
  const images = new Map<string, Manifest>()
  for (const size of ctx.cfg.copies) {
    const tag = tagOf(size)
    images.set(
      size.label,
      await seedStreamedImage(registry.direct, USER, FROM, tag, size.layers, size.layerBytes)
    )
  }
  const dir = dirname(registry.registry.logPath)
  const diskBytes = Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0])
  return { registry, images, diskBytes }
}

const tagOf = (size: CopySize): string => size.label.replace(/\s+/g, '').toLowerCase()

export async function scenarioC(ctx: BenchContext, source: CopySource, oneWayMs: number) {
  const latency = latencyLabel(oneWayMs)
  const src = await withLatency(source.registry, oneWayMs, ctx.cfg.setupRoundTrips)
  try {
    for (let run = 0; run < ctx.cfg.runs; run++) {
      for (const size of ctx.cfg.copies) {
        const manifest = source.images.get(size.label)!
        for (const contender of rotate(CONTENDERS, run)) {
          const dst = await startBenchRegistry(oneWayMs, ctx.cfg.setupRoundTrips)
          try {
            const role =
              contender === 'tagship' ? 'tagship' : contender === 'floor' ? 'floor' : 'peer'
            const what = { scenario: 'C', variant: size.label, latency, contender, role } as const
            const from = `${src.host}/${FROM}:${tagOf(size)}`
            await measure(
              ctx,
              what,
              [dst],
              async () => {
                if (contender === 'tagship') {
                  const result = await runAction(ctx.actionDir, ctx.work, {
                    images: [`${dst.host}/${TO}`],
                    source: from,
                    rawTags: ['copy'],
                    registries: [src.host, dst.host],
                    creds: USER,
                    dockerHost: NO_DAEMON
                  })
                  expectResults(result, [`${dst.host}/${TO}:copy`], 'pushed', manifest.digest)
                  return result
                }
                if (contender === 'skopeo') {
                  const authfile = skopeoAuthfile(ctx.work, [src.host, dst.host], USER)
                  return skopeoCopies(ctx.work, authfile, [
                    [`docker://${from}`, `docker://${dst.host}/${TO}:copy`]
                  ])
                }
                return floorChild(ctx.work, {
                  op: 'copy',
                  from: { base: src.url, repo: FROM, ref: tagOf(size) },
                  to: { base: dst.url, repo: TO, tag: 'copy' },
                  creds: USER
                })
              },
              src
            )
            const tags = [{ repo: TO, tag: 'copy' }]
            await expectTagsAt(dst.direct, USER, tags, manifest.digest, `C ${contender}`)
          } finally {
            await dst.stop()
          }
        }
      }
    }
  } finally {
    await src.stop()
  }
}
