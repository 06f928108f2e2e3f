import { afterAll, afterEach, describe, expect, jest, test } from '@jest/globals'
import * as core from '@actions/core'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as runner from '../../src/action/runner.js'

/**
 * The runner's protocol (src/action/runner.ts) writes the bytes @actions/core
 * 3 writes. Each row runs a few calls with some of GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_STATE and GITHUB_STEP_SUMMARY set to fresh files (the others unset)
 * and gives stdout and the files exactly; every row is then run through
 * @actions/core itself, which must write the same. In the files, D stands for
 * each entry's random delimiter (`ghadelimiter_` and a v4 UUID).
 */

/** What a row calls: the part of the protocol the action uses, as runner.ts and @actions/core both give it. */
interface Protocol {
  setOutput(name: string, value: string): void
  exportVariable(name: string, value: string): void
  saveState(name: string, value: string): void
  setSecret(secret: string): void
  info(line: string): void
  notice(message: string): void
  warning(message: string): void
  error(message: string): void
  setFailed(message: string): void
  startGroup(title: string): void
  endGroup(): void
  group<T>(title: string, work: () => Promise<T>): Promise<T>
  readonly summary: SummaryLike
}
interface SummaryLike {
  addRaw(text: string): SummaryLike
  write(): Promise<unknown>
}

type FileName = 'OUTPUT' | 'ENV' | 'STATE' | 'STEP_SUMMARY'
const FILES: readonly FileName[] = ['OUTPUT', 'ENV', 'STATE', 'STEP_SUMMARY']

const scratch = mkdtempSync(join(tmpdir(), 'tagship-runner-test-'))
const savedEnv = { ...process.env }
afterEach(() => {
  process.env = { ...savedEnv }
  process.exitCode = undefined
  jest.restoreAllMocks()
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const UUID = /ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g

/** Run `calls` with the files `given` in place; what went to stdout and into each file, delimiters as D. */
async function runWith(
  protocol: Protocol,
  given: readonly FileName[],
  calls: (p: Protocol) => unknown
): Promise<{ stdout: string; files: Partial<Record<FileName, string>>; delimiters: string[] }> {
  const dir = mkdtempSync(join(scratch, 'run-'))
  for (const name of FILES) delete process.env[`GITHUB_${name}`]
  for (const name of given) {
    writeFileSync(join(dir, name), '')
    process.env[`GITHUB_${name}`] = join(dir, name)
  }
  let stdout = ''
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk)
    return true
  })
  try {
    await calls(protocol)
  } finally {
    jest.restoreAllMocks()
  }
  const delimiters: string[] = []
  const files: Partial<Record<FileName, string>> = {}
  for (const name of given) {
    const text = readFileSync(join(dir, name), 'utf8')
    delimiters.push(...(text.match(UUID) ?? []))
    files[name] = text.replace(UUID, 'D')
  }
  return { stdout, files, delimiters }
}

const LIKE_A_DELIMITER = 'ghadelimiter_00000000-0000-0000-0000-000000000000'

const ROWS: ReadonlyArray<
  [string, readonly FileName[], (p: Protocol) => unknown, string, Partial<Record<FileName, string>>]
> = [
  [
    'outputs, one of them over several lines, go to GITHUB_OUTPUT',
    ['OUTPUT'],
    (p) => {
      p.setOutput('tags', 'docker.io/acme/app:1.2.3\ndocker.io/acme/app:1.2')
      p.setOutput('digest', '')
    },
    '',
    { OUTPUT: 'tags<<D\ndocker.io/acme/app:1.2.3\ndocker.io/acme/app:1.2\nD\ndigest<<D\n\nD\n' }
  ],
  [
    'a value holding text like a delimiter is written as it is',
    ['OUTPUT'],
    (p) => p.setOutput('json', `{"x":"${LIKE_A_DELIMITER}"}\n${LIKE_A_DELIMITER}`),
    '',
    { OUTPUT: `json<<D\n{"x":"${LIKE_A_DELIMITER}"}\n${LIKE_A_DELIMITER}\nD\n` }
  ],
  [
    'without GITHUB_OUTPUT, an output is a set-output command after an empty line',
    [],
    (p) => p.setOutput('bake-file:tags,x', 'a\r\nb 100%'),
    '\n::set-output name=bake-file%3Atags%2Cx::a%0D%0Ab 100%25\n',
    {}
  ],
  [
    'a variable goes to GITHUB_ENV',
    ['ENV'],
    (p) => p.exportVariable('DOCKER_METADATA_OUTPUT_TAGS', 'a:1\nb:2'),
    '',
    { ENV: 'DOCKER_METADATA_OUTPUT_TAGS<<D\na:1\nb:2\nD\n' }
  ],
  [
    'without GITHUB_ENV, a variable is a set-env command',
    [],
    (p) => p.exportVariable('DOCKER_CONFIG', '/tmp/tagship-docker-1'),
    '::set-env name=DOCKER_CONFIG::/tmp/tagship-docker-1\n',
    {}
  ],
  [
    'the post state goes to GITHUB_STATE',
    ['STATE'],
    (p) => p.saveState('tagship', '{"dockerLogins":["ghcr.io"],"logout":true}'),
    '',
    { STATE: 'tagship<<D\n{"dockerLogins":["ghcr.io"],"logout":true}\nD\n' }
  ],
  [
    'without GITHUB_STATE, the state is a save-state command',
    [],
    (p) => p.saveState('tagship', '{"logout":true}'),
    '::save-state name=tagship::{"logout":true}\n',
    {}
  ],
  [
    'masks, lines and annotations are escaped to one line each',
    [],
    (p) => {
      p.setSecret('pa%ss\nword')
      p.info('plain line, 100% as given')
      p.notice('images: "Acme/App" is used as "acme/app"')
      p.warning('two\nlines')
      p.error('cr\rlf\n%')
    },
    '::add-mask::pa%25ss%0Aword\nplain line, 100% as given\n' +
      '::notice::images: "Acme/App" is used as "acme/app"\n::warning::two%0Alines\n::error::cr%0Dlf%0A%25\n',
    {}
  ],
  [
    'a failure is an error annotation',
    [],
    (p) => p.setFailed('images: "Acme/App" is not valid\nfix it'),
    '::error::images: "Acme/App" is not valid%0Afix it\n',
    {}
  ],
  [
    'groups open and close around their lines, also when the work fails',
    [],
    async (p) => {
      p.startGroup('Plan for push on refs/heads/main')
      p.info('docker.io/acme/app:edge')
      p.endGroup()
      await p.group('Preview', async () => p.info('inside'))
      await p.group('Login to ghcr.io', async () => Promise.reject(new Error('x'))).catch(() => {})
    },
    '::group::Plan for push on refs/heads/main\ndocker.io/acme/app:edge\n::endgroup::\n' +
      '::group::Preview\ninside\n::endgroup::\n::group::Login to ghcr.io\n::endgroup::\n',
    {}
  ],
  [
    'the summary is appended to GITHUB_STEP_SUMMARY, each write once',
    ['STEP_SUMMARY'],
    async (p) => {
      await p.summary.addRaw('### tagship\n\n').addRaw('| tag |\n').write()
      await p.summary.addRaw('done\n').write()
    },
    '',
    { STEP_SUMMARY: '### tagship\n\n| tag |\ndone\n' }
  ]
]

describe('the runner protocol', () => {
  test.each(ROWS)('%s', async (_name, given, calls, stdout, files) => {
    const run = await runWith(runner, given, calls)
    expect(run).toEqual({ stdout, files, delimiters: expect.any(Array) })
    // Each entry has its own delimiter, the same at both of its ends.
    const entries = run.delimiters.filter((_, i) => i % 2 === 0)
    expect(run.delimiters).toEqual(entries.flatMap((d) => [d, d]))
    expect(new Set(entries).size).toBe(entries.length)
  })

  test.each(ROWS)('%s: as @actions/core writes it', async (_name, given, calls, stdout, files) => {
    const run = await runWith(core, given, calls)
    expect({ stdout: run.stdout, files: run.files }).toEqual({ stdout, files })
  })

  test('a failure sets the exit code to 1; an exported variable is set for this step too', () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    delete process.env.GITHUB_ENV
    runner.exportVariable('DOCKER_CONFIG', '/tmp/tagship-docker-1')
    expect(process.env.DOCKER_CONFIG).toBe('/tmp/tagship-docker-1')
    expect(process.exitCode).toBeUndefined()
    runner.setFailed('boom')
    expect(process.exitCode).toBe(1)
  })

  test.each<[FileName, (p: Protocol) => void]>([
    ['OUTPUT', (p) => p.setOutput('a', 'b')],
    ['ENV', (p) => p.exportVariable('A', 'b')],
    ['STATE', (p) => p.saveState('a', 'b')]
  ])('GITHUB_%s naming no file fails the call, in core words', (file, call) => {
    const path = join(scratch, 'missing', file)
    process.env[`GITHUB_${file}`] = path
    expect(() => call(runner)).toThrow(new Error(`Missing file at path: ${path}`))
    expect(() => call(core)).toThrow(new Error(`Missing file at path: ${path}`))
  })

  test.each([
    [{}, 'Unable to find environment variable for $GITHUB_STEP_SUMMARY.'],
    [
      { GITHUB_STEP_SUMMARY: join(scratch, 'missing', 'summary') },
      `Unable to access summary file: '${join(scratch, 'missing', 'summary')}'.`
    ]
  ])('a summary written with %j fails with "%s"', async (env, message) => {
    delete process.env.GITHUB_STEP_SUMMARY
    Object.assign(process.env, env)
    await expect(runner.summary.addRaw('x').write()).rejects.toThrow(message)
  })
})

describe('inputs', () => {
  test.each([
    [
      'images',
      { INPUT_IMAGES: '  docker.io/acme/app\n ghcr.io/acme/app \n' },
      {},
      'docker.io/acme/app\n ghcr.io/acme/app'
    ],
    ['registry auth', { INPUT_REGISTRY_AUTH: ' - registry: x ' }, {}, '- registry: x'],
    ['sep-tags', { 'INPUT_SEP-TAGS': ',' }, {}, ','],
    ['Push', { INPUT_PUSH: 'false' }, { required: true }, 'false'],
    ['tags', {}, {}, ''],
    ['tags', { INPUT_TAGS: '   ' }, { required: true }, '']
  ])('getInput(%j) with %j and %j is %j', (name, env, options, value) => {
    for (const key of Object.keys(process.env))
      if (key.startsWith('INPUT_')) delete process.env[key]
    Object.assign(process.env, env)
    expect(runner.getInput(name, options)).toBe(value)
    expect(core.getInput(name, options)).toBe(value)
  })

  test('a required input that is empty is an error, in core words', () => {
    delete process.env.INPUT_IMAGES
    const call = () => runner.getInput('images', { required: true })
    expect(call).toThrow(new Error('Input required and not supplied: images'))
    expect(() => core.getInput('images', { required: true })).toThrow(
      new Error('Input required and not supplied: images')
    )
  })

  test('the post step reads back what main saved, as STATE_<name>', () => {
    expect(runner.getState('tagship', { STATE_tagship: '{"logout":true}' })).toBe('{"logout":true}')
    expect(runner.getState('tagship', {})).toBe('')
  })
})
