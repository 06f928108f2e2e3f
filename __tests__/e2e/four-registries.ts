import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { inputEnv, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { startAcrRegistry, type AcrRegistry } from '../../__fixtures__/services/acr-registry.js'
import { emptyAwsHome, startAwsFixture, type AwsFixture } from '../../__fixtures__/services/aws.js'
import { buildScratchImage } from '../../__fixtures__/services/docker-cli.js'
import { createDockerShim } from '../../__fixtures__/services/docker-shim.js'
import { ensureDocker } from '../../__fixtures__/services/dockerd.js'
import { startEntra, type Entra } from '../../__fixtures__/services/entra.js'
import {
  DEFAULT_SUBJECT,
  startGithubOidc,
  type GithubOidc
} from '../../__fixtures__/services/github-oidc.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { credentialValues, startTap, type TappedRequest } from '../../__fixtures__/services/tap.js'
import { createCertificate, removeCertificate } from '../../__fixtures__/services/tls.js'
import { startTokenServer } from '../../__fixtures__/services/token-server.js'
import { base64, maskedValues } from './run-action.js'

/**
 * The world of the four-registry login: (a) htpasswd credentialed by
 * registry-auth, (b) token auth declared Docker Hub, (c) htpasswd declared ECR
 * behind the AWS fixture, (d) token auth declared ACR behind the exchange,
 * Entra and GitHub OIDC fixtures; a real dockerd with a local scratch image;
 * a docker shim first on PATH. A tap in front of every registry and token
 * realm, and hooks in Entra and the exchange, note each credential as it
 * arrives with the masks the step had printed by then.
 */
export const CLIENT_ID = '11111111-2222-4333-8444-555555555555'
export const TENANT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
export const ACCOUNT = '123456789012'
export const SOURCE = 'tagship-e2e/app:build'
const secret = (prefix: string): string => `${prefix}-${randomBytes(18).toString('base64url')}`
const AWS_KEY_ID = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`

/** The secrets the test chooses; the derived ones come from the fixtures' records. */
export const GIVEN = {
  alicePassword: secret('alice-pw'),
  dockerhubToken: secret('dckr_pat'),
  awsSecretAccessKey: secret('aws-secret'),
  awsSessionToken: secret('aws-session'),
  ecrPassword: secret('ecr-pw')
}

/** One credential seen on the wire, with the values masked when it arrived. */
export interface Use {
  readonly where: string
  readonly by: 'tagship' | 'docker'
  readonly values: readonly string[]
  readonly masked: ReadonlySet<string>
}

export type World = Awaited<ReturnType<typeof startFourRegistries>>

export async function startFourRegistries() {
  const cleanup = new Cleanup()
  const start = async <T>(service: Promise<T>, stop: (s: T) => unknown): Promise<T> => {
    const started = await service
    cleanup.add(() => stop(started))
    return started
  }
  const uses: Use[] = []
  let stdoutPath: string | undefined
  const use = (where: string, by: Use['by'], values: readonly string[]): void => {
    if (values.length === 0) return
    const printed = stdoutPath && existsSync(stdoutPath) ? readFileSync(stdoutPath, 'utf8') : ''
    uses.push({ where, by, values, masked: maskedValues(printed) })
  }
  const tapped = (where: string) => (r: TappedRequest) =>
    use(
      where,
      r.userAgent?.startsWith('docker/') ? 'docker' : 'tagship',
      credentialValues(r.authorization)
    )
  const tap = (where: string, target: string) =>
    start(startTap(tapped(where), target), (t) => t.stop())

  try {
    const daemon = await start(ensureDocker(), (d) => d.stop())
    await buildScratchImage(daemon, SOURCE, { 'hello.txt': 'hello from tagship\n' })
    const shim = createDockerShim()
    cleanup.add(() => shim.remove())

    // (a) Basic, credentialed by registry-auth
    const alice = { username: 'alice', password: GIVEN.alicePassword }
    const basic = await start(startRegistry({ auth: 'htpasswd', users: [alice] }), (r) => r.stop())
    const basicTap = await tap('basic registry', basic.url)

    // (b) Bearer, declared Docker Hub; the realm is tapped too
    const bob = { username: 'bob', password: GIVEN.dockerhubToken }
    const tokens = await start(startTokenServer({ users: [bob] }), (t) => t.stop())
    const realm = await tap('docker hub realm', new URL(tokens.realm).origin)
    const hubTrust = { ...tokens, realm: `${realm.url}/token` }
    const hub = await start(startRegistry({ auth: 'token', tokenServer: hubTrust }), (r) =>
      r.stop()
    )
    const hubTap = await tap('docker hub registry', hub.url)

    // (c) ECR: an htpasswd registry whose user AWS has the password the AWS fixture hands out
    const keys = {
      [AWS_KEY_ID]: { secret: GIVEN.awsSecretAccessKey, sessionToken: GIVEN.awsSessionToken }
    }
    const aws: AwsFixture = await start(
      startAwsFixture({ keys, password: GIVEN.ecrPassword, account: ACCOUNT }),
      (a) => a.stop()
    )
    // The ECR target's repository exists, as ECR requires (DescribeRepositories says so).
    aws.repositories.create('eu-west-1', 'app')
    const awsHome = emptyAwsHome()
    cleanup.add(() => awsHome.remove())
    const ecrUser = { username: 'AWS', password: GIVEN.ecrPassword }
    const ecr = await start(startRegistry({ auth: 'htpasswd', users: [ecrUser] }), (r) => r.stop())
    const ecrTap = await tap('ecr registry', ecr.url)

    // (d) ACR: GitHub OIDC -> Entra -> the exchange in front of a token-auth registry
    const certificate = createCertificate()
    cleanup.add(() => removeCertificate(certificate))
    const oidc: GithubOidc = await start(startGithubOidc(), (o) => o.close())
    const entra: Entra = await start(
      startEntra({
        certificate,
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        trusts: oidc,
        subject: DEFAULT_SUBJECT,
        refusal: (form) => void use('entra', 'tagship', [form.get('client_assertion') ?? ''])
      }),
      (e) => e.close()
    )
    const acr: AcrRegistry = await start(
      startAcrRegistry({
        tenantId: TENANT_ID,
        trusts: entra,
        onRequest: tapped('acr'),
        refusal: (form) => void use('acr exchange', 'tagship', [form.get('access_token') ?? ''])
      }),
      (a) => a.stop()
    )

    const hosts = { basic: basicTap.host, hub: hubTap.host, ecr: ecrTap.host, acr: acr.host }
    const registries: Record<keyof typeof hosts, Registry> = {
      basic,
      hub,
      ecr,
      acr: acr.registry
    }
    const inputs = {
      source: SOURCE,
      // This world is about the logins, the docker CLI's among them: the docker CLI pushes.
      'local-push': 'docker',
      images: [
        `${hosts.basic}/team/app`,
        `${hosts.hub}/acme/app`,
        `${hosts.ecr}/app`,
        `${hosts.acr}/app`
      ].join('\n'),
      'registry-auth': `- registry: ${hosts.basic}\n  username: alice\n  password: ${alice.password}\n`,
      'registry-providers': [
        `${hosts.hub}=dockerhub`,
        `${hosts.ecr}=ecr:${ACCOUNT}:eu-west-1`,
        `${hosts.acr}=acr:acme`
      ].join('\n'),
      'dockerhub-username': bob.username,
      'dockerhub-token': bob.password,
      'aws-access-key-id': AWS_KEY_ID,
      'aws-secret-access-key': GIVEN.awsSecretAccessKey,
      'aws-session-token': GIVEN.awsSessionToken,
      'azure-client-id': CLIENT_ID,
      'azure-tenant-id': TENANT_ID
    }

    /** The step's environment, as the runner gives it for `with: inputs` (and `extra`). */
    const env = (
      files: RunnerFiles,
      extra: Record<string, string> = {}
    ): Record<string, string> => ({
      PATH: `${shim.dir}:${process.env.PATH}`,
      ...runnerFixture('tag-stable').env,
      ...files.env,
      ...inputEnv({ ...inputs, ...extra }),
      RUNNER_DEBUG: '1',
      ...daemon.env,
      ...aws.env,
      ...awsHome.env,
      ...oidc.env,
      AZURE_AUTHORITY_HOST: entra.url,
      NODE_EXTRA_CA_CERTS: certificate.certPath
    })

    const refreshToken = (): string => acr.exchange.refreshTokens[0] ?? 'no refresh token yet'
    const ecrToken = base64(`AWS:${GIVEN.ecrPassword}`)
    /** user:password per host, as docker must have stored them. */
    const logins = () => ({
      [hosts.basic]: `alice:${GIVEN.alicePassword}`,
      [hosts.hub]: `bob:${GIVEN.dockerhubToken}`,
      [hosts.ecr]: `AWS:${GIVEN.ecrPassword}`,
      [hosts.acr]: `00000000-0000-0000-0000-000000000000:${refreshToken()}`
    })
    /** Every secret tagship holds, which it must mask before it first sends or prints it. */
    const maskedSecrets = (): Record<string, string> => ({
      'registry-auth password': GIVEN.alicePassword,
      'base64 alice:password': base64(logins()[hosts.basic]!),
      'dockerhub-token': GIVEN.dockerhubToken,
      'base64 bob:dockerhub-token': base64(logins()[hosts.hub]!),
      'aws-access-key-id': AWS_KEY_ID,
      'aws-secret-access-key': GIVEN.awsSecretAccessKey,
      'aws-session-token': GIVEN.awsSessionToken,
      'ECR password': GIVEN.ecrPassword,
      'ECR authorization token (base64 AWS:password)': ecrToken,
      'GitHub ID token': oidc.issued[0] ?? 'no ID token yet',
      'Entra access token': entra.issued[0] ?? 'no Entra token yet',
      'ACR refresh token': refreshToken(),
      'base64 ACR user:refresh token': base64(logins()[hosts.acr]!)
    })
    /** Those, plus what tagship never holds: the runner's ID-token request token and every registry token seen. */
    const allSecrets = (): Record<string, string> => {
      const held = new Set(Object.values(maskedSecrets()))
      const bearer = uses.flatMap((u) => u.values).filter((v) => v.startsWith('eyJ'))
      const tokens = new Set([...acr.signed, ...bearer].filter((t) => !held.has(t)))
      return {
        ...maskedSecrets(),
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN,
        ...Object.fromEntries([...tokens].map((t, i) => [`registry token ${i + 1}`, t]))
      }
    }

    return {
      daemon,
      shim,
      hosts,
      inputs,
      registries,
      tokens,
      aws,
      oidc,
      entra,
      acr,
      uses,
      env,
      logins,
      maskedSecrets,
      allSecrets,
      /** The file the next run prints to, read at each credential's arrival. */
      watchStdout: (path: string) => void (stdoutPath = path),
      stop: () => cleanup.run()
    }
  } catch (e) {
    await cleanup.run()
    throw e
  }
}
