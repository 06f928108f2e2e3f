import { parseCliArgs } from '../../src/cli/args.js'
import { describe, expect, test } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES_DIR, SHA } from '../../__fixtures__/runner.js'
import { INPUTS } from '../../src/inputs/spec.js'
import { STRATEGIES } from '../../src/tags/strategies/index.js'
import { runCli } from './run-cli.js'

const TAG_EVENT = ['--ref', 'refs/tags/v1.2.3', '--sha', SHA]
const helpRun = await runCli(['--help'])

describe('--help', () => {
  const run = helpRun
  const help = run.stdout.split('\n')

  test('prints to stdout and exits 0, with -h and the help command too', async () => {
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    expect(help[0]).toBe(
      'tagship: compute the docker image tags a git event deserves, for every target.'
    )
    expect(await runCli(['-h'])).toEqual(run)
    expect(await runCli(['help'])).toEqual(run)
    expect(await runCli(['plan', '--help'])).toEqual(run)
  })

  test('wins over any other problem on the command line', async () => {
    expect(await runCli(['nonsense', '--bogus', '--help'])).toEqual(run)
  })

  /** The text of the row that starts with `head`, its continuation lines joined. */
  function rowText(head: string, column: number): string | undefined {
    const at = help.findIndex((l) => l.startsWith(`${head} `) || l === head)
    if (at === -1) return undefined
    const text = [help[at]!.slice(column)]
    for (const line of help.slice(at + 1)) {
      if (!line.startsWith(' '.repeat(column))) break
      text.push(line.slice(column))
    }
    return text.filter(Boolean).join(' ')
  }

  test.each(
    INPUTS.filter((i) => i.name !== 'push' && !i.actionOnly && !i.secret && !i.publishOnly)
  )('lists the input --$name as a flag, with its description and default', (input) => {
    const head =
      input.name === 'images' ? '  --images, --image <value>' : `  --${input.name} <value>`
    const description =
      input.name === 'source'
        ? 'The built image (name:tag, image ID, host/repo:tag, host/repo@sha256:..., oci-archive:PATH, oci:DIR or docker-archive:PATH), checked and shown in the plan.'
        : input.description
    const dflt = input.default !== undefined ? ` (default: ${input.default})` : ''
    expect(rowText(head, 36)).toBe(description + dflt)
  })

  test('has no --push flag: plan never pushes, publish always does', () => {
    expect(help.filter((l) => l.includes('--push'))).toEqual([])
    expect(help.slice(1, 10)).toEqual([
      '',
      'Usage:',
      '  tagship plan [flags]      print the tags for an event, for every target',
      '  tagship publish [flags]   log in, push one image under every tag, verify',
      '                            (see tagship publish --help)',
      '  tagship --help | --version',
      '',
      'tagship plan computes, validates and prints the plan; it never logs in or pushes.',
      ''
    ])
  })

  test.each(STRATEGIES.map((s) => [s.name, s.summary]))(
    'lists the strategy %s with its summary',
    (name, summary) => {
      expect(rowText(`  ${name}`, 12)).toBe(summary)
    }
  )

  test('lists every event flag', () => {
    for (const flag of ['event', 'ref', 'sha', 'default-branch', 'pr-number', 'pr-head-sha']) {
      expect(help.some((l) => l.startsWith(`  --${flag} <`))).toBe(true)
    }
    for (const flag of ['pr-head-ref', 'pr-base-ref', 'commit-time', 'now', 'json']) {
      expect(help.some((l) => l.startsWith(`  --${flag} `))).toBe(true)
    }
  })

  test('lists the exit codes', () => {
    const start = help.indexOf('Exit codes:')
    expect(help.slice(start)).toEqual([
      'Exit codes:',
      '  0  the plan was computed, or every tag landed (or help or the version was',
      '     printed)',
      '  1  tagship publish did not land every tag, or an unexpected failure',
      '  2  invalid input or usage: one line on stderr names the input, the value and',
      '     the fix',
      ''
    ])
  })
})

test('--version prints the package version', async () => {
  const pkg = JSON.parse(readFileSync(join(FIXTURES_DIR, '..', 'package.json'), 'utf8')) as {
    version: string
  }
  expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/)
  expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
})

describe('usage errors exit 2 with one line on stderr and nothing on stdout', () => {
  test.each([
    [[], 'command: no command given: use tagship plan or tagship publish (see tagship --help)'],
    [
      ['push'],
      'command: unknown command "push": use tagship plan or tagship publish (see tagship --help)'
    ],
    [['plan', 'now'], 'arguments: unexpected "now": give one command, e.g. tagship plan'],
    [['plan', '--bogus'], '--bogus: unknown flag: see tagship --help for every flag'],
    [['plan', '--imgae', 'acme/app'], '--imgae: unknown flag: did you mean --image?'],
    [['plan', '--strategy', 'sha'], '--strategy: unknown flag: did you mean --strategies?'],
    [['plan', '-x'], '-x: unknown flag: see tagship --help for every flag'],
    [
      ['plan', '--push', 'false'],
      '--push: tagship plan never pushes and tagship publish always does (tagship publish --dry-run checks without writing): remove --push'
    ],
    [
      ['plan', '--dry-run'],
      '--dry-run: is a flag of tagship publish: tagship plan never logs in or pushes: remove it, or use tagship publish'
    ],
    [
      ['plan', '--platform', 'linux/amd64'],
      '--platform: is a flag of tagship publish: tagship plan never logs in or pushes: remove it, or use tagship publish'
    ],
    [
      ['publish', '--source', 'oci-archive:x.tar', '--image', 'acme/app', '--platform', 'amd64'],
      'platforms: "amd64" is not a platform: write os/architecture or os/architecture/variant, e.g. linux/amd64 or linux/arm/v7'
    ],
    [
      ['plan', '--concurrency', '8'],
      '--concurrency: is a flag of tagship publish: tagship plan never logs in or pushes: remove it, or use tagship publish'
    ],
    [
      ['publish', '--dockerhub-token', 'x'],
      '--dockerhub-token: is a secret, and process lists would show a flag: set the environment variable TAGSHIP_DOCKERHUB_TOKEN instead (see tagship publish --help)'
    ],
    [
      ['publish', '--registry-auth', 'x'],
      '--registry-auth: is a secret, and process lists would show a flag: set the environment variable TAGSHIP_REGISTRY_AUTH instead (see tagship publish --help)'
    ],
    [
      ['publish', '--aws-secret-access-key', 'x'],
      '--aws-secret-access-key: is a secret, and process lists would show a flag: set the environment variable AWS_SECRET_ACCESS_KEY instead (see tagship publish --help)'
    ],
    [
      ['publish', '--logout', 'false'],
      '--logout: is an input of the GitHub Action only: remove it'
    ],
    [['plan', '--image'], '--image: is missing its value: write --image <value>'],
    [['plan', '--ref', '--json'], '--ref: is missing its value: write --ref <value>'],
    [['plan', '--json=yes'], '--json: takes no value: remove "=yes"'],
    [
      ['plan', '--ref', 'refs/heads/a', '--ref', 'refs/heads/b'],
      '--ref: is given twice ("refs/heads/a" and "refs/heads/b"): give it once'
    ]
  ])('%j', async (argv, message) => {
    expect(await runCli(argv)).toEqual({ code: 2, stdout: '', stderr: `tagship: ${message}\n` })
  })
})

describe('invalid input exits 2 with one line naming the input, the value and the fix', () => {
  test.each([
    [
      ['--image', 'docker.io/-acme/app'],
      `images: "docker.io/-acme/app" is not a valid repository name: path component "-acme" must be lowercase letters and digits, separated by '.', '_', '__' or '-'`
    ],
    [
      ['--image', 'acme/app', '--strategies', 'semver,lastest'],
      'strategies: unknown strategy "lastest": did you mean "latest"?'
    ],
    [
      ['--image', 'acme/app', '--sha-length', '4'],
      'sha-length: "4" is not a whole number from 7 to 40: use e.g. 7'
    ],
    [
      ['--image', 'acme/app', '--event', 'pushh'],
      '--event: unknown event "pushh": use a GitHub event name such as push, pull_request, release, schedule or workflow_dispatch'
    ],
    [
      ['--image', 'acme/app', '--pr-number', '7x'],
      '--pr-number: "7x" is not a pull request number: give a positive whole number'
    ],
    [
      ['--image', 'acme/app', '--pr-number', '7', '--pr-head-sha', 'abc'],
      '--pr-head-sha: "abc" is not a full commit sha: give the 40 lowercase hex digits'
    ],
    [
      ['--image', 'acme/app', '--pr-head-ref', 'fix'],
      '--pr-head-ref: "fix" describes a pull request, but no pull request number is known: add --pr-number'
    ],
    [
      ['--image', 'acme/app', '--now', 'yesterday'],
      '--now: "yesterday" is not a date: use ISO 8601, e.g. 2026-11-23T10:00:00Z'
    ],
    [
      ['--image', 'acme/app', '--commit-time', '2026-13-45'],
      '--commit-time: "2026-13-45" is not a date: use ISO 8601, e.g. 2026-11-23T10:00:00Z'
    ]
  ])('%j', async (flags, message) => {
    expect(await runCli(['plan', ...TAG_EVENT, ...flags])).toEqual({
      code: 2,
      stdout: '',
      stderr: `tagship: ${message}\n`
    })
  })
})

test('--platform and --platforms may be repeated and add up', () => {
  const args = parseCliArgs([
    'publish',
    '--platform',
    'linux/amd64',
    '--platforms',
    'linux/arm64,linux/arm/v7',
    '--platform',
    'linux/s390x',
    '--referrers',
    'false'
  ])
  expect(args.inputs).toEqual({
    platforms: 'linux/arm64,linux/arm/v7\nlinux/amd64\nlinux/s390x',
    referrers: 'false'
  })
})
