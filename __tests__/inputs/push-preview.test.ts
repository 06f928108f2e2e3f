import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { buildPlan } from '../../src/push/plan.js'
import { NOW, SHA } from '../../__fixtures__/runner.js'

const BASE = { images: 'ghcr.io/acme/app', source: 'app:ci' }

describe('push: true, false or preview', () => {
  test.each<[string, { push: boolean; preview?: true }]>([
    ['', { push: true }],
    ['true', { push: true }],
    ['TRUE', { push: true }],
    ['false', { push: false }],
    ['preview', { push: true, preview: true }],
    [' Preview ', { push: true, preview: true }]
  ])('%j', (value, expected) => {
    const inputs = parseInputs({ ...BASE, push: value })
    expect({ push: inputs.push, preview: inputs.preview }).toEqual({
      preview: undefined,
      ...expected
    })
  })

  test.each<[Record<string, string>, string]>([
    [
      { push: 'dry-run' },
      'push: "dry-run" is not true, false or preview: use true to publish, false to plan only, or preview to see what a publish would do'
    ],
    [
      { push: 'preview', source: '' },
      'source: is empty but push is preview: give the built image (e.g. the imageid output of docker/build-push-action), or set push: false to compute the plan only'
    ],
    [
      { push: 'preview', cache: 'restore', source: '' },
      'push: is preview, which writes nothing, but cache is restore, which hands an image over: preview in the job that builds the image (without cache), or set push: true'
    ]
  ])('%j', (inputs, message) => {
    expect(messageOf(() => parseInputs({ ...BASE, ...inputs }))).toBe(message)
  })

  test('the plan of a preview says so, and only then', () => {
    const ctx = {
      eventName: 'push',
      ref: 'refs/tags/v1.2.0',
      sha: SHA,
      defaultBranch: 'main',
      now: NOW
    }
    expect(buildPlan(ctx, parseInputs({ ...BASE, push: 'preview' })).preview).toBe(true)
    expect('preview' in buildPlan(ctx, parseInputs({ ...BASE, push: 'true' }))).toBe(false)
  })
})
