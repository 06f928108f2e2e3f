import { afterAll, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../../__fixtures__/core.js'
import { DIGEST, MIXED, PLAN } from './publish-fixture.js'

jest.unstable_mockModule('../../src/action/runner.js', () => core)
const { setOutputs, setPublishOutputs } = await import('../../src/action/outputs.js')
const { planJson, publishJson } = await import('../../src/report/json.js')

const outputs = (): Record<string, string> =>
  Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, String(v)]))

const TEMP = mkdtempSync(join(tmpdir(), 'tagship-outputs-'))
const OPTIONS = {
  separators: { tags: '\n', labels: '\n', annotations: '\n' },
  bakeTarget: 'docker-metadata-action',
  exportOutputs: false,
  tempDir: TEMP
}
const BAKE_FILES = ['bake-file-tags', 'bake-file-labels', 'bake-file-annotations', 'bake-file']

/** The outputs, with each bake file's path replaced by its tags (the rest is in bake.test.ts). */
const withBakeTags = (): Record<string, string> => {
  const all = outputs()
  for (const name of BAKE_FILES) {
    const path = all[name]!
    expect(path.startsWith(TEMP)).toBe(true)
    const target = (JSON.parse(readFileSync(path, 'utf8')) as { target: Record<string, object> })
      .target['docker-metadata-action'] as { tags?: string[] }
    all[name] = String(target.tags)
  }
  return all
}

afterAll(() => rmSync(TEMP, { recursive: true, force: true }))

const COMMON = {
  version: '1.1.1',
  labels: 'org.opencontainers.image.version=1.1.1',
  annotations: 'manifest:org.opencontainers.image.version=1.1.1'
}

beforeEach(() => {
  jest.clearAllMocks()
})

describe('action outputs', () => {
  test('after a publish, tags holds only the references verified at the digest', () => {
    setPublishOutputs(PLAN, MIXED, OPTIONS)
    const tags = [
      'docker.io/acme/app:1.1.1',
      'docker.io/acme/app:1.1',
      'docker.io/acme/app:1',
      'ghcr.io/acme/app:1.1.1',
      'ghcr.io/acme/app:1'
    ]
    expect(withBakeTags()).toEqual({
      ...COMMON,
      tags: tags.join('\n'),
      // only the tags verified on every target
      'tag-names': '1.1.1\n1',
      digest: DIGEST,
      json: JSON.stringify(publishJson(PLAN, MIXED)),
      'bake-file-tags': String(tags),
      'bake-file-labels': 'undefined',
      'bake-file-annotations': 'undefined',
      'bake-file': String(tags)
    })
    expect(core.exportVariable).not.toHaveBeenCalled()
  })

  test('a plan-only run keeps every planned reference and no digest', () => {
    const plan = { ...PLAN, push: false, targets: PLAN.targets.slice(0, 1) }
    setOutputs(plan, OPTIONS)
    const tags = ['1.1.1', '1.1', '1', 'latest'].map((t) => `docker.io/acme/app:${t}`)
    expect(withBakeTags()).toEqual({
      ...COMMON,
      tags: tags.join('\n'),
      'tag-names': '1.1.1\n1.1\n1\nlatest',
      digest: '',
      json: JSON.stringify(planJson(plan)),
      'bake-file-tags': String(tags),
      'bake-file-labels': 'undefined',
      'bake-file-annotations': 'undefined',
      'bake-file': String(tags)
    })
  })
})
