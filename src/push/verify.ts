import { headManifest } from '../distribution/manifests.js'
import { allLimited } from '../shared/limit.js'
import type { LineLog } from './publish.js'
import { isLanded } from './results.js'
import { messageOf } from '../shared/errors.js'
import { settle, type TargetRun } from './run.js'

/** Resolve every landed tag again: it must point at the digest this run published. */
export async function verifyTags(run: TargetRun, width: number, log: LineLog): Promise<void> {
  const landed = [...run.results.values()].filter(isLanded)
  await allLimited(landed, width, async (r) => {
    const head = await headManifest(run.state.repo, r.tag).catch((e: unknown) => messageOf(e))
    const now = typeof head === 'string' ? undefined : head?.digest
    if (now === r.digest) return
    const why =
      typeof head === 'string'
        ? `could not be read back: ${head}`
        : now === undefined
          ? 'is missing after the push'
          : `points at ${now}, not ${r.digest}`
    settle(run, { ...r, status: 'failed', detail: `verification: the tag ${why}` }, log)
  })
  log.info(`${run.state.target.repository.name}: ${landed.length} tag(s) checked`)
}
