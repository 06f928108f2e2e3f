import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { BlockBlobClient } from '@azure/storage-blob'
import { startActionsCache, type ActionsCache } from '../../__fixtures__/services/actions-cache.js'

/**
 * The Azure Blob side of the fixture, driven by the real @azure/storage-blob
 * that @actions/cache uses. An archive over 128 MiB goes up as Put Block +
 * Put Block List, and a download URL on *.blob.core.windows.net is read with
 * Get Blob Properties + ranged Get Blob; the sizes are scaled down here so
 * the same requests happen on a few bytes.
 */
let service: ActionsCache

async function twirp(method: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(
    `${service.url}/twirp/github.actions.results.api.v1.CacheService/${method}`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${service.env.ACTIONS_RUNTIME_TOKEN}`,
        'content-type': 'application/json'
      },
      body: JSON.stringify(body)
    }
  )
  return (await response.json()) as Record<string, unknown>
}

const noRetry = { retryOptions: { maxTries: 1 } }

beforeAll(async () => {
  service = await startActionsCache()
})

afterAll(() => service.stop())

describe('the blob store behind the signed URLs', () => {
  const data = Buffer.from('0123456789abcdefghijklmnopqrstuvwxyz'.repeat(10))

  test('blocks and a block list upload; ranges download; the bytes are the same', async () => {
    const created = await twirp('CreateCacheEntry', { key: 'blocks-1', version: 'v1' })
    const upload = new BlockBlobClient(String(created.signed_upload_url), undefined, noRetry)
    await upload.uploadData(data, { blockSize: 100, maxSingleShotSize: 64, concurrency: 2 })
    expect(
      await twirp('FinalizeCacheEntryUpload', { key: 'blocks-1', version: 'v1', size_bytes: '360' })
    ).toEqual({ ok: true, entry_id: '1' })
    const found = await twirp('GetCacheEntryDownloadURL', { key: 'blocks-', version: 'v1' })
    expect(found.matched_key).toBe('blocks-1')
    const download = new BlockBlobClient(String(found.signed_download_url), undefined, noRetry)
    expect((await download.getProperties()).contentLength).toBe(360)
    expect(await download.downloadToBuffer(0, 360, { blockSize: 150 })).toEqual(data)
    expect(await service.archive('blocks-1')).toEqual(data)
    expect(service.requests().map((r) => [r.operation, r.status, r.range ?? ''])).toEqual([
      ['twirp:CreateCacheEntry', 200, ''],
      ['blob:PutBlock', 201, ''],
      ['blob:PutBlock', 201, ''],
      ['blob:PutBlock', 201, ''],
      ['blob:PutBlock', 201, ''],
      ['blob:PutBlockList', 201, ''],
      ['twirp:FinalizeCacheEntryUpload', 200, ''],
      ['twirp:GetCacheEntryDownloadURL', 200, ''],
      ['blob:GetBlobProperties', 200, ''],
      ['blob:GetBlob', 206, 'bytes=0-149'],
      ['blob:GetBlob', 206, 'bytes=150-299'],
      ['blob:GetBlob', 206, 'bytes=300-359']
    ])
  })

  test('a finalize whose size is not what was uploaded is refused', async () => {
    const created = await twirp('CreateCacheEntry', { key: 'short-1', version: 'v1' })
    await new BlockBlobClient(String(created.signed_upload_url), undefined, noRetry).uploadData(
      data
    )
    expect(
      await twirp('FinalizeCacheEntryUpload', { key: 'short-1', version: 'v1', size_bytes: '10' })
    ).toEqual({ ok: false, message: 'uploaded 360 bytes, but size_bytes is 10' })
    expect(await twirp('GetCacheEntryDownloadURL', { key: 'short-1', version: 'v1' })).toEqual({
      ok: false
    })
  })

  test('a tampered signature, or a write with a read URL, is refused with AuthenticationFailed', async () => {
    const found = await twirp('GetCacheEntryDownloadURL', { key: 'blocks-1', version: 'v1' })
    const url = new URL(String(found.signed_download_url))
    const readOnly = new BlockBlobClient(url.href, undefined, noRetry)
    await expect(readOnly.uploadData(data)).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthenticationFailed'
    })
    url.searchParams.set('se', '2099-01-01T00:00:00Z')
    const tampered = new BlockBlobClient(url.href, undefined, noRetry)
    await expect(tampered.download()).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthenticationFailed'
    })
  })
})
