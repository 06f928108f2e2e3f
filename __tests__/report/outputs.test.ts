import { beforeEach, describe, expect, jest, test } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { DIGEST, MIXED, PLAN } from './publish-fixture.js'

jest.unstable_mockModule('@actions/core', () => core)
const { setOutputs, setPublishOutputs } = await import('../../src/action/outputs.js')
const { planJson, publishJson } = await import('../../src/report/json.js')

const outputs = (): Record<string, string> =>
  Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, String(v)]))

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
    setPublishOutputs(PLAN, MIXED)
    expect(outputs()).toEqual({
      ...COMMON,
      tags: [
        'docker.io/acme/app:1.1.1',
        'docker.io/acme/app:1.1',
        'docker.io/acme/app:1',
        'ghcr.io/acme/app:1.1.1',
        'ghcr.io/acme/app:1'
      ].join('\n'),
      digest: DIGEST,
      json: JSON.stringify(publishJson(PLAN, MIXED))
    })
  })

  test('a plan-only run keeps every planned reference and no digest', () => {
    const plan = { ...PLAN, push: false, targets: PLAN.targets.slice(0, 1) }
    setOutputs(plan)
    expect(outputs()).toEqual({
      ...COMMON,
      tags: ['1.1.1', '1.1', '1', 'latest'].map((t) => `docker.io/acme/app:${t}`).join('\n'),
      digest: '',
      json: JSON.stringify(planJson(plan))
    })
  })
})
