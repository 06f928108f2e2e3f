import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A loopback stand-in for the AWS APIs tagship calls: ECR (JSON 1.1), ECR
 * Public and STS AssumeRoleWithWebIdentity (query protocol, XML), with the
 * wire shapes recorded in docs/notes/sdk-fixtures.md. Every ECR call must carry
 * a valid SigV4 signature made with a secret the fixture knows.
 */

export type AwsOperation =
  | 'ecr:GetAuthorizationToken'
  | 'ecr:CreateRepository'
  | 'ecr:DescribeRepositories'
  | 'ecr-public:GetAuthorizationToken'
  | 'sts:AssumeRoleWithWebIdentity'

/**
 * What the next call of an operation gets; calls with nothing scripted are
 * answered as AWS would. `deny` is an AccessDeniedException with that message,
 * `error` any other AWS error (status 400 unless given).
 */
export type AwsOutcome =
  | 'fail'
  | { readonly deny: string }
  | { readonly error: string; readonly message: string; readonly status?: number }

export type ImageTagMutability = 'MUTABLE' | 'IMMUTABLE'

/** One ECR private repository, as CreateRepository and DescribeRepositories give it. */
export interface EcrRepository {
  readonly repositoryArn: string
  readonly registryId: string
  readonly repositoryName: string
  readonly repositoryUri: string
  readonly createdAt: number
  readonly imageTagMutability: ImageTagMutability
}

/**
 * The ECR repositories of one account, per region: what the AWS fixture's
 * CreateRepository and DescribeRepositories change and read, and what an ECR
 * registry fixture (ecr-registry.ts) accepts pushes to. Share one between
 * them and a CreateRepository call opens the registry to that repository.
 */
export class EcrRepositories {
  readonly #repositories = new Map<string, EcrRepository>()

  constructor(readonly account = '123456789012') {}

  has(region: string, name: string): boolean {
    return this.#repositories.has(`${region}/${name}`)
  }

  get(region: string, name: string): EcrRepository | undefined {
    return this.#repositories.get(`${region}/${name}`)
  }

  /** Add a repository (as CreateRepository does); throws when it already exists. */
  create(region: string, name: string, mutability: ImageTagMutability = 'MUTABLE'): EcrRepository {
    if (this.has(region, name)) throw new Error(`ECR repository ${region}/${name} already exists`)
    const registry = `${this.account}.dkr.ecr.${region}.amazonaws.com`
    const repository: EcrRepository = {
      repositoryArn: `arn:aws:ecr:${region}:${this.account}:repository/${name}`,
      registryId: this.account,
      repositoryName: name,
      repositoryUri: `${registry}/${name}`,
      createdAt: Date.now() / 1000,
      imageTagMutability: mutability
    }
    this.#repositories.set(`${region}/${name}`, repository)
    return repository
  }

  setMutability(region: string, name: string, mutability: ImageTagMutability): void {
    const repository = this.get(region, name)
    if (!repository) throw new Error(`no ECR repository ${region}/${name}`)
    this.#repositories.set(`${region}/${name}`, { ...repository, imageTagMutability: mutability })
  }

  delete(region: string, name: string): boolean {
    return this.#repositories.delete(`${region}/${name}`)
  }

  /** The repositories of one region, in creation order. */
  list(region: string): EcrRepository[] {
    return [...this.#repositories.values()].filter((r) => r.repositoryArn.includes(`:${region}:`))
  }
}

/** A key's secret, and the session token that must come with it (temporary keys). */
export type AwsKey = string | { readonly secret: string; readonly sessionToken: string }

export interface AwsFixtureOptions {
  /** Access key ID → what signs with it. */
  readonly keys?: Record<string, AwsKey>
  /** The password inside every authorization token: the one the test registry accepts. */
  readonly password?: string
  /** The account of every key, in `proxyEndpoint` and repository ARNs; the repositories' by default. */
  readonly account?: string
  /** The repositories CreateRepository and DescribeRepositories work on; a new empty set by default. */
  readonly repositories?: EcrRepositories
  /** The role STS lets a web identity assume, and the token it must present. */
  readonly webIdentity?: { readonly roleArn: string; readonly token: string }
}

/** One request as received, with the key, region and service its signature names. */
export interface AwsRequest {
  readonly operation: AwsOperation | 'unknown'
  readonly accessKeyId?: string
  readonly region?: string
  readonly service?: string
  readonly sessionToken?: string
  readonly body: string
  readonly headers: IncomingHttpHeaders
}

export interface AwsFixture {
  readonly endpoint: string
  readonly account: string
  /** The password inside every authorization token. */
  readonly password: string
  /** What CreateRepository and DescribeRepositories change and read (shared with an ECR registry). */
  readonly repositories: EcrRepositories
  /** The SDK's own variables that send every client here, and keep it off IMDS. */
  readonly env: Record<string, string>
  /** Calls of one operation, or of all, answered or refused. */
  calls(operation?: AwsOperation): number
  requests(): readonly AwsRequest[]
  /** Temporary keys STS handed out, in order. */
  issued(): readonly { accessKeyId: string; secretAccessKey: string; sessionToken: string }[]
  /** Queue outcomes for the next calls of `operation`. */
  script(operation: AwsOperation, ...outcomes: AwsOutcome[]): void
  stop(): Promise<void>
}

const AUTHORIZATION =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/

const TARGETS: Record<string, AwsOperation> = {
  'AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken': 'ecr:GetAuthorizationToken',
  'AmazonEC2ContainerRegistry_V20150921.CreateRepository': 'ecr:CreateRepository',
  'AmazonEC2ContainerRegistry_V20150921.DescribeRepositories': 'ecr:DescribeRepositories',
  'SpencerFrontendService.GetAuthorizationToken': 'ecr-public:GetAuthorizationToken'
}

type Reply = { status: number; type: string; body: string }

const JSON_TYPE = 'application/x-amz-json-1.1'
const json = (status: number, o: unknown): Reply => ({
  status,
  type: JSON_TYPE,
  body: JSON.stringify(o)
})
const awsError = (type: string, message: string, status = 400) =>
  json(status, { __type: type, message })
const stsError = (status: number, code: string, message: string): Reply => ({
  status,
  type: 'text/xml',
  body: `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fixture</RequestId></ErrorResponse>`
})

const MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.'
const FAILURE = 'fixture: internal failure'

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()

/** The SigV4 signature of `req` with `secret` (the steps of the AWS documentation). */
function sigv4(req: IncomingMessage, body: string, auth: string[], secret: string) {
  const [date, region, service, signed] = auth.slice(2, 6) as [string, string, string, string]
  const url = new URL(req.url ?? '/', 'http://fixture')
  const query = [...url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&')
  const value = (name: string) => String(req.headers[name] ?? '').trim()
  const headers = signed
    .split(';')
    .map((name) => `${name}:${value(name).replace(/\s+/g, ' ')}\n`)
    .join('')
  const canonical = [req.method, url.pathname, query, headers, signed, sha256(body)].join('\n')
  const credentialScope = `${date}/${region}/${service}/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', req.headers['x-amz-date'], credentialScope, sha256(canonical)]
  let key = hmac(`AWS4${secret}`, date)
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part)
  return hmac(key, toSign.join('\n'))
}

export async function startAwsFixture(options: AwsFixtureOptions = {}): Promise<AwsFixture> {
  const account = options.account ?? options.repositories?.account ?? '123456789012'
  const password = options.password ?? 'fixture-password'
  const token = Buffer.from(`AWS:${password}`).toString('base64')
  const keys = new Map<string, { secret: string; sessionToken?: string }>()
  for (const [id, k] of Object.entries(options.keys ?? {}))
    keys.set(id, typeof k === 'string' ? { secret: k } : k)
  const log: AwsRequest[] = []
  const issued: { accessKeyId: string; secretAccessKey: string; sessionToken: string }[] = []
  const queued = new Map<AwsOperation, AwsOutcome[]>()
  const repositories = options.repositories ?? new EcrRepositories(account)

  /** Why a signed call is refused, or undefined when its signature holds. */
  function refuse(req: IncomingMessage, body: string, operation: AwsOperation): Reply | undefined {
    const auth = AUTHORIZATION.exec(String(req.headers.authorization ?? ''))
    if (!auth)
      return awsError('MissingAuthenticationTokenException', 'Missing Authentication Token')
    const [, id, date, region, service, , signature] = auth as unknown as string[]
    const key = keys.get(id!)
    const unknown = awsError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.'
    )
    if (!key) return unknown
    if (req.headers['x-amz-security-token'] !== key.sessionToken) return unknown
    const wanted = operation.split(':')[0]!
    const scope = (why: string) =>
      awsError('InvalidSignatureException', `Credential should be scoped to ${why}.`)
    if (service !== wanted) return scope(`correct service: '${wanted}'`)
    if (wanted === 'ecr-public' && region !== 'us-east-1') return scope('a valid region')
    const hash = req.headers['x-amz-content-sha256']
    const dated = String(req.headers['x-amz-date'] ?? '').startsWith(date!)
    const valid = timingSafeEqual(
      sigv4(req, body, auth, key.secret),
      Buffer.from(signature!, 'hex')
    )
    // The SDK always signs host and x-amz-date; a request that does not is forged or broken.
    const covered = ['host', 'x-amz-date'].every((h) => auth[5]!.split(';').includes(h))
    if (covered && dated && (!hash || hash === sha256(body)) && valid) return undefined
    return awsError('InvalidSignatureException', MISMATCH)
  }

  function ecr(operation: AwsOperation, region: string, input: Record<string, unknown>): Reply {
    const expiresAt = Math.floor(Date.now() / 1000) + 12 * 3600
    const registry = `${account}.dkr.ecr.${region}.amazonaws.com`
    const name = String(input.repositoryName ?? '')
    const named = (n: string, is: string) =>
      `The repository with name '${n}' ${is} in the registry with id '${account}'`
    switch (operation) {
      case 'ecr:GetAuthorizationToken':
        return json(200, {
          authorizationData: [
            { authorizationToken: token, expiresAt, proxyEndpoint: `https://${registry}` }
          ]
        })
      case 'ecr-public:GetAuthorizationToken':
        return json(200, { authorizationData: { authorizationToken: token, expiresAt } })
      case 'ecr:CreateRepository': {
        if (repositories.has(region, name)) {
          return awsError('RepositoryAlreadyExistsException', named(name, 'already exists'))
        }
        const mutability = input.imageTagMutability === 'IMMUTABLE' ? 'IMMUTABLE' : 'MUTABLE'
        return json(200, { repository: repositories.create(region, name, mutability) })
      }
      default: {
        const names = (input.repositoryNames as string[] | undefined) ?? []
        const absent = names.find((n) => !repositories.has(region, n))
        if (absent !== undefined)
          return awsError('RepositoryNotFoundException', named(absent, 'does not exist'))
        return json(200, {
          repositories: names.length
            ? names.map((n) => repositories.get(region, n))
            : repositories.list(region)
        })
      }
    }
  }

  function sts(form: URLSearchParams): Reply {
    const { roleArn, token: jwt } = options.webIdentity ?? {}
    if (!roleArn || form.get('RoleArn') !== roleArn || form.get('WebIdentityToken') !== jwt) {
      return stsError(
        403,
        'AccessDenied',
        'Not authorized to perform sts:AssumeRoleWithWebIdentity'
      )
    }
    const creds = {
      accessKeyId: `ASIASTSFIXTURE${String(issued.length + 1).padStart(6, '0')}`,
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(60).toString('base64')
    }
    issued.push(creds)
    keys.set(creds.accessKeyId, { secret: creds.secretAccessKey, sessionToken: creds.sessionToken })
    const expiration = new Date(Date.now() + 3600_000).toISOString()
    const body =
      '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult><Credentials>' +
      `<AccessKeyId>${creds.accessKeyId}</AccessKeyId><SecretAccessKey>${creds.secretAccessKey}</SecretAccessKey>` +
      `<SessionToken>${creds.sessionToken}</SessionToken><Expiration>${expiration}</Expiration>` +
      '</Credentials></AssumeRoleWithWebIdentityResult></AssumeRoleWithWebIdentityResponse>'
    return { status: 200, type: 'text/xml', body }
  }

  function answer(req: IncomingMessage, body: string): Reply {
    const target = String(req.headers['x-amz-target'] ?? '')
    const form = new URLSearchParams(body)
    const isSts = form.get('Action') === 'AssumeRoleWithWebIdentity'
    const operation = isSts ? 'sts:AssumeRoleWithWebIdentity' : TARGETS[target]
    const auth = AUTHORIZATION.exec(String(req.headers.authorization ?? ''))
    const token = req.headers['x-amz-security-token']
    log.push({
      operation: operation ?? 'unknown',
      ...(auth && { accessKeyId: auth[1], region: auth[3], service: auth[4] }),
      ...(typeof token === 'string' && { sessionToken: token }),
      body,
      headers: req.headers
    })
    if (!operation) return awsError('UnknownOperationException', `unknown operation ${target}`)
    // STS web identity calls are unsigned by design; the role and token are what it checks.
    const refused = isSts ? undefined : refuse(req, body, operation)
    if (refused) return refused
    const outcome = queued.get(operation)?.shift()
    if (isSts) {
      if (outcome === 'fail') return stsError(500, 'InternalFailure', FAILURE)
      if (outcome && 'deny' in outcome) return stsError(403, 'AccessDenied', outcome.deny)
      return outcome ? stsError(outcome.status ?? 400, outcome.error, outcome.message) : sts(form)
    }
    if (outcome === 'fail') return awsError('ServerException', FAILURE, 500)
    if (outcome && 'deny' in outcome) return awsError('AccessDeniedException', outcome.deny)
    if (outcome) return awsError(outcome.error, outcome.message, outcome.status)
    return ecr(operation, auth![3]!, JSON.parse(body || '{}') as Record<string, unknown>)
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const reply = answer(req, Buffer.concat(chunks).toString('utf8'))
      res.writeHead(reply.status, { 'content-type': reply.type, 'x-amzn-requestid': 'fixture' })
      res.end(reply.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    endpoint,
    account,
    password,
    repositories,
    env: {
      AWS_ENDPOINT_URL_ECR: endpoint,
      AWS_ENDPOINT_URL_ECR_PUBLIC: endpoint,
      AWS_ENDPOINT_URL_STS: endpoint,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'
    },
    calls: (operation) => log.filter((r) => !operation || r.operation === operation).length,
    requests: () => log,
    issued: () => issued,
    script: (operation, ...outcomes) =>
      queued.set(operation, [...(queued.get(operation) ?? []), ...outcomes]),
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

/**
 * A HOME with no AWS files, and the variables that point the SDK there, so a
 * machine's own ~/.aws never leaks into a test.
 */
export function emptyAwsHome() {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-aws-'))
  const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'config') }
  return {
    dir,
    env: { ...env, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') },
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
