import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pushedDigest } from '../__fixtures__/services/docker-cli.js'
import { DOCKER_CLI, type DockerDaemon } from '../__fixtures__/services/dockerd.js'
import { SKOPEO_BIN } from '../__fixtures__/services/skopeo.js'
import { FLOOR_ENV, type FloorJob } from './floor.js'
import { MANIFEST_ACCEPT, type TokenRealm } from './http.js'
import { runOk } from './proc.js'
import type { Creds } from './registries.js'

/** One contender's measured run: wall time and the peak RSS of its own processes. */
export interface Timed {
  readonly ms: number
  /** KiB; undefined when the work is done elsewhere (the Docker daemon). */
  readonly maxRssKb?: number
}

/** `docker login --password-stdin` to each host in a fresh DOCKER_CONFIG, then tag + push each ref. */
export async function dockerLoop(
  daemon: DockerDaemon,
  work: string,
  image: string,
  hosts: readonly string[],
  refs: readonly string[],
  creds: Creds
): Promise<Timed & { digests: Set<string> }> {
  const dir = mkdtempSync(join(work, 'docker-'))
  const env = { PATH: process.env.PATH ?? '', DOCKER_HOST: daemon.host, DOCKER_CONFIG: dir }
  const opts = { env, scratchDir: dir }
  const start = performance.now()
  for (const host of hosts) {
    await runOk(DOCKER_CLI, ['login', '--username', creds.username, '--password-stdin', host], {
      ...opts,
      input: creds.password
    })
  }
  const digests = new Set<string>()
  for (const ref of refs) {
    await runOk(DOCKER_CLI, ['tag', image, ref], opts)
    digests.add(pushedDigest((await runOk(DOCKER_CLI, ['push', ref], opts)).stdout))
  }
  return { ms: performance.now() - start, digests }
}

/** An auth file for skopeo, so no password is ever on its command line. */
export function skopeoAuthfile(work: string, hosts: readonly string[], creds: Creds): string {
  const dir = mkdtempSync(join(work, 'skopeo-'))
  const auth = Buffer.from(`${creds.username}:${creds.password}`).toString('base64')
  const path = join(dir, 'auth.json')
  const auths = Object.fromEntries(hosts.map((h) => [h, { auth }]))
  writeFileSync(path, JSON.stringify({ auths }), { mode: 0o600 })
  return path
}

export interface SkopeoCopyOptions {
  /** `--all`: every platform of an index, and the index itself. */
  readonly all?: boolean
  /** TMPDIR for skopeo (where it unpacks an oci-archive source before each copy). */
  readonly tmpDir?: string
}

/** `skopeo copy --preserve-digests` of each pair of transport references (`docker://…`), one after the other. */
export async function skopeoCopies(
  work: string,
  authfile: string,
  pairs: readonly (readonly [string, string])[],
  options: SkopeoCopyOptions = {}
): Promise<Timed> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: work,
    ...(options.tmpDir ? { TMPDIR: options.tmpDir } : {})
  }
  let maxRssKb = 0
  const start = performance.now()
  for (const [from, to] of pairs) {
    const result = await runOk(
      SKOPEO_BIN,
      [
        'copy',
        '--quiet',
        ...(options.all ? ['--all'] : []),
        '--preserve-digests',
        '--authfile',
        authfile,
        ...(from.startsWith('docker://') ? ['--src-tls-verify=false'] : []),
        '--dest-tls-verify=false',
        from,
        to
      ],
      { env, scratchDir: work }
    )
    maxRssKb = Math.max(maxRssKb, result.maxRssKb)
  }
  return { ms: performance.now() - start, maxRssKb }
}

/**
 * A's floor: the manifest fetched once, then every tag PUT in parallel by one
 * curl (`--parallel`). Credentials go in a netrc file, never in argv. For a
 * Bearer registry one curl first GETs a token for pull and push (the realm is
 * known up front, so no challenge round trip), sent from a header file.
 */
export async function curlRetag(
  work: string,
  base: string,
  repo: string,
  source: string,
  tags: readonly string[],
  creds: Creds,
  token?: TokenRealm
): Promise<Timed> {
  const dir = mkdtempSync(join(work, 'curl-'))
  const netrc = join(dir, 'netrc')
  writeFileSync(netrc, `machine 127.0.0.1 login ${creds.username} password ${creds.password}\n`, {
    mode: 0o600
  })
  const env = { PATH: process.env.PATH ?? '' }
  const manifest = join(dir, 'manifest.json')
  const heads = join(dir, 'headers')
  const start = performance.now()
  let rssKb = 0
  let common = ['--silent', '--show-error', '--fail', '--netrc-file', netrc]
  if (token) {
    const url = new URL(token.realm)
    url.searchParams.set('service', token.service)
    url.searchParams.set('scope', `repository:${repo}:pull,push`)
    const got = await runOk('curl', [...common, url.href], { env, scratchDir: dir })
    rssKb = got.maxRssKb
    const body = JSON.parse(got.stdout) as { token?: string; access_token?: string }
    const header = join(dir, 'bearer')
    writeFileSync(header, `authorization: Bearer ${body.token ?? body.access_token ?? ''}\n`, {
      mode: 0o600
    })
    common = ['--silent', '--show-error', '--fail', '-H', `@${header}`]
  }
  const get = await runOk(
    'curl',
    [
      ...common,
      '-H',
      `accept: ${MANIFEST_ACCEPT}`,
      '-D',
      heads,
      '-o',
      manifest,
      `${base}/v2/${repo}/manifests/${source}`
    ],
    { env, scratchDir: dir }
  )
  const type = /^content-type:\s*(\S+)/im.exec(readFileSync(heads, 'utf8'))?.[1] ?? ''
  const put = await runOk(
    'curl',
    [
      ...common,
      '--parallel',
      '--parallel-max',
      String(tags.length),
      '-H',
      `content-type: ${type}`,
      '-w',
      '%{http_code}\n',
      ...tags.flatMap((t) => [
        '-T',
        manifest,
        '-o',
        '/dev/null',
        `${base}/v2/${repo}/manifests/${t}`
      ])
    ],
    { env, scratchDir: dir }
  )
  const codes = put.stdout.trim().split('\n')
  if (codes.length !== tags.length || codes.some((c) => c !== '201')) {
    throw new Error(`curl floor: the manifest PUTs answered ${codes.join(', ')}`)
  }
  return {
    ms: performance.now() - start,
    maxRssKb: Math.max(rssKb, get.maxRssKb, put.maxRssKb)
  }
}

/** A floor job in a child process: this very bundle, started with --floor; its time excludes start-up. */
export async function floorChild(work: string, job: FloorJob): Promise<Timed> {
  const result = await runOk(process.execPath, [process.argv[1]!, '--floor'], {
    env: { PATH: process.env.PATH ?? '', [FLOOR_ENV]: JSON.stringify(job) },
    scratchDir: work
  })
  // The child's own figure: the HTTP work, without loading this (large) bundle.
  const ms = Number(/floor-ms=([\d.]+)/.exec(result.stdout)?.[1])
  if (!Number.isFinite(ms)) throw new Error(`the floor printed no time: ${result.stdout}`)
  return { ms, maxRssKb: result.maxRssKb }
}
