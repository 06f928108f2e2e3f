import { describe, expect, test } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { useAwsFixture } from '../../__fixtures__/services/aws-suite.js'
import { ecrCredentials } from '../../src/credentials/ecr.js'
import type { AwsInputs } from '../../src/inputs/auth.js'
import { retryPolicy } from '../../src/shared/retry.js'

const KEY = 'AKIAFIXTUREKEY000001'
const SECRET = 'fixture/secret/key+0000000000000000000001'
const SESSION = 'FwoGZXIvYXdzEFixtureSessionToken0000000000000003'
const PASSWORD = 'ecr-password-the-registry-accepts'
const ROLE = 'arn:aws:iam::123456789012:role/tagship-push'
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvYXBwIn0.c2lnbmF0dXJl'
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const REGISTRY = { account: '123456789012', region: 'eu-west-1', host: HOST }
const SECRETS = [SECRET, SESSION, PASSWORD, JWT, Buffer.from(`AWS:${PASSWORD}`).toString('base64')]

const suite = useAwsFixture({
  keys: { [KEY]: SECRET },
  password: PASSWORD,
  webIdentity: { roleArn: ROLE, token: JWT }
})

/** The message a login rejects with, checked to hold no secret and to be one line. */
async function failure(
  aws: AwsInputs,
  env: Record<string, string> = {},
  maxAttempts?: number
): Promise<string> {
  // No waiting between attempts.
  const pacing = { policy: retryPolicy(), sleep: async () => undefined }
  const options = { mask: () => undefined, env: suite.envWith(env), maxAttempts, pacing }
  const error = await ecrCredentials(REGISTRY, aws, options).then(
    () => new Error('expected the login to fail'),
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(Error)
  const message = (error as Error).message
  for (const secret of SECRETS) expect(message).not.toContain(secret)
  expect(message).not.toMatch(/\n/)
  return message
}

const keys = { accessKeyId: KEY, secretAccessKey: SECRET }

describe('ecrCredentials errors', () => {
  test('no credentials anywhere', async () => {
    expect(await failure({})).toBe(
      `Amazon ECR ${HOST}: no AWS credentials found: set aws-access-key-id and aws-secret-access-key, or run aws-actions/configure-aws-credentials before tagship`
    )
  })

  test.each([
    [
      { accessKeyId: KEY },
      'aws-access-key-id is set but aws-secret-access-key is empty: set both, or neither'
    ],
    [
      { secretAccessKey: SECRET },
      'aws-secret-access-key is set but aws-access-key-id is empty: set both, or neither'
    ],
    [
      { sessionToken: SESSION },
      'aws-session-token is set without aws-access-key-id and aws-secret-access-key: set all three'
    ]
  ])('incomplete inputs %o', async (aws, why) => {
    const before = suite.fx.calls()
    expect(await failure(aws)).toBe(`Amazon ECR ${HOST}: ${why}`)
    expect(suite.fx.calls()).toBe(before)
  })

  test('access denied names the permission, and secrets the service echoed are scrubbed', async () => {
    suite.fx.script('ecr:GetAuthorizationToken', {
      deny: `User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken on resource: * (${SECRET} ${JWT})`
    })
    expect(await failure(keys)).toBe(
      `Amazon ECR ${HOST}: access denied: allow "ecr:GetAuthorizationToken" on resource "*" for the AWS identity from the aws-access-key-id input; AWS said: AccessDeniedException: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: ecr:GetAuthorizationToken on resource: * (*** ***)`
    )
  })

  test('an access key AWS does not know', async () => {
    expect(await failure({ accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: SECRET })).toBe(
      `Amazon ECR ${HOST}: AWS does not recognise the access key from the aws-access-key-id input: check the key ID, and pass the session token with temporary keys; AWS said: UnrecognizedClientException: The security token included in the request is invalid.`
    )
  })

  test('a temporary key without its session token', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: KEY,
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_SESSION_TOKEN: SESSION
    }
    expect(await failure({}, env)).toBe(
      `Amazon ECR ${HOST}: AWS does not recognise the access key from AWS_ACCESS_KEY_ID in the environment: check the key ID, and pass the session token with temporary keys; AWS said: UnrecognizedClientException: The security token included in the request is invalid.`
    )
  })

  test('a secret that does not belong to the key', async () => {
    expect(await failure({ accessKeyId: KEY, secretAccessKey: `${SECRET}-wrong` })).toBe(
      `Amazon ECR ${HOST}: AWS rejected the signature made with the credentials from the aws-access-key-id input: the secret access key does not belong to the key ID, or the runner's clock is wrong; AWS said: InvalidSignatureException: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.`
    )
  })

  test('an unreachable endpoint, after the retries (4 by default)', async () => {
    const port = await closedPort()
    const url = `http://127.0.0.1:${port}`
    expect(await failure(keys, { AWS_ENDPOINT_URL_ECR: url })).toBe(
      `Amazon ECR ${HOST}: cannot reach the ECR API at ${url} (set by AWS_ENDPOINT_URL_ECR) after 5 attempts (Error: connect ECONNREFUSED 127.0.0.1:${port}): check the runner's network access to it`
    )
  })

  test('server errors are retried a bounded number of times', async () => {
    suite.fx.script('ecr:GetAuthorizationToken', 'fail', 'fail')
    const before = suite.fx.calls('ecr:GetAuthorizationToken')
    expect(await failure(keys, {}, 2)).toBe(
      `Amazon ECR ${HOST}: the ECR API kept failing (ServerException: fixture: internal failure) after 2 attempts: try again later`
    )
    expect(suite.fx.calls('ecr:GetAuthorizationToken')).toBe(before + 2)
  })

  test('AWS_MAX_ATTEMPTS, when set, bounds the attempts instead of retries', async () => {
    suite.fx.script('ecr:GetAuthorizationToken', 'fail', 'fail')
    const before = suite.fx.calls('ecr:GetAuthorizationToken')
    expect(await failure(keys, { AWS_MAX_ATTEMPTS: '2' })).toBe(
      `Amazon ECR ${HOST}: the ECR API kept failing (ServerException: fixture: internal failure) after 2 attempts: try again later`
    )
    expect(suite.fx.calls('ecr:GetAuthorizationToken')).toBe(before + 2)
  })

  test('a web identity token the role does not trust', async () => {
    const tokenFile = join(suite.home.dir, 'untrusted-token')
    writeFileSync(tokenFile, 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJvdGhlciJ9.c2ln')
    const env = { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: ROLE }
    expect(await failure({}, env)).toBe(
      `Amazon ECR ${HOST}: could not get AWS credentials from web identity role ${ROLE} (AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity): check that the role's trust policy accepts this job's OIDC token (issuer, audience, subject)`
    )
  })

  test('a web identity token file that is missing', async () => {
    const tokenFile = join(suite.home.dir, 'no-such-token')
    const env = { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: ROLE }
    expect(await failure({}, env)).toBe(
      `Amazon ECR ${HOST}: could not get AWS credentials from web identity role ${ROLE} (Error: ENOENT: no such file or directory, open '${tokenFile}')`
    )
  })

  test('a named profile that does not exist', async () => {
    expect(await failure({}, { AWS_PROFILE: 'ci' })).toMatch(
      new RegExp(
        `^Amazon ECR ${HOST.replace(/\./g, '\\.')}: could not get AWS credentials from AWS profile "ci" \\(CredentialsProviderError: `
      )
    )
  })
})

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
