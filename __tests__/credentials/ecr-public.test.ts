import { describe, expect, test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { useAwsFixture } from '../../__fixtures__/services/aws-suite.js'
import { ecrPublicCredentials } from '../../src/credentials/ecr-public.js'
import type { AwsInputs } from '../../src/inputs/auth.js'

const KEY = 'AKIAFIXTUREKEY000001'
const SECRET = 'fixture/secret/key+0000000000000000000001'
const PASSWORD = 'ecr-public-password'
const TOKEN = Buffer.from(`AWS:${PASSWORD}`).toString('base64')
const ROLE = 'arn:aws:iam::123456789012:role/tagship-push'
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2lnbmF0dXJl'
const LABEL = 'Amazon ECR Public public.ecr.aws'

const suite = useAwsFixture({
  keys: { [KEY]: SECRET },
  password: PASSWORD,
  webIdentity: { roleArn: ROLE, token: JWT }
})

const envWith = suite.envWith
const lastCall = () =>
  suite.fx
    .requests()
    .filter((r) => r.operation === 'ecr-public:GetAuthorizationToken')
    .at(-1)!

async function failure(aws: AwsInputs, env: Record<string, string> = {}): Promise<string> {
  const error = await ecrPublicCredentials(aws, { mask: () => undefined, env: envWith(env) }).then(
    () => new Error('expected the login to fail'),
    (e: unknown) => e
  )
  const message = (error as Error).message
  for (const secret of [SECRET, PASSWORD, TOKEN, JWT]) expect(message).not.toContain(secret)
  return message
}

describe('ecrPublicCredentials', () => {
  test('calls us-east-1 as service ecr-public, whatever region the job says', async () => {
    const masked: string[] = []
    const login = await ecrPublicCredentials(
      { accessKeyId: KEY, secretAccessKey: SECRET, region: 'eu-west-1' },
      { mask: (s) => void masked.push(s), env: envWith({ AWS_REGION: 'eu-west-1' }) }
    )
    expect(login).toEqual({ username: 'AWS', password: PASSWORD, expiresAt: expect.any(Date) })
    expect(lastCall()).toMatchObject({
      accessKeyId: KEY,
      region: 'us-east-1',
      service: 'ecr-public',
      body: '{}'
    })
    expect(masked).toEqual([SECRET, TOKEN, PASSWORD])
  })

  test('web identity: ECR Public signed with the key STS issued', async () => {
    const tokenFile = join(suite.home.dir, 'web-identity-token')
    writeFileSync(tokenFile, JWT)
    const masked: string[] = []
    const env = envWith({ AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: ROLE })
    const login = await ecrPublicCredentials({}, { mask: (s) => void masked.push(s), env })
    const issued = suite.fx.issued().at(-1)!
    expect(login.password).toBe(PASSWORD)
    expect(lastCall()).toMatchObject({
      accessKeyId: issued.accessKeyId,
      sessionToken: issued.sessionToken,
      region: 'us-east-1',
      service: 'ecr-public'
    })
    expect(masked).toEqual([issued.secretAccessKey, issued.sessionToken, TOKEN, PASSWORD])
  })

  test('no credentials', async () => {
    expect(await failure({})).toBe(
      `${LABEL}: no AWS credentials found: set aws-access-key-id and aws-secret-access-key, or run aws-actions/configure-aws-credentials before tagship`
    )
  })

  test('a missing sts:GetServiceBearerToken is named', async () => {
    suite.fx.script('ecr-public:GetAuthorizationToken', {
      deny: `User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:GetServiceBearerToken on resource: arn:aws:iam::123456789012:user/ci`
    })
    expect(await failure({ accessKeyId: KEY, secretAccessKey: SECRET })).toBe(
      `${LABEL}: access denied: allow "sts:GetServiceBearerToken" on resource "*" for the AWS identity from the aws-access-key-id input (ECR Public needs "ecr-public:GetAuthorizationToken" and "sts:GetServiceBearerToken"); AWS said: AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: sts:GetServiceBearerToken on resource: arn:aws:iam::123456789012:user/ci`
    )
  })

  test('a denial that names no action asks for both permissions', async () => {
    suite.fx.script('ecr-public:GetAuthorizationToken', { deny: `denied (${SECRET})` })
    expect(await failure({ accessKeyId: KEY, secretAccessKey: SECRET })).toBe(
      `${LABEL}: access denied: allow "ecr-public:GetAuthorizationToken" and "sts:GetServiceBearerToken" on resource "*" for the AWS identity from the aws-access-key-id input; AWS said: AccessDeniedException: denied (***)`
    )
  })

  test('an unreachable endpoint names the variable that set it', async () => {
    const url = 'http://127.0.0.1:1'
    const message = await failure(
      { accessKeyId: KEY, secretAccessKey: SECRET },
      { AWS_ENDPOINT_URL_ECR_PUBLIC: url, AWS_MAX_ATTEMPTS: '1' }
    )
    expect(message).toBe(
      `${LABEL}: cannot reach the ECR Public API at ${url} (set by AWS_ENDPOINT_URL_ECR_PUBLIC) after 1 attempt (Error: connect ECONNREFUSED 127.0.0.1:1): check the runner's network access to it`
    )
  })
})
