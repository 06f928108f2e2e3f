import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { createDockerShim, type DockerShim } from '../../__fixtures__/services/docker-shim.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { startTokenServer, type TokenServer } from '../../__fixtures__/services/token-server.js'
import {
  groups,
  leaks,
  postStateEnv,
  runBundled,
  shownLines,
  withoutMasksOf,
  type ActionRun
} from './run-action.js'

/**
 * Wrong or missing credentials stop the bundled action before anything is
 * written anywhere: one error line per registry that names the input to
 * check, then the summary line. The source is a registry reference on one of
 * the targets (a local one would be looked up in the daemon first), so no
 * docker command runs and no daemon is needed.
 */
const ALICE = { username: 'alice', password: 'alice-right-password-1' }
const BOB = { username: 'bob', password: 'dckr_pat_right_token_1' }
const WRONG = { alice: 'alice-wrong-password-2', bob: 'dckr_pat_wrong_token_2' }

const cleanup = new Cleanup()
let basic: Registry
let tokens: TokenServer
let hub: Registry
let shim: DockerShim
let logs: string
beforeAll(async () => {
  basic = await startRegistry({ auth: 'htpasswd', users: [ALICE] })
  cleanup.add(basic.stop)
  tokens = await startTokenServer({ users: [BOB] })
  cleanup.add(tokens.stop)
  hub = await startRegistry({ auth: 'token', tokenServer: tokens })
  cleanup.add(hub.stop)
  shim = createDockerShim()
  cleanup.add(() => shim.remove())
  logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-logs-'))
  cleanup.add(() => rmSync(logs, { recursive: true, force: true }))
}, 30_000)
afterAll(() => cleanup.run(), 30_000)

const registryAuth = (password: string) =>
  `- registry: ${basic.host}\n  username: alice\n  password: ${password}\n`

/** main, then post with main's state, as the runner runs them. */
async function runSteps(inputs: Record<string, string>) {
  for (const r of [basic, hub]) r.clearRequests()
  tokens.clearRequests()
  const files = runnerFiles()
  cleanup.add(() => files.remove())
  const env = (extra: Record<string, string> = {}) => ({
    PATH: `${shim.dir}:${process.env.PATH}`,
    ...runnerFixture('tag-stable').env,
    ...files.env,
    ...inputEnv({
      source: `${basic.host}/team/app:build`,
      images: `${basic.host}/team/app\n${hub.host}/acme/app`,
      ...inputs
    }),
    RUNNER_DEBUG: '1',
    ...extra
  })
  const out = (step: string) => ({
    stdoutPath: join(logs, `${step}-${Date.now()}.stdout`),
    stderrPath: join(logs, `${step}-${Date.now()}.stderr`)
  })
  const main = await runBundled('main', env(), files, out('main'))
  const post = await runBundled('post', env(postStateEnv(files)), files, out('post'))
  return { main, post, files }
}

/** The lines after the plan group. */
const afterPlan = (run: ActionRun): string[] => {
  const shown = shownLines(run.stdout)
  return shown.slice(shown.indexOf('::endgroup::') + 1)
}

function expectNothingWritten(run: { main: ActionRun; post: ActionRun; files: RunnerFiles }) {
  expect(run.main.status).toBe(1)
  expect(run.main.stderr).toBe('')
  expect(shim.calls()).toEqual([])
  expect(run.files.outputs()).toEqual({})
  expect(run.files.state()).toEqual({})
  expect(run.post.status).toBe(0)
  expect(run.post.stdout).toBe('tagship: nothing to clean up (no docker login was made)\n')
}

describe('a wrong registry-auth password and a wrong dockerhub-token', () => {
  let run: Awaited<ReturnType<typeof runSteps>>
  beforeAll(async () => {
    run = await runSteps({
      'registry-auth': registryAuth(WRONG.alice),
      'registry-providers': `${hub.host}=dockerhub`,
      'dockerhub-username': 'bob',
      'dockerhub-token': WRONG.bob
    })
  }, 30_000)

  test('give one error line per registry naming the input to check, then the failure', () => {
    expect(afterPlan(run.main)).toEqual([
      `::group::Login to ${basic.host}`,
      `${basic.host}: alice (from registry-auth)`,
      `::error::${basic.host} rejected the credentials for alice: check its entry in registry-auth`,
      '::endgroup::',
      `::group::Login to ${hub.host}`,
      `${hub.host} (Docker Hub): bob (from dockerhub-token)`,
      `::error::Docker Hub (${hub.host}) rejected the credentials for bob: check dockerhub-token (an access token with Read & Write, not the password)`,
      '::endgroup::',
      `::error::could not log in to 2 of 2 registries (${basic.host}, ${hub.host}): nothing was pushed`
    ])
    expect(shownLines(run.main.stdout).filter((l) => l.startsWith('::error::'))).toHaveLength(3)
    expect(groups(run.main.stdout).size).toBe(3)
    expectNothingWritten(run)
  })

  test('only read the registries: each checked its credentials with one GET /v2/', () => {
    const seen = (r: Registry) =>
      r.requests().map((q) => [q.method, q.path, q.authorization, q.status])
    expect(seen(basic)).toEqual([
      ['GET', '/v2/', 'none', 401],
      ['GET', '/v2/', 'basic', 401]
    ])
    expect(seen(hub)).toEqual([['GET', '/v2/', 'none', 401]])
    expect(tokens.requests().map((q) => [q.method, q.path, q.account, q.status])).toEqual([
      ['GET', '/token', 'bob', 401]
    ])
    const writes = [...basic.requests(), ...hub.requests(), ...tokens.requests()].filter((q) =>
      ['PUT', 'POST', 'PATCH', 'DELETE'].includes(q.method)
    )
    expect(writes).toEqual([])
  })

  test('show neither wrong secret', () => {
    const secrets = { 'wrong password': WRONG.alice, 'wrong token': WRONG.bob }
    const { main, post, files } = run
    const announced = [...Object.values(secrets), registryAuth(WRONG.alice).trim()]
    expect(
      leaks(secrets, {
        'main stdout': withoutMasksOf(main.stdout, announced),
        'main stderr': main.stderr,
        'post stdout': post.stdout,
        'file commands': JSON.stringify([files.outputs(), files.state(), files.summary()]),
        'command lines': [...main.cmdlines, ...post.cmdlines].flat().join(' ')
      })
    ).toEqual([])
  })
})

describe('a Docker Hub target without dockerhub credentials', () => {
  test('fails with its one line before any request to any registry', async () => {
    const run = await runSteps({
      'registry-auth': registryAuth(ALICE.password),
      'registry-providers': `${hub.host}=dockerhub`
    })
    expect(afterPlan(run.main)).toEqual([
      `::error::images: ${hub.host} is Docker Hub and no credentials were given for it: set dockerhub-username and dockerhub-token (an access token with Read & Write) or dockerhub-oidc-connection-id (GitHub OIDC, with permissions: id-token: write), or add it to registry-auth`
    ])
    expect([...groups(run.main.stdout).keys()]).toEqual(['Plan for push on refs/tags/v1.2.3'])
    expect([basic.requests(), hub.requests(), tokens.requests()]).toEqual([[], [], []])
    expectNothingWritten(run)
  })
})
