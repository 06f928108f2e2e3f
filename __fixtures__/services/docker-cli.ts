import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises'
import { dirname, join, normalize } from 'node:path'
import { run, type RunResult } from './exec.js'
import { DOCKER_CLI, type DockerDaemon } from './dockerd.js'
import { removeTempDir, tempDir } from './process.js'

export interface DockerRunOptions {
  /** stdin, e.g. the password for `login --password-stdin`. */
  readonly input?: string
  /** DOCKER_CONFIG; default the daemon fixture's empty one. Give each login test its own. */
  readonly configDir?: string
  readonly env?: Readonly<Record<string, string>>
  readonly timeoutMs?: number
}

/** Run the docker CLI against the fixture's daemon; resolves with the exit code, never throws on failure. */
export function docker(
  daemon: DockerDaemon,
  args: readonly string[],
  options: DockerRunOptions = {}
): Promise<RunResult> {
  return run(DOCKER_CLI, args, {
    env: {
      ...process.env,
      ...daemon.env,
      DOCKER_CONFIG: options.configDir ?? daemon.configDir,
      ...options.env
    },
    ...(options.input === undefined ? {} : { input: options.input }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs })
  })
}

/** Like docker(), for commands that must succeed; the error carries stderr (never stdin). */
export async function dockerOk(
  daemon: DockerDaemon,
  args: readonly string[],
  options: DockerRunOptions = {}
): Promise<RunResult> {
  const result = await docker(daemon, args, options)
  if (result.code !== 0) {
    throw new Error(`docker ${args.join(' ')} failed with code ${result.code}:\n${result.stderr}`)
  }
  return result
}

/** Files and folders get one fixed time, so the same content always makes the same layer. */
const FILE_TIME = new Date('2026-01-01T00:00:00Z')

/**
 * Build `FROM scratch` + one COPY of `files` (path in the image -> content),
 * tagged `tag`, and return its image ID (`sha256:…`). Nothing is pulled.
 * The same files make the same layer in every build (times are fixed); the
 * image ID differs (the config records the build time) unless the cache answers.
 * The legacy builder is forced: it works with both CLIs here, while BuildKit
 * would need buildx (absent for CLI 28) or /usr/bin/docker 20.10.
 */
export async function buildScratchImage(
  daemon: DockerDaemon,
  tag: string,
  files: Readonly<Record<string, string | Buffer>>,
  options: { readonly noCache?: boolean } = {}
): Promise<string> {
  const context = await tempDir('build')
  const rootfs = join(context, 'rootfs')
  try {
    await mkdir(rootfs)
    for (const [path, content] of Object.entries(files)) {
      const relative = normalize(path).replace(/^\/+/, '')
      if (relative === '' || relative.startsWith('..')) {
        throw new Error(`buildScratchImage: "${path}" is not a path inside the image`)
      }
      const target = join(rootfs, relative)
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, content)
    }
    for (const entry of await readdir(rootfs, { recursive: true })) {
      await utimes(join(rootfs, entry), FILE_TIME, FILE_TIME)
    }
    await writeFile(join(context, 'Dockerfile'), 'FROM scratch\nCOPY rootfs/ /\n')
    const cache = options.noCache ? ['--no-cache'] : []
    const build = await dockerOk(daemon, ['build', '--quiet', ...cache, '--tag', tag, context], {
      env: { DOCKER_BUILDKIT: '0' }
    })
    const id = build.stdout.trim()
    if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
      throw new Error(`docker build printed no image ID: ${JSON.stringify(build.stdout)}`)
    }
    return id
  } finally {
    await removeTempDir(context)
  }
}

/** The digest in `docker push` output: `1: digest: sha256:… size: 524`. */
export function pushedDigest(output: string): string {
  const match = /: digest: (sha256:[0-9a-f]{64}) size: \d+/.exec(output)
  if (!match?.[1]) throw new Error(`no digest in docker push output:\n${output}`)
  return match[1]
}

/** Push and return the digest the daemon reports. */
export async function pushImage(
  daemon: DockerDaemon,
  reference: string,
  options: DockerRunOptions = {}
): Promise<string> {
  return pushedDigest((await dockerOk(daemon, ['push', reference], options)).stdout)
}
