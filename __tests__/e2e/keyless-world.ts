import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildahArchive } from '../../__fixtures__/archives.js'
import { inputEnv, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { serviceAccountKeyFile } from '../../__fixtures__/gcp-key.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { startAcrRegistry } from '../../__fixtures__/services/acr-registry.js'
import { emptyAwsHome, startAwsFixture } from '../../__fixtures__/services/aws.js'
import { startDockerIdentity } from '../../__fixtures__/services/docker-identity.js'
import { startEntra } from '../../__fixtures__/services/entra.js'
import { startForwardProxy } from '../../__fixtures__/services/forward-proxy.js'
import { DEFAULT_SUBJECT, startGithubOidc } from '../../__fixtures__/services/github-oidc.js'
import { startGoogleIam } from '../../__fixtures__/services/google-iam.js'
import { startGoogleSts } from '../../__fixtures__/services/google-sts.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { credentialValues } from '../../__fixtures__/services/tap.js'
import { createCertificate, removeCertificate } from '../../__fixtures__/services/tls.js'
import { ACTOR, GIVEN, keylessSecrets, PROXY_USER, type Target } from './keyless-secrets.js'
import { maskedValues } from './run-action.js'
import YAML from 'yaml'

/**
 * The world of issue 14's acceptance run: one daemonless source (a
 * two-platform OCI archive built by buildah) for seven targets that each log
 * in another way, every one of them and every token service behind one
 * forward proxy that demands credentials:
 * - Docker Hub over OIDC: GitHub OIDC, then Docker's identity service, whose
 *   access token a token-auth registry (declared `dockerhub`) takes;
 * - GAR keyless: GitHub OIDC, Google STS, IAM generateAccessToken; the
 *   registry (declared `gar`) takes `oauth2accesstoken` with that token;
 * - GAR with a key: `_json_key` and the key file, in `registry-auth`;
 * - GHCR with nothing given: the workflow's actor with `github-token`;
 * - ECR behind the AWS fixture; ACR behind GitHub OIDC, Entra and the exchange;
 * - a Basic registry listed in NO_PROXY, which must be reached directly.
 * The runner's ID-token endpoint is named `github-oidc.test`, a name only the
 * proxy resolves, since @actions/http-client never proxies loopback. The
 * proxy notes each request's credentials as it arrives, with the masks the
 * step had printed by then.
 */
export const CONNECTION = '3f0c9a52-7d1e-4b6a-9c2f-5e8d1a4b7c90'
export const PROVIDER =
  'projects/123456789012/locations/global/workloadIdentityPools/github/providers/acme-app'
export const SERVICE_ACCOUNT = 'publisher@acme-prod.iam.gserviceaccount.com'
export const CLIENT_ID = '11111111-2222-4333-8444-555555555555'
export const TENANT_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee'
export const ACCOUNT = '123456789012'
export const OIDC_NAME = 'github-oidc.test'

/** One credential the proxy passed on, with the values masked when it arrived. */
export interface Use {
  readonly where: string
  readonly values: readonly string[]
  readonly masked: ReadonlySet<string>
}

export type KeylessWorld = Awaited<ReturnType<typeof startKeylessWorld>>

export async function startKeylessWorld() {
  const cleanup = new Cleanup()
  const start = async <T>(service: Promise<T>, stop: (s: T) => unknown): Promise<T> => {
    const started = await service
    cleanup.add(() => stop(started))
    return started
  }
  const uses: Use[] = []
  let stdoutPath: string | undefined
  const printedMasks = (): Set<string> =>
    maskedValues(stdoutPath && existsSync(stdoutPath) ? readFileSync(stdoutPath, 'utf8') : '')

  try {
    const dir = mkdtempSync(join(tmpdir(), 'tagship-e2e-keyless-'))
    cleanup.add(() => rmSync(dir, { recursive: true, force: true }))
    const building = buildahArchive(dir)
    // Should a service fail to start, the build still ends before its folder goes.
    cleanup.add(() => building.catch(() => undefined))

    const proxy = await start(
      startForwardProxy({
        credentials: { username: PROXY_USER, password: GIVEN.proxyPassword },
        hosts: [OIDC_NAME],
        onRequest: (request, headers) => {
          const values = credentialValues(headers.authorization)
          if (values.length > 0)
            uses.push({ where: request.target, values, masked: printedMasks() })
        }
      }),
      (p) => p.stop()
    )
    const oidc = await start(startGithubOidc(), (o) => o.close())

    // Docker Hub over OIDC: the realm knows acme with the identity service's access token only.
    const identity = await start(
      startDockerIdentity({
        trusts: oidc,
        connections: { [CONNECTION]: { subjects: [DEFAULT_SUBJECT] } },
        accessToken: GIVEN.hubAccessToken
      }),
      (i) => i.close()
    )
    const hubUser = { username: 'acme', password: GIVEN.hubAccessToken }
    const hub = await start(startRegistry({ auth: 'token', users: [hubUser] }), (r) => r.stop())

    // GAR keyless: the realm takes the service account's newest access token.
    const sts = await start(startGoogleSts({ provider: PROVIDER, trusts: oidc }), (s) => s.close())
    const iam = await start(startGoogleIam({ trusts: sts, impersonable: [SERVICE_ACCOUNT] }), (i) =>
      i.close()
    )
    const garKeyless = await start(
      startRegistry({
        auth: 'token',
        users: [
          {
            username: 'oauth2accesstoken',
            get password() {
              return iam.issued.at(-1) ?? 'no access token yet'
            }
          }
        ]
      }),
      (r) => r.stop()
    )

    // GAR with a key: _json_key and the key file's JSON, as Artifact Registry takes them.
    const key = serviceAccountKeyFile()
    const keyJson = key.text.trim()
    const garKey = await start(
      startRegistry({ auth: 'token', users: [{ username: '_json_key', password: keyJson }] }),
      (r) => r.stop()
    )

    // GHCR: the workflow's actor with its GITHUB_TOKEN.
    const ghcrUser = { username: ACTOR, password: GIVEN.githubToken }
    const ghcr = await start(startRegistry({ auth: 'token', users: [ghcrUser] }), (r) => r.stop())

    // ECR: an htpasswd registry whose user AWS has the password the AWS fixture hands out.
    const aws = await start(
      startAwsFixture({
        keys: {
          [GIVEN.awsAccessKeyId]: {
            secret: GIVEN.awsSecretAccessKey,
            sessionToken: GIVEN.awsSessionToken
          }
        },
        password: GIVEN.ecrPassword,
        account: ACCOUNT
      }),
      (a) => a.stop()
    )
    aws.repositories.create('eu-west-1', 'app')
    const awsHome = emptyAwsHome()
    cleanup.add(() => awsHome.remove())
    const ecrUser = { username: 'AWS', password: GIVEN.ecrPassword }
    const ecr = await start(startRegistry({ auth: 'htpasswd', users: [ecrUser] }), (r) => r.stop())

    // ACR: GitHub OIDC -> Entra (https) -> the exchange in front of a token-auth registry.
    const certificate = createCertificate()
    cleanup.add(() => removeCertificate(certificate))
    const entra = await start(
      startEntra({
        certificate,
        tenantId: TENANT_ID,
        clientId: CLIENT_ID,
        trusts: oidc,
        subject: DEFAULT_SUBJECT
      }),
      (e) => e.close()
    )
    const acr = await start(startAcrRegistry({ tenantId: TENANT_ID, trusts: entra }), (a) =>
      a.stop()
    )

    // Basic, from registry-auth, listed in NO_PROXY.
    const directUser = { username: 'ci', password: GIVEN.directPassword }
    const direct = await start(startRegistry({ auth: 'htpasswd', users: [directUser] }), (r) =>
      r.stop()
    )

    const { archive } = await building
    const hosts: Record<Target, string> = {
      hub: hub.host,
      garKeyless: garKeyless.host,
      garKey: garKey.host,
      ghcr: ghcr.host,
      ecr: ecr.host,
      acr: acr.host,
      direct: direct.host
    }
    const images: Record<Target, string> = {
      hub: `${hosts.hub}/acme/app`,
      garKeyless: `${hosts.garKeyless}/acme-prod/containers/app`,
      garKey: `${hosts.garKey}/acme-prod/app`,
      ghcr: `${hosts.ghcr}/acme/app`,
      ecr: `${hosts.ecr}/app`,
      acr: `${hosts.acr}/app`,
      direct: `${hosts.direct}/team/app`
    }
    const registries: Record<Target, Registry> = {
      hub,
      garKeyless,
      garKey,
      ghcr,
      ecr,
      acr: acr.registry,
      direct
    }
    const realmOf = (r: Registry): string => new URL(r.tokenServer!.realm).host
    const host = (url: string): string => new URL(url).host
    const oidcUrl = new URL(oidc.env.ACTIONS_ID_TOKEN_REQUEST_URL)
    oidcUrl.hostname = OIDC_NAME
    /** Every host:port the step must reach through the proxy, by what it is. */
    const proxied: Record<string, string> = {
      'the runner ID-token endpoint': `${OIDC_NAME}:${oidcUrl.port}`,
      "Docker's identity service": host(identity.url),
      'the Docker Hub registry': hosts.hub,
      "Docker Hub's token realm": realmOf(hub),
      'Google STS': host(sts.url),
      'Google IAM Credentials': host(iam.url),
      'the GAR registry (keyless)': hosts.garKeyless,
      "the keyless GAR's token realm": realmOf(garKeyless),
      'the GAR registry (key)': hosts.garKey,
      "the key GAR's token realm": realmOf(garKey),
      'the GHCR registry': hosts.ghcr,
      "GHCR's token realm": realmOf(ghcr),
      'the AWS endpoint (ECR API)': host(aws.endpoint),
      'the ECR registry': hosts.ecr,
      'Entra ID': host(entra.url),
      'the ACR registry (exchange and token too)': hosts.acr
    }

    const registryAuth = [
      `- registry: ${hosts.garKey}`,
      '  username: _json_key',
      `  password: ${JSON.stringify(keyJson)}`,
      `- registry: ${hosts.direct}`,
      `  username: ${directUser.username}`,
      `  password: ${directUser.password}`,
      ''
    ].join('\n')
    const inputs = {
      source: `oci-archive:${archive}`,
      images: Object.values(images).join('\n'),
      strategies: 'semver, latest',
      'registry-auth': registryAuth,
      'registry-providers': [
        `${hosts.hub}=dockerhub`,
        `${hosts.garKeyless}=gar`,
        `${hosts.garKey}=gar`,
        `${hosts.ghcr}=ghcr`,
        `${hosts.ecr}=ecr:${ACCOUNT}:eu-west-1`,
        `${hosts.acr}=acr:acme`
      ].join('\n'),
      'dockerhub-username': hubUser.username,
      'dockerhub-oidc-connection-id': CONNECTION,
      'gcp-workload-identity-provider': PROVIDER,
      'gcp-service-account': SERVICE_ACCOUNT,
      'github-token': GIVEN.githubToken,
      'aws-access-key-id': GIVEN.awsAccessKeyId,
      'aws-secret-access-key': GIVEN.awsSecretAccessKey,
      'aws-session-token': GIVEN.awsSessionToken,
      'azure-client-id': CLIENT_ID,
      'azure-tenant-id': TENANT_ID
    }
    const proxyUrl = `http://${PROXY_USER}:${GIVEN.proxyPassword}@127.0.0.1:${proxy.port}`

    /**
     * The step's environment as the runner gives it: no docker on PATH (the
     * source needs no daemon), the job's proxy variables, and every service's
     * endpoint variable pointing at its fixture.
     */
    const env = (files: RunnerFiles): Record<string, string> => ({
      PATH: '/nonexistent',
      ...runnerFixture('tag-stable').env,
      GITHUB_ACTOR: ACTOR,
      ...files.env,
      ...inputEnv(inputs),
      ...aws.env,
      ...awsHome.env,
      ...oidc.env,
      ACTIONS_ID_TOKEN_REQUEST_URL: oidcUrl.href,
      TAGSHIP_DOCKER_IDENTITY_URL: identity.url,
      TAGSHIP_GCP_STS_URL: sts.url,
      TAGSHIP_GCP_IAM_CREDENTIALS_URL: iam.url,
      AZURE_AUTHORITY_HOST: entra.url,
      NODE_EXTRA_CA_CERTS: certificate.certPath,
      HTTPS_PROXY: proxyUrl,
      HTTP_PROXY: proxyUrl,
      NO_PROXY: `.corp.example,${hosts.direct}`,
      TAGSHIP_PROXY_LOOPBACK: 'true'
    })

    const { logins, maskedSecrets, allSecrets } = keylessSecrets({
      oidc,
      sts,
      iam,
      entra,
      acr,
      keyJson,
      privateKey: key.privateKey,
      sent: () => uses.flatMap((u) => u.values)
    })

    /**
     * The values `registry-auth` is masked as when read: whole, and each
     * password as written (here the key is a quoted YAML string) and unquoted;
     * then each password as parsed, whole and line by line (the key's
     * private_key spans lines once YAML has read its escapes).
     */
    const parsed = (YAML.parse(registryAuth) as { password: string }[]).map((e) => e.password)
    const registryAuthMasks = [
      registryAuth.trim(),
      JSON.stringify(keyJson),
      JSON.stringify(keyJson).slice(1, -1),
      ...parsed,
      ...parsed.flatMap((p) => p.split('\n').map((l) => l.trim())).filter((l) => l.length >= 4)
    ]

    return {
      dir,
      archive,
      proxy,
      oidc,
      identity,
      sts,
      iam,
      aws,
      entra,
      acr,
      hosts,
      images,
      registries,
      proxied,
      inputs,
      uses,
      env,
      logins,
      maskedSecrets,
      allSecrets,
      registryAuthMasks,
      /** The file the next run prints to, read at each credential's arrival. */
      watchStdout: (path: string) => void (stdoutPath = path),
      stop: () => cleanup.run()
    }
  } catch (e) {
    await cleanup.run()
    throw e
  }
}
