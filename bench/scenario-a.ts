// A. Same-repository retag of one image to 10 tags.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { buildScratchImage, dockerOk } from '../__fixtures__/services/docker-cli.js'
import { expectResults, NO_DAEMON, runAction } from './action.js'
import { latencyLabel } from './config.js'
import { cloneInRegistry, expectTagsAt, getManifest, type Manifest } from './http.js'
import { measure, rotate, type BenchContext } from './measure.js'
import { curlRetag, dockerLoop, skopeoAuthfile, skopeoCopies } from './peers.js'
import {
  AUTH_LABEL,
  startBenchRegistry,
  USER,
  type AuthKind,
  type BenchRegistry
} from './registries.js'

export const RETAGS = [
  '1.2.3',
  '1.2',
  '1',
  'latest',
  'sha-860c190',
  'stable',
  'prod',
  'v1.2.3',
  '2026.11',
  'release'
]
const CONTENDERS = ['tagship', 'docker loop', 'skopeo loop', 'floor (curl)'] as const

/** The image in the daemon (for the docker loop) and in the registry's `a/base:build`. */
export async function prepareRetagImage(ctx: BenchContext): Promise<string> {
  return buildScratchImage(ctx.daemon, `tagship-bench-a:${process.pid}`, {
    'a.bin': randomBytes(ctx.cfg.retagLayerBytes)
  })
}

export async function scenarioA(
  ctx: BenchContext,
  image: string,
  oneWayMs: number,
  authKind: AuthKind
) {
  const latency = latencyLabel(oneWayMs)
  const auth = AUTH_LABEL[authKind]
  const reg = await startBenchRegistry(oneWayMs, ctx.cfg.setupRoundTrips, authKind)
  try {
    const base = await seedBase(ctx, reg, image)
    for (let run = 0; run < ctx.cfg.runs; run++) {
      for (const contender of rotate(ctx, CONTENDERS, run)) {
        const repo = `a/r${run}-${contender.split(' ')[0]}`
        await cloneInRegistry(reg.direct, USER, 'a/base', base, repo, 'build')
        const refs = RETAGS.map((t) => `${reg.host}/${repo}:${t}`)
        const what = { scenario: 'A', variant: '', latency, auth, contender }
        if (contender === 'tagship') {
          await measure(ctx, { ...what, role: 'tagship' }, [reg], async () => {
            const result = await runAction(ctx.actionDir, ctx.work, {
              images: [`${reg.host}/${repo}`],
              source: `${reg.host}/${repo}:build`,
              rawTags: RETAGS,
              registries: [reg.host],
              creds: USER,
              dockerHost: NO_DAEMON
            })
            expectResults(result, refs, 'pushed', base.digest)
            return result
          })
        } else if (contender === 'docker loop') {
          await measure(ctx, { ...what, role: 'peer' }, [reg], async () => {
            const loop = await dockerLoop(ctx.daemon, ctx.work, image, [reg.host], refs, USER)
            if (loop.digests.size !== 1 || !loop.digests.has(base.digest))
              throw new Error(`docker loop pushed ${[...loop.digests].join(', ')}`)
            return { ms: loop.ms }
          })
        } else if (contender === 'skopeo loop') {
          const authfile = skopeoAuthfile(ctx.work, [reg.host], USER)
          const pairs = refs.map(
            (ref) => [`docker://${reg.host}/${repo}:build`, `docker://${ref}`] as const
          )
          await measure(ctx, { ...what, role: 'peer' }, [reg], () =>
            skopeoCopies(ctx.work, authfile, pairs)
          )
        } else {
          await measure(ctx, { ...what, role: 'floor' }, [reg], () =>
            curlRetag(ctx.work, reg.url, repo, 'build', RETAGS, USER, reg.token)
          )
        }
        const tags = RETAGS.map((tag) => ({ repo, tag }))
        await expectTagsAt(reg.direct, USER, tags, base.digest, `A ${contender}`)
      }
    }
  } finally {
    await reg.stop()
  }
}

/** docker push the image to `a/base:build` without added latency (not measured). */
async function seedBase(ctx: BenchContext, reg: BenchRegistry, image: string): Promise<Manifest> {
  const configDir = mkdtempSync(join(ctx.work, 'seed-docker-'))
  const host = reg.direct.replace('http://', '')
  await dockerOk(ctx.daemon, ['login', '--username', USER.username, '--password-stdin', host], {
    input: USER.password,
    configDir
  })
  await dockerOk(ctx.daemon, ['tag', image, `${host}/a/base:build`], { configDir })
  await dockerOk(ctx.daemon, ['push', `${host}/a/base:build`], { configDir })
  return getManifest(reg.direct, USER, 'a/base', 'build')
}
