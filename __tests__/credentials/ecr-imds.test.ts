import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { emptyAwsHome, startAwsFixture, type AwsFixture } from '../../__fixtures__/services/aws.js'
import { ecrCredentials } from '../../src/credentials/ecr.js'

/**
 * EC2 instance metadata is the last source of the chain: an EC2 runner's
 * instance role must work, and a runner without credentials must not hang.
 * The SDK takes the IMDS address from process.env only, so this file sets it.
 */

const ROLE_KEY = 'ASIAINSTANCEROLE0001'
const ROLE_SECRET = 'instance/role/secret+000000000000000001'
const ROLE_SESSION = 'IQoJb3JpZ2luX2VjEInstanceRoleSession000001'
const REGISTRY = { account: '123456789012', region: 'eu-west-1' }
const NO_CREDENTIALS =
  'Amazon ECR 123456789012.dkr.ecr.eu-west-1.amazonaws.com: no AWS credentials found: set aws-access-key-id and aws-secret-access-key, or run aws-actions/configure-aws-credentials before tagship'

const home = emptyAwsHome()
let fx: AwsFixture

/** The fixture's endpoints, but IMDS left on (the fixture env turns it off). */
function envWithImds(): Record<string, string> {
  const env: Record<string, string> = { ...home.env, ...fx.env }
  delete env.AWS_EC2_METADATA_DISABLED
  return env
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

beforeAll(async () => {
  Object.assign(process.env, home.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' })
  fx = await startAwsFixture({
    keys: { [ROLE_KEY]: { secret: ROLE_SECRET, sessionToken: ROLE_SESSION } }
  })
})

afterAll(async () => {
  await fx.stop()
  home.remove()
})

describe('EC2 instance metadata', () => {
  test("an EC2 runner's instance role signs the ECR call", async () => {
    const imds = createServer((req, res) => {
      const path = req.url ?? ''
      if (req.method === 'PUT' && path === '/latest/api/token') return res.end('imds-session')
      if (req.headers['x-aws-ec2-metadata-token'] !== 'imds-session')
        return res.writeHead(401).end()
      if (path === '/latest/meta-data/iam/security-credentials/') return res.end('runner-role')
      const credentials = {
        Code: 'Success',
        Type: 'AWS-HMAC',
        AccessKeyId: ROLE_KEY,
        SecretAccessKey: ROLE_SECRET,
        Token: ROLE_SESSION,
        Expiration: new Date(Date.now() + 3600_000).toISOString(),
        LastUpdated: new Date().toISOString()
      }
      res.end(JSON.stringify(credentials))
    })
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = await listen(imds)
    try {
      const masked: string[] = []
      const login = await ecrCredentials(
        REGISTRY,
        {},
        { mask: (s) => void masked.push(s), env: envWithImds() }
      )
      expect(login.password).toBe('fixture-password')
      const call = fx.requests().at(-1)!
      expect(call).toMatchObject({
        accessKeyId: ROLE_KEY,
        sessionToken: ROLE_SESSION,
        region: 'eu-west-1'
      })
      expect(masked.slice(0, 2)).toEqual([ROLE_SECRET, ROLE_SESSION])
    } finally {
      await close(imds)
    }
  })

  test('an address that never answers costs about two seconds, then "no AWS credentials"', async () => {
    const sockets: Socket[] = []
    const sink = createServer()
    sink.on('connection', (socket) => sockets.push(socket))
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = await listen(sink)
    try {
      const started = Date.now()
      const error = await ecrCredentials(
        REGISTRY,
        {},
        { mask: () => undefined, env: envWithImds() }
      ).catch((e: Error) => e)
      const elapsed = Date.now() - started
      expect((error as Error).message).toBe(NO_CREDENTIALS)
      // Two requests (the IMDSv2 token, then the v1 fallback), one second each.
      expect(sockets).toHaveLength(2)
      expect(elapsed).toBeGreaterThanOrEqual(1900)
      expect(elapsed).toBeLessThan(3500)
    } finally {
      await close(sink)
    }
  })

  test('AWS_EC2_METADATA_DISABLED in the env skips it entirely', async () => {
    const sockets: Socket[] = []
    const sink = createServer()
    sink.on('connection', (socket) => sockets.push(socket))
    process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = await listen(sink)
    try {
      const env = { ...envWithImds(), AWS_EC2_METADATA_DISABLED: 'true' }
      const error = await ecrCredentials(REGISTRY, {}, { mask: () => undefined, env }).catch(
        (e: Error) => e
      )
      expect((error as Error).message).toBe(NO_CREDENTIALS)
      expect(sockets).toHaveLength(0)
    } finally {
      await close(sink)
    }
  })
})
