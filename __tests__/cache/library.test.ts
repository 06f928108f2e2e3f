import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as cache from '@actions/cache'
import { startActionsCache, type ActionsCache } from '../../__fixtures__/services/actions-cache.js'

/**
 * The real @actions/cache (service v2) against the fixture: what it sends,
 * and the service's matching rules. The library reads its configuration
 * from the environment at each call, as on a runner.
 */
let service: ActionsCache
let ws: string
const saved = { ...process.env }

/** @actions/glob resolves paths against the working directory, so the tests give absolute ones. */
const payload = () => join(ws, 'payload')

function save(key: string, text: string): Promise<number> {
  mkdirSync(payload(), { recursive: true })
  writeFileSync(join(payload(), 'file.txt'), text)
  return cache.saveCache([payload()], key)
}

async function restore(key: string, restoreKeys: string[] = []) {
  rmSync(payload(), { recursive: true, force: true })
  const matched = await cache.restoreCache([payload()], key, restoreKeys)
  const text = matched === undefined ? undefined : readFileSync(join(payload(), 'file.txt'), 'utf8')
  return { matched, text }
}

beforeAll(async () => {
  service = await startActionsCache()
  ws = mkdtempSync(join(tmpdir(), 'tagship-cache-ws-'))
  Object.assign(process.env, service.env, {
    GITHUB_WORKSPACE: ws,
    RUNNER_TEMP: join(ws, 'runner-temp')
  })
})

afterAll(async () => {
  process.env = saved
  await service.stop()
  rmSync(ws, { recursive: true, force: true })
})

describe('@actions/cache against the cache service fixture', () => {
  test('the service version comes from ACTIONS_CACHE_SERVICE_V2 and ACTIONS_RESULTS_URL', () => {
    expect(cache.isFeatureAvailable()).toBe(true)
  })

  test('a save is CreateCacheEntry, one Put Blob with the signed URL, FinalizeCacheEntryUpload', async () => {
    const before = service.requests().length
    const id = await save('probe-a-1', 'first\n')
    expect(id).toBe(1)
    expect(service.requests().slice(before)).toEqual([
      { method: 'POST', operation: 'twirp:CreateCacheEntry', status: 200, authorization: 'bearer' },
      { method: 'PUT', operation: 'blob:PutBlob', status: 201, authorization: 'none' },
      {
        method: 'POST',
        operation: 'twirp:FinalizeCacheEntryUpload',
        status: 200,
        authorization: 'bearer'
      }
    ])
    expect(service.entries()).toEqual([
      expect.objectContaining({ id: 1, key: 'probe-a-1', finalized: true })
    ])
  })

  test('a restore is GetCacheEntryDownloadURL, then a GET of the signed URL; the files come back', async () => {
    const before = service.requests().length
    expect(await restore('probe-a-1')).toEqual({ matched: 'probe-a-1', text: 'first\n' })
    expect(service.requests().slice(before)).toEqual([
      {
        method: 'POST',
        operation: 'twirp:GetCacheEntryDownloadURL',
        status: 200,
        authorization: 'bearer'
      },
      { method: 'GET', operation: 'blob:GetBlob', status: 200, authorization: 'none' }
    ])
  })

  test('matching: the exact key, else the newest entry the key prefixes, else a restore key', async () => {
    await save('probe-a-2', 'second\n')
    await save('probe-b-1', 'other\n')
    expect(await restore('probe-a-1')).toEqual({ matched: 'probe-a-1', text: 'first\n' })
    expect(await restore('probe-a-')).toEqual({ matched: 'probe-a-2', text: 'second\n' })
    expect(await restore('probe-c', ['probe-x', 'probe-b'])).toEqual({
      matched: 'probe-b-1',
      text: 'other\n'
    })
    expect(await restore('probe-z')).toEqual({ matched: undefined, text: undefined })
  })

  test('the version (paths and compression) is part of the match', async () => {
    expect(await cache.restoreCache([join(ws, 'elsewhere')], 'probe-a-1')).toBeUndefined()
  })

  test('saving an existing key is refused with the service’s 409 and the library gives -1', async () => {
    const before = service.requests().length
    expect(await save('probe-a-1', 'again\n')).toBe(-1)
    expect(service.requests().slice(before)).toEqual([
      { method: 'POST', operation: 'twirp:CreateCacheEntry', status: 409, authorization: 'bearer' }
    ])
  })

  test('a wrong runtime token is refused: a restore finds nothing, a save stores nothing', async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = 'not-the-token'
    try {
      expect(await restore('probe-a-1')).toEqual({ matched: undefined, text: undefined })
      expect(await save('probe-d-1', 'denied\n')).toBe(-1)
    } finally {
      process.env.ACTIONS_RUNTIME_TOKEN = service.env.ACTIONS_RUNTIME_TOKEN
    }
    expect(
      service
        .requests()
        .slice(-2)
        .map((r) => [r.operation, r.status])
    ).toEqual([
      ['twirp:GetCacheEntryDownloadURL', 401],
      ['twirp:CreateCacheEntry', 401]
    ])
    expect(service.entries().map((e) => e.key)).toEqual(['probe-a-1', 'probe-a-2', 'probe-b-1'])
  })
})
