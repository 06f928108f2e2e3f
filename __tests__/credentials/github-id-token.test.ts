import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/services/fault-proxy.js'
import {
  jwtClaims,
  startGithubOidc,
  type GithubOidc
} from '../../__fixtures__/services/github-oidc.js'
import { fetchGithubIdToken } from '../../src/credentials/github-id-token.js'

/**
 * The action's and the CLI's own ID-token request, against the runner's
 * endpoint fixture, with a fault proxy in front for the retries.
 */
let oidc: GithubOidc
let faults: FaultProxy
const noWait = { policy: { retries: 2, baseMs: 1, capMs: 1 }, sleep: async () => undefined }

beforeAll(async () => {
  oidc = await startGithubOidc()
  faults = await startFaultProxy(new URL(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL).origin)
})
afterAll(async () => {
  await faults?.stop()
  await oidc?.close()
})
beforeEach(() => faults.reset())

/** The runner's variables, pointed at the fault proxy. */
const viaFaults = (): NodeJS.ProcessEnv => ({
  ...oidc.env,
  ACTIONS_ID_TOKEN_REQUEST_URL: oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL.replace(
    new URL(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL).origin,
    faults.url
  )
})

describe('fetchGithubIdToken', () => {
  test('asks as @actions/core does and gives the token for the audience', async () => {
    const before = oidc.requests.length
    const token = await fetchGithubIdToken('https://identity.docker.com', oidc.env, noWait)
    expect(jwtClaims(token)?.aud).toBe('https://identity.docker.com')
    expect(oidc.issued.at(-1)).toBe(token)
    expect(oidc.requests.slice(before)).toEqual([
      {
        path: new URL(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL).pathname,
        audience: 'https://identity.docker.com',
        authorization: `Bearer ${oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`,
        accept: 'application/json',
        userAgent: 'actions/oidc-client'
      }
    ])
  })

  test('a 503 and a dropped connection are retried; the third try gives the token', async () => {
    faults.inject({ fault: { kind: 'status', status: 503 } })
    faults.inject({ fault: { kind: 'drop' } })
    const token = await fetchGithubIdToken('api://AzureADTokenExchange', viaFaults(), noWait)
    expect(jwtClaims(token)?.aud).toBe('api://AzureADTokenExchange')
    expect(faults.requests().map((r) => r.fault)).toEqual(['status', 'drop', 'pass'])
  })

  test('beyond the retries: one error, three tries', async () => {
    faults.inject({ times: 3, fault: { kind: 'status', status: 502 } })
    await expect(fetchGithubIdToken('aud', viaFaults(), noWait)).rejects.toThrow(
      "GitHub's ID token service answered HTTP 502 after retrying"
    )
    expect(faults.requests()).toHaveLength(3)
  })

  test('a refused request token is not retried, and the error holds no token', async () => {
    const env = { ...viaFaults(), ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runtime-wrong-token' }
    const error = await fetchGithubIdToken('aud', env, noWait).catch((e: unknown) => e)
    expect(String(error)).toBe("Error: GitHub's ID token service answered HTTP 401")
    expect(faults.requests()).toHaveLength(1)
  })

  test('without the runner variables: the message githubIdToken turns into the permission fix', async () => {
    await expect(fetchGithubIdToken('aud', {}, noWait)).rejects.toThrow(
      'Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable'
    )
  })
})
