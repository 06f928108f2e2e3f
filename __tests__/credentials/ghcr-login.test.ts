import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { runLogins, secretsShown } from '../../__fixtures__/login-run.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'

/**
 * GHCR with no setup: a token-auth Distribution registry made GHCR by
 * registry-providers, whose realm knows one user, the workflow's actor with
 * its GITHUB_TOKEN (as ghcr.io's own realm takes them). The action's logins
 * run in this process, GITHUB_ACTOR set as the runner sets it.
 */
const ACTOR = 'octocat'
const GITHUB_TOKEN = `ghs_${randomBytes(27).toString('base64url')}`
let ghcr: Registry

beforeAll(async () => {
  ghcr = await startRegistry({
    auth: 'token',
    users: [{ username: ACTOR, password: GITHUB_TOKEN }]
  })
}, 60_000)
afterAll(async () => {
  await ghcr?.stop()
})

const login = (
  push: boolean,
  inputs: Record<string, string>,
  env: Record<string, string | undefined> = { GITHUB_ACTOR: ACTOR }
) => {
  ghcr.tokenServer!.clearRequests()
  return runLogins(
    [{ registry: ghcr.host, push }],
    { 'registry-providers': `${ghcr.host}=ghcr`, ...inputs },
    env
  )
}

const realm = () =>
  ghcr.tokenServer!.requests().map((r) => `${r.authorization} ${r.account ?? '-'} ${r.status}`)

describe('GHCR with github-token', () => {
  it("pushes log in as the workflow's actor with github-token", async () => {
    const run = await login(true, { 'github-token': GITHUB_TOKEN })

    expect(run.failure).toBeUndefined()
    expect(run.steps.map((s) => [s.provider, s.credentials])).toEqual([
      [{ kind: 'ghcr' }, { kind: 'github-token', token: GITHUB_TOKEN }]
    ])
    expect(run.lines).toEqual([
      `group: Login to ${ghcr.host}`,
      `info: ${ghcr.host} (GitHub Container Registry): the workflow's actor (GITHUB_ACTOR) with github-token`,
      `info: Logged in to ${ghcr.host} as ${ACTOR} (github-token)`
    ])
    expect(run.masked.slice(0, 3)).toEqual([
      GITHUB_TOKEN,
      GITHUB_TOKEN,
      Buffer.from(`${ACTOR}:${GITHUB_TOKEN}`).toString('base64')
    ])
    expect(realm()).toEqual([`basic ${ACTOR} 200`])
    expect(secretsShown(run, [GITHUB_TOKEN, ...run.masked])).toEqual([])
  })

  it('an entry in registry-auth wins over github-token', async () => {
    const run = await login(true, {
      'github-token': 'ghs_not-this-one',
      'registry-auth': `- registry: ${ghcr.host}\n  username: ${ACTOR}\n  password: ${GITHUB_TOKEN}\n`
    })

    expect(run.failure).toBeUndefined()
    expect(run.lines.at(-1)).toBe(`info: Logged in to ${ghcr.host} as ${ACTOR} (registry-auth)`)
  })

  it('a source that is only read stays anonymous, and gets an anonymous token', async () => {
    const run = await login(false, { 'github-token': GITHUB_TOKEN })

    expect(run.failure).toBeUndefined()
    expect(run.steps.map((s) => s.credentials)).toEqual([{ kind: 'anonymous' }])
    expect(run.lines).toEqual([
      `group: Login to ${ghcr.host}`,
      `info: ${ghcr.host} (GitHub Container Registry): no credentials (anonymous)`,
      `info: ${ghcr.host} accepts anonymous requests`
    ])
    expect(realm()).toEqual(['none - 200'])
  })

  it.each([
    [
      'a token GHCR refuses',
      { 'github-token': 'ghs_revoked' },
      { GITHUB_ACTOR: ACTOR },
      "GitHub Container Registry ({H}) rejected github-token: give it the job's GITHUB_TOKEN (with permissions: packages: write), or a token with the write:packages scope"
    ],
    [
      'no GITHUB_ACTOR (outside GitHub Actions)',
      { 'github-token': GITHUB_TOKEN },
      { GITHUB_ACTOR: undefined },
      `{H}: github-token logs in as the workflow's actor, and GITHUB_ACTOR is not set: outside GitHub Actions, add {H} to registry-auth with the token's user`
    ]
  ])('%s: one line that says what to do', async (_, inputs, env, line) => {
    const run = await login(true, inputs, env)

    expect(run.lines.filter((l) => l.startsWith('error: '))).toEqual([
      `error: ${line.replaceAll('{H}', ghcr.host)}`
    ])
    expect(run.failure).toBe(
      `could not log in to 1 of 1 registries (${ghcr.host}): nothing was pushed`
    )
    expect(secretsShown(run, [GITHUB_TOKEN, 'ghs_revoked'])).toEqual([])
  })
})
