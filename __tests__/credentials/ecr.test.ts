import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient
} from '@aws-sdk/client-ecr'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { emptyAwsHome, startAwsFixture, type AwsFixture } from '../../__fixtures__/services/aws.js'
import { ecrCredentials } from '../../src/credentials/ecr.js'
import { detectProvider } from '../../src/registry/provider.js'

const KEY = 'AKIAFIXTUREKEY000001'
const SECRET = 'fixture/secret/key+0000000000000000000001'
const TEMP_KEY = 'ASIAFIXTUREKEY000002'
const TEMP_SECRET = 'fixture/secret/key+0000000000000000000002'
const SESSION = 'FwoGZXIvYXdzEFixtureSessionToken0000000000000002'
const PASSWORD = 'ecr-password-the-registry-accepts'
const TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64')
const ROLE = 'arn:aws:iam::123456789012:role/tagship-push'
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2lnbmF0dXJl'
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'

const home = emptyAwsHome()
let fx: AwsFixture

/** Every value given to `mask`, in order, to compare with what came back. */
function recordingMask() {
  const masked: string[] = []
  return { masked, mask: (s: string) => void masked.push(s) }
}

/** The environment a test runs the login in: the fixture, an empty HOME, nothing of the machine. */
const envWith = (extra: Record<string, string> = {}) => ({ ...home.env, ...fx.env, ...extra })

const lastEcrCall = () =>
  fx
    .requests()
    .filter((r) => r.operation === 'ecr:GetAuthorizationToken')
    .at(-1)!

beforeAll(async () => {
  // The SDK reads a few settings of its own (config file, version warning) from
  // process.env; Jest gives each test file its own copy, so this stays here.
  Object.assign(process.env, home.env, {
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true'
  })
  fx = await startAwsFixture({
    keys: { [KEY]: SECRET, [TEMP_KEY]: { secret: TEMP_SECRET, sessionToken: SESSION } },
    password: PASSWORD,
    webIdentity: { roleArn: ROLE, token: JWT }
  })
})

afterAll(async () => {
  await fx.stop()
  home.remove()
})

afterEach(() => {
  rmSync(home.env.AWS_SHARED_CREDENTIALS_FILE, { force: true })
})

describe('ecrCredentials', () => {
  test('static keys: GetAuthorizationToken in the registry region, signed with the key', async () => {
    const { mask, masked } = recordingMask()
    const before = fx.calls('ecr:GetAuthorizationToken')
    const login = await ecrCredentials(
      { account: '123456789012', region: 'eu-west-1', host: HOST },
      { accessKeyId: KEY, secretAccessKey: SECRET },
      { mask, env: envWith() }
    )
    expect(login).toEqual({
      username: 'AWS',
      password: PASSWORD,
      expiresAt: expect.any(Date),
      proxyEndpoint: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com'
    })
    expect(login.expiresAt!.getTime() - Date.now()).toBeGreaterThan(11 * 3600_000)
    expect(fx.calls('ecr:GetAuthorizationToken')).toBe(before + 1)
    const call = lastEcrCall()
    expect(call).toMatchObject({
      accessKeyId: KEY,
      region: 'eu-west-1',
      service: 'ecr',
      body: '{}'
    })
    expect(call.sessionToken).toBeUndefined()
    expect(masked).toEqual([SECRET, TOKEN, PASSWORD])
  })

  test('keys with a session token: the token is sent and masked', async () => {
    const { mask, masked } = recordingMask()
    const login = await ecrCredentials(
      { account: '123456789012', region: 'eu-west-1', host: HOST },
      { accessKeyId: TEMP_KEY, secretAccessKey: TEMP_SECRET, sessionToken: SESSION },
      { mask, env: envWith() }
    )
    expect(login.password).toBe(PASSWORD)
    expect(lastEcrCall()).toMatchObject({ accessKeyId: TEMP_KEY, sessionToken: SESSION })
    expect(masked).toEqual([TEMP_SECRET, SESSION, TOKEN, PASSWORD])
  })

  test('keys from the environment (aws-actions/configure-aws-credentials) when no input is set', async () => {
    const { mask, masked } = recordingMask()
    const env = envWith({
      AWS_ACCESS_KEY_ID: TEMP_KEY,
      AWS_SECRET_ACCESS_KEY: TEMP_SECRET,
      AWS_SESSION_TOKEN: SESSION
    })
    const login = await ecrCredentials(
      { account: '123456789012', region: 'eu-west-1' },
      {},
      { mask, env }
    )
    expect(login.password).toBe(PASSWORD)
    expect(lastEcrCall()).toMatchObject({ accessKeyId: TEMP_KEY, sessionToken: SESSION })
    expect(masked).toEqual([TEMP_SECRET, SESSION, TOKEN, PASSWORD])
  })

  test('web identity through env: STS in the registry region, then ECR signed with the issued key', async () => {
    const tokenFile = join(home.dir, 'web-identity-token')
    writeFileSync(tokenFile, JWT)
    const { mask, masked } = recordingMask()
    const env = envWith({
      AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      AWS_ROLE_ARN: ROLE,
      AWS_ROLE_SESSION_NAME: 'tagship'
    })
    const login = await ecrCredentials(
      { account: '123456789012', region: 'eu-west-1', host: HOST },
      {},
      { mask, env }
    )
    expect(login.password).toBe(PASSWORD)
    const issued = fx.issued().at(-1)!
    const sts = fx
      .requests()
      .filter((r) => r.operation === 'sts:AssumeRoleWithWebIdentity')
      .at(-1)!
    const form = new URLSearchParams(sts.body)
    expect(form.get('RoleArn')).toBe(ROLE)
    expect(form.get('RoleSessionName')).toBe('tagship')
    expect(form.get('WebIdentityToken')).toBe(JWT)
    expect(lastEcrCall()).toMatchObject({
      accessKeyId: issued.accessKeyId,
      sessionToken: issued.sessionToken,
      region: 'eu-west-1',
      service: 'ecr'
    })
    expect(masked).toEqual([issued.secretAccessKey, issued.sessionToken, TOKEN, PASSWORD])
  })

  test('a profile in the HOME given by env, not the machine', async () => {
    writeFileSync(
      home.env.AWS_SHARED_CREDENTIALS_FILE,
      `[default]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${SECRET}\n`
    )
    const { mask } = recordingMask()
    const login = await ecrCredentials(
      { account: '123456789012', region: 'eu-west-1' },
      {},
      { mask, env: envWith() }
    )
    expect(login.password).toBe(PASSWORD)
    expect(lastEcrCall()).toMatchObject({ accessKeyId: KEY })
  })

  test("another account's registry: the caller's token, no registryIds, the host's region", async () => {
    const { mask } = recordingMask()
    const login = await ecrCredentials(
      { account: '210987654321', region: 'ap-southeast-2' },
      { accessKeyId: KEY, secretAccessKey: SECRET, region: 'eu-west-1' },
      { mask, env: envWith() }
    )
    expect(login.password).toBe(PASSWORD)
    // proxyEndpoint names the caller's own registry: not where tagship logs in.
    expect(login.proxyEndpoint).toBe('https://123456789012.dkr.ecr.ap-southeast-2.amazonaws.com')
    expect(lastEcrCall()).toMatchObject({ region: 'ap-southeast-2', service: 'ecr', body: '{}' })
  })

  test.each([
    ['123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com', 'us-gov-west-1'],
    ['123456789012.dkr.ecr-fips.us-east-2.amazonaws.com', 'us-east-2'],
    ['123456789012.dkr-ecr.eu-central-1.on.aws', 'eu-central-1'],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', 'cn-north-1']
  ])('%s is signed for %s', async (host, region) => {
    const provider = detectProvider(host)
    if (provider.kind !== 'ecr') throw new Error(`${host} is not ECR`)
    const { mask } = recordingMask()
    await ecrCredentials(
      { ...provider, host },
      { accessKeyId: KEY, secretAccessKey: SECRET, region: 'us-east-1' },
      { mask, env: envWith() }
    )
    expect(lastEcrCall()).toMatchObject({ region, service: 'ecr' })
  })

  test('a 500 is retried, and the second attempt succeeds', async () => {
    fx.script('ecr:GetAuthorizationToken', 'fail')
    const before = fx.calls('ecr:GetAuthorizationToken')
    const { mask } = recordingMask()
    const login = await ecrCredentials(
      { account: '123456789012', region: 'eu-west-1' },
      { accessKeyId: KEY, secretAccessKey: SECRET },
      { mask, env: envWith() }
    )
    expect(login.password).toBe(PASSWORD)
    expect(fx.calls('ecr:GetAuthorizationToken')).toBe(before + 2)
    // Five attempts at most: the retries input's default of 4, plus the first.
    expect(lastEcrCall().headers['amz-sdk-request']).toBe('attempt=2; max=5')
  })
})

describe('the AWS fixture', () => {
  test('creates and describes repositories, with the errors ECR gives', async () => {
    const credentials = { accessKeyId: KEY, secretAccessKey: SECRET }
    const client = new ECRClient({ region: 'eu-west-1', endpoint: fx.endpoint, credentials })
    try {
      const created = await client.send(new CreateRepositoryCommand({ repositoryName: 'team/app' }))
      expect(created.repository).toMatchObject({
        repositoryName: 'team/app',
        repositoryUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app'
      })
      const found = await client.send(
        new DescribeRepositoriesCommand({ repositoryNames: ['team/app'] })
      )
      expect(found.repositories?.map((r) => r.repositoryName)).toEqual(['team/app'])
      await expect(
        client.send(new CreateRepositoryCommand({ repositoryName: 'team/app' }))
      ).rejects.toMatchObject({ name: 'RepositoryAlreadyExistsException' })
      await expect(
        client.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/other'] }))
      ).rejects.toMatchObject({
        name: 'RepositoryNotFoundException',
        message:
          "The repository with name 'team/other' does not exist in the registry with id '123456789012'"
      })
    } finally {
      client.destroy()
    }
  })
})
