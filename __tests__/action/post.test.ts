import { afterAll, afterEach, describe, expect, jest, test } from '@jest/globals'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPost } from '../../src/action/post.js'
import type { PostState } from '../../src/action/state.js'

/**
 * The post step as it runs in its bundle: state from STATE_tagship, lines on
 * stdout, `docker logout` on PATH. The docker here is a script standing in
 * for the CLI (a real one cannot be made to fail a logout): it records how it
 * was called, and fails for the registries named `fails.example` (with two
 * lines of complaint) and `silent.example` (with none).
 */
const scratch = mkdtempSync(join(tmpdir(), 'tagship-post-test-'))
const bin = join(scratch, 'bin')
const calls = join(scratch, 'calls')
const emptyBin = join(scratch, 'empty-bin')
mkdirSync(bin)
mkdirSync(emptyBin)
writeFileSync(
  join(bin, 'docker'),
  [
    '#!/bin/sh',
    `echo "$DOCKER_CONFIG|$*|\${INPUT_DOCKERHUB_TOKEN:-no token}" >> '${calls}'`,
    'case "$2" in',
    '  fails.example) echo "boom at 100%" >&2; echo "second line" >&2; exit 1 ;;',
    '  silent.example) exit 1 ;;',
    'esac'
  ].join('\n') + '\n'
)
chmodSync(join(bin, 'docker'), 0o755)

const saved = { PATH: process.env.PATH, STATE_tagship: process.env.STATE_tagship }
afterEach(() => {
  for (const [name, value] of Object.entries(saved))
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  delete process.env.INPUT_DOCKERHUB_TOKEN
  rmSync(calls, { force: true })
})
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Run the post step with `state` (CFG stands for a fresh config directory) and docker on `path`. */
async function post(state: PostState | undefined, path = bin) {
  const configDir = mkdtempSync(join(scratch, 'cfg-'))
  const cfg = (text: string) => text.split(configDir).join('CFG')
  process.env.PATH = path
  process.env.INPUT_DOCKERHUB_TOKEN = 'dckr_pat_s3cret'
  if (state) process.env.STATE_tagship = JSON.stringify({ ...state, configDir })
  else delete process.env.STATE_tagship
  const printed: string[] = []
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk))
    return true
  })
  try {
    await runPost()
  } finally {
    write.mockRestore()
  }
  return {
    stdout: cfg(printed.join('')),
    calls: existsSync(calls) ? cfg(readFileSync(calls, 'utf8')).split('\n').filter(Boolean) : [],
    kept: existsSync(configDir)
  }
}

const loggedIn = (dockerLogins: string[], more: Partial<PostState> = {}): PostState => ({
  dockerLogins,
  logout: true,
  ...more
})

describe('the post step', () => {
  test.each([
    [
      'no state: nothing to do',
      undefined,
      { stdout: 'tagship: nothing to clean up (no docker login was made)\n', calls: [], kept: true }
    ],
    [
      'logout: false, exported: the logins stay for later steps',
      loggedIn(['ok.example'], { logout: false, exported: true }),
      {
        stdout: 'tagship: logout is false: keeping CFG for later steps\n',
        calls: [],
        kept: true
      }
    ],
    [
      'logins: each undone (docker.io by no name), the directory removed',
      loggedIn(['ok.example', 'docker.io']),
      {
        stdout: 'Logged out of ok.example\nLogged out of docker.io\nRemoved CFG\n',
        calls: ['CFG|logout ok.example|no token', 'CFG|logout|no token'],
        kept: false
      }
    ],
    [
      'logout: false but main failed before exporting: undone all the same',
      loggedIn(['ok.example'], { logout: false }),
      {
        stdout: 'Logged out of ok.example\nRemoved CFG\n',
        calls: ['CFG|logout ok.example|no token'],
        kept: false
      }
    ],
    [
      "a failed logout warns with docker's words on one line, and the rest goes on",
      loggedIn(['fails.example', 'ok.example']),
      {
        stdout:
          '::warning::docker logout fails.example: boom at 100%25%0Asecond line\nLogged out of ok.example\nRemoved CFG\n',
        calls: ['CFG|logout fails.example|no token', 'CFG|logout ok.example|no token'],
        kept: false
      }
    ],
    [
      'a failed logout that says nothing still warns',
      loggedIn(['silent.example']),
      {
        stdout: '::warning::docker logout silent.example: docker exited with 1\nRemoved CFG\n',
        calls: ['CFG|logout silent.example|no token'],
        kept: false
      }
    ]
  ])('%s', async (_name, state, expected) => {
    expect(await post(state)).toEqual(expected)
  })

  test('no docker on PATH: one warning, the directory kept, the step not failed', async () => {
    expect(await post(loggedIn(['ok.example']), emptyBin)).toEqual({
      stdout: '::warning::tagship post step: docker is not on PATH\n',
      calls: [],
      kept: true
    })
  })
})
