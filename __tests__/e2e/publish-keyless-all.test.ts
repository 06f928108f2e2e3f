import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sha256, skopeoRaw } from '../../__fixtures__/archives.js'
import { runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { ACR_TOKEN_USERNAME } from '../../__fixtures__/services/acr-exchange.js'
import { DOCKER_IDENTITY_AUDIENCE } from '../../__fixtures__/services/docker-identity.js'
import type { ProxiedRequest } from '../../__fixtures__/services/forward-proxy.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { decodeToken } from '../../__fixtures__/services/token-signing.js'
import { ACTOR, PROXY_USER, type Target } from './keyless-secrets.js'
import {
  ACCOUNT,
  CLIENT_ID,
  CONNECTION,
  PROVIDER,
  SERVICE_ACCOUNT,
  startKeylessWorld,
  type KeylessWorld
} from './keyless-world.js'
import {
  fileCommandTexts,
  groups,
  leaks,
  maskedValues,
  postStateEnv,
  runBundled,
  shownLines,
  withoutMasksOf,
  type ActionRun
} from './run-action.js'

/**
 * Issue 14's acceptance, as the runner runs the bundled action: one main step
 * (then post) publishes a daemonless OCI archive to seven targets, logging in
 * to Docker Hub over OIDC, to GAR keyless and with a key, to GHCR with nothing
 * given, to ECR and to ACR, every request to a registry or a token service
 * through a proxy that demands credentials, one registry in NO_PROXY reached
 * directly; and no secret in any stream.
 */
let world: KeylessWorld
let files: RunnerFiles
let logs: string
let main: ActionRun
let post: ActionRun
let window: { start: number; end: number }
beforeAll(async () => {
  world = await startKeylessWorld()
  files = runnerFiles()
  logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-keyless-logs-'))
  const out = (step: string) => ({
    stdoutPath: join(logs, `${step}.stdout`),
    stderrPath: join(logs, `${step}.stderr`)
  })
  world.watchStdout(out('main').stdoutPath)
  const start = Date.now()
  main = await runBundled('main', world.env(files), files, out('main'))
  window = { start, end: Date.now() }
  const postEnv = { ...world.env(files), ...postStateEnv(files) }
  post = await runBundled('post', postEnv, files, out('post'))
}, 90_000)
afterAll(async () => {
  files?.remove()
  if (logs) rmSync(logs, { recursive: true, force: true })
  await world?.stop()
}, 30_000)

const TARGETS: readonly Target[] = ['hub', 'garKeyless', 'garKey', 'ghcr', 'ecr', 'acr', 'direct']
const TAGS = ['1.2.3', '1.2', '1', 'latest']
const group = (title: string, ...lines: string[]): string[] => [
  `::group::${title}`,
  ...lines,
  '::endgroup::'
]

describe('one main step logs in to all seven targets and publishes', () => {
  test('each login in its own group, with exactly these lines, then the publish', () => {
    const h = world.hosts
    const images = TARGETS.map((t) => world.images[t])
    expect([...groups(main.stdout).keys()]).toEqual([
      'Plan for push on refs/tags/v1.2.3',
      ...TARGETS.map((t) => `Login to ${h[t]}`),
      `Read the source ${world.inputs.source}`,
      ...images.map((i) => `Read ${i}`),
      ...images.map((i) => `Content for ${i}`),
      ...images.map((i) => `Tags of ${i}`),
      'Verify'
    ])
    const shown = shownLines(main.stdout)
    const logins = shown.slice(
      shown.indexOf(`::group::Login to ${h.hub}`),
      shown.indexOf(`::group::Read the source ${world.inputs.source}`)
    )
    // ECR's expiry is 12 hours after the fixture answered; the others are the tokens' own.
    const ecrLogin = groups(main.stdout).get(`Login to ${h.ecr}`)!
    const ecrUntil = /valid until (\S+)\)$/.exec(ecrLogin.at(-1)!)?.[1] ?? 'no expiry'
    const twelveHours = 12 * 3600_000
    expect(Date.parse(ecrUntil)).toBeGreaterThanOrEqual(
      Math.floor(window.start / 1000) * 1000 + twelveHours
    )
    expect(Date.parse(ecrUntil)).toBeLessThanOrEqual(window.end + twelveHours)
    const garUntil = new Date(world.iam.expireTimes[0]!).toISOString()
    const refresh = world.acr.exchange.refreshTokens[0]!
    const acrUntil = new Date((decodeToken(refresh).payload.exp as number) * 1000).toISOString()
    expect(logins).toEqual([
      ...group(
        `Login to ${h.hub}`,
        `${h.hub} (Docker Hub): acme with GitHub OIDC, exchanged at Docker for OIDC connection ${CONNECTION}`,
        `Logged in to ${h.hub} as acme (GitHub OIDC and the Docker Hub token exchange)`
      ),
      ...group(
        `Login to ${h.garKeyless}`,
        `${h.garKeyless} (Google Artifact Registry): GitHub OIDC for Workload Identity provider ${PROVIDER}, exchanged for an access token of ${SERVICE_ACCOUNT}`,
        `Logged in to ${h.garKeyless} as oauth2accesstoken (GitHub OIDC, Google STS and IAM generateAccessToken, valid until ${garUntil})`
      ),
      ...group(
        `Login to ${h.garKey}`,
        `${h.garKey} (Google Artifact Registry): _json_key (from registry-auth)`,
        `Logged in to ${h.garKey} as _json_key (registry-auth)`
      ),
      ...group(
        `Login to ${h.ghcr}`,
        `${h.ghcr} (GitHub Container Registry): the workflow's actor (GITHUB_ACTOR) with github-token`,
        `Logged in to ${h.ghcr} as ${ACTOR} (github-token)`
      ),
      ...group(
        `Login to ${h.ecr}`,
        `${h.ecr} (Amazon ECR (account ${ACCOUNT}, eu-west-1)): an ECR authorization token (account ${ACCOUNT}, eu-west-1)`,
        `Logged in to ${h.ecr} as AWS (ECR GetAuthorizationToken, valid until ${ecrUntil})`
      ),
      ...group(
        `Login to ${h.acr}`,
        `${h.acr} (Azure Container Registry acme): GitHub OIDC for Entra ID client ${CLIENT_ID}, exchanged for an ACR refresh token`,
        `Logged in to ${h.acr} as ${ACR_TOKEN_USERNAME} (GitHub OIDC, Entra ID and the ACR token exchange, valid until ${acrUntil})`
      ),
      ...group(
        `Login to ${h.direct}`,
        `${h.direct}: ci (from registry-auth)`,
        `Logged in to ${h.direct} as ci (registry-auth)`
      )
    ])
    expect(shown.at(-1)).toBe('28 tags on 7 targets: 28 pushed')
    expect(main.status).toBe(0)
    // tagship asks for ID tokens itself, through the same proxy rules: nothing on stderr.
    expect(main.stderr).toBe('')
  })

  test("every target holds the archive's index under every tag, as skopeo reads it and the outputs say", async () => {
    const digest = sha256(await skopeoRaw(`oci-archive:${world.archive}`, world.dir))
    const outputs = files.outputs()
    expect(outputs.digest).toBe(digest)
    const references = TARGETS.flatMap((t) => TAGS.map((tag) => `${world.images[t]}:${tag}`))
    expect(outputs.tags!.split('\n')).toEqual(references)
    const json = JSON.parse(outputs.json!) as {
      targets: {
        repository: string
        tags: { reference: string; result: string; digest: string }[]
      }[]
    }
    expect(json.targets.map((t) => t.repository)).toEqual(TARGETS.map((t) => world.images[t]))
    expect(
      json.targets.flatMap((t) => t.tags.map((x) => [x.reference, x.result, x.digest]))
    ).toEqual(references.map((r) => [r, 'pushed', digest]))
    const logins = world.logins()
    const found = await Promise.all(
      TARGETS.flatMap((t) => {
        const [username, ...rest] = logins[t].split(':')
        const creds = { username: username!, password: rest.join(':') }
        return TAGS.map((tag) => inspectDigest(`${world.images[t]}:${tag}`, { creds }))
      })
    )
    expect(found).toEqual(references.map(() => digest))
  })

  test('each registry took what its provider logs in with, from the service that issues it', () => {
    const realm = (t: Target) => [
      ...new Set(
        world.registries[t]
          .tokenServer!.requests()
          .map((r) => `${r.authorization} ${r.account ?? '-'} ${r.status}`)
      )
    ]
    expect(realm('hub')).toEqual(['basic acme 200'])
    expect(realm('garKeyless')).toEqual(['basic oauth2accesstoken 200'])
    expect(realm('garKey')).toEqual(['basic _json_key 200'])
    expect(realm('ghcr')).toEqual([`basic ${ACTOR} 200`])
    // One ID token per audience, each exchanged once.
    expect(world.oidc.requests.map((r) => r.audience).sort()).toEqual(
      [
        'api://AzureADTokenExchange',
        DOCKER_IDENTITY_AUDIENCE,
        `https://iam.googleapis.com/${PROVIDER}`
      ].sort()
    )
    expect(
      world.identity.requests.map((r) => [Object.fromEntries(r.fields).connection_id, r.status])
    ).toEqual([[CONNECTION, 200]])
    expect(world.sts.requests.map((r) => r.fields.audience)).toEqual([
      `//iam.googleapis.com/${PROVIDER}`
    ])
    expect(world.iam.requests.map((r) => r.path)).toEqual([
      `/v1/projects/-/serviceAccounts/${SERVICE_ACCOUNT}:generateAccessToken`
    ])
    expect(world.aws.requests().map((r) => [r.operation, r.region])).toEqual([
      ['ecr:GetAuthorizationToken', 'eu-west-1'],
      ['ecr:DescribeRepositories', 'eu-west-1']
    ])
    expect(world.entra.issued).toHaveLength(1)
    expect(world.acr.exchange.exchanges).toHaveLength(1)
  })

  test('post has nothing to undo: no docker login was made', () => {
    expect({ status: post.status, stdout: post.stdout, stderr: post.stderr }).toEqual({
      status: 0,
      stdout: 'tagship: nothing to clean up (no docker login was made)\n',
      stderr: ''
    })
  })
})

describe('the proxy', () => {
  const nameOf = () => new Map(Object.entries(world.proxied).map(([name, host]) => [host, name]))
  const line = (r: ProxiedRequest): string =>
    r.kind === 'connect' ? 'CONNECT' : `${r.method} ${r.path!.split('?')[0]}`

  test('passed on requests to every registry and token service, and to nothing else', () => {
    const names = nameOf()
    expect(
      world.proxy
        .targets()
        .map((t) => names.get(t) ?? `unexpected ${t}`)
        .sort()
    ).toEqual(Object.keys(world.proxied).sort())
    // Each with the job's proxy credentials, none refused by the proxy or unreachable through it.
    const refused = world.proxy
      .requests()
      .filter((r) => r.user !== PROXY_USER || [403, 407, 502].includes(r.status))
    expect(refused).toEqual([])
  })

  test('the token services, each as its protocol goes: https and the AWS SDK in tunnels, http as absolute URIs', () => {
    const seen = (name: string): string[] => [
      ...new Set(
        world.proxy
          .requests()
          .filter((r) => r.target === world.proxied[name])
          .map(line)
      )
    ]
    expect(
      Object.fromEntries(
        [
          'the runner ID-token endpoint',
          "Docker's identity service",
          "Docker Hub's token realm",
          'Google STS',
          'Google IAM Credentials',
          "the keyless GAR's token realm",
          "the key GAR's token realm",
          "GHCR's token realm",
          'the AWS endpoint (ECR API)',
          'Entra ID'
        ].map((name) => [name, seen(name)])
      )
    ).toEqual({
      // tagship's own ID-token request: plain http goes to the proxy as an absolute URI.
      'the runner ID-token endpoint': [
        'GET /_apis/distributedtask/hubs/Actions/plans/plan/jobs/job/idtoken'
      ],
      "Docker's identity service": ['POST /oauth/token'],
      "Docker Hub's token realm": ['GET /token'],
      'Google STS': ['POST /v1/token'],
      'Google IAM Credentials': [
        `POST /v1/projects/-/serviceAccounts/${SERVICE_ACCOUNT}:generateAccessToken`
      ],
      "the keyless GAR's token realm": ['GET /token'],
      "the key GAR's token realm": ['GET /token'],
      "GHCR's token realm": ['GET /token'],
      'the AWS endpoint (ECR API)': ['CONNECT'],
      'Entra ID': ['CONNECT']
    })
    expect(seen('the ACR registry (exchange and token too)')).toEqual(
      expect.arrayContaining(['POST /oauth2/exchange', 'GET /oauth2/token'])
    )
  })

  test('NO_PROXY kept its registry off the proxy, which was published to directly', () => {
    const direct = world.hosts.direct
    expect(
      world.proxy
        .requests()
        .filter((r) => r.target === direct)
        .map(line)
    ).toEqual([])
    const tagPuts = world.registries.direct
      .requests()
      .filter((r) => r.method === 'PUT' && r.status === 201)
      .map((r) => r.path)
      .filter((path) => TAGS.some((tag) => path === `/v2/team/app/manifests/${tag}`))
    expect(tagPuts.sort()).toEqual(TAGS.map((tag) => `/v2/team/app/manifests/${tag}`).sort())
  })
})

describe('secrets', () => {
  const INPUT_SECRETS = [
    'github-token',
    'aws-access-key-id',
    'aws-secret-access-key',
    'aws-session-token',
    'registry-auth password'
  ]
  /** What tagship sends in an Authorization header through the proxy (the direct registry's never pass it). */
  const SENT_THROUGH_PROXY = [
    'Docker identity access token',
    'base64 acme:access token',
    'STS federated token',
    'IAM access token',
    'base64 oauth2accesstoken:IAM token',
    'service-account key (JSON)',
    'base64 _json_key:key',
    'github-token',
    'base64 actor:github-token',
    'ECR password',
    'ECR authorization token (base64 AWS:password)',
    'ACR refresh token',
    'base64 ACR user:refresh token'
  ]

  test('every secret tagship holds is announced with ::add-mask::, each before it is first sent', () => {
    const secrets = world.maskedSecrets()
    const announced = maskedValues(main.stdout)
    expect(Object.keys(secrets).filter((name) => !announced.has(secrets[name]!))).toEqual([])
    // Inputs are masked as they are read: before the first group, so before any request.
    const beforeGroups = maskedValues(main.stdout.slice(0, main.stdout.indexOf('::group::')))
    expect(INPUT_SECRETS.filter((name) => !beforeGroups.has(secrets[name]!))).toEqual([])
    // Each credential the proxy passed on had been masked when it arrived.
    const nameOf = new Map(Object.entries(secrets).map(([name, value]) => [value, name]))
    const where = new Map(Object.entries(world.proxied).map(([name, host]) => [host, name]))
    const late = world.uses.flatMap((use) =>
      use.values
        .filter((v) => !use.masked.has(v))
        .map((v) => `${nameOf.get(v) ?? 'a registry token'} sent to ${where.get(use.where)}`)
    )
    expect(late).toEqual([])
    // The check covered each of these: each was seen on its way.
    const sent = new Set(world.uses.flatMap((use) => use.values))
    expect(SENT_THROUGH_PROXY.filter((name) => !sent.has(secrets[name]!))).toEqual([])
  })

  test('no secret appears in any log, file command or command line', () => {
    const secrets = world.allSecrets()
    expect(Object.keys(secrets).length).toBeGreaterThanOrEqual(40)
    expect(Object.entries(secrets).filter(([, s]) => s.length < 16)).toEqual([])
    const announced = [...Object.values(secrets), ...world.registryAuthMasks]
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
      'command lines during post': argv(post)
    }
    expect(leaks(secrets, places)).toEqual([])
    // The scan finds what is there: the mask lines hold the secrets they announce.
    expect(leaks({ 'github-token': secrets['github-token']! }, { stdout: main.stdout })).toEqual([
      'github-token in stdout'
    ])
    expect(main.cmdlines.map((a) => a.join(' '))).toEqual(
      expect.arrayContaining([expect.stringMatching(/ \S+\/dist\/main\/index\.js$/)])
    )
  })
})
