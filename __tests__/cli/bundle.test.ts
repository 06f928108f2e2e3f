import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { FIXTURES_DIR, SHA } from '../../__fixtures__/runner.js'

const CLI = join(FIXTURES_DIR, '..', 'dist', 'cli', 'index.js')

/** Run the bundled CLI as a user would, with no CI variables around it. */
function tagship(...argv: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...argv], {
    env: { PATH: process.env.PATH },
    encoding: 'utf8'
  })
  return { code: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('the bundled CLI, dist/cli/index.js', () => {
  test('plan for a release tag prints every tag and exits 0', () => {
    const run = tagship(
      'plan',
      '--ref',
      'refs/tags/v1.2.3',
      '--sha',
      SHA,
      '--image',
      'docker.io/acme/app',
      '--image',
      'ghcr.io/acme/app'
    )
    const tags = [
      '  1.2.3        semver: release v1.2.3',
      '  1.2          semver: release v1.2.3',
      '  1            semver: release v1.2.3',
      '  sha-860c190  sha: commit 860c1904a1ce',
      '  latest       latest: stable release v1.2.3'
    ]
    expect(run).toEqual({
      code: 0,
      stdout: [
        'version: 1.2.3',
        'docker.io/acme/app',
        ...tags,
        'ghcr.io/acme/app',
        ...tags,
        ''
      ].join('\n'),
      stderr: ''
    })
  })

  test('invalid input exits 2 with one line on stderr', () => {
    const run = tagship('plan', '--ref', 'refs/tags/v1.2.3', '--sha', SHA, '--image', 'acme/app:1')
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'tagship: images: "acme/app:1" has a tag: give the repository only, e.g. "acme/app" (tags are computed)\n'
    })
  })

  test('a repository written with capitals is lowercased, with one notice on stderr', () => {
    const run = tagship('plan', '--ref', 'refs/tags/v1.2.3', '--sha', SHA, '--image', 'Acme/App')
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(
      'notice: images: "Acme/App" is used as "docker.io/acme/app" (repository names are lowercase)\n'
    )
    expect(run.stdout.split('\n')[1]).toBe('docker.io/acme/app')
  })
})
