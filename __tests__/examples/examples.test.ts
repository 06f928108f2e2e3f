import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import YAML from 'yaml'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'
import { parseCliArgs } from '../../src/cli/args.js'

/**
 * Every example workflow parses, is a complete workflow, and gives the
 * tagship step only inputs action.yml declares; every `tagship publish` in
 * the GitLab example is a command line the CLI accepts.
 */
const ROOT = join(FIXTURES_DIR, '..')
const EXAMPLES = join(ROOT, 'examples')
const declared = Object.keys(
  (YAML.parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: object }).inputs
)

interface Step {
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
}
interface Workflow {
  readonly name?: string
  readonly on?: unknown
  readonly jobs?: Record<string, { 'runs-on'?: string; steps?: Step[] }>
}

const workflows = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.yml'))
  .sort()

const load = (file: string): Workflow =>
  YAML.parse(readFileSync(join(EXAMPLES, file), 'utf8'), { strict: true }) as Workflow

const tagshipSteps = (w: Workflow): Step[] =>
  Object.values(w.jobs ?? {}).flatMap((j) =>
    (j.steps ?? []).filter((s) => s.uses?.startsWith('tagship/tagship@'))
  )

test('the examples are the documented set', () => {
  expect(workflows).toEqual([
    'acr-oidc.yml',
    'all-registries.yml',
    'dockerhub.yml',
    'ecr-oidc.yml',
    'ghcr.yml',
    'matrix-handoff.yml',
    'multi-platform-release.yml',
    'promote-on-tag.yml',
    'promote-signed.yml'
  ])
})

describe.each(workflows)('examples/%s', (file) => {
  const workflow = load(file)

  test('is a complete workflow: a name, triggers, and jobs that run steps', () => {
    expect(typeof workflow.name).toBe('string')
    expect(workflow.on).toBeDefined()
    const jobs = Object.entries(workflow.jobs ?? {})
    expect(jobs.length).toBeGreaterThan(0)
    for (const [, job] of jobs) {
      expect(job['runs-on']).toBe('ubuntu-latest')
      expect((job.steps ?? []).length).toBeGreaterThan(0)
    }
  })

  test('gives tagship only inputs that action.yml declares', () => {
    const steps = tagshipSteps(workflow)
    expect(steps.length).toBeGreaterThan(0)
    for (const step of steps) {
      expect(step.uses).toBe('tagship/tagship@v0')
      const unknown = Object.keys(step.with ?? {}).filter((k) => !declared.includes(k))
      expect(unknown).toEqual([])
    }
  })

  test('never gives a secret in plain text', () => {
    for (const step of tagshipSteps(workflow)) {
      for (const key of ['dockerhub-token', 'aws-secret-access-key', 'azure-client-secret']) {
        const value = step.with?.[key]
        if (value !== undefined) expect(String(value)).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/)
      }
    }
  })
})

/** Split a shell command line into words: quotes, backslash-newlines; variables stay as written. */
function shellWords(line: string): string[] {
  const words: string[] = []
  for (const m of line.replace(/\\\n/g, ' ').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    words.push(m[1] ?? m[2] ?? m[3]!)
  return words
}

describe('examples/gitlab/.gitlab-ci.yml', () => {
  const pipeline = YAML.parse(readFileSync(join(EXAMPLES, 'gitlab', '.gitlab-ci.yml'), 'utf8'), {
    strict: true
  }) as Record<string, { script?: string[] }>
  const commands = Object.values(pipeline)
    .flatMap((job) => job.script ?? [])
    .filter((line) => line.includes('tagship publish'))
    .map((line) => {
      const words = shellWords(line.split('>')[0]!)
      return words.slice(words.indexOf('tagship') + 1)
    })

  test('runs tagship publish three times', () => {
    expect(commands.map((argv) => argv[0])).toEqual(['publish', 'publish', 'publish'])
  })

  test.each(commands.map((argv, i) => [i + 1, argv]))(
    'command %i uses only flags tagship publish takes',
    (_i, argv) => {
      const args = parseCliArgs(argv as string[])
      expect(args.command).toBe('publish')
      expect(args.inputs.images).toContain('$CI_REGISTRY_IMAGE')
      expect(args.inputs.source).toMatch(/^\$/)
    }
  )
})
