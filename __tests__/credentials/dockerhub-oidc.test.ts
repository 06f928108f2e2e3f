import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { runLogins, secretsShown, type LoginRun } from '../../__fixtures__/login-run.js'
import {
  startDockerIdentity,
  type DockerIdentity,
  type DockerIdentityOptions
} from '../../__fixtures__/services/docker-identity.js'
import {
  DEFAULT_SUBJECT,
  startGithubOidc,
  type GithubOidc
} from '../../__fixtures__/services/github-oidc.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'

/**
 * Docker Hub with an OIDC connection, no token: the action's logins in this
 * process against the runner's ID-token endpoint (GitHub OIDC fixture, with
 * the real @actions/core), Docker's identity service (its fixture, at
 * TAGSHIP_DOCKER_IDENTITY_URL) and a token-auth Distribution registry made
 * Docker Hub by registry-providers, whose token realm trusts only the access
 * token the identity service issues.
 */
const CONNECTION = '3f0c9a52-7d1e-4b6a-9c2f-5e8d1a4b7c90'
const ACCESS_TOKEN = `dckr_oat_${randomBytes(24).toString('base64url')}`
let hub: Registry
const cleanup: (() => Promise<void>)[] = []

beforeAll(async () => {
  hub = await startRegistry({
    auth: 'token',
    users: [{ username: 'acme', password: ACCESS_TOKEN }]
  })
}, 60_000)
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()))
})
afterAll(async () => {
  await hub?.stop()
})

interface Setup {
  readonly identity?: Partial<DockerIdentityOptions>
  readonly inputs?: Record<string, string>
  readonly env?: Record<string, string | undefined>
  /** false: a job without `permissions: id-token: write` (no ID-token variables). */
  readonly idToken?: boolean
}

/** The fixtures, then the login of a Docker Hub target as the action runs it. */
async function login(setup: Setup = {}): Promise<{
  run: LoginRun
  oidc: GithubOidc
  identity: DockerIdentity
  secrets: string[]
}> {
  const oidc = await startGithubOidc()
  const identity = await startDockerIdentity({
    trusts: oidc,
    connections: { [CONNECTION]: { subjects: [DEFAULT_SUBJECT] } },
    accessToken: ACCESS_TOKEN,
    ...setup.identity
  })
  cleanup.push(oidc.close, identity.close)
  const run = await runLogins(
    [{ registry: hub.host, push: true }],
    {
      'registry-providers': `${hub.host}=dockerhub`,
      'dockerhub-username': 'acme',
      'dockerhub-oidc-connection-id': CONNECTION,
      ...setup.inputs
    },
    {
      // Nothing of the machine's own: a runner running this test has some of these.
      ACTIONS_ID_TOKEN_REQUEST_URL: undefined,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined,
      DOCKERHUB_OIDC_CONNECTIONID: undefined,
      DOCKERHUB_OIDC_EXPIREIN: undefined,
      ...(setup.idToken === false ? {} : oidc.env),
      TAGSHIP_DOCKER_IDENTITY_URL: identity.url,
      ...setup.env
    }
  )
  const secrets = [
    ...oidc.issued,
    ...identity.issued,
    ACCESS_TOKEN,
    oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  ]
  return { run, oidc, identity, secrets }
}

const exchangeFields = (idToken: string, expiresIn = '3600') => [
  ['grant_type', 'urn:ietf:params:oauth:grant-type:token-exchange'],
  ['subject_token_type', 'urn:ietf:params:oauth:token-type:id_token'],
  ['subject_token', idToken],
  ['connection_id', CONNECTION],
  ['expires_in', expiresIn]
]

const LOGIN = 'Docker Hub login for acme with OIDC'

describe('Docker Hub through an OIDC connection', () => {
  it('exchanges the GitHub ID token at Docker and logs in with the access token it gives', async () => {
    const { run, oidc, identity, secrets } = await login()
    const idToken = oidc.issued[0]!

    expect(run.failure).toBeUndefined()
    expect(run.steps.map((s) => s.credentials)).toEqual([
      { kind: 'dockerhub-oidc', username: 'acme', connectionId: CONNECTION }
    ])
    expect(oidc.requests.map((r) => r.audience)).toEqual(['https://identity.docker.com'])
    expect(identity.requests).toEqual([
      {
        method: 'POST',
        path: '/oauth/token',
        contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
        fields: exchangeFields(idToken),
        status: 200
      }
    ])
    // Each token masked as it arrives, then the Basic value docker would store
    // (the registry tokens the check fetched come after).
    expect(run.masked.slice(0, 4)).toEqual([
      idToken,
      ACCESS_TOKEN,
      ACCESS_TOKEN,
      Buffer.from(`acme:${ACCESS_TOKEN}`).toString('base64')
    ])
    expect(run.lines).toEqual([
      `group: Login to ${hub.host}`,
      `info: ${hub.host} (Docker Hub): acme with GitHub OIDC, exchanged at Docker for OIDC connection ${CONNECTION}`,
      `info: Logged in to ${hub.host} as acme (GitHub OIDC and the Docker Hub token exchange)`
    ])
    // The registry's realm saw acme with the access token (it trusts no other).
    expect(
      hub.tokenServer!.requests().map((r) => [r.authorization, r.account ?? '', r.status])
    ).toContainEqual(['basic', 'acme', 200])
    expect(secretsShown(run, [...secrets, ...run.masked])).toEqual([])
  })

  it('takes the connection from DOCKERHUB_OIDC_CONNECTIONID, as docker/login-action does', async () => {
    const { run, identity } = await login({
      inputs: { 'dockerhub-oidc-connection-id': '' },
      env: { DOCKERHUB_OIDC_CONNECTIONID: CONNECTION, DOCKERHUB_OIDC_EXPIREIN: '900' }
    })

    expect(run.failure).toBeUndefined()
    expect(identity.requests.map((r) => Object.fromEntries(r.fields))).toMatchObject([
      { connection_id: CONNECTION, expires_in: '900' }
    ])
  })

  it.each([
    [
      'a connection Docker does not know',
      { connections: {} },
      `${LOGIN}: Docker knows no OIDC connection ${CONNECTION} (HTTP 400: invalid_request: connection not found): check dockerhub-oidc-connection-id against the connection ID Docker Home shows under OIDC connections`
    ],
    [
      'an organisation whose plan has no OIDC connections',
      { planHasOidc: false },
      `${LOGIN}: the Docker organisation's plan has no OIDC connections (HTTP 403: unauthorized_client: OIDC connections are not available on the organization's plan): they come with Docker Team and Business; until then, set dockerhub-token to an organisation access token`
    ],
    [
      "a job whose subject no rule of the connection matches (Docker's bare access_denied)",
      { connections: { [CONNECTION]: { subjects: ['repo:acme/app:environment:production'] } } },
      `${LOGIN}: Docker refused the exchange for connection ${CONNECTION} (HTTP 400: access_denied): no rule of the connection matches this job's subject ${DEFAULT_SUBJECT}, or the connection is deactivated; its Failures table in Docker Home says which`
    ]
  ])('%s: one line with the fix, no retry', async (_, identityOptions, line) => {
    const { run, identity, secrets } = await login({ identity: identityOptions })

    expect(run.lines.filter((l) => l.startsWith('error: '))).toEqual([`error: ${line}`])
    expect(run.failure).toBe(
      `could not log in to 1 of 1 registries (${hub.host}): nothing was pushed`
    )
    expect(identity.requests).toHaveLength(1)
    expect(identity.issued).toEqual([])
    expect(secretsShown(run, secrets)).toEqual([])
  })

  it('retries a 5xx of the identity service, then logs in', async () => {
    const { run, identity } = await login({ identity: { failFirst: 1 } })

    expect(run.failure).toBeUndefined()
    expect(identity.requests.map((r) => r.status)).toEqual([503, 200])
  })

  it('gives up after the four retries of `retries` (its default) of a service that keeps failing', async () => {
    const { run, identity } = await login({ identity: { failFirst: 6 } })

    expect(run.lines.filter((l) => l.startsWith('error: '))).toEqual([
      `error: ${LOGIN}: Docker's identity service kept failing (HTTP 503: temporarily_unavailable) after 5 attempts: run the step again later`
    ])
    expect(identity.requests.map((r) => r.status)).toEqual([503, 503, 503, 503, 503])
  })

  it('says which permission the job lacks when the runner gives no ID token', async () => {
    const { run, oidc, identity } = await login({ idToken: false })

    expect(run.lines.filter((l) => l.startsWith('error: '))).toEqual([
      'error: Docker Hub login for acme with OIDC needs `permissions: id-token: write` in the job (or set dockerhub-token)'
    ])
    expect([oidc.requests, identity.requests]).toEqual([[], []])
  })

  it.each([
    [
      'http://identity.example.com',
      `${LOGIN}: TAGSHIP_DOCKER_IDENTITY_URL "http://identity.example.com" must be an https URL (plain http only on loopback): the GitHub ID token is sent there`
    ],
    [
      'identity.example.com',
      `${LOGIN}: TAGSHIP_DOCKER_IDENTITY_URL "identity.example.com" is not a URL (e.g. https://identity.docker.com)`
    ]
  ])(
    'refuses TAGSHIP_DOCKER_IDENTITY_URL=%s before asking GitHub for a token',
    async (url, line) => {
      const { run, oidc, identity } = await login({ env: { TAGSHIP_DOCKER_IDENTITY_URL: url } })

      expect(run.lines.filter((l) => l.startsWith('error: '))).toEqual([`error: ${line}`])
      expect([oidc.requests, identity.requests]).toEqual([[], []])
    }
  )
})
