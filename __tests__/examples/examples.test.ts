import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import YAML from 'yaml'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'
import { parseCliArgs } from '../../src/cli/args.js'
import { secretVariable } from '../../src/cli/secrets.js'
import { INPUTS } from '../../src/inputs/spec.js'

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
  readonly id?: string
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
  readonly env?: Record<string, unknown>
}
interface Job {
  readonly 'runs-on'?: string
  readonly env?: Record<string, unknown>
  readonly steps?: Step[]
}
interface Workflow {
  readonly name?: string
  readonly on?: unknown
  readonly env?: Record<string, unknown>
  readonly jobs?: Record<string, Job>
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
    'dockerhub-oidc.yml',
    'dockerhub.yml',
    'ecr-oidc.yml',
    'gar.yml',
    'ghcr.yml',
    'matrix-handoff.yml',
    'multi-platform-release.yml',
    'preview.yml',
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
    const { plain } = workflowSecrets(workflow)
    expect(plain).toEqual([])
  })
})

/**
 * Where a secret can be written in an example, and whether it is written as a
 * reference to a secret store. Secret inputs are the ones src/inputs/spec.ts
 * marks `secret: true`; inside registry-auth, every `password:`; in `env:` and
 * GitLab `variables:`, and in `NAME=value` assignments of a script, every
 * variable the CLI reads a secret from (src/cli/secrets.ts).
 */
const SECRET_INPUTS = INPUTS.filter((i) => i.secret).map((i) => i.name)
const SECRET_VARIABLES = [...new Set(SECRET_INPUTS.map(secretVariable))].filter((v) =>
  /^[A-Z_][A-Z0-9_]*$/.test(v)
)

/** A GitHub expression that reads a secret, the job token, or another step's output. */
const GITHUB_REFERENCE =
  /^\$\{\{\s*(?:secrets\.[A-Za-z_][A-Za-z0-9_]*|github\.token|steps\.[A-Za-z_][\w-]*\.outputs\.[A-Za-z_][\w-]*)\s*\}\}$/
/** A GitLab CI/CD variable reference: `$NAME` or `${NAME}`. */
const GITLAB_REFERENCE = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})$/
/** In a script, a shell variable reference, spelled as GitLab's. */
const SHELL_REFERENCE = GITLAB_REFERENCE

interface SecretPlaces {
  /** Every place a secret was found, as `where: name`. */
  readonly checked: string[]
  /** The places whose value is written out: `where: name = value`. */
  readonly plain: string[]
}

function secretChecker(reference: RegExp) {
  const checked: string[] = []
  const plain: string[] = []
  const check = (where: string, value: unknown, also?: RegExp): void => {
    checked.push(where)
    const text = typeof value === 'string' ? value.trim() : JSON.stringify(value)
    if (!reference.test(text) && !also?.test(text)) plain.push(`${where} = ${text}`)
  }
  /** registry-auth: the whole value a reference, or YAML whose every password is one. */
  const registryAuth = (where: string, value: unknown): void => {
    if (typeof value === 'string' && reference.test(value.trim())) return check(where, value)
    let parsed: unknown
    try {
      parsed = typeof value === 'string' ? YAML.parse(value) : value
    } catch {
      return check(where, value)
    }
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`))
      else if (node !== null && typeof node === 'object')
        for (const [key, inner] of Object.entries(node)) {
          if (key === 'password') check(`${path}.password`, inner)
          else walk(inner, `${path}.${key}`)
        }
    }
    const before = checked.length
    walk(parsed, where)
    if (checked.length === before) check(where, value)
  }
  /** `NAME: value` in env/variables, for the variables the CLI reads secrets from. */
  const variables = (where: string, vars: unknown): void => {
    if (vars === null || typeof vars !== 'object') return
    for (const [name, raw] of Object.entries(vars)) {
      if (!SECRET_VARIABLES.includes(name)) continue
      const value = raw !== null && typeof raw === 'object' && 'value' in raw ? raw.value : raw
      if (name === secretVariable('registry-auth')) registryAuth(`${where}.${name}`, value)
      else check(`${where}.${name}`, value)
    }
  }
  /** `NAME=value` (or `export NAME=value`) in a script, for the same variables: a shell `$VAR` passes too. */
  const script = (where: string, text: string): void => {
    for (const m of text.matchAll(/\b([A-Z_][A-Z0-9_]*)=("[^"]*"|'[^']*'|\$\{\{[^}]*\}\}|\S+)/g))
      if (SECRET_VARIABLES.includes(m[1]!))
        check(`${where}: ${m[1]}`, m[2]!.replace(/^["']|["']$/g, ''), SHELL_REFERENCE)
  }
  return { checked, plain, check, registryAuth, variables, script }
}

/** Every secret place of a GitHub workflow: tagship's secret inputs, env, run scripts. */
function workflowSecrets(workflow: Workflow): SecretPlaces {
  const c = secretChecker(GITHUB_REFERENCE)
  c.variables('env', workflow.env)
  for (const [jobName, job] of Object.entries(workflow.jobs ?? {})) {
    c.variables(`jobs.${jobName}.env`, job.env)
    ;(job.steps ?? []).forEach((step, i) => {
      const where = `jobs.${jobName}.steps[${step.id ?? i}]`
      c.variables(`${where}.env`, step.env)
      if (step.run) c.script(`${where}.run`, step.run)
      if (!step.uses?.startsWith('tagship/tagship@')) return
      for (const input of SECRET_INPUTS) {
        const value = step.with?.[input]
        if (value === undefined) continue
        if (input === 'registry-auth') c.registryAuth(`${where}.with.registry-auth`, value)
        else c.check(`${where}.with.${input}`, value)
      }
    })
  }
  return { checked: c.checked, plain: c.plain }
}

/** Every secret place of a GitLab pipeline: variables (global and per job) and scripts. */
function gitlabSecrets(pipeline: Record<string, unknown>): SecretPlaces {
  const c = secretChecker(GITLAB_REFERENCE)
  c.variables('variables', pipeline.variables)
  for (const [jobName, job] of Object.entries(pipeline)) {
    if (job === null || typeof job !== 'object' || Array.isArray(job)) continue
    const j = job as Record<string, unknown>
    c.variables(`${jobName}.variables`, j.variables)
    for (const key of ['before_script', 'script', 'after_script']) {
      const lines = j[key]
      const list = Array.isArray(lines) ? lines : typeof lines === 'string' ? [lines] : []
      list.forEach((line, i) => c.script(`${jobName}.${key}[${i}]`, String(line)))
    }
  }
  return { checked: c.checked, plain: c.plain }
}

describe('the plain-text secret check', () => {
  test('knows the secret inputs and the variables they are read from', () => {
    expect(SECRET_INPUTS).toEqual(
      expect.arrayContaining(['dockerhub-token', 'aws-secret-access-key', 'registry-auth'])
    )
    expect(SECRET_VARIABLES).toEqual(
      expect.arrayContaining(['TAGSHIP_DOCKERHUB_TOKEN', 'TAGSHIP_REGISTRY_AUTH'])
    )
  })

  test('looks at every secret the examples give', () => {
    const checked = workflows.flatMap((file) =>
      workflowSecrets(load(file)).checked.map((where) => `${file} ${where}`)
    )
    expect(checked).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dockerhub\.yml .*\.with\.dockerhub-token$/),
        expect.stringMatching(/^promote-on-tag\.yml .*\.with\.registry-auth\[0\]\.password$/)
      ])
    )
    expect(checked.length).toBeGreaterThanOrEqual(7)
  })

  test('accepts secrets, the job token and step outputs, written as expressions', () => {
    const with_ = (value: Record<string, unknown>): Workflow => ({
      jobs: { a: { steps: [{ uses: 'tagship/tagship@v0', with: value }] } }
    })
    for (const value of [
      '${{ secrets.DOCKERHUB_TOKEN }}',
      '${{ github.token }}',
      '${{ steps.login.outputs.token }}'
    ])
      expect(workflowSecrets(with_({ 'dockerhub-token': value })).plain).toEqual([])
    for (const value of [
      'abc',
      '${{ vars.TOKEN }}',
      'x${{ secrets.TOKEN }}',
      '${{ github.actor }}'
    ])
      expect(workflowSecrets(with_({ 'dockerhub-token': value })).plain).toHaveLength(1)
  })

  /** An example's parsed YAML, copied, with its first tagship step changed by `edit`. */
  const planted = (file: string, edit: (step: { with: Record<string, unknown> }) => void) => {
    const copy = structuredClone(load(file)) as Workflow
    const step = tagshipSteps(copy)[0] as unknown as { with: Record<string, unknown> }
    edit(step)
    return workflowSecrets(copy).plain
  }

  test('reports a password in plain text in registry-auth', () => {
    const plain = planted('promote-signed.yml', (step) => {
      step.with['registry-auth'] = String(step.with['registry-auth']).replace(
        '${{ secrets.GITHUB_TOKEN }}',
        'hunter2'
      )
    })
    expect(plain).toEqual([expect.stringMatching(/registry-auth\[0\]\.password = hunter2$/)])
  })

  test('reports a second registry-auth entry in plain text', () => {
    const plain = planted('promote-signed.yml', (step) => {
      step.with['registry-auth'] += '- registry: quay.io\n  username: acme\n  password: "hunter2"\n'
    })
    expect(plain).toEqual([expect.stringMatching(/registry-auth\[1\]\.password = hunter2$/)])
  })

  test('reports a Docker Hub token in plain text', () => {
    const plain = planted('dockerhub.yml', (step) => {
      step.with['dockerhub-token'] = 'abc'
    })
    expect(plain).toEqual([expect.stringMatching(/\.with\.dockerhub-token = abc$/)])
  })

  test('reports every other secret input in plain text', () => {
    for (const input of SECRET_INPUTS) {
      const plain = planted('ecr-oidc.yml', (step) => {
        step.with[input] = 'AKIA-plain-value'
      })
      expect(plain).toEqual([expect.stringContaining(`.with.${input}`)])
    }
  })

  test('reports a secret variable in plain text in env and in a run script', () => {
    const copy = structuredClone(load('dockerhub.yml')) as {
      env?: Record<string, string>
      jobs: Record<string, { steps: Step[] }>
    }
    copy.env = { TAGSHIP_DOCKERHUB_TOKEN: 'abc' }
    copy.jobs.image!.steps.push({ run: 'TAGSHIP_REGISTRY_AUTH=hunter2 npx tagship publish' })
    copy.jobs.image!.steps.push({
      run: 'TAGSHIP_DOCKERHUB_TOKEN=${{ secrets.HUB }} TAGSHIP_REGISTRY_AUTH="$AUTH" npx tagship'
    })
    expect(workflowSecrets(copy as Workflow).plain).toEqual([
      'env.TAGSHIP_DOCKERHUB_TOKEN = abc',
      expect.stringMatching(/run: TAGSHIP_REGISTRY_AUTH = hunter2$/)
    ])
  })

  test('reports a GitLab secret variable in plain text', () => {
    const copy = structuredClone(loadGitlab())
    copy.variables = { ...(copy.variables as object), TAGSHIP_DOCKERHUB_TOKEN: 'abc' }
    ;(copy.publish as { variables?: object }).variables = {
      TAGSHIP_REGISTRY_AUTH: {
        value: '- registry: registry.gitlab.com\n  username: ci\n  password: hunter2\n'
      }
    }
    expect(gitlabSecrets(copy).plain).toEqual([
      'variables.TAGSHIP_DOCKERHUB_TOKEN = abc',
      'publish.variables.TAGSHIP_REGISTRY_AUTH[0].password = hunter2'
    ])
    expect(gitlabSecrets({ variables: { TAGSHIP_DOCKERHUB_TOKEN: '$HUB_TOKEN' } }).plain).toEqual(
      []
    )
  })
})

/** Split a shell command line into words: quotes, backslash-newlines; variables stay as written. */
function shellWords(line: string): string[] {
  const words: string[] = []
  for (const m of line.replace(/\\\n/g, ' ').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    words.push(m[1] ?? m[2] ?? m[3]!)
  return words
}

const loadGitlab = (): Record<string, unknown> =>
  YAML.parse(readFileSync(join(EXAMPLES, 'gitlab', '.gitlab-ci.yml'), 'utf8'), {
    strict: true
  }) as Record<string, unknown>

describe('examples/gitlab/.gitlab-ci.yml', () => {
  const pipeline = loadGitlab() as Record<string, { script?: string[] }>
  const commands = Object.values(pipeline)
    .flatMap((job) => job.script ?? [])
    .filter((line) => line.includes('tagship publish'))
    .map((line) => {
      const words = shellWords(line.split('>')[0]!)
      return words.slice(words.indexOf('tagship') + 1)
    })

  test('never gives a secret in plain text', () => {
    expect(gitlabSecrets(pipeline).plain).toEqual([])
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
