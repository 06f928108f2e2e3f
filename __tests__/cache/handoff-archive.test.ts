import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildahArchive, sha256, skopeoRaw } from '../../__fixtures__/archives.js'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { runnerFixture, SHA } from '../../__fixtures__/runner.js'
import { startActionsCache, type ActionsCache } from '../../__fixtures__/services/actions-cache.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectRaw } from '../../__fixtures__/services/skopeo.js'
import { runBundled, shownLines, type ActionRun } from '../e2e/run-action.js'

/**
 * Build once, publish anywhere, multi-platform: a save job stores a
 * two-platform OCI archive in the Actions cache as it is, and a restore job
 * on another workspace publishes it; neither job has a Docker daemon (no
 * docker on PATH, no DOCKER_HOST). The key carries the index digest.
 */
const alice = { username: 'alice', password: 'handoff-archive-secret' }
const cleanup = new Cleanup()
let registry: Registry
let service: ActionsCache
let dir: string
let archive: string
let raw: Buffer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tagship-handoff-archive-'))
  cleanup.add(async () => rmSync(dir, { recursive: true, force: true }))
  registry = await startRegistry({ auth: 'htpasswd', users: [alice] })
  cleanup.add(registry.stop)
  service = await startActionsCache()
  cleanup.add(service.stop)
  archive = (await buildahArchive(dir)).archive
  raw = await skopeoRaw(`oci-archive:${archive}`, dir)
}, 180_000)

afterAll(() => cleanup.run(), 60_000)

async function job(
  fixture: string,
  inputs: Record<string, string>
): Promise<{ run: ActionRun; files: RunnerFiles }> {
  const files = runnerFiles()
  cleanup.add(async () => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-handoff-archive-logs-'))
  cleanup.add(async () => rmSync(logs, { recursive: true, force: true }))
  const env = {
    // zstd and tar for the cache library; no docker anywhere.
    PATH: '/usr/bin:/bin',
    ...runnerFixture(fixture).env,
    ...files.env,
    GITHUB_WORKSPACE: files.dir,
    ...service.env,
    ...inputEnv(inputs)
  }
  const out = { stdoutPath: join(logs, 'stdout'), stderrPath: join(logs, 'stderr') }
  return { run: await runBundled('main', env, files, out), files }
}

describe('an OCI archive handed off through the Actions cache, with no daemon', () => {
  const key = () =>
    `tagship-image-${SHA}-${sha256(raw).slice('sha256:'.length, 'sha256:'.length + 12)}`

  test('save stores the archive as it is, under a key with the index digest', async () => {
    registry.clearRequests()
    const saved = await job('push-main', { cache: 'save', source: `oci-archive:${archive}` })
    expect({ status: saved.run.status, stderr: saved.run.stderr }).toEqual({
      status: 0,
      stderr: ''
    })
    expect(saved.files.outputs()).toEqual({ 'cache-key': key() })
    expect(shownLines(saved.run.stdout)).toContain(`Saved ${sha256(raw)} as ${key()}`)
    expect(service.entries()).toEqual([expect.objectContaining({ key: key(), finalized: true })])
    expect(registry.requests()).toEqual([])
  }, 60_000)

  test('restore publishes it, both platforms, the same index digest; the file is gone after', async () => {
    const target = `${registry.host}/acme/app`
    const restored = await job('tag-stable', {
      cache: 'restore',
      images: target,
      strategies: 'semver',
      'registry-auth': `- registry: ${registry.host}\n  username: alice\n  password: ${alice.password}\n`
    })
    expect({ status: restored.run.status, stderr: restored.run.stderr }).toEqual({
      status: 0,
      stderr: ''
    })
    const outputs = restored.files.outputs()
    expect(outputs['cache-key']).toBe(key())
    expect(outputs.digest).toBe(sha256(raw))
    for (const tag of ['1.2.3', '1.2', '1'])
      expect((await inspectRaw(`${target}:${tag}`, { creds: alice })).equals(raw)).toBe(true)
    expect(shownLines(restored.run.stdout)).toContain(`Restored an OCI archive from ${key()}`)
    expect(existsSync(join(restored.files.dir, '.tagship-handoff'))).toBe(false)
  }, 60_000)
})
