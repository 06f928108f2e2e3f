import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  createConfigDir,
  hostOf,
  jobConfigPath,
  readJobConfig,
  releaseFromHelpers,
  seedFromJob
} from '../../src/docker/config.js'

const dirs: string[] = []
const scratch = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-config-test-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

const AUTH = { auth: Buffer.from('carol:s3cret').toString('base64') }

describe('seedFromJob: the job config a logout: false run starts from', () => {
  test.each([
    ['no config', {}, {}],
    [
      'auths and credHelpers kept as they are, with every other key',
      { auths: { 'quay.io': AUTH }, credHelpers: { 'gcr.io': 'gcloud' }, psFormat: 'x' },
      { auths: { 'quay.io': AUTH }, credHelpers: { 'gcr.io': 'gcloud' }, psFormat: 'x' }
    ],
    [
      'credsStore becomes a helper for each registry it holds; a named helper stays',
      {
        auths: { 'https://index.docker.io/v1/': {}, 'quay.io': {}, 'gcr.io': {} },
        credsStore: 'desktop',
        credHelpers: { 'gcr.io': 'gcloud' }
      },
      {
        auths: { 'https://index.docker.io/v1/': {}, 'quay.io': {}, 'gcr.io': {} },
        credHelpers: {
          'gcr.io': 'gcloud',
          'https://index.docker.io/v1/': 'desktop',
          'quay.io': 'desktop'
        }
      }
    ],
    ['an empty credsStore is dropped', { credsStore: '' }, {}]
  ])('%s', (_why, job, expected) => {
    expect(seedFromJob(job)).toEqual(expected)
  })
})

describe('hostOf: the registry a config key names', () => {
  test.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['registry-1.docker.io', 'docker.io'],
    ['https://GHCR.io', 'ghcr.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000']
  ])('%s → %s', (key, host) => {
    expect(hostOf(key)).toBe(host)
  })
})

describe('the run config directory', () => {
  test('starts from the seed, readable by its owner only', async () => {
    const dir = await createConfigDir(scratch(), { auths: { 'quay.io': AUTH } })
    dirs.push(dir)
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      auths: { 'quay.io': AUTH }
    })
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600)
    expect(readFileSync(join(await createConfigDir(scratch()), 'config.json'), 'utf8')).toBe('{}\n')
  })

  test("releaseFromHelpers drops the helpers for tagship's registry under any spelling, and only those", async () => {
    const dir = await createConfigDir(scratch(), {
      auths: { 'quay.io': AUTH },
      credHelpers: {
        'https://index.docker.io/v1/': 'desktop',
        'docker.io': 'other',
        'quay.io': 'desktop'
      }
    })
    await releaseFromHelpers(dir, 'docker.io')
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toEqual({
      auths: { 'quay.io': AUTH },
      credHelpers: { 'quay.io': 'desktop' }
    })
    const before = readFileSync(join(dir, 'config.json'), 'utf8')
    await releaseFromHelpers(dir, 'ghcr.io')
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(before)
  })
})

describe('the job config', () => {
  test('is $DOCKER_CONFIG/config.json, else ~/.docker/config.json', () => {
    expect(jobConfigPath({ DOCKER_CONFIG: '/cfg', HOME: '/home/me' })).toBe('/cfg/config.json')
    expect(jobConfigPath({ HOME: '/home/me' })).toBe('/home/me/.docker/config.json')
  })

  test('a missing file is an empty config; a broken one is one error naming it and the fix', () => {
    const dir = scratch()
    expect(readJobConfig(join(dir, 'missing', 'config.json'))).toEqual({})
    mkdirSync(join(dir, 'broken'))
    for (const text of ['{"auths":', '[]', 'null']) {
      writeFileSync(join(dir, 'broken', 'config.json'), text)
      expect(() => readJobConfig(join(dir, 'broken', 'config.json'))).toThrow(
        `DOCKER_CONFIG: ${join(dir, 'broken', 'config.json')} is not a JSON object, so logout: false cannot keep the job's logins in the exported config: fix the file, or point DOCKER_CONFIG at another directory`
      )
    }
  })
})
