import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { writesOf } from '../../__fixtures__/publish.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { seedImage } from '../../__fixtures__/services/oci-seed.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { startTlsRegistry, type TlsRegistry } from '../../__fixtures__/services/tls-registry.js'
import {
  base64,
  fileCommandTexts,
  leaks,
  runBundled,
  shownLines,
  withoutMasksOf,
  type ActionRun
} from '../e2e/run-action.js'

/**
 * The bundled action, as the runner runs it, publishing from a plain
 * loopback registry to registries with self-signed certificates: refused by
 * default before any request, accepted for the hosts listed in
 * `insecure-registries` only, and trusted when the job gives Node the CA
 * through NODE_EXTRA_CA_CERTS.
 */
const ALICE = { username: 'alice', password: 'tls-action-alice-secret-5' }
const cleanup = new Cleanup()
let source: Registry
let tls: TlsRegistry
let other: TlsRegistry
let digest: string

beforeAll(async () => {
  source = await startRegistry({ auth: 'none' })
  cleanup.add(source.stop)
  tls = await startTlsRegistry({ auth: 'htpasswd', users: [ALICE] })
  cleanup.add(tls.stop)
  other = await startTlsRegistry({ auth: 'htpasswd', users: [ALICE] })
  cleanup.add(other.stop)
  const layers = [Buffer.from('published over TLS\n')]
  digest = (await seedImage({ url: source.url }, 'team/source', { layers, tag: 'build' })).digest
}, 60_000)
afterAll(() => cleanup.run(), 30_000)

interface Run {
  readonly main: ActionRun
  readonly files: RunnerFiles
  /** The `registry-auth` input: the runner masks it whole, as it holds the password. */
  readonly auth: string
  readonly outputs: Record<string, string>
}
/** Every run, for the leak scan at the end. */
const runs: Run[] = []

async function runAction(
  targets: readonly TlsRegistry[],
  extra: { insecure?: string; env?: Record<string, string> } = {}
): Promise<Run> {
  const files = runnerFiles()
  cleanup.add(() => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-tls-logs-'))
  cleanup.add(() => rmSync(logs, { recursive: true, force: true }))
  const auth = targets
    .map(
      (t) => `- registry: ${t.host}\n  username: ${ALICE.username}\n  password: ${ALICE.password}\n`
    )
    .join('')
  const env = {
    PATH: process.env.PATH ?? '',
    ...runnerFixture('tag-stable').env,
    ...files.env,
    // The debug log too must hold no secret (the runner's "Enable debug logging").
    RUNNER_DEBUG: '1',
    ...inputEnv({
      source: `${source.host}/team/source:build`,
      images: targets.map((t) => `${t.host}/team/app`).join('\n'),
      strategies: 'semver',
      'registry-auth': auth,
      ...(extra.insecure === undefined ? {} : { 'insecure-registries': extra.insecure })
    }),
    ...extra.env
  }
  const out = { stdoutPath: join(logs, 'main.stdout'), stderrPath: join(logs, 'main.stderr') }
  const main = await runBundled('main', env, files, out)
  const run = { main, files, auth, outputs: files.outputs() }
  runs.push(run)
  return run
}

const errors = (run: Run) => shownLines(run.main.stdout).filter((l) => l.startsWith('::error::'))
const untrusted = (host: string): string =>
  `::error::${host}: its TLS certificate is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT: self-signed certificate); give tagship the CA certificate with NODE_EXTRA_CA_CERTS=/path/to/ca.pem, or list ${host} in insecure-registries to skip verification for that host only`
/** The closing line of every failed login step; the source registry is one of the registries. */
const loginsFailed = (failed: number, of: number, hosts: string): string =>
  `::error::could not log in to ${failed} of ${of} registries (${hosts}): nothing was pushed`
const TAGS = ['1.2.3', '1.2', '1']

async function landed(target: TlsRegistry): Promise<string[]> {
  return Promise.all(
    TAGS.map((tag) => inspectDigest(`${target.host}/team/app:${tag}`, { creds: ALICE }))
  )
}

describe('a registry with a self-signed certificate', () => {
  test('is refused by default with one line, before any request reaches it', async () => {
    tls.clearRequests()
    const run = await runAction([tls])
    expect({ status: run.main.status, errors: errors(run), outputs: run.outputs }).toEqual({
      status: 1,
      errors: [untrusted(tls.host), loginsFailed(1, 2, tls.host)],
      outputs: {}
    })
    expect(tls.requests()).toEqual([])
  }, 60_000)

  test('is published to when listed in insecure-registries', async () => {
    tls.clearRequests()
    const run = await runAction([tls], { insecure: tls.host })
    expect({ status: run.main.status, errors: errors(run), digest: run.outputs.digest }).toEqual({
      status: 0,
      errors: [],
      digest
    })
    expect(await landed(tls)).toEqual([digest, digest, digest])
  }, 60_000)

  test('listing one host leaves another self-signed one refused, and nothing is written', async () => {
    tls.clearRequests()
    other.clearRequests()
    const run = await runAction([tls, other], { insecure: tls.host })
    expect({ status: run.main.status, errors: errors(run), outputs: run.outputs }).toEqual({
      status: 1,
      errors: [untrusted(other.host), loginsFailed(1, 3, other.host)],
      outputs: {}
    })
    expect(writesOf(tls.requests())).toEqual([])
    expect(other.requests()).toEqual([])
  }, 60_000)

  test('is trusted when NODE_EXTRA_CA_CERTS gives the action its certificate', async () => {
    other.clearRequests()
    const run = await runAction([other], {
      env: { NODE_EXTRA_CA_CERTS: other.certificate.certPath }
    })
    expect({ status: run.main.status, errors: errors(run), digest: run.outputs.digest }).toEqual({
      status: 0,
      errors: [],
      digest
    })
    expect(await landed(other)).toEqual([digest, digest, digest])
  }, 60_000)
})

describe('secrets', () => {
  test('no run, refused or not, shows the password in any stream, file command or command line', () => {
    expect(runs).toHaveLength(4)
    const secrets = {
      password: ALICE.password,
      'base64 alice:password': base64(`${ALICE.username}:${ALICE.password}`)
    }
    const places = Object.fromEntries(
      runs.flatMap((run, i) => [
        [
          `run ${i + 1} stdout`,
          // `::add-mask::<secret>` lines are consumed by the runner; only those exact lines go.
          withoutMasksOf(run.main.stdout, [...Object.values(secrets), run.auth.trim()])
        ],
        [`run ${i + 1} stderr`, run.main.stderr],
        [`run ${i + 1} command lines`, run.main.cmdlines.map((a) => a.join(' ')).join('\n')],
        ...Object.entries(fileCommandTexts(run.files)).map(([n, t]) => [`run ${i + 1} ${n}`, t])
      ])
    )
    expect(leaks(secrets, places)).toEqual([])
    // The scan finds what is there: each run announced the password to the runner.
    expect(runs.map((run) => run.main.stdout.includes(`::add-mask::${ALICE.password}`))).toEqual([
      true,
      true,
      true,
      true
    ])
  })
})
