// B. Multi-registry publish of one image (five layers) from the local daemon
//    to 3 registries x 5 tags. E. The same publish again, with everything in place.
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { dockerOk } from '../__fixtures__/services/docker-cli.js'
import { expectResults, runAction } from './action.js'
import { latencyLabel } from './config.js'
import { basic, expectTagsAt, getManifest, type Manifest } from './http.js'
import { measure, rotate, type BenchContext } from './measure.js'
import { dockerLoop, floorChild } from './peers.js'
import {
  AUTH_LABEL,
  startBenchRegistry,
  USER,
  type AuthKind,
  type BenchRegistry
} from './registries.js'

/** What a published release v1.2.3 gets from the default strategies. */
export const RELEASE_TAGS = ['1.2.3', '1.2', '1', 'sha-860c190', 'latest']
const REPO = 'acme/app'
const CONTENDERS = ['tagship', 'docker loop', 'floor'] as const

export interface PushImage {
  readonly id: string
  readonly manifest: Manifest
  /** The compressed blobs as the daemon pushes them, one file per digest (for the floor). */
  readonly blobsDir: string
  readonly manifestFile: string
}

/** Build FROM scratch + one COPY per layer of random bytes; learn what a push uploads. */
export async function preparePushImage(ctx: BenchContext): Promise<PushImage> {
  const { pushLayers, pushLayerBytes } = ctx.cfg
  // One COPY per file, one layer each (buildScratchImage makes a single layer).
  const files: Record<string, Buffer> = {}
  for (let i = 1; i <= pushLayers; i++) files[`layer${i}.bin`] = randomBytes(pushLayerBytes)
  const id = await buildLayered(ctx, files)
  const scratch = await startBenchRegistry(0, 0)
  try {
    const configDir = mkdtempSync(join(ctx.work, 'seed-docker-'))
    const host = scratch.direct.replace('http://', '')
    await dockerOk(ctx.daemon, ['login', '--username', USER.username, '--password-stdin', host], {
      input: USER.password,
      configDir
    })
    await dockerOk(ctx.daemon, ['tag', id, `${host}/b/sizes:1`], { configDir })
    await dockerOk(ctx.daemon, ['push', `${host}/b/sizes:1`], { configDir, timeoutMs: 600_000 })
    const manifest = await getManifest(scratch.direct, USER, 'b/sizes', '1')
    const blobsDir = join(ctx.work, 'b-blobs')
    mkdirSync(blobsDir)
    for (const blob of manifest.blobs) {
      const res = await fetch(`${scratch.direct}/v2/b/sizes/blobs/${blob.digest}`, {
        headers: { authorization: basic(USER) }
      })
      writeFileSync(join(blobsDir, blob.digest), Buffer.from(await res.arrayBuffer()))
    }
    const manifestFile = join(ctx.work, 'b-manifest.json')
    writeFileSync(manifestFile, manifest.bytes)
    return { id, manifest, blobsDir, manifestFile }
  } finally {
    await scratch.stop()
  }
}

async function buildLayered(ctx: BenchContext, files: Record<string, Buffer>): Promise<string> {
  const context = mkdtempSync(join(ctx.work, 'build-'))
  const lines = ['FROM scratch']
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(context, name), content)
    lines.push(`COPY ${name} /${name}`)
  }
  writeFileSync(join(context, 'Dockerfile'), `${lines.join('\n')}\n`)
  const build = await dockerOk(
    ctx.daemon,
    ['build', '--quiet', '--tag', `tagship-bench-b:${process.pid}`, context],
    { env: { DOCKER_BUILDKIT: '0' }, timeoutMs: 600_000 }
  )
  const id = build.stdout.trim()
  if (!/^sha256:[0-9a-f]{64}$/.test(id)) throw new Error('docker build printed no image ID')
  return id
}

export async function scenarioBE(
  ctx: BenchContext,
  image: PushImage,
  oneWayMs: number,
  authKind: AuthKind
) {
  const latency = latencyLabel(oneWayMs)
  const auth = AUTH_LABEL[authKind]
  for (let run = 0; run < ctx.cfg.runs; run++) {
    for (const contender of rotate(ctx, CONTENDERS, run)) {
      // The docker CLI's push and the floor send the daemon's compressed
      // layers; tagship (local-push: upload) compresses them itself, once, so
      // its digest is its own: the same on every registry, with the image's config.
      let digest = image.manifest.digest
      const regs = await Promise.all(
        [0, 1, 2].map(() => startBenchRegistry(oneWayMs, ctx.cfg.setupRoundTrips, authKind))
      )
      try {
        const refs = regs.flatMap((r) => RELEASE_TAGS.map((t) => `${r.host}/${REPO}:${t}`))
        for (const [scenario, first] of [
          ['B', true],
          ['E', false]
        ] as const) {
          const role =
            contender === 'tagship' ? 'tagship' : contender === 'floor' ? 'floor' : 'peer'
          const what = { scenario, variant: '', latency, auth, contender, role } as const
          await measure(ctx, what, regs, async () => {
            const ran = await runContender(ctx, contender, image, regs, refs, first)
            if ('outputs' in ran) digest = (ran.outputs as Record<string, string>).digest!
            return ran
          })
          if (contender === 'tagship') await expectImage(regs[0]!, image, digest)
          for (const r of regs) {
            const tags = RELEASE_TAGS.map((tag) => ({ repo: REPO, tag }))
            await expectTagsAt(r.direct, USER, tags, digest, `${scenario} ${contender}`)
          }
          const last = ctx.samples[ctx.samples.length - 1]!
          if (!first && contender === 'tagship' && last.wire.writes !== 0) {
            throw new Error(`E: tagship wrote ${last.wire.writes} times: ${[...last.wire.kinds]}`)
          }
        }
      } finally {
        await Promise.all(regs.map((r) => r.stop()))
      }
    }
  }
}

async function runContender(
  ctx: BenchContext,
  contender: (typeof CONTENDERS)[number],
  image: PushImage,
  regs: readonly BenchRegistry[],
  refs: readonly string[],
  first: boolean
) {
  const digest = image.manifest.digest
  if (contender === 'tagship') {
    const result = await runAction(ctx.actionDir, ctx.work, {
      images: regs.map((r) => `${r.host}/${REPO}`),
      source: image.id,
      registries: regs.map((r) => r.host),
      creds: USER,
      dockerHost: ctx.daemon.host
    })
    expectResults(result, refs, first ? 'pushed' : 'already there', result.outputs.digest!)
    return result
  }
  if (contender === 'docker loop') {
    const hosts = regs.map((r) => r.host)
    const loop = await dockerLoop(ctx.daemon, ctx.work, image.id, hosts, refs, USER)
    if (loop.digests.size !== 1 || !loop.digests.has(digest))
      throw new Error(`docker loop pushed ${[...loop.digests].join(', ')}`)
    return { ms: loop.ms }
  }
  const targets = regs.map((r) => ({
    base: r.url,
    repo: REPO,
    ...(r.token ? { token: r.token } : {})
  }))
  if (!first) {
    const heads = targets.flatMap((t) => RELEASE_TAGS.map((tag) => ({ ...t, tag })))
    return floorChild(ctx.work, { op: 'heads', refs: heads, creds: USER })
  }
  return floorChild(ctx.work, {
    op: 'push',
    targets,
    tags: RELEASE_TAGS,
    blobsDir: image.blobsDir,
    blobs: image.manifest.blobs.map((b) => b.digest),
    manifestFile: image.manifestFile,
    mediaType: image.manifest.mediaType,
    creds: USER
  })
}

/** What tagship published is the local image: its config is the image's (the image ID). */
async function expectImage(reg: BenchRegistry, image: PushImage, digest: string): Promise<void> {
  const published = await getManifest(reg.direct, USER, REPO, digest)
  const config = published.blobs[0]!.digest
  if (config !== image.id)
    throw new Error(`tagship published ${digest} with config ${config}, not the image ${image.id}`)
  if (published.blobs.length !== image.manifest.blobs.length)
    throw new Error(
      `tagship published ${published.blobs.length - 1} layers, not ${image.manifest.blobs.length - 1}`
    )
}
