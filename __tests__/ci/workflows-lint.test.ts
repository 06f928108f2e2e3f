import { afterAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'

/**
 * `npm run lint:workflows` (part of `npm run lint`) checks every workflow and
 * action.yml with actionlint and GitHub's own schemas. It passes on the
 * project's files and fails, naming the file and line, on planted bad ones.
 */
const ROOT = join(FIXTURES_DIR, '..')
const work = mkdtempSync(join(tmpdir(), 'tagship-lint-workflows-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function lint(...files: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, '.ci', 'lint-workflows.mjs'), ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

const plant = (name: string, text: string): string => {
  const path = join(work, name)
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
  return path
}

const GOOD = `name: good
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "\${{ github.sha }}"
`

test('the project workflows, the examples and action.yml pass', () => {
  const workflows = readdirSync(join(ROOT, '.github', 'workflows'))
  expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'dist.yml', 'self-test.yml']))
  const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yml'))
  const run = lint()
  expect(run).toEqual({
    status: 0,
    stdout: `lint:workflows: ${workflows.length + examples.length + 1} file(s) pass actionlint and GitHub's schemas\n`,
    stderr: ''
  })
})

describe('planted problems fail the lint, each named', () => {
  const good = plant('good.yml', GOOD)
  const cases: Record<string, { file: string; expected: RegExp[] }> = {
    'an unknown key in a job': {
      file: plant('unknown-key.yml', GOOD.replace('    runs-on:', '    bogus: 1\n    runs-on:')),
      expected: [/unknown-key\.yml:5:5 Unexpected value 'bogus' \[github-schema\]/, /\[actionlint/]
    },
    'a broken expression': {
      file: plant('bad-expression.yml', GOOD.replace('github.sha }}', 'github.sha( }}')),
      expected: [/bad-expression\.yml:8:/]
    },
    'a job needing a job that does not exist': {
      file: plant(
        'bad-needs.yml',
        GOOD +
          '  later:\n    needs: nowhere\n    runs-on: ubuntu-latest\n    steps:\n      - run: true\n'
      ),
      expected: [/bad-needs\.yml:\d+:\d+ .*nowhere.*\[actionlint/]
    },
    'an action.yml on a runtime GitHub does not have': {
      file: plant(
        'node99/action.yml',
        readFileSync(join(ROOT, 'action.yml'), 'utf8').replace('using: node24', 'using: node99')
      ),
      expected: [/node99\/action\.yml:\d+:\d+ Unexpected value 'node99' \[github-schema\]/]
    }
  }

  test.each(Object.keys(cases))('%s', (what) => {
    const { file, expected } = cases[what]!
    const run = lint(good, file)
    expect(run.status).toBe(1)
    for (const line of expected) expect(run.stderr).toMatch(line)
    expect(run.stderr).not.toContain('good.yml:')
    expect(run.stderr).toMatch(/lint:workflows: \d+ problem\(s\) in 2 file\(s\)\n$/)
  })

  test('a missing file', () => {
    const run = lint(join(work, 'missing.yml'))
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('missing.yml: no such file')
  })
})

test('npm run lint runs it', () => {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>
    }
  ).scripts
  expect(scripts['lint:workflows']).toBe('node .ci/lint-workflows.mjs')
  expect(scripts.lint).toContain('npm run -s lint:workflows')
})
