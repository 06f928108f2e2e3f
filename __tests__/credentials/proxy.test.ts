import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import { startAcrExchange } from '../../__fixtures__/services/acr-exchange.js'
import { emptyAwsHome, startAwsFixture, type AwsFixture } from '../../__fixtures__/services/aws.js'
import { startEntra } from '../../__fixtures__/services/entra.js'
import {
  startForwardProxy,
  type ForwardProxy,
  type ProxiedRequest
} from '../../__fixtures__/services/forward-proxy.js'
import { DEFAULT_SUBJECT, startGithubOidc } from '../../__fixtures__/services/github-oidc.js'
import {
  createCertificate,
  removeCertificate,
  TrustingNode,
  type Certificate
} from '../../__fixtures__/services/tls.js'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ecrCredentials } from '../../src/credentials/ecr.js'
import type { AwsInputs } from '../../src/inputs/auth.js'
import { rejectionOf } from '../../__fixtures__/errors.js'

/**
 * Logins through an HTTP proxy named by HTTPS_PROXY / HTTP_PROXY: the AWS
 * SDK (ECR, STS) and the whole Azure OIDC chain (GitHub's ID-token request
 * by @actions/http-client, Entra ID by @azure/identity, the ACR exchange by
 * fetch). Loopback fixtures are proxied with the TAGSHIP_PROXY_LOOPBACK=true
 * opt-in; @actions/http-client never proxies loopback, so the runner's
 * token endpoint is given a name only the proxy resolves.
 */
const KEY = 'AKIAFIXTUREKEY0000PX1'
const SECRET = 'fixture/secret/key+proxy0000000000000001'
const PASSWORD = 'ecr-password-through-the-proxy'
const PROXY_USER = { username: 'builder', password: 'proxy-pass-Kd72' }
const ECR = { account: '123456789012', region: 'eu-west-1' }
const OIDC_NAME = 'github-oidc.test'
const ROLE = 'arn:aws:iam::123456789012:role/tagship-push'
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2lnbmF0dXJl'

let proxy: ForwardProxy
let locked: ForwardProxy
let aws: AwsFixture
const home = emptyAwsHome()

beforeAll(async () => {
  Object.assign(process.env, home.env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'
  })
  proxy = await startForwardProxy({ hosts: [OIDC_NAME] })
  locked = await startForwardProxy({ credentials: PROXY_USER })
  aws = await startAwsFixture({
    keys: { [KEY]: SECRET },
    password: PASSWORD,
    webIdentity: { roleArn: ROLE, token: JWT }
  })
})
afterAll(async () => {
  await proxy?.stop()
  await locked?.stop()
  await aws?.stop()
  home.remove()
})
afterEach(() => {
  proxy.clear()
  locked.clear()
})

const line = (r: ProxiedRequest): string =>
  r.kind === 'connect'
    ? `CONNECT ${r.target} ${r.status}`
    : `${r.method} ${r.target}${r.path} ${r.status}`

/** Each distinct line, in first-seen order: how many connections a client opened is its own business. */
const distinct = (requests: readonly ProxiedRequest[]): string[] => [...new Set(requests.map(line))]

describe('the AWS SDK', () => {
  const awsHost = () => new URL(aws.endpoint).host
  const login = (
    extra: Record<string, string>,
    keys: AwsInputs = { accessKeyId: KEY, secretAccessKey: SECRET }
  ) =>
    ecrCredentials(ECR, keys, {
      mask: () => undefined,
      env: { ...home.env, ...aws.env, TAGSHIP_PROXY_LOOPBACK: 'true', ...extra }
    })

  test('GetAuthorizationToken goes through the proxy, in a CONNECT tunnel', async () => {
    const before = aws.calls('ecr:GetAuthorizationToken')
    const credentials = await login({ HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url })
    expect(credentials.password).toBe(PASSWORD)
    expect(aws.calls('ecr:GetAuthorizationToken')).toBe(before + 1)
    expect(distinct(proxy.requests())).toEqual([`CONNECT ${awsHost()} 200`])
  })

  test('the endpoint in NO_PROXY is reached directly', async () => {
    const credentials = await login({
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      NO_PROXY: awsHost()
    })
    expect(credentials.password).toBe(PASSWORD)
    expect(proxy.requests()).toEqual([])
  })

  test('web identity: STS goes through the proxy too (its refusal fails the credentials)', async () => {
    const tokenFile = join(home.dir, 'web-identity-token')
    writeFileSync(tokenFile, JWT)
    const identity = { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: ROLE }
    const sts = aws.calls('sts:AssumeRoleWithWebIdentity')
    expect((await login({ ...identity, HTTP_PROXY: proxy.url }, {})).password).toBe(PASSWORD)
    expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(sts + 1)
    expect(distinct(proxy.requests())).toEqual([`CONNECT ${awsHost()} 200`])
    // Behind a proxy that refuses: STS, the first call, fails through it.
    const message = await rejectionOf(() =>
      login({ ...identity, HTTP_PROXY: locked.url, AWS_MAX_ATTEMPTS: '1' }, {})
    )
    expect(message).toBe(
      `Amazon ECR ${ECR.account}.dkr.ecr.${ECR.region}.amazonaws.com: could not get AWS credentials` +
        ` from web identity role ${ROLE} (Error: the proxy ${locked.url} from HTTP_PROXY answered` +
        ` HTTP 407 (it needs credentials): give them in HTTP_PROXY as http://user:password@host:port` +
        ` (CONNECT ${awsHost()}))`
    )
    expect(aws.calls('sts:AssumeRoleWithWebIdentity')).toBe(sts + 1)
  })

  test('a proxy that needs credentials: they go with the CONNECT', async () => {
    const { username, password } = PROXY_USER
    const url = `http://${username}:${password}@127.0.0.1:${locked.port}`
    expect((await login({ HTTP_PROXY: url })).password).toBe(PASSWORD)
    expect(locked.requests().map((r) => [line(r), r.user])).toContainEqual([
      `CONNECT ${awsHost()} 200`,
      username
    ])
    expect(locked.requests().filter((r) => r.status !== 200)).toEqual([])
  })

  test('wrong proxy credentials: the login fails naming the proxy, without the password', async () => {
    const wrong = 'not-the-proxy-pass-55'
    const url = `http://${PROXY_USER.username}:${wrong}@127.0.0.1:${locked.port}`
    const message = await rejectionOf(() => login({ HTTP_PROXY: url, AWS_MAX_ATTEMPTS: '1' }))
    expect(message).toBe(
      `Amazon ECR ${ECR.account}.dkr.ecr.${ECR.region}.amazonaws.com: ECR GetAuthorizationToken failed` +
        ` (Error: the proxy ${locked.url} from HTTP_PROXY answered HTTP 407 (it needs credentials):` +
        ` check the user and password in HTTP_PROXY (CONNECT ${awsHost()}))`
    )
    expect(message).not.toContain(wrong)
  })
})

describe('the Azure OIDC login', () => {
  const CLIENT = '11111111-2222-4333-8444-555555555555'
  const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
  const HOST = 'acme.azurecr.io'
  const LOGIN = `
import * as core from '@actions/core'
import { acrOidcCredentials } from './src/credentials/acr.js'
import { githubIdToken } from './src/credentials/github-oidc.js'

const { registry, azure } = JSON.parse(process.env.TAGSHIP_TEST_LOGIN)
const answer = (message) => process.send(message, () => process.exit(0))
const getIdToken = githubIdToken({ login: 'Azure login', alternative: 'a secret' }, core.getIDToken)
try {
  const c = await acrOidcCredentials(registry, azure, { mask: () => undefined, getIdToken })
  answer({ username: c.username })
} catch (e) {
  answer({ error: e.message })
}
`
  let certificate: Certificate
  let node: TrustingNode

  beforeAll(() => {
    certificate = createCertificate()
    node = new TrustingNode(certificate, [
      'src/credentials/acr.ts',
      'src/credentials/github-oidc.ts'
    ])
  })
  afterAll(() => {
    node.remove()
    removeCertificate(certificate)
  })

  /** The three services, and a login from a child node with `env` (given Entra's host) on top of theirs. */
  async function login(env: (entraHost: string) => Record<string, string>) {
    const oidc = await startGithubOidc()
    const entra = await startEntra({
      certificate,
      tenantId: TENANT,
      clientId: CLIENT,
      trusts: oidc,
      subject: DEFAULT_SUBJECT
    })
    const acr = await startAcrExchange({ service: HOST, tenantId: TENANT, trusts: entra })
    try {
      const tokenUrl = new URL(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL)
      tokenUrl.hostname = OIDC_NAME
      const answer = await node.run<{ username?: string; error?: string }>(LOGIN, {
        PATH: process.env.PATH,
        ...oidc.env,
        ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl.href,
        AZURE_AUTHORITY_HOST: entra.url,
        TAGSHIP_TEST_LOGIN: JSON.stringify({
          registry: { host: HOST, baseUrl: acr.url },
          azure: { clientId: CLIENT, tenantId: TENANT }
        }),
        ...env(new URL(entra.url).host)
      })
      return {
        answer,
        oidcHost: `${OIDC_NAME}:${tokenUrl.port}`,
        entraHost: new URL(entra.url).host,
        acrHost: new URL(acr.url).host,
        served: [oidc.requests.length, entra.requests.length, acr.exchanges.length]
      }
    } finally {
      await Promise.all([oidc.close(), entra.close(), acr.close()])
    }
  }

  test('GitHub, Entra ID and the ACR exchange: each through the proxy', async () => {
    const { answer, oidcHost, entraHost, acrHost, served } = await login(() => ({
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      TAGSHIP_PROXY_LOOPBACK: 'true'
    }))
    expect(answer).toEqual({ username: '00000000-0000-0000-0000-000000000000' })
    expect(served).toEqual([1, 2, 1])
    expect(distinct(proxy.requests())).toEqual([
      `CONNECT ${oidcHost} 200`,
      `CONNECT ${entraHost} 200`,
      `POST ${acrHost}/oauth2/exchange 200`
    ])
  })

  test('NO_PROXY keeps Entra ID direct; the others still go through the proxy', async () => {
    const { answer, oidcHost, acrHost, served } = await login((entraHost) => ({
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url,
      TAGSHIP_PROXY_LOOPBACK: 'true',
      NO_PROXY: `login.example.test, ${entraHost}`
    }))
    expect(answer).toEqual({ username: '00000000-0000-0000-0000-000000000000' })
    expect(served).toEqual([1, 2, 1])
    expect(distinct(proxy.requests())).toEqual([
      `CONNECT ${oidcHost} 200`,
      `POST ${acrHost}/oauth2/exchange 200`
    ])
  })

  test("without the loopback opt-in, @azure/identity's own proxy reading does not send loopback to the proxy", async () => {
    const { answer, oidcHost } = await login(() => ({
      HTTPS_PROXY: proxy.url,
      HTTP_PROXY: proxy.url
    }))
    expect(answer).toEqual({ username: '00000000-0000-0000-0000-000000000000' })
    expect(distinct(proxy.requests())).toEqual([`CONNECT ${oidcHost} 200`])
  })
})
