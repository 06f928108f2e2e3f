// C. Daemonless copy of an image from one registry to another.
import { execFileSync } from 'node:child_process'
import { dirname } from 'node:path'
import { expectResults, NO_DAEMON, runAction } from './action.js'
import { latencyLabel, type CopySize } from './config.js'
import { expectTagsAt, type Manifest } from './http.js'
import { measure, rotate, type BenchContext } from './measure.js'
import { floorChild, skopeoAuthfile, skopeoCopies } from './peers.js'
import {
  AUTH_LABEL,
  withLatency,
  startBenchRegistry,
  USER,
  type AuthKind,
  type BenchRegistry
} from './registries.js'
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
  const images = await seedSource(ctx, registry)
  const dir = dirname(registry.registry.logPath)
  const diskBytes = Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0])
  return { registry, images, diskBytes }
}

/** Every size, streamed to `registry` without added latency (the same digests every time). */
async function seedSource(
  ctx: BenchContext,
  registry: BenchRegistry
): Promise<Map<string, Manifest>> {
  const images = new Map<string, Manifest>()
  for (const size of ctx.cfg.copies) {
    const tag = tagOf(size)
    images.set(
      size.label,
      await seedStreamedImage(registry.direct, USER, FROM, tag, size.layers, size.layerBytes)
    )
  }
  return images
}

/**
 * The source at this latency: the htpasswd one behind another latency proxy,
 * or (Bearer) a token registry of its own, seeded now: its realm, and so the
 * delay of its token round trips, is fixed when it starts.
 */
async function sourceAt(
  ctx: BenchContext,
  source: CopySource,
  oneWayMs: number,
  authKind: AuthKind
): Promise<BenchRegistry> {
  if (authKind === 'htpasswd')
    return withLatency(source.registry, oneWayMs, ctx.cfg.setupRoundTrips)
  const registry = await startBenchRegistry(oneWayMs, ctx.cfg.setupRoundTrips, authKind)
  try {
    const images = await seedSource(ctx, registry)
    for (const [label, m] of images)
      if (m.digest !== source.images.get(label)?.digest)
        throw new Error(`C: the Bearer source's ${label} image is ${m.digest}, not the same image`)
    return registry
  } catch (e) {
    await registry.stop()
    throw e
  }
}

const tagOf = (size: CopySize): string => size.label.replace(/\s+/g, '').toLowerCase()

export async function scenarioC(
  ctx: BenchContext,
  source: CopySource,
  oneWayMs: number,
  authKind: AuthKind
) {
  const latency = latencyLabel(oneWayMs)
  const auth = AUTH_LABEL[authKind]
  const src = await sourceAt(ctx, source, oneWayMs, authKind)
  try {
    for (let run = 0; run < ctx.cfg.runs; run++) {
      for (const size of ctx.cfg.copies) {
        const manifest = source.images.get(size.label)!
        for (const contender of rotate(ctx, CONTENDERS, run)) {
          const dst = await startBenchRegistry(oneWayMs, ctx.cfg.setupRoundTrips, authKind)
          try {
            const role =
              contender === 'tagship' ? 'tagship' : contender === 'floor' ? 'floor' : 'peer'
            const what = {
              scenario: 'C',
              variant: size.label,
              latency,
              auth,
              contender,
              role
            } as const
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
                  from: {
                    base: src.url,
                    repo: FROM,
                    ref: tagOf(size),
                    ...(src.token ? { token: src.token } : {})
                  },
                  to: {
                    base: dst.url,
                    repo: TO,
                    tag: 'copy',
                    ...(dst.token ? { token: dst.token } : {})
                  },
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
