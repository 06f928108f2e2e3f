import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import YAML from 'yaml'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'
import { INPUTS } from '../../src/inputs/spec.js'

const ROOT = join(FIXTURES_DIR, '..')
const action = YAML.parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; required: boolean; default?: string }>
  outputs: Record<string, { description: string }>
  runs: Record<string, string>
  branding: Record<string, string>
}

describe('action.yml', () => {
  test('declares exactly the inputs the code reads, with the same descriptions and defaults', () => {
    const expected = Object.fromEntries(
      INPUTS.map((i) => [
        i.name,
        {
          description: i.description,
          required: i.required ?? false,
          ...(i.default !== undefined ? { default: i.default } : {})
        }
      ])
    )
    expect(action.inputs).toEqual(expected)
  })

  test('declares the contract outputs', () => {
    expect(Object.keys(action.outputs)).toEqual([
      'tags',
      'version',
      'digest',
      'json',
      'labels',
      'annotations',
      'tag-names',
      'bake-file-tags',
      'bake-file-labels',
      'bake-file-annotations',
      'bake-file',
      'cache-key'
    ])
  })

  test('runs the bundled main and post entries on node24', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/main/index.js',
      post: 'dist/post/index.js'
    })
    expect(action.branding).toEqual({ icon: 'tag', color: 'blue' })
  })
})
