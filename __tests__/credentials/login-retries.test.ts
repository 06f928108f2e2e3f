import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { throttled, type Fault } from '../../__fixtures__/services/fault-proxy.js'
import { awsWorld, azureWorld } from './login-retry-clouds.js'
import {
  dockerIdentityWorld,
  googleWorld,
  tokenServiceWorld,
  type World
} from './login-retry-worlds.js'

/**
 * Every login call retries as registry requests do, bounded by `retries`:
 * after a network error, 408, 429 (waiting its Retry-After) or a 5xx, never
 * after refused credentials. Each service stands behind the fault proxy,
 * which fails the login call as a row says. The login runs as the action
 * runs it (loginAll, `retries` in the registry client's options), Azure's in
 * a child node that trusts the Entra fixture (acrOidcCredentials, with the
 * pacing loginAll passes down). Waits are recorded with no jitter: a backoff
 * wait is half its step (250 ms, 500 ms, 1 s), a Retry-After wait is what it
 * asks (3 s).
 */

/** How one attempt failed: the status the proxy answered, or a dropped connection. */
type Failure = 503 | 429 | 'drop'

const FAULTS: Record<Failure, Fault> = {
  503: { kind: 'status', status: 503 },
  429: throttled('seconds', 3),
  drop: { kind: 'drop' }
}

type Scenario = 'recovers' | 'gives up' | 'refused' | 'no retries'

const SCENARIOS: readonly [
  Scenario,
  string,
  readonly Failure[] | 'refused',
  number,
  number,
  readonly number[],
  readonly (readonly [Failure, string])[]
][] = [
  // scenario, what happens, the call's failures in turn, retries, calls the service saw,
  // waits (ms), and the retry lines: why the attempt failed, what comes next
  [
    'recovers',
    '503, 429 with Retry-After: 3, a dropped connection, then an answer; retries: 4',
    [503, 429, 'drop'],
    4,
    4,
    [250, 3000, 1000],
    [
      [503, 'retry 1 of 4 in 0.3 s'],
      [429, 'retry 2 of 4 in 3.0 s'],
      ['drop', 'retry 3 of 4 in 1.0 s']
    ]
  ],
  [
    'gives up',
    '503 every time; retries: 2',
    [503, 503, 503, 503],
    2,
    3,
    [250, 500],
    [
      [503, 'retry 1 of 2 in 0.3 s'],
      [503, 'retry 2 of 2 in 0.5 s']
    ]
  ],
  ['refused', 'the credentials refused (400, 401 or 403); retries: 4', 'refused', 4, 1, [], []],
  ['no retries', '503 once; retries: 0', [503], 0, 1, [], []]
]

/** What a service's login says: a retry line's start, and its error when it gives up or is refused. */
interface Says {
  /** The retry line before `; retry n of m…`, for an attempt that failed so. */
  readonly failed: (failure: Failure) => string
  readonly 'gives up': string
  readonly refused: string
  readonly 'no retries': string
}

/** `answered HTTP 503`, or the words of a dropped connection. */
const why = (failure: Failure, dropped: string): string =>
  failure === 'drop' ? `failed: ${dropped}` : `answered HTTP ${failure}`

const SERVICES: Record<string, [() => Promise<World>, (n: World['names']) => Says]> = {
  'the registry token service': [
    tokenServiceWorld,
    ({ registry, realm }) => ({
      failed: (f) =>
        `${registry}: GET /v2/ failed: its token service ${realm} ${why(f, 'UND_ERR_SOCKET other side closed')}`,
      'gives up': `${registry} could not be reached: its token service ${realm} answered HTTP 503; gave up after 2 retries: run the step again, or raise retries or request-timeout`,
      refused: `${registry} rejected the credentials for alice: check its entry in registry-auth`,
      'no retries': `${registry} could not be reached: its token service ${realm} answered HTTP 503`
    })
  ],
  "Docker's identity service": [
    dockerIdentityWorld,
    ({ identity, connection }) => {
      const login = 'Docker Hub login for acme with OIDC'
      return {
        failed: (f) => `${login}: ${identity} ${why(f, 'other side closed')}`,
        'gives up': `${login}: Docker's identity service kept failing (HTTP 503: no error body) after 3 attempts: run the step again later`,
        refused: `${login}: Docker refused the exchange for connection ${connection} (HTTP 400: access_denied): no rule of the connection matches this job's subject repo:acme/app:ref:refs/heads/main, or the connection is deactivated; its Failures table in Docker Home says which`,
        'no retries': `${login}: Docker's identity service kept failing (HTTP 503: no error body) after 1 attempt: run the step again later`
      }
    }
  ],
  'Google STS': [
    () => googleWorld('sts'),
    ({ sts }) => {
      const provider =
        'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme-app'
      return {
        failed: (f) => `Google STS ${why(f, 'other side closed')}`,
        'gives up': `Google STS at ${sts} kept failing (HTTP 503) after 3 attempts: try again later`,
        refused: `Google STS refused the GitHub OIDC token for ${provider} (HTTP 400: invalid_grant: The audience in ID Token does not match.): check the provider's issuer (https://token.actions.githubusercontent.com) and its allowed audiences: tagship asks GitHub for the default one, https://iam.googleapis.com/${provider}`,
        'no retries': `Google STS at ${sts} kept failing (HTTP 503) after 1 attempt: try again later`
      }
    }
  ],
  'Google IAM Credentials': [
    () => googleWorld('iam'),
    ({ iam }) => ({
      failed: (f) => `Google IAM Credentials ${why(f, 'other side closed')}`,
      'gives up': `Google IAM Credentials at ${iam} kept failing (HTTP 503) after 3 attempts: try again later`,
      refused:
        'Google IAM Credentials refused generateAccessToken for publisher@acme-prod.iam.gserviceaccount.com (HTTP 401: UNAUTHENTICATED: Request had invalid authentication credentials.)',
      'no retries': `Google IAM Credentials at ${iam} kept failing (HTTP 503) after 1 attempt: try again later`
    })
  ],
  "ECR's GetAuthorizationToken": [
    () => awsWorld('ecr'),
    ({ registry }) => {
      const label = `Amazon ECR ${registry}`
      return {
        failed: (f) => `${label}: the ECR API ${why(f, 'ECONNRESET')}`,
        'gives up': `${label}: the ECR API kept failing (HTTP 503) after 3 attempts: try again later`,
        refused: `${label}: AWS does not recognise the access key from the aws-access-key-id input: check the key ID, and pass the session token with temporary keys; AWS said: UnrecognizedClientException: The security token included in the request is invalid.`,
        'no retries': `${label}: the ECR API kept failing (HTTP 503) after 1 attempt: try again later`
      }
    }
  ],
  "ECR Public's GetAuthorizationToken": [
    () => awsWorld('ecr-public'),
    () => {
      const label = 'Amazon ECR Public public.ecr.aws'
      return {
        failed: (f) => `${label}: the ECR Public API ${why(f, 'ECONNRESET')}`,
        'gives up': `${label}: the ECR Public API kept failing (HTTP 503) after 3 attempts: try again later`,
        refused: `${label}: AWS does not recognise the access key from the aws-access-key-id input: check the key ID, and pass the session token with temporary keys; AWS said: UnrecognizedClientException: The security token included in the request is invalid.`,
        'no retries': `${label}: the ECR Public API kept failing (HTTP 503) after 1 attempt: try again later`
      }
    }
  ],
  "STS's AssumeRoleWithWebIdentity": [
    () => awsWorld('sts'),
    ({ registry }) => {
      const role = 'web identity role arn:aws:iam::123456789012:role/tagship-push'
      const label = `Amazon ECR ${registry}`
      return {
        failed: (f) => `${label}: STS ${why(f, 'ECONNRESET')}`,
        'gives up': `${label}: could not get AWS credentials from ${role} after 3 attempts (HTTP 503)`,
        refused: `${label}: could not get AWS credentials from ${role} (AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity): check that the role's trust policy accepts this job's OIDC token (issuer, audience, subject)`,
        'no retries': `${label}: could not get AWS credentials from ${role} after 1 attempt (HTTP 503)`
      }
    }
  ],
  'Entra ID': [
    () => azureWorld('entra'),
    ({ authority, client, tenant }) => {
      const call = `POST /${tenant}/oauth2/v2.0/token`
      const app = `client ${client} in tenant ${tenant}`
      return {
        failed: (f) => `Entra ID at ${authority}: ${call} ${why(f, 'socket hang up')}`,
        'gives up': `Entra ID at ${authority} kept failing for ${app} (HTTP 503 to ${call}) after 3 attempts: try again later`,
        refused: `Entra ID refused the GitHub OIDC token for ${app}: AADSTS70021: No matching federated identity record found for presented assertion. (check the app registration's federated credential: its issuer, subject and audience must match the token's)`,
        'no retries': `Entra ID at ${authority} kept failing for ${app} (HTTP 503 to ${call}) after 1 attempt: try again later`
      }
    }
  ],
  'the ACR token exchange': [
    () => azureWorld('acr'),
    ({ client, tenant }) => ({
      failed: (f) => `acme.azurecr.io: the ACR token exchange ${why(f, 'other side closed')}`,
      'gives up':
        'acme.azurecr.io: the ACR token exchange kept failing (HTTP 503: no error body) after 3 attempts: try again later',
      refused: `acme.azurecr.io refused the ACR token exchange (HTTP 401: UNAUTHORIZED: the access token is not valid): check that azure-tenant-id ${tenant} is the registry's tenant and that client ${client} has the AcrPush role on it`,
      'no retries':
        'acme.azurecr.io: the ACR token exchange kept failing (HTTP 503: no error body) after 1 attempt: try again later'
    })
  ]
}

describe.each(Object.entries(SERVICES))('%s', (_, [start, says]) => {
  let world: World
  beforeAll(async () => {
    world = await start()
  }, 60_000)
  afterAll(async () => {
    await world?.stop()
  })

  test.each(SCENARIOS)(
    '%s: %s',
    async (scenario, _what, failures, retries, calls, waits, retried) => {
      world.proxy.reset()
      if (failures === 'refused') world.refuse()
      else for (const f of failures) world.proxy.inject({ path: world.path, fault: FAULTS[f] })

      const outcome = await world.login(retries)

      const said = says(world.names)
      const made = world.proxy
        .requests()
        .filter((r) => r.method === world.method && world.path.test(r.path))
      expect(made).toHaveLength(calls)
      expect(outcome.waits).toEqual(waits)
      expect(outcome.lines).toEqual(retried.map(([f, next]) => `${said.failed(f)}; ${next}`))
      expect(outcome.error).toBe(scenario === 'recovers' ? undefined : said[scenario])
      const shown = [outcome.error ?? '', ...outcome.lines].join('\n')
      expect(world.secrets().filter((s) => s !== '' && shown.includes(s))).toEqual([])
    }
  )
})
