import { randomBytes } from 'node:crypto'
import { startDockerIdentity } from '../../__fixtures__/services/docker-identity.js'
import {
  startFaultProxy,
  type Fault,
  type FaultProxy
} from '../../__fixtures__/services/fault-proxy.js'
import { DEFAULT_SUBJECT, startGithubOidc } from '../../__fixtures__/services/github-oidc.js'
import { startGoogleIam } from '../../__fixtures__/services/google-iam.js'
import { startGoogleSts } from '../../__fixtures__/services/google-sts.js'
import { startRegistry } from '../../__fixtures__/services/registry.js'
import { startTokenServer } from '../../__fixtures__/services/token-server.js'
import { credentialSources } from '../../src/credentials/sources.js'
import { loginAll } from '../../src/credentials/login-all.js'
import { planLogins } from '../../src/credentials/login-plan.js'
import { parseAuthInputs } from '../../src/inputs/auth.js'

/** What one login showed: its error line (if it failed), its retry lines, and the waits between attempts. */
export interface Outcome {
  readonly error?: string
  readonly lines: readonly string[]
  readonly waits: readonly number[]
}

/**
 * One login call behind the fault proxy, and the world it needs: the proxy
 * fails the call (`method`, `path`) as a test injects, `refuse` makes the
 * service refuse the credentials once, and `login` runs the login with this
 * many `retries`.
 */
export interface World {
  readonly proxy: FaultProxy
  readonly method: string
  readonly path: RegExp
  /** Port-dependent names the expected lines use. */
  readonly names: Readonly<Record<string, string>>
  refuse(): void
  login(retries: number): Promise<Outcome>
  /** Every secret the services handed out or were handed: none may show. */
  secrets(): readonly string[]
  stop(): Promise<void>
}

/** The way an OAuth token endpoint refuses a grant (RFC 6749 §5.2). */
export const oauthRefusal = (status: number, error: string, description: string): Fault => ({
  kind: 'status',
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ error, error_description: description })
})

/** Stops everything `started` holds, last first. */
export function stopper(started: (() => Promise<void> | void)[]): () => Promise<void> {
  return async () => {
    for (const stop of started.reverse()) await stop()
  }
}

/**
 * The action's logins of one registry, in this process: the inputs parsed,
 * the login planned and run by loginAll with the real credential sources,
 * `retries` given as the action gives it (the registry client's options),
 * waits recorded and no jitter (`random` 0: each backoff wait is half its step).
 */
export async function loginOnce(
  registry: string,
  inputs: Record<string, string>,
  retries: number,
  getIdToken: (audience: string) => Promise<string>
): Promise<Outcome> {
  const auth = parseAuthInputs((name) => inputs[name] ?? '')
  const steps = planLogins([{ registry, push: true }], auth)
  const lines: string[] = []
  const waits: number[] = []
  const retryLines = () => lines.filter((l) => l.includes('; retry '))
  try {
    await loginAll(steps, auth, {
      sources: credentialSources(),
      useDocker: false,
      client: { retries, sleep: async (ms) => void waits.push(ms), random: () => 0 },
      log: {
        info: (line) => void lines.push(line),
        error: (line) => void lines.push(`error: ${line}`),
        group: async (_, work) => work()
      },
      mask: () => undefined,
      getIdToken
    })
    return { lines: retryLines(), waits }
  } catch {
    const errors = lines.filter((l) => l.startsWith('error: ')).map((l) => l.slice(7))
    return { error: errors.join('\n'), lines: retryLines(), waits }
  }
}

/** core.getIDToken's request to the runner's endpoint (the GitHub OIDC fixture). */
function idTokens(env: {
  ACTIONS_ID_TOKEN_REQUEST_URL: string
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: string
}) {
  return async (audience: string): Promise<string> => {
    const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${encodeURIComponent(audience)}`
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` }
    })
    return ((await res.json()) as { value: string }).value
  }
}

/** Set variables for the rest of the file (each test file has its own process.env); undone by the stopper. */
export function setEnv(vars: Record<string, string>, started: (() => void)[]): void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  Object.assign(process.env, vars)
  started.push(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  })
}

/** A token-auth registry whose realm (the token service) is behind the proxy; static credentials. */
export async function tokenServiceWorld(): Promise<World> {
  const started: (() => Promise<void> | void)[] = []
  const password = `pw-${randomBytes(12).toString('hex')}`
  const tokens = await startTokenServer({ users: [{ username: 'alice', password }] })
  started.push(tokens.stop)
  const realm = new URL(tokens.realm)
  const proxy = await startFaultProxy(realm.origin)
  started.push(proxy.stop)
  const registry = await startRegistry({
    auth: 'token',
    tokenServer: { ...tokens, realm: `${proxy.url}${realm.pathname}` }
  })
  started.push(registry.stop)
  const auth = `- registry: ${registry.host}\n  username: alice\n  password: ${password}\n`
  return {
    proxy,
    method: 'GET',
    path: new RegExp(`^${realm.pathname}$`),
    names: { registry: registry.host, realm: proxy.url },
    refuse: () => proxy.inject({ path: /^\/token$/, fault: { kind: 'status', status: 401 } }),
    login: (retries) =>
      loginOnce(registry.host, { 'registry-auth': auth }, retries, async () => 'unused'),
    secrets: () => [password],
    stop: stopper(started)
  }
}

const CONNECTION = '3f0c9a52-7d1e-4b6a-9c2f-5e8d1a4b7c90'

/** Docker Hub over OIDC: Docker's identity service behind the proxy, a token registry made Docker Hub. */
export async function dockerIdentityWorld(): Promise<World> {
  const started: (() => Promise<void> | void)[] = []
  const accessToken = `dckr_oat_${randomBytes(24).toString('base64url')}`
  const oidc = await startGithubOidc()
  started.push(oidc.close)
  const identity = await startDockerIdentity({
    trusts: oidc,
    connections: { [CONNECTION]: { subjects: [DEFAULT_SUBJECT] } },
    accessToken
  })
  started.push(identity.close)
  const proxy = await startFaultProxy(identity.url)
  started.push(proxy.stop)
  const hub = await startRegistry({
    auth: 'token',
    users: [{ username: 'acme', password: accessToken }]
  })
  started.push(hub.stop)
  setEnv({ ...oidc.env, TAGSHIP_DOCKER_IDENTITY_URL: proxy.url }, started)
  const inputs = {
    'registry-providers': `${hub.host}=dockerhub`,
    'dockerhub-username': 'acme',
    'dockerhub-oidc-connection-id': CONNECTION
  }
  return {
    proxy,
    method: 'POST',
    path: /^\/oauth\/token$/,
    names: { registry: hub.host, identity: `${proxy.url}/oauth/token`, connection: CONNECTION },
    refuse: () =>
      proxy.inject({ path: /^\/oauth\/token$/, fault: oauthRefusal(400, 'access_denied', '') }),
    login: (retries) => loginOnce(hub.host, inputs, retries, idTokens(oidc.env)),
    secrets: () => [...oidc.issued, ...identity.issued, accessToken],
    stop: stopper(started)
  }
}

const GCP_PROVIDER =
  'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme-app'
const GCP_ACCOUNT = 'publisher@acme-prod.iam.gserviceaccount.com'

/** Google Artifact Registry keyless: STS and IAM Credentials, one of them behind the proxy. */
export async function googleWorld(faulty: 'sts' | 'iam'): Promise<World> {
  const started: (() => Promise<void> | void)[] = []
  const oidc = await startGithubOidc()
  started.push(oidc.close)
  const sts = await startGoogleSts({ provider: GCP_PROVIDER, trusts: oidc })
  started.push(sts.close)
  const iam = await startGoogleIam({ trusts: sts, impersonable: [GCP_ACCOUNT] })
  started.push(iam.close)
  const proxy = await startFaultProxy(faulty === 'sts' ? sts.url : iam.url)
  started.push(proxy.stop)
  const gar = await startRegistry({
    auth: 'token',
    users: [
      {
        username: 'oauth2accesstoken',
        get password() {
          return iam.issued.at(-1) ?? 'no token yet'
        }
      }
    ]
  })
  started.push(gar.stop)
  setEnv(
    {
      ...oidc.env,
      TAGSHIP_GCP_STS_URL: faulty === 'sts' ? proxy.url : sts.url,
      TAGSHIP_GCP_IAM_CREDENTIALS_URL: faulty === 'iam' ? proxy.url : iam.url,
      GITHUB_REPOSITORY: 'acme/app'
    },
    started
  )
  const inputs = {
    'registry-providers': `${gar.host}=gar`,
    'gcp-workload-identity-provider': GCP_PROVIDER,
    'gcp-service-account': GCP_ACCOUNT
  }
  const path =
    faulty === 'sts'
      ? /^\/v1\/token$/
      : /^\/v1\/projects\/-\/serviceAccounts\/.*:generateAccessToken$/
  const refusal =
    faulty === 'sts'
      ? oauthRefusal(400, 'invalid_grant', 'The audience in ID Token does not match.')
      : ({
          kind: 'status',
          status: 401,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            error: {
              code: 401,
              status: 'UNAUTHENTICATED',
              message: 'Request had invalid authentication credentials.'
            }
          })
        } as const)
  return {
    proxy,
    method: 'POST',
    path,
    names: {
      registry: gar.host,
      sts: `${faulty === 'sts' ? proxy.url : sts.url}/v1/token`,
      iam: `${faulty === 'iam' ? proxy.url : iam.url}/v1/projects/-/serviceAccounts/${GCP_ACCOUNT}:generateAccessToken`
    },
    refuse: () => proxy.inject({ path, fault: refusal }),
    login: (retries) => loginOnce(gar.host, inputs, retries, idTokens(oidc.env)),
    secrets: () => [...oidc.issued, ...sts.issued, ...iam.issued],
    stop: stopper(started)
  }
}
