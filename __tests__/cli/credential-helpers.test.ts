import { afterAll, beforeEach, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  askCredentialHelper,
  helperServerUrl,
  type HelperCall
} from '../../src/cli/credential-helpers.js'
import { cliText } from '../../src/cli/secrets.js'
import { InputError } from '../../src/shared/errors.js'
import { wordsOf } from '../../src/shared/words.js'
import { writeTestHelper } from './credential-helper-script.js'

/**
 * A real `docker-credential-tagship-test` (sh), first on PATH, answers `get`
 * as the helpers of docker-credential-helpers do; askCredentialHelper runs it.
 */
const root = mkdtempSync(join(tmpdir(), 'tagship-cred-helper-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
const helper = writeTestHelper(join(root, 'bin'))
const env = { PATH: `${helper.bin}:/usr/bin:/bin`, HOME: root }
const HOST = 'registry.example.com:5000'
const SECRET = 'helper-secret-0f3a9c'
const call = (registry = HOST, via: HelperCall['via'] = 'credsStore'): HelperCall => ({
  helper: 'tagship-test',
  via,
  registry,
  configPath: '/home/me/.docker/config.json'
})
/** The message as the CLI prints it. */
const failure = (run: () => unknown): string => {
  try {
    run()
  } catch (e) {
    return cliText(wordsOf(e))
  }
  throw new Error('no error')
}

beforeEach(() => helper.reset())

describe('helperServerUrl: what Docker writes on the helper stdin', () => {
  test.each([
    ['docker.io', 'https://index.docker.io/v1/'],
    ['ghcr.io', 'ghcr.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000']
  ])('%s -> %s', (registry, url) => {
    expect(helperServerUrl(registry)).toBe(url)
  })
})

describe('an answer', () => {
  test.each([
    ['a username and password', 'alice', SECRET],
    ['an identity token', '<token>', SECRET]
  ])('%s is found, once, with the server URL on stdin', (_, username, secret) => {
    helper.found(HOST, username, secret)
    expect(askCredentialHelper(call(), { env })).toEqual({
      kind: 'found',
      credentials: { username, password: secret }
    })
    expect(helper.calls()).toEqual([{ args: 'get', stdin: HOST }])
  })

  test("Docker Hub's server URL", () => {
    helper.found('https://index.docker.io/v1/', 'hubuser', SECRET)
    expect(askCredentialHelper(call('docker.io'), { env })).toEqual({
      kind: 'found',
      credentials: { username: 'hubuser', password: SECRET }
    })
    expect(helper.calls()).toEqual([{ args: 'get', stdin: 'https://index.docker.io/v1/' }])
  })

  test.each([
    ['on stdout, exit 1 (the protocol)', {}],
    [
      'on stderr, exit 1',
      { stderr: 'credentials not found in native keychain\n', exit: 1, stdout: '' }
    ],
    ['an empty secret, exit 0', { stdout: '{"ServerURL":"","Username":"","Secret":""}' }]
  ])('"not found" %s is no credentials', (_, reply) => {
    if (Object.keys(reply).length > 0) helper.reply(HOST, reply)
    expect(askCredentialHelper(call(), { env })).toEqual({ kind: 'not found' })
  })
})

describe('a failure is one error naming the helper and the host, never its output', () => {
  const fix = `run echo ${HOST} | docker-credential-tagship-test get to see its message, or give ${HOST} credentials in TAGSHIP_REGISTRY_AUTH`
  test.each([
    [
      'a non-zero exit',
      { exit: 3, stderr: `error: keychain locked, token ${SECRET}\n` },
      'exit code 3'
    ],
    [
      'an answer that is not JSON',
      { stdout: `Username=alice Secret=${SECRET}` },
      'its answer is not the JSON of the credential helper protocol'
    ],
    [
      'JSON with no Secret',
      { stdout: '{"ServerURL":"x","Username":"alice"}' },
      'its answer is not the JSON of the credential helper protocol'
    ]
  ])('%s', (_, reply, reason) => {
    helper.reply(HOST, reply)
    const message = failure(() => askCredentialHelper(call(), { env }))
    expect(message).toBe(
      `docker-credential-tagship-test get failed for ${HOST} (${reason}): ${fix}`
    )
    expect(message).not.toContain(SECRET)
  })

  test('no answer within the time limit: the helper is stopped', () => {
    helper.reply(HOST, { sleep: 30 })
    const started = Date.now()
    expect(failure(() => askCredentialHelper(call(), { env, timeoutMs: 500 }))).toBe(
      `docker-credential-tagship-test get failed for ${HOST} (no answer within 0.5 s): ${fix}`
    )
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})

describe('a helper not on PATH', () => {
  test.each([
    [
      'credsStore',
      call(HOST, 'credsStore'),
      `DOCKER_CONFIG: docker-credential-tagship-test was not found on PATH (credsStore in /home/me/.docker/config.json names it): install it or put its folder on PATH, remove that entry from the file, or give ${HOST} credentials in TAGSHIP_REGISTRY_AUTH`
    ],
    [
      'credHelpers',
      call('ghcr.io', 'credHelpers'),
      'DOCKER_CONFIG: docker-credential-tagship-test was not found on PATH (credHelpers for ghcr.io in /home/me/.docker/config.json names it): install it or put its folder on PATH, remove that entry from the file, or give ghcr.io credentials in TAGSHIP_REGISTRY_AUTH'
    ]
  ])('named by %s is bad input, with the fix', (_, asked, message) => {
    const run = () => askCredentialHelper(asked, { env: { ...env, PATH: '/usr/bin:/bin' } })
    expect(run).toThrow(InputError)
    expect(failure(run)).toBe(message)
  })

  test('a relative PATH entry is not searched', () => {
    const relative = { ...env, PATH: 'bin:/usr/bin' }
    const inRoot = () => {
      const cwd = process.cwd()
      process.chdir(root)
      try {
        return askCredentialHelper(call(), { env: relative })
      } finally {
        process.chdir(cwd)
      }
    }
    expect(inRoot).toThrow('docker-credential-tagship-test was not found on PATH')
    expect(helper.calls()).toEqual([])
  })
})
