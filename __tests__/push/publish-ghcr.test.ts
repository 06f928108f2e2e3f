import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { releasePlan } from '../../__fixtures__/publish.js'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/services/fault-proxy.js'
import { seedImage, type SeededManifest } from '../../__fixtures__/services/oci-seed.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { credentialSources } from '../../src/credentials/sources.js'
import { planLogins } from '../../src/credentials/login-plan.js'
import { publishFailure } from '../../src/push/failure.js'
import { runPublish } from '../../src/push/flow.js'
import { loginTargets } from '../../src/push/targets.js'

/**
 * A registry-mode publish to GHCR with no setup, refused as GHCR refuses a
 * GITHUB_TOKEN it does not let write: a token-auth Distribution registry
 * whose realm knows the workflow's actor and its GITHUB_TOKEN, behind a proxy
 * that answers every write (blob upload, manifest PUT) with GHCR's 403
 * DENIED, made GHCR by registry-providers. The source is another loopback
 * registry. The whole flow runs in this process: plan, logins, publish.
 */
const ACTOR = 'octocat'
const GITHUB_TOKEN = `ghs_${randomBytes(27).toString('base64url')}`
let source: Registry
let ghcr: Registry
let proxy: FaultProxy
let image: SeededManifest
let actorBefore: string | undefined

beforeAll(async () => {
  actorBefore = process.env.GITHUB_ACTOR
  process.env.GITHUB_ACTOR = ACTOR
  source = await startRegistry({ auth: 'none' })
  ghcr = await startRegistry({
    auth: 'token',
    users: [{ username: ACTOR, password: GITHUB_TOKEN }]
  })
  proxy = await startFaultProxy(ghcr.url)
  image = await seedImage({ url: source.url }, 'src/app', {
    layers: [randomBytes(32 * 1024)],
    tag: 'build'
  })
}, 60_000)
afterAll(async () => {
  if (actorBefore === undefined) delete process.env.GITHUB_ACTOR
  else process.env.GITHUB_ACTOR = actorBefore
  await proxy?.stop()
  await ghcr?.stop()
  await source?.stop()
})

/** GHCR's refusal of a write: 403 with Distribution's error body, code DENIED. */
function refuseWrites(message: string): void {
  proxy.reset()
  const fault = {
    kind: 'status' as const,
    status: 403,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errors: [{ code: 'DENIED', message }] })
  }
  proxy.inject({ method: 'POST', path: /\/blobs\/uploads\/$/, times: Infinity, fault })
  proxy.inject({ method: 'PUT', path: /\/manifests\//, times: Infinity, fault })
}

/** The plan, the logins and the publish, as the action runs them; every line recorded. */
async function publishToGhcr() {
  const target = `${proxy.host}/acme/app`
  const { plan, inputs } = releasePlan('1.2.3', [target], {
    source: `${source.host}/src/app:build`,
    'registry-providers': `${proxy.host}=ghcr`,
    'github-token': GITHUB_TOKEN
  })
  const lines: string[] = []
  const masked: string[] = []
  const outcome = await runPublish(
    plan,
    inputs,
    { steps: planLogins(loginTargets(inputs), inputs.auth), auth: inputs.auth },
    {
      log: {
        info: (line) => void lines.push(`info: ${line}`),
        warning: (line) => void lines.push(`warning: ${line}`),
        error: (line) => void lines.push(`error: ${line}`),
        group: async (title, work) => {
          lines.push(`group: ${title}`)
          return work()
        }
      },
      mask: (secret) => void masked.push(secret),
      client: { sleep: async () => undefined },
      sources: credentialSources(),
      login: {
        getIdToken: async () => {
          throw new Error('no ID token is needed for GHCR')
        }
      }
    }
  )
  if (outcome.kind !== 'published') throw new Error(`not published: ${outcome.kind}`)
  const failure = publishFailure(outcome.result) ?? ''
  const shown = [...lines, failure, JSON.stringify(outcome.result)].join('\n')
  return {
    target,
    lines,
    failure,
    leaked: [GITHUB_TOKEN, ...masked].filter((s) => shown.includes(s))
  }
}

/** The blobs of the image: either may be the upload that is refused first. */
const blobs = (): string[] => {
  const manifest = JSON.parse(image.bytes.toString()) as {
    config: { digest: string }
    layers: { digest: string }[]
  }
  return [manifest.config.digest, ...manifest.layers.map((l) => l.digest)]
}

describe("GHCR's refusals of a write, each as the fix", () => {
  test.each([
    [
      'the job has no packages: write',
      'installation not allowed to Create organization package',
      "the job's GITHUB_TOKEN may not write packages: add permissions: packages: write to the job"
    ],
    [
      'the package does not grant the repository Write access',
      'permission_denied: write_package',
      "the package does not grant the workflow's repository Write access: in the package's settings, Manage Actions access, add the repository with the Write role (and give the job permissions: packages: write)"
    ]
  ])('%s', async (_, message, fix) => {
    refuseWrites(message)
    const { target, lines, failure, leaked } = await publishToGhcr()

    expect(lines).toContain(`info: Logged in to ${proxy.host} as ${ACTOR} (github-token)`)
    const line = (digest: string) =>
      `the content could not be pushed: uploading blob ${target}@${digest} failed: DENIED (HTTP 403): GHCR refused to write the package ${target} (${message}): ${fix}`
    const detail = /^ {2}\S+: (.*)$/m.exec(failure)?.[1]
    expect(blobs().map(line)).toContain(detail)
    expect(failure).toBe(
      [
        '4 of 4 tags did not land:',
        ...['1.2.3', '1.2', '1', 'latest'].map((tag) => `  ${target}:${tag}: ${detail}`),
        'nothing landed'
      ].join('\n')
    )
    // Refused, not retried, and nothing written.
    const writes = proxy.requests().filter((r) => r.method === 'POST' || r.method === 'PUT')
    expect(writes.length).toBeGreaterThan(0)
    expect(writes.map((r) => `${r.method} ${r.status}`)).toEqual(
      writes.map((r) => `${r.method} 403`)
    )
    expect(leaked).toEqual([])
  })
})
