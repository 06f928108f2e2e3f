import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { decodeToken } from '../../__fixtures__/services/token-signing.js'
import { ACCOUNT, CLIENT_ID, startFourRegistries, type World } from './four-registries.js'
import {
  base64,
  dockerAuths,
  exportedVariables,
  fileCommandTexts,
  groups,
  leaks,
  METADATA_OUTPUT_VARIABLES,
  maskedValues,
  postStateEnv,
  runBundled,
  savedState,
  shownLines,
  withoutMasksOf,
  type ActionRun
} from './run-action.js'

/**
 * One run of the bundled action, main then post, as the runner runs it, with
 * four targets on four registries that each log in another way. Main logs in
 * to all four, publishes the local image to each (one docker push per
 * repository, every further tag a manifest write) and verifies every tag.
 */
let world: World
let files: RunnerFiles
let logs: string
let main: ActionRun
let post: ActionRun
let window: { start: number; end: number }
let configDir: string
let configAfterMain: string
beforeAll(async () => {
  world = await startFourRegistries()
  files = runnerFiles()
  logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-logs-'))
  const out = (step: string) => ({
    stdoutPath: join(logs, `${step}.stdout`),
    stderrPath: join(logs, `${step}.stderr`)
  })
  world.watchStdout(out('main').stdoutPath)
  const start = Date.now()
  main = await runBundled('main', world.env(files), files, out('main'))
  window = { start, end: Date.now() }
  configDir = savedState(files).configDir ?? 'no configDir in GITHUB_STATE'
  configAfterMain = readFileSync(join(configDir, 'config.json'), 'utf8')
  post = await runBundled(
    'post',
    { ...world.env(files), ...postStateEnv(files) },
    files,
    out('post')
  )
}, 60_000)
afterAll(async () => {
  files?.remove()
  if (logs) rmSync(logs, { recursive: true, force: true })
  await world?.stop()
}, 30_000)

const group = (title: string, ...lines: string[]): string[] => [
  `::group::${title}`,
  ...lines,
  '::endgroup::'
]
const ACR_USER = '00000000-0000-0000-0000-000000000000'

describe('main logs in to a Basic, a Docker Hub, an ECR and an ACR registry and publishes', () => {
  test('each in its own group, with exactly these lines, then publishes to all four', () => {
    const { basic, hub, ecr, acr } = world.hosts
    const shown = shownLines(main.stdout)
    const targets = [`${basic}/team/app`, `${hub}/acme/app`, `${ecr}/app`, `${acr}/app`]
    expect([...groups(main.stdout).keys()]).toEqual([
      'Plan for push on refs/tags/v1.2.3',
      ...[basic, hub, ecr, acr].map((host) => `Login to ${host}`),
      'Read the source tagship-e2e/app:build',
      ...targets.map((t) => `Read ${t}`),
      ...targets.map((t) => `Content for ${t}`),
      ...targets.map((t) => `Tags of ${t}`),
      'Verify'
    ])
    // ECR's expiry is 12 hours after the fixture answered; the refresh token carries its own.
    const ecrUntil = /valid until (\S+)\)$/.exec(groups(main.stdout).get(`Login to ${ecr}`)![1]!)
    const until = Date.parse(ecrUntil?.[1] ?? '')
    const twelveHours = 12 * 3600_000
    expect(until).toBeGreaterThanOrEqual(Math.floor(window.start / 1000) * 1000 + twelveHours)
    expect(until).toBeLessThanOrEqual(window.end + twelveHours)
    const refreshToken = world.acr.exchange.refreshTokens[0]!
    const acrUntil = new Date((decodeToken(refreshToken).payload.exp as number) * 1000)
    const ecrProvider = `Amazon ECR (account ${ACCOUNT}, eu-west-1)`
    const loginEnd = shown.indexOf(`::group::Read the source tagship-e2e/app:build`)
    // tagship asks GitHub for the ID token itself: no debug line of @actions/core's.
    expect(shown.filter((line) => line.startsWith('::debug::ID token url'))).toEqual([])
    const logins = shown.slice(shown.indexOf(`::group::Login to ${basic}`), loginEnd)
    expect(logins).toEqual([
      ...group(
        `Login to ${basic}`,
        `${basic}: alice (from registry-auth)`,
        `Logged in to ${basic} as alice (registry-auth)`
      ),
      ...group(
        `Login to ${hub}`,
        `${hub} (Docker Hub): bob (from dockerhub-token)`,
        `Logged in to ${hub} as bob (dockerhub-token)`
      ),
      ...group(
        `Login to ${ecr}`,
        `${ecr} (${ecrProvider}): an ECR authorization token (account ${ACCOUNT}, eu-west-1)`,
        `Logged in to ${ecr} as AWS (ECR GetAuthorizationToken, valid until ${ecrUntil?.[1]})`
      ),
      ...group(
        `Login to ${acr}`,
        `${acr} (Azure Container Registry acme): GitHub OIDC for Entra ID client ${CLIENT_ID}, exchanged for an ACR refresh token`,
        `Logged in to ${acr} as ${ACR_USER} (GitHub OIDC, Entra ID and the ACR token exchange, valid until ${acrUntil.toISOString()})`
      )
    ])
    expect(shown.at(-1)).toBe('20 tags on 4 targets: 20 pushed')
    expect(main.status).toBe(0)
    expect(main.stderr).toBe('')
  })

  test('each credential came from where it should', () => {
    // The AWS inputs signed GetAuthorizationToken in the registry's region, then
    // DescribeRepositories checked that the empty ECR repository exists.
    const session = world.maskedSecrets()['aws-session-token']
    expect(world.aws.requests().map((r) => [r.operation, r.region, r.sessionToken])).toEqual([
      ['ecr:GetAuthorizationToken', 'eu-west-1', session],
      ['ecr:DescribeRepositories', 'eu-west-1', session]
    ])
    // One ID token for Entra's audience, one Entra token, one exchange for this registry.
    expect(world.oidc.issued).toHaveLength(1)
    expect(world.entra.issued).toHaveLength(1)
    expect(world.acr.exchange.exchanges.map((e) => Object.fromEntries(e.fields))).toEqual([
      expect.objectContaining({ grant_type: 'access_token', service: world.hosts.acr })
    ])
  })

  test('the Docker config dir held exactly the four logins, each base64 user:password', () => {
    expect(configDir.startsWith(join(files.dir, 'tagship-docker-'))).toBe(true)
    const auths = JSON.parse(configAfterMain).auths as Record<string, Record<string, string>>
    expect(auths).toEqual(
      Object.fromEntries(
        Object.entries(world.logins()).map(([host, login]) => [host, { auth: base64(login) }])
      )
    )
    expect(savedState(files).dockerLogins).toEqual(Object.values(world.hosts))
  })

  test('docker got every password on stdin, pushed once per repository, and logged out in post', () => {
    const { basic, hub, ecr, acr } = world.hosts
    const firstTags = [`${basic}/team/app`, `${hub}/acme/app`, `${ecr}/app`, `${acr}/app`].map(
      (t) => `${t}:1.2.3`
    )
    const calls = world.shim.calls()
    expect(calls.slice(0, 6)).toEqual([
      // The local source is looked up before any registry is contacted.
      ['image', 'inspect', '--format', '{{.Id}}', '--', 'tagship-e2e/app:build'],
      ['login', '--username', 'alice', '--password-stdin', basic],
      ['login', '--username', 'bob', '--password-stdin', hub],
      ['login', '--username', 'AWS', '--password-stdin', ecr],
      ['login', '--username', ACR_USER, '--password-stdin', acr],
      // and read again by the publish, for its image ID
      ['image', 'inspect', '--format', '{{.Id}}', '--', 'tagship-e2e/app:build']
    ])
    // The four registries are pushed to at the same time: each reference is
    // tagged, then pushed, once.
    const pushes = calls.slice(6, -4)
    const order = (argv: readonly string[]) => argv.join(' ')
    expect(pushes.map(order).sort()).toEqual(
      firstTags.flatMap((ref) => [`tag -- tagship-e2e/app:build ${ref}`, `push -- ${ref}`]).sort()
    )
    for (const ref of firstTags)
      expect(
        pushes.findIndex((a) => order(a) === `tag -- tagship-e2e/app:build ${ref}`)
      ).toBeLessThan(pushes.findIndex((a) => order(a) === `push -- ${ref}`))
    expect(calls.slice(-4)).toEqual([basic, hub, ecr, acr].map((host) => ['logout', host]))
    // The /proc sampler saw the steps themselves and docker at work.
    const seen = [...main.cmdlines, ...post.cmdlines].map((argv) => argv.join(' '))
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ \S+\/dist\/main\/index\.js$/),
        expect.stringMatching(/ \S+\/dist\/post\/index\.js$/),
        expect.stringMatching(/docker login --username \S+ --password-stdin 127\.0\.0\.1:\d+$/)
      ])
    )
  })

  test('post logs out of each registry and removes the config dir', () => {
    expect(post.status).toBe(0)
    expect(post.stderr).toBe('')
    expect(post.stdout).toBe(
      [
        ...Object.values(world.hosts).map((host) => `Logged out of ${host}`),
        `Removed ${configDir}`,
        ''
      ].join('\n')
    )
    expect(existsSync(configDir)).toBe(false)
    expect(() => dockerAuths(configDir)).toThrow()
  })

  test('the outputs name what skopeo finds in each registry; only they are exported', async () => {
    const outputs = files.outputs()
    const references = outputs.tags!.split('\n')
    expect(references).toHaveLength(20)
    const logins = world.logins()
    // skopeo asks the registries behind the taps: its tokens are not tagship's.
    const behind = new Map(
      (Object.keys(world.hosts) as (keyof typeof world.hosts)[]).map((k) => [
        world.hosts[k],
        world.registries[k].host
      ])
    )
    for (const reference of references) {
      const host = reference.slice(0, reference.indexOf('/'))
      const [username, ...rest] = logins[host]!.split(':')
      const creds = { username: username!, password: rest.join(':') }
      const direct = `${behind.get(host)}${reference.slice(host.length)}`
      expect(await inspectDigest(direct, { creds })).toBe(outputs.digest)
    }
    // Only the outputs again, as metadata-action exports them; no DOCKER_CONFIG.
    expect(fileCommandTexts(files).GITHUB_PATH).toBe('')
    const exported = exportedVariables(files)
    expect(Object.keys(exported).sort()).toEqual([...METADATA_OUTPUT_VARIABLES].sort())
    expect(exported.DOCKER_METADATA_OUTPUT_TAGS).toBe(outputs.tags)
    expect(exported.DOCKER_METADATA_OUTPUT_JSON).toBe(outputs.json)
  })
})

describe('secrets', () => {
  const INPUT_SECRETS = [
    'registry-auth password',
    'dockerhub-token',
    'aws-access-key-id',
    'aws-secret-access-key',
    'aws-session-token'
  ]

  test('every secret is announced with ::add-mask:: before its first use', () => {
    const secrets = world.maskedSecrets()
    const nameOf = new Map(Object.entries(secrets).map(([name, value]) => [value, name]))
    // Inputs are masked as they are read: before the first group, so before any request.
    const beforeGroups = maskedValues(main.stdout.slice(0, main.stdout.indexOf('::group::')))
    expect(INPUT_SECRETS.filter((name) => !beforeGroups.has(secrets[name]!))).toEqual([])
    // Each credential on the wire had been masked when it arrived: all that tagship
    // sent (registry tokens included), and what docker sent on tagship's behalf.
    const late = world.uses.flatMap((use) =>
      use.values
        .filter((v) => (use.by === 'tagship' || nameOf.has(v)) && !use.masked.has(v))
        .map((v) => `${nameOf.get(v) ?? 'a registry token'} sent by ${use.by} to ${use.where}`)
    )
    expect(late).toEqual([])
    // Every derived secret was seen in use, so the check above covered it.
    const sent = new Set(world.uses.flatMap((use) => use.values))
    const derived = Object.entries(secrets).filter(([name]) => !INPUT_SECRETS.includes(name))
    expect(derived.filter(([, value]) => !sent.has(value)).map(([name]) => name)).toEqual([])
    expect(world.uses.filter((use) => use.by === 'tagship').length).toBeGreaterThanOrEqual(8)
  })

  test('no secret appears in any log, file command or command line', () => {
    const secrets = world.allSecrets()
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(15)
    expect(Object.values(secrets).every((s) => s.length >= 16)).toBe(true)
    const announced = [...Object.values(secrets), world.inputs['registry-auth'].trim()]
    const argv = (run: ActionRun) => run.cmdlines.map((a) => a.join(' ')).join('\n')
    const places = {
      // `::add-mask::<secret>` lines are where a secret must appear: the runner
      // consumes them and never shows them. Only those exact lines are left out.
      'main stdout': withoutMasksOf(main.stdout, announced),
      'main stderr': main.stderr,
      'post stdout': withoutMasksOf(post.stdout, announced),
      'post stderr': post.stderr,
      ...fileCommandTexts(files),
      'command lines during main': argv(main),
      'command lines during post': argv(post),
      'docker shim argv': world.shim.calls().flat().join('\n')
    }
    expect(leaks(secrets, places)).toEqual([])
    // The scan finds what is there: the config docker wrote holds the four logins.
    expect(leaks(secrets, { config: configAfterMain })).toEqual([
      'base64 alice:password in config',
      'base64 bob:dockerhub-token in config',
      'ECR authorization token (base64 AWS:password) in config',
      'base64 ACR user:refresh token in config'
    ])
  })
})
