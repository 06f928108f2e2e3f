import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { dockerOk, pushImage } from '../../__fixtures__/services/docker-cli.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { SOURCE, startFourRegistries, type World } from './four-registries.js'
import {
  base64,
  dockerAuths,
  exportedVariables,
  METADATA_OUTPUT_VARIABLES,
  postStateEnv,
  runBundled,
  savedState,
  shownLines,
  type ActionRun
} from './run-action.js'

/**
 * `logout: false`: main exports DOCKER_CONFIG for later steps, and post
 * leaves the directory and its logins alone, so a later `docker push` works.
 */
let world: World
let files: RunnerFiles
let logs: string
let main: ActionRun
let post: ActionRun
let configDir: string
beforeAll(async () => {
  world = await startFourRegistries()
  files = runnerFiles()
  logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-logs-'))
  const out = (step: string) => ({
    stdoutPath: join(logs, `${step}.stdout`),
    stderrPath: join(logs, `${step}.stderr`)
  })
  world.watchStdout(out('main').stdoutPath)
  main = await runBundled('main', world.env(files, { logout: 'false' }), files, out('main'))
  configDir = savedState(files).configDir ?? 'no configDir in GITHUB_STATE'
  const postEnv = { ...world.env(files, { logout: 'false' }), ...postStateEnv(files) }
  post = await runBundled('post', postEnv, files, out('post'))
}, 60_000)
afterAll(async () => {
  files?.remove() // RUNNER_TEMP, which holds the kept config dir
  if (logs) rmSync(logs, { recursive: true, force: true })
  await world?.stop()
}, 30_000)

const expectedAuths = () =>
  Object.fromEntries(
    Object.entries(world.logins()).map(([host, login]) => [host, { auth: base64(login) }])
  )

test('main exports DOCKER_CONFIG=<the config dir> through GITHUB_ENV and says so', () => {
  expect(configDir.startsWith(join(files.dir, 'tagship-docker-'))).toBe(true)
  const variables = exportedVariables(files)
  expect(Object.keys(variables).sort()).toEqual(
    ['DOCKER_CONFIG', ...METADATA_OUTPUT_VARIABLES].sort()
  )
  expect(variables.DOCKER_CONFIG).toBe(configDir)
  const shown = shownLines(main.stdout)
  const { acr } = world.hosts
  // Right after the last login, before the publish starts.
  const exported = shown.indexOf(
    `DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`
  )
  expect(shown.slice(exported - 2, exported + 3)).toEqual([
    expect.stringMatching(`^Logged in to ${acr} as `),
    '::endgroup::',
    `DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`,
    '::group::Read the source tagship-e2e/app:build',
    'local image ' + shown[exported + 2]!.slice('local image '.length)
  ])
  expect(shown.at(-1)).toBe('20 tags on 4 targets: 20 pushed')
  expect(main.status).toBe(0)
})

test('post keeps the directory with its four logins and says so; docker never logs out', () => {
  expect(post.status).toBe(0)
  expect(post.stderr).toBe('')
  expect(post.stdout).toBe(`tagship: logout is false: keeping ${configDir} for later steps\n`)
  expect(existsSync(configDir)).toBe(true)
  expect(dockerAuths(configDir)).toEqual(expectedAuths())
  // The four pushes run at the same time, so tags and pushes interleave.
  const commands = world.shim.calls().map((argv) => argv[0])
  expect(commands.slice(0, 6)).toEqual(['image', ...Array(4).fill('login'), 'image'])
  expect(commands.slice(6).sort()).toEqual([...Array(4).fill('push'), ...Array(4).fill('tag')])
})

test('a later step pushes to all four registries with the kept DOCKER_CONFIG', async () => {
  for (const host of Object.values(world.hosts)) {
    const reference = `${host}/kept/app:1`
    await dockerOk(world.daemon, ['tag', SOURCE, reference])
    const digest = await pushImage(world.daemon, reference, { configDir })
    expect(await inspectDigest(reference, { authfile: join(configDir, 'config.json') })).toBe(
      digest
    )
  }
  // The registries saw the writes, each from the user tagship logged in as.
  const writers = (r: { requests(): { method: string; user?: string }[] }) => [
    ...new Set(
      r
        .requests()
        .filter((q) => q.method === 'PUT')
        .map((q) => q.user)
    )
  ]
  expect(writers(world.registries.basic)).toEqual(['alice'])
  expect(writers(world.registries.hub)).toEqual(['bob'])
  expect(writers(world.registries.ecr)).toEqual(['AWS'])
  expect(writers(world.registries.acr)).toEqual(['acr-refresh-token-principal'])
})

describe('logout: false when a login fails', () => {
  let failed: RunnerFiles
  let failedMain: ActionRun
  beforeAll(async () => {
    failed = runnerFiles()
    const extra = { logout: 'false', 'dockerhub-token': 'dckr_pat_wrong_token_3' }
    const out = (step: string) => ({
      stdoutPath: join(logs, `failed-${step}.stdout`),
      stderrPath: join(logs, `failed-${step}.stderr`)
    })
    failedMain = await runBundled('main', world.env(failed, extra), failed, out('main'))
    const postEnv = { ...world.env(failed, extra), ...postStateEnv(failed) }
    await runBundled('post', postEnv, failed, out('post'))
  }, 60_000)
  afterAll(() => failed?.remove())

  test('main fails on that registry, keeps the three other logins and exports nothing', () => {
    const { basic, hub, ecr, acr } = world.hosts
    expect(failedMain.status).toBe(1)
    expect(shownLines(failedMain.stdout).at(-1)).toBe(
      `::error::could not log in to 1 of 4 registries (${hub}): nothing was pushed`
    )
    expect(exportedVariables(failed)).toEqual({})
    expect(savedState(failed)).toMatchObject({ dockerLogins: [basic, ecr, acr], logout: false })
  })

  // Known bug (see the e2e report): main failed before it exported DOCKER_CONFIG,
  // yet post "keeps it for later steps", leaving three logins in a directory no
  // step was told about. Drop `.failing` once post removes it in that case.
  test('post removes a config dir that main never exported', () => {
    expect(existsSync(savedState(failed).configDir!)).toBe(false)
  })
})

describe("logout: false keeps the job's own Docker config", () => {
  let kept: RunnerFiles
  let keptMain: ActionRun
  let jobDir: string
  const carol = { auth: base64('carol:job-login-secret') }
  beforeAll(async () => {
    kept = runnerFiles()
    jobDir = mkdtempSync(join(tmpdir(), 'tagship-e2e-job-docker-'))
    const { basic, hub } = world.hosts
    // What the runner had before tagship: a login of its own, a helper for a
    // registry tagship logs in to, and a credential store.
    writeFileSync(
      join(jobDir, 'config.json'),
      JSON.stringify({
        auths: { 'job.registry.test': carol, 'store.registry.test': {}, [basic]: carol },
        credHelpers: { [hub]: 'tagship-no-such-helper' },
        credsStore: 'tagship-job-store',
        psFormat: 'table {{.ID}}'
      })
    )
    const out = (step: string) => ({
      stdoutPath: join(logs, `kept-${step}.stdout`),
      stderrPath: join(logs, `kept-${step}.stderr`)
    })
    const env = { ...world.env(kept, { logout: 'false' }), DOCKER_CONFIG: jobDir }
    keptMain = await runBundled('main', env, kept, out('main'))
  }, 60_000)
  afterAll(() => {
    kept?.remove()
    if (jobDir) rmSync(jobDir, { recursive: true, force: true })
  })

  test("the exported config holds the job's logins and settings with tagship's four", () => {
    expect(keptMain.status).toBe(0)
    const exported = exportedVariables(kept).DOCKER_CONFIG!
    expect(exported.startsWith(join(kept.dir, 'tagship-docker-'))).toBe(true)
    const config = JSON.parse(readFileSync(join(exported, 'config.json'), 'utf8')) as Record<
      string,
      unknown
    >
    // tagship's login to the basic registry replaced the job's; the store
    // now answers only for the registries it held, and none of tagship's.
    expect(config).toEqual({
      auths: {
        'job.registry.test': carol,
        'store.registry.test': {},
        ...expectedAuths(),
        // This run's own ACR refresh token (expectedAuths names the first run's).
        [world.hosts.acr]: {
          auth: base64(
            `00000000-0000-0000-0000-000000000000:${world.acr.exchange.refreshTokens.at(-1)}`
          )
        }
      },
      credHelpers: {
        'job.registry.test': 'tagship-job-store',
        'store.registry.test': 'tagship-job-store'
      },
      psFormat: 'table {{.ID}}'
    })
  })

  test("the job's own config file is untouched", () => {
    expect(JSON.parse(readFileSync(join(jobDir, 'config.json'), 'utf8'))).toMatchObject({
      auths: { [world.hosts.basic]: carol },
      credsStore: 'tagship-job-store'
    })
  })
})
