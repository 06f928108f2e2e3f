import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { useAwsFixture } from '../../__fixtures__/services/aws-suite.js'
import { startEcrRegistry, type EcrRegistry } from '../../__fixtures__/services/ecr-registry.js'
import {
  ensureEcrRepository,
  type EcrProvider,
  type EnsureEcrRepositoryOptions
} from '../../src/credentials/ecr-repository.js'

const KEY = 'AKIAFIXTUREKEY000001'
const SECRET = 'fixture/secret/key+0000000000000000000001'
const PASSWORD = 'ecr-password-the-registry-accepts'
const ACCOUNT = '123456789012'
const REGION = 'eu-west-1'
const HOST = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`
const PROVIDER: EcrProvider = { kind: 'ecr', account: ACCOUNT, region: REGION, host: HOST }
const ARN = (path: string) => `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${path}`
const FROM = 'the aws-access-key-id input'

const suite = useAwsFixture({ keys: { [KEY]: SECRET }, password: PASSWORD, account: ACCOUNT })
let ecr: EcrRegistry
beforeAll(async () => {
  ecr = await startEcrRegistry({ aws: suite.fx, repositories: ['team/app'] })
})
afterAll(() => ecr?.stop())

let logged: string[]
beforeEach(() => {
  logged = []
})

const ensure = (path: string, create: boolean, extra: Partial<EnsureEcrRepositoryOptions> = {}) =>
  ensureEcrRepository({
    provider: PROVIDER,
    path,
    aws: { accessKeyId: KEY, secretAccessKey: SECRET },
    create,
    log: (line) => void logged.push(line),
    clientOptions: { env: suite.envWith(), maxAttempts: 1 },
    ...extra
  })

/** The JSON bodies of the ECR calls made since `from`, as `operation body`. */
const callsSince = (from: number) =>
  suite.fx
    .requests()
    .slice(from)
    .map((r) => `${r.operation} ${r.region} ${r.body}`)

/** A blob upload on the ECR registry as `AWS`: what a push does first. */
const startUpload = async (path: string) => {
  const auth = Buffer.from(`AWS:${PASSWORD}`).toString('base64')
  const res = await fetch(`${ecr.url}/v2/${path}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: `Basic ${auth}` }
  })
  return { status: res.status, body: await res.text() }
}

describe('ensureEcrRepository', () => {
  test('an existing repository: one DescribeRepositories in the registry region, for its account', async () => {
    const from = suite.fx.requests().length
    expect(await ensure('team/app', true)).toBe('exists')
    expect(callsSince(from)).toEqual([
      `ecr:DescribeRepositories ${REGION} {"registryId":"${ACCOUNT}","repositoryNames":["team/app"]}`
    ])
    expect(logged).toEqual([])
  })

  test('a missing repository with create: CreateRepository, logged, and the registry then takes pushes', async () => {
    expect(await startUpload('team/new')).toEqual({
      status: 404,
      body: `{"errors":[{"code":"NAME_UNKNOWN","message":"The repository with name 'team/new' does not exist in the registry with id '${ACCOUNT}'"}]}`
    })
    const from = suite.fx.requests().length
    expect(await ensure('team/new', true)).toBe('created')
    expect(callsSince(from)).toEqual([
      `ecr:DescribeRepositories ${REGION} {"registryId":"${ACCOUNT}","repositoryNames":["team/new"]}`,
      `ecr:CreateRepository ${REGION} {"repositoryName":"team/new","registryId":"${ACCOUNT}"}`
    ])
    expect(logged).toEqual([`created ECR repository team/new in ${ACCOUNT}/${REGION}`])
    expect(suite.fx.repositories.get(REGION, 'team/new')).toMatchObject({
      repositoryArn: ARN('team/new'),
      imageTagMutability: 'MUTABLE'
    })
    expect((await startUpload('team/new')).status).toBe(202)
    expect(await ensure('team/new', true)).toBe('exists')
  })

  test('a missing repository without create: the error says how to fix it, and nothing is created', async () => {
    const from = suite.fx.requests().length
    await expect(ensure('team/missing', false)).rejects.toThrow(
      new Error(
        `${HOST}/team/missing does not exist in Amazon ECR (account ${ACCOUNT}, region ${REGION}): create it, or set ecr-create-repository: true`
      )
    )
    expect(callsSince(from)).toHaveLength(1)
    expect(suite.fx.repositories.has(REGION, 'team/missing')).toBe(false)
  })

  test('without a host, messages name the standard ECR host', async () => {
    const provider: EcrProvider = { kind: 'ecr', account: ACCOUNT, region: 'us-east-2' }
    await expect(ensure('team/app', false, { provider })).rejects.toThrow(
      `${ACCOUNT}.dkr.ecr.us-east-2.amazonaws.com/team/app does not exist in Amazon ECR (account ${ACCOUNT}, region us-east-2): create it, or set ecr-create-repository: true`
    )
  })

  test('created by someone else between Describe and Create: RepositoryAlreadyExistsException counts as exists', async () => {
    suite.fx.repositories.create(REGION, 'team/raced')
    suite.fx.script('ecr:DescribeRepositories', {
      error: 'RepositoryNotFoundException',
      message: `The repository with name 'team/raced' does not exist in the registry with id '${ACCOUNT}'`
    })
    const from = suite.fx.requests().length
    expect(await ensure('team/raced', true)).toBe('exists')
    expect(callsSince(from).map((c) => c.split(' ', 1)[0])).toEqual([
      'ecr:DescribeRepositories',
      'ecr:CreateRepository'
    ])
    expect(logged).toEqual([])
  })

  test('Describe denied, create asked: names both permissions on the repository ARN', async () => {
    const deny = `User: arn:aws:iam::${ACCOUNT}:user/ci is not authorized to perform: ecr:DescribeRepositories on resource: ${ARN('team/app')} because no identity-based policy allows the ecr:DescribeRepositories action`
    suite.fx.script('ecr:DescribeRepositories', { deny })
    await expect(ensure('team/app', true)).rejects.toThrow(
      new Error(
        `Amazon ECR ${HOST}/team/app: access denied to DescribeRepositories: allow "ecr:DescribeRepositories" and "ecr:CreateRepository" on ${ARN('team/app')} for the AWS identity from ${FROM} (ecr-create-repository: true needs both); AWS said: AccessDeniedException: ${deny}`
      )
    )
  })

  test('Describe denied, no create: the push goes ahead unchecked, and the log says why', async () => {
    suite.fx.script('ecr:DescribeRepositories', { deny: 'not authorized' })
    expect(await ensure('team/app', false)).toBe('unchecked')
    expect(logged).toEqual([
      `Amazon ECR ${HOST}/team/app: cannot check that the repository exists (the AWS identity may not call ecr:DescribeRepositories); pushing anyway`
    ])
  })

  test('Create denied: names ecr:CreateRepository', async () => {
    suite.fx.script('ecr:CreateRepository', { deny: 'no CreateRepository for you' })
    await expect(ensure('team/denied', true)).rejects.toThrow(
      new Error(
        `Amazon ECR ${HOST}/team/denied: access denied to CreateRepository: allow "ecr:DescribeRepositories" and "ecr:CreateRepository" on ${ARN('team/denied')} for the AWS identity from ${FROM} (ecr-create-repository: true needs both); AWS said: AccessDeniedException: no CreateRepository for you`
      )
    )
    expect(suite.fx.repositories.has(REGION, 'team/denied')).toBe(false)
  })

  test('other failures: the login explanations, naming this call', async () => {
    suite.fx.script('ecr:DescribeRepositories', {
      error: 'InvalidParameterException',
      message: 'Invalid parameter at repositoryNames'
    })
    await expect(ensure('team/app', true)).rejects.toThrow(
      new Error(
        `Amazon ECR ${HOST}/team/app: ECR DescribeRepositories failed (InvalidParameterException: Invalid parameter at repositoryNames)`
      )
    )
    suite.fx.script('ecr:CreateRepository', 'fail')
    await expect(ensure('team/flaky', true)).rejects.toThrow(
      new Error(
        `Amazon ECR ${HOST}/team/flaky: the ECR API kept failing (ServerException: fixture: internal failure) after 1 attempt: try again later`
      )
    )
    await expect(
      ensure('team/app', true, {
        aws: { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' }
      })
    ).rejects.toThrow(
      /^Amazon ECR .*: AWS does not recognise the access key from the aws-access-key-id input/
    )
  })

  test('credentials from the environment, signed for the registry region', async () => {
    const from = suite.fx.requests().length
    const env = suite.envWith({ AWS_ACCESS_KEY_ID: KEY, AWS_SECRET_ACCESS_KEY: SECRET })
    expect(await ensure('team/app', false, { aws: {}, clientOptions: { env } })).toBe('exists')
    expect(suite.fx.requests().slice(from)).toEqual([
      expect.objectContaining({ accessKeyId: KEY, region: REGION, service: 'ecr' })
    ])
  })
})

describe('the ECR registry fixture', () => {
  test('an unknown repository: 401 without credentials, NAME_UNKNOWN with them', async () => {
    const anonymous = await fetch(`${ecr.url}/v2/team/nope/tags/list`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe(
      `Basic realm="https://${ecr.host}/",service="ecr.amazonaws.com"`
    )
    expect(await startUpload('team/nope')).toEqual({
      status: 404,
      body: `{"errors":[{"code":"NAME_UNKNOWN","message":"The repository with name 'team/nope' does not exist in the registry with id '${ACCOUNT}'"}]}`
    })
  })

  test('records method, path, status, body bytes and user, and counts writes', async () => {
    ecr.clearRequests()
    const auth = `Basic ${Buffer.from(`AWS:${PASSWORD}`).toString('base64')}`
    const session = await fetch(`${ecr.url}/v2/team/app/blobs/uploads/`, {
      method: 'POST',
      headers: { authorization: auth }
    })
    expect(session.status).toBe(202)
    const location = new URL(session.headers.get('location')!, ecr.url)
    const blob = Buffer.from('twelve bytes')
    const digest = `sha256:${(await import('node:crypto')).createHash('sha256').update(blob).digest('hex')}`
    location.searchParams.set('digest', digest)
    const put = await fetch(location, {
      method: 'PUT',
      headers: { authorization: auth, 'content-type': 'application/octet-stream' },
      body: blob
    })
    expect(put.status).toBe(201)
    await fetch(`${ecr.url}/v2/team/app/blobs/${digest}`, {
      method: 'HEAD',
      headers: { authorization: auth }
    })
    expect(
      ecr.requests().map((r) => [r.method, r.path, r.status, r.bytes, r.user, r.refused])
    ).toEqual([
      ['POST', '/v2/team/app/blobs/uploads/', 202, 0, 'AWS', false],
      ['PUT', location.pathname, 201, 12, 'AWS', false],
      ['HEAD', `/v2/team/app/blobs/${digest}`, 200, 0, 'AWS', false]
    ])
    expect(ecr.writes().map((r) => r.method)).toEqual(['POST', 'PUT'])
    expect(ecr.bytesReceived()).toBe(12)
  })

  test('a mount request opens an upload session (202), as ECR does by default', async () => {
    const auth = `Basic ${Buffer.from(`AWS:${PASSWORD}`).toString('base64')}`
    const digest = `sha256:${(await import('node:crypto')).createHash('sha256').update('twelve bytes').digest('hex')}`
    ecr.createRepository('team/mount')
    const mount = await fetch(
      `${ecr.url}/v2/team/mount/blobs/uploads/?mount=${digest}&from=team/app`,
      { method: 'POST', headers: { authorization: auth } }
    )
    expect(mount.status).toBe(202)
  })
})
