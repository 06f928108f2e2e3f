// F. Daemonless publish of a two-platform OCI archive (buildah) to 3 registries x 5 tags.
import { createHash } from 'node:crypto'
import { inspectRaw } from '../__fixtures__/services/skopeo.js'
import { expectResults, NO_DAEMON, runAction } from './action.js'
import { buildOciArchive, type OciArchive } from './archive.js'
import { latencyLabel } from './config.js'
import { tagDigest } from './http.js'
import { measure, rotate, type BenchContext } from './measure.js'
import { floorChild, skopeoAuthfile, skopeoCopies } from './peers.js'
import {
  AUTH_LABEL,
  startBenchRegistry,
  USER,
  type AuthKind,
  type BenchRegistry
} from './registries.js'
import { RELEASE_TAGS } from './scenario-be.js'

const REPO = 'acme/app'
const CONTENDERS = ['tagship', 'skopeo loop', 'floor'] as const

/** Build the archive once per bench run, in the bench's temp dir. */
export function prepareArchive(ctx: BenchContext): Promise<OciArchive> {
  return buildOciArchive(ctx.work, ctx.cfg.archiveFiles, ctx.cfg.archiveFileBytes)
}

export async function scenarioF(
  ctx: BenchContext,
  archive: OciArchive,
  oneWayMs: number,
  authKind: AuthKind
) {
  const latency = latencyLabel(oneWayMs)
  const auth = AUTH_LABEL[authKind]
  for (let run = 0; run < ctx.cfg.runs; run++) {
    for (const contender of rotate(ctx, CONTENDERS, run)) {
      // Fresh registries, so every contender starts from empty repositories.
      const regs = await Promise.all(
        [0, 1, 2].map(() => startBenchRegistry(oneWayMs, ctx.cfg.setupRoundTrips, authKind))
      )
      try {
        const role = contender === 'tagship' ? 'tagship' : contender === 'floor' ? 'floor' : 'peer'
        const what = { scenario: 'F', variant: '', latency, auth, contender, role } as const
        await measure(ctx, what, regs, () => runContender(ctx, contender, archive, regs))
        if (contender !== 'skopeo loop') expectEachBlobOnce(archive, regs, contender)
        await expectPublished(archive, regs, contender)
      } finally {
        await Promise.all(regs.map((r) => r.stop()))
      }
    }
  }
}

async function runContender(
  ctx: BenchContext,
  contender: (typeof CONTENDERS)[number],
  archive: OciArchive,
  regs: readonly BenchRegistry[]
) {
  const source = `oci-archive:${archive.path}`
  if (contender === 'tagship') {
    const result = await runAction(ctx.actionDir, ctx.work, {
      images: regs.map((r) => `${r.host}/${REPO}`),
      source,
      registries: regs.map((r) => r.host),
      creds: USER,
      dockerHost: NO_DAEMON
    })
    const refs = regs.flatMap((r) => RELEASE_TAGS.map((t) => `${r.host}/${REPO}:${t}`))
    expectResults(result, refs, 'pushed', archive.index.digest)
    return result
  }
  if (contender === 'skopeo loop') {
    const authfile = skopeoAuthfile(
      ctx.work,
      regs.map((r) => r.host),
      USER
    )
    const pairs = regs.flatMap((r) =>
      RELEASE_TAGS.map((t) => [source, `docker://${r.host}/${REPO}:${t}`] as const)
    )
    return skopeoCopies(ctx.work, authfile, pairs, { all: true, tmpDir: ctx.work })
  }
  return floorChild(ctx.work, {
    op: 'archive',
    targets: regs.map((r) => ({
      base: r.url,
      repo: REPO,
      ...(r.token ? { token: r.token } : {})
    })),
    tags: RELEASE_TAGS,
    archive: archive.path,
    blobs: archive.blobs,
    manifests: archive.manifests,
    index: archive.index,
    creds: USER
  })
}

/**
 * Each registry completed exactly one upload of each blob the manifests name
 * and nothing else, and received exactly the blobs' bytes: no blob read twice
 * for one registry, none skipped (fresh registries: no blob can be mounted).
 */
function expectEachBlobOnce(
  archive: OciArchive,
  regs: readonly BenchRegistry[],
  who: string
): void {
  const want = archive.blobs.map((b) => b.digest).sort()
  const problems: string[] = []
  for (const [i, r] of regs.entries()) {
    const uploads = r.registry.requests().filter((q) => q.path.includes('/blobs/uploads/'))
    const done = uploads
      .filter((q) => q.method === 'PUT' && q.status === 201)
      .map((q) => new URLSearchParams(q.query).get('digest') ?? '?')
      .sort()
    const bytes = uploads.reduce((a, q) => a + (q.bytes ?? 0), 0)
    if (done.join() !== want.join())
      problems.push(
        `registry ${i + 1} completed ${done.length} uploads (${countDuplicates(done)}), expected each of ${want.length} blobs once`
      )
    if (bytes !== archive.blobBytes)
      problems.push(`registry ${i + 1} received ${bytes} blob bytes, expected ${archive.blobBytes}`)
  }
  if (problems.length > 0) throw new Error(`F ${who}: ${problems.join('; ')}`)
}

const countDuplicates = (digests: readonly string[]): string => {
  const dups = digests.filter((d, i) => digests.indexOf(d) !== i)
  return dups.length > 0
    ? `${dups.length} repeated: ${[...new Set(dups)].join(', ')}`
    : 'none repeated'
}

/**
 * skopeo judges: every tag's raw manifest hashes to the archive's index digest.
 * And every platform's manifest is in each repository, by digest.
 */
async function expectPublished(
  archive: OciArchive,
  regs: readonly BenchRegistry[],
  who: string
): Promise<void> {
  const wrong: string[] = []
  for (const r of regs) {
    const host = r.direct.replace('http://', '')
    for (const tag of RELEASE_TAGS) {
      const ref = `${host}/${REPO}:${tag}`
      const digest = await inspectRaw(ref, { creds: USER }).then(
        (raw) => `sha256:${createHash('sha256').update(raw).digest('hex')}`,
        (e: unknown) => `an error (${e instanceof Error ? e.message : String(e)})`
      )
      if (digest !== archive.index.digest) wrong.push(`${ref} is at ${digest}`)
    }
    for (const m of archive.manifests) {
      const found = await tagDigest(r.direct, USER, REPO, m.digest)
      if (found !== m.digest) wrong.push(`${host}/${REPO}@${m.digest} is missing`)
    }
  }
  if (wrong.length > 0) {
    throw new Error(
      `F ${who}: not every tag holds the archive's index ${archive.index.digest}: ${wrong.join('; ')}`
    )
  }
}
