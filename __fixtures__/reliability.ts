import { runActionStep } from './action-runner.js'
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { postStateEnv, shownLines } from '../__tests__/e2e/run-action.js'
import { inputEnv, runnerFiles, type RunnerFiles } from './file-commands.js'
import { FIXTURES_DIR, runnerFixture } from './runner.js'
import { startFaultProxy, type FaultProxy, type FaultRecord } from './services/fault-proxy.js'
import { seedImage, type SeededManifest } from './services/oci-seed.js'
import { Cleanup } from './services/process.js'
import { startRegistry, type Registry } from './services/registry.js'
import { inspectDigest } from './services/skopeo.js'

/**
 * The world of the fault tests: a source registry (htpasswd) and two target
 * registries (token auth, as Docker Hub and ACR; htpasswd, as ECR), each
 * behind its own fault proxy, and the bundled action run against the
 * proxies exactly as the runner runs it (main, then post).
 */
export const USER = { username: 'ci', password: 'reliability-secret-7f3a' }

/** The tags the `tag-stable` fixture (git tag v1.2.3) gives with `semver, latest`: fixed first. */
export const TAGS = ['1.2.3', '1.2', '1', 'latest'] as const

export interface FaultWorld {
  readonly source: FaultProxy
  /** Token auth (Bearer through a realm): a 401 mid-run means a new token. */
  readonly bearer: FaultProxy
  /** htpasswd (Basic, as ECR). */
  readonly basic: FaultProxy
  readonly image: SeededManifest
  /** `<source proxy>/src/app:build` */
  readonly sourceRef: string
  /** A copy of dist/main and dist/post taken at start, so a rebuild meanwhile cannot pull it away. */
  readonly bundle: string
  /** Remove this (a run's runner files) when the world stops. */
  track(remove: () => void): void
  stop(): Promise<void>
}

export interface EntryRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface StepRun {
  readonly main: EntryRun
  readonly post: EntryRun
  readonly files: RunnerFiles
  /** The lines the log shows (no mask commands). */
  readonly lines: string[]
  readonly errors: string[]
  readonly outputs: Record<string, string>
}

/** Start the registries and proxies, and seed the source image (three layers of 96 KiB). */
export async function startFaultWorld(): Promise<FaultWorld> {
  const cleanup = new Cleanup()
  try {
    const behindProxy = async (auth: 'token' | 'htpasswd'): Promise<FaultProxy> => {
      const registry: Registry = await startRegistry({ auth, users: [USER] })
      cleanup.add(registry.stop)
      const proxy = await startFaultProxy(registry.url)
      cleanup.add(proxy.stop)
      return proxy
    }
    const source = await behindProxy('htpasswd')
    const bearer = await behindProxy('token')
    const basic = await behindProxy('htpasswd')
    const layers = [0, 1, 2].map(() => randomBytes(96 * 1024))
    const image = await seedImage({ url: source.url, creds: USER }, 'src/app', {
      layers,
      tag: 'build'
    })
    source.reset()
    const bundle = snapshotBundle()
    cleanup.add(async () => rmSync(bundle, { recursive: true, force: true }))
    return {
      bundle,
      source,
      bearer,
      basic,
      image,
      sourceRef: `${source.host}/src/app:build`,
      track: (remove) => cleanup.add(async () => remove()),
      stop: () => cleanup.run()
    }
  } catch (e) {
    await cleanup.run()
    throw e
  }
}

/** registry-auth for every proxy of the world. */
export function registryAuth(world: FaultWorld): string {
  return [world.source, world.bearer, world.basic]
    .map(
      (p) => `- registry: ${p.host}\n  username: ${USER.username}\n  password: ${USER.password}\n`
    )
    .join('')
}

/**
 * Run the bundled action (main, then post) for the git tag v1.2.3, with
 * RUNNER_DEBUG=1, publishing the world's source image to `targets`.
 */
export async function runPublish(
  world: FaultWorld,
  targets: readonly string[],
  inputs: Record<string, string> = {}
): Promise<StepRun> {
  const files = runnerFiles()
  world.track(() => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-faults-'))
  try {
    const out = (step: string) => ({
      stdoutPath: join(logs, `${step}.stdout`),
      stderrPath: join(logs, `${step}.stderr`)
    })
    const env = {
      PATH: process.env.PATH ?? '',
      ...runnerFixture('tag-stable').env,
      ...files.env,
      RUNNER_DEBUG: '1',
      ...inputEnv({
        source: world.sourceRef,
        images: targets.join('\n'),
        strategies: 'semver, latest',
        'registry-auth': registryAuth(world),
        ...inputs
      })
    }
    const main = await runEntry(world.bundle, 'main', env, files, out('main'))
    const post = await runEntry(
      world.bundle,
      'post',
      { ...env, ...postStateEnv(files) },
      files,
      out('post')
    )
    const lines = shownLines(main.stdout)
    return {
      main,
      post,
      files,
      lines,
      errors: lines.filter((l) => l.startsWith('::error::')),
      outputs: files.outputs()
    }
  } finally {
    rmSync(logs, { recursive: true, force: true })
  }
}

/**
 * A copy of the bundled entries (dist/main, dist/post) in a temp dir: other
 * work may rebuild dist/ while the tests run. TAGSHIP_DIST points at another
 * build of the same entries. Remove the copy when done.
 */
export function snapshotBundle(): string {
  const bundle = mkdtempSync(join(tmpdir(), 'tagship-bundle-'))
  const dist = process.env.TAGSHIP_DIST ?? join(FIXTURES_DIR, '..', 'dist')
  for (const entry of ['main', 'post'])
    cpSync(join(dist, entry), join(bundle, entry), { recursive: true })
  return bundle
}

/**
 * `node <bundle>/<entry>/index.js` as the runner starts it, on actionNode(),
 * output to files (written synchronously).
 */
export function runEntry(
  bundle: string,
  entry: 'main' | 'post',
  env: Record<string, string>,
  files: RunnerFiles,
  out: { stdoutPath: string; stderrPath: string }
): Promise<EntryRun> {
  return runActionStep(entry, env, files, out, { dist: bundle })
}

/** What skopeo finds at each reference: the digest, or 'missing'. */
export async function skopeoDigests(references: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (const ref of references) {
    found.push(
      await inspectDigest(ref, { creds: USER }).then(
        (digest) => `${ref} ${digest}`,
        (e: Error) => {
          if (/manifest unknown/i.test(e.message)) return `${ref} missing`
          throw e
        }
      )
    )
  }
  return found
}

/** Every tag of a target repository: `host/repo:tag`. */
export const referencesOf = (repository: string): string[] =>
  TAGS.map((tag) => `${repository}:${tag}`)

/**
 * Where a secret showed: the password anywhere but an `::add-mask::` line,
 * or a registry token (a JWT, `eyJ…`) in any shown line, stderr or file command.
 */
export function secretsShown(run: StepRun): string[] {
  const masked = (l: string) => l.startsWith('::add-mask::')
  const places: Record<string, string> = {
    'main stdout': run.main.stdout
      .split('\n')
      .filter((l) => !masked(l))
      .join('\n'),
    'main stderr': run.main.stderr,
    'post stdout': run.post.stdout,
    'post stderr': run.post.stderr,
    'file commands': JSON.stringify([run.files.outputs(), run.files.state(), run.files.summary()])
  }
  return Object.entries(places).flatMap(([place, text]) => [
    ...(text.includes(USER.password) ? [`password in ${place}`] : []),
    ...(/eyJ[\w-]{10,}\.[\w-]{10,}/.test(text) ? [`token in ${place}`] : [])
  ])
}

/** The retry lines of a run's log. */
export const retryLines = (run: StepRun): string[] =>
  run.lines.filter((l) => /; retry \d+ of /.test(l))

/**
 * Requests through a proxy that the registry accepted as writes (2xx answers
 * to PUT, POST, PATCH): `PUT /v2/acme/app/manifests/1.2.3 201`. A blob
 * upload's closing PUT is shown by the digest it stored
 * (`PUT /v2/acme/app/blobs/sha256:… 201`), as its path only names a session.
 */
export function acceptedWrites(records: readonly FaultRecord[]): string[] {
  return records
    .filter((r) => ['PUT', 'POST', 'PATCH'].includes(r.method) && r.status >= 200 && r.status < 300)
    .map((r) => {
      const digest = /(?:^|&)digest=([^&]+)/.exec(r.query)?.[1]
      const path =
        r.method === 'PUT' && digest
          ? r.path.replace(/\/blobs\/uploads\/.*$/, `/blobs/${decodeURIComponent(digest)}`)
          : r.path.replace(/\/blobs\/uploads\/[^/]+$/, '/blobs/uploads/<session>')
      return `${r.method} ${path} ${r.status}`
    })
}

/** `host/repo:tag result` for every tag of the json output. */
export function jsonResults(run: StepRun): string[] {
  const json = JSON.parse(run.outputs.json ?? '{}') as {
    targets?: { tags: { reference: string; result: string; detail?: string }[] }[]
  }
  return (json.targets ?? []).flatMap((t) => t.tags.map((x) => `${x.reference} ${x.result}`))
}

/**
 * One main step of `bundle` in a fresh workspace, as the runner runs it for
 * the tag v1.2.3 (the event's variables, then `env`, then `inputs`): its exit
 * status, its `::error::` lines and its outputs.
 */
export async function runMainStep(
  bundle: string,
  env: Record<string, string>,
  inputs: Record<string, string>
): Promise<{ status: number | null; errors: string[]; outputs: Record<string, string> }> {
  const files = runnerFiles()
  const logs = mkdtempSync(join(tmpdir(), 'tagship-main-step-'))
  try {
    const run = await runEntry(
      bundle,
      'main',
      {
        PATH: process.env.PATH ?? '',
        ...runnerFixture('tag-stable').env,
        ...files.env,
        ...env,
        ...inputEnv(inputs)
      },
      files,
      { stdoutPath: join(logs, 'stdout'), stderrPath: join(logs, 'stderr') }
    )
    return {
      status: run.status,
      errors: shownLines(run.stdout).filter((l) => l.startsWith('::error::')),
      outputs: files.outputs()
    }
  } finally {
    files.remove()
    rmSync(logs, { recursive: true, force: true })
  }
}
