// The worlds of the login calls to AWS and Azure, for login-retries.test.ts (see login-retry-worlds.ts).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { emptyAwsHome, startAwsFixture } from '../../__fixtures__/services/aws.js'
import { startAcrExchange } from '../../__fixtures__/services/acr-exchange.js'
import { startEcrRegistry } from '../../__fixtures__/services/ecr-registry.js'
import { startEntra } from '../../__fixtures__/services/entra.js'
import {
  startFaultProxy,
  type Fault,
  type FaultProxy
} from '../../__fixtures__/services/fault-proxy.js'
import { DEFAULT_SUBJECT, startGithubOidc } from '../../__fixtures__/services/github-oidc.js'
import {
  createCertificate,
  removeCertificate,
  TrustingNode
} from '../../__fixtures__/services/tls.js'
import { startTlsBridge } from '../../__fixtures__/services/tls-bridge.js'
import {
  loginOnce,
  oauthRefusal,
  setEnv,
  stopper,
  type Outcome,
  type World
} from './login-retry-worlds.js'

const AWS_KEY = 'AKIAFIXTUREKEY000001'
const AWS_SECRET = 'fixture/secret/key+0000000000000000000001'
const AWS_ROLE = 'arn:aws:iam::123456789012:role/tagship-push'
const AWS_JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2lnbmF0dXJl'

/**
 * Amazon ECR with the real AWS SDK against the AWS fixture, one API behind
 * the proxy: ECR's GetAuthorizationToken (access key inputs), ECR Public's
 * (the same keys, the registry declared ecr-public), or STS
 * AssumeRoleWithWebIdentity (a web identity token file, no keys).
 */
export async function awsWorld(faulty: 'ecr' | 'ecr-public' | 'sts'): Promise<World> {
  const started: (() => Promise<void> | void)[] = []
  const home = emptyAwsHome()
  started.push(home.remove)
  const fx = await startAwsFixture({
    keys: { [AWS_KEY]: AWS_SECRET },
    webIdentity: { roleArn: AWS_ROLE, token: AWS_JWT }
  })
  started.push(fx.stop)
  const proxy = await startFaultProxy(fx.endpoint)
  started.push(proxy.stop)
  const ecr = await startEcrRegistry({ aws: fx })
  started.push(ecr.stop)
  const tokenFile = join(home.dir, 'web-identity-token')
  writeFileSync(tokenFile, AWS_JWT)
  const variable = { ecr: 'ECR', 'ecr-public': 'ECR_PUBLIC', sts: 'STS' }[faulty]
  setEnv({ ...home.env, ...fx.env, [`AWS_ENDPOINT_URL_${variable}`]: proxy.url }, started)
  const keys = { 'aws-access-key-id': AWS_KEY, 'aws-secret-access-key': AWS_SECRET }
  const inputs =
    faulty === 'ecr-public'
      ? { 'registry-providers': `${ecr.host}=ecr-public`, ...keys }
      : {
          'registry-providers': `${ecr.host}=ecr:123456789012:eu-west-1`,
          ...(faulty === 'ecr' ? keys : {})
        }
  const webIdentity = { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: AWS_ROLE }
  return {
    proxy,
    method: 'POST',
    path: /^\/$/,
    names: { registry: ecr.host, endpoint: proxy.url },
    refuse: () =>
      faulty === 'sts'
        ? fx.script('sts:AssumeRoleWithWebIdentity', {
            deny: 'Not authorized to perform sts:AssumeRoleWithWebIdentity'
          })
        : fx.script(
            faulty === 'ecr' ? 'ecr:GetAuthorizationToken' : 'ecr-public:GetAuthorizationToken',
            {
              error: 'UnrecognizedClientException',
              message: 'The security token included in the request is invalid.'
            }
          ),
    login: async (retries) => {
      const undo: (() => void)[] = []
      if (faulty === 'sts') setEnv(webIdentity, undo)
      try {
        return await loginOnce(ecr.host, inputs, retries, async () => 'unused')
      } finally {
        for (const u of undo) u()
      }
    },
    secrets: () => [
      AWS_SECRET,
      AWS_JWT,
      fx.password,
      ...fx.issued().flatMap((k) => [k.secretAccessKey, k.sessionToken])
    ],
    stop: stopper(started)
  }
}

const CLIENT = '11111111-2222-4333-8444-555555555555'
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
const ACR_HOST = 'acme.azurecr.io'

/**
 * ACR over OIDC: the whole chain (GitHub OIDC, Entra ID, the ACR exchange)
 * with the real @azure/identity, in a child node that trusts the Entra
 * fixture's certificate (see TrustingNode), with `retries` in the pacing the
 * login passes down. Entra ID (https) stands behind the proxy (plain http)
 * through two TLS bridges; the exchange, behind it directly.
 */
export async function azureWorld(faulty: 'entra' | 'acr'): Promise<World> {
  const started: (() => Promise<void> | void)[] = []
  const certificate = createCertificate()
  started.push(() => removeCertificate(certificate))
  const node = new TrustingNode(certificate, ['src/credentials/acr.ts'])
  started.push(() => node.remove())
  const oidc = await startGithubOidc()
  started.push(oidc.close)
  const entra = await startEntra({
    certificate,
    tenantId: TENANT,
    clientId: CLIENT,
    trusts: oidc,
    subject: DEFAULT_SUBJECT
  })
  started.push(entra.close)
  const acr = await startAcrExchange({ service: ACR_HOST, tenantId: TENANT, trusts: entra })
  started.push(acr.close)
  let authority = entra.url
  let exchange = acr.url
  let proxy: FaultProxy
  if (faulty === 'entra') {
    // https client -> https front -> fault proxy -> plain bridge -> https Entra
    const back = await startTlsBridge(entra.url, { trust: certificate })
    started.push(back.close)
    proxy = await startFaultProxy(back.url)
    started.push(proxy.stop)
    const front = await startTlsBridge(proxy.url, { certificate })
    started.push(front.close)
    authority = front.url
  } else {
    proxy = await startFaultProxy(acr.url)
    started.push(proxy.stop)
    exchange = proxy.url
  }
  const path =
    faulty === 'entra' ? new RegExp(`^/${TENANT}/oauth2/v2.0/token$`) : /^\/oauth2\/exchange$/
  const refusal: Fault =
    faulty === 'entra'
      ? oauthRefusal(
          400,
          'invalid_client',
          'AADSTS70021: No matching federated identity record found for presented assertion.'
        )
      : {
          kind: 'status',
          status: 401,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            errors: [{ code: 'UNAUTHORIZED', message: 'the access token is not valid' }]
          })
        }
  const call = {
    registry: { host: ACR_HOST, baseUrl: exchange },
    azure: { clientId: CLIENT, tenantId: TENANT }
  }
  return {
    proxy,
    method: 'POST',
    path,
    names: { authority, client: CLIENT, tenant: TENANT },
    refuse: () => proxy.inject({ path, fault: refusal }),
    login: async (retries) =>
      node.run<Outcome>(AZURE_LOGIN, {
        PATH: process.env.PATH,
        ...oidc.env,
        AZURE_AUTHORITY_HOST: authority,
        TAGSHIP_TEST_LOGIN: JSON.stringify({ ...call, retries })
      }),
    secrets: () => [...oidc.issued, ...entra.issued, ...acr.refreshTokens],
    stop: stopper(started)
  }
}

/** The child's login: acrOidcCredentials with the login pacing of `retries`, waits recorded, no jitter. */
const AZURE_LOGIN = `
import { acrOidcCredentials } from './src/credentials/acr.js'
import { retryPolicy } from './src/shared/retry.js'

const { registry, azure, retries } = JSON.parse(process.env.TAGSHIP_TEST_LOGIN)
const lines = []
const waits = []
const pacing = {
  policy: retryPolicy(retries),
  sleep: async (ms) => void waits.push(ms),
  random: () => 0,
  onRetry: (line) => lines.push(line)
}
const getIdToken = async (audience) => {
  const url = process.env.ACTIONS_ID_TOKEN_REQUEST_URL + '&audience=' + encodeURIComponent(audience)
  const res = await fetch(url, { headers: { authorization: 'Bearer ' + process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN } })
  return (await res.json()).value
}
const answer = (message) => process.send(message, () => process.exit(0))
try {
  await acrOidcCredentials(registry, azure, { mask: () => undefined, getIdToken, pacing })
  answer({ lines, waits })
} catch (e) {
  answer({ error: e.message, lines, waits })
}
`
