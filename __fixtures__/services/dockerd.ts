import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { delimiter, join } from 'node:path'
import { run } from './exec.js'
import { Cleanup, removeTempDir, startProcess, tempDir } from './process.js'

/**
 * The docker CLI the fixtures run: the first `docker` on PATH, because that is
 * the one tagship's docker engine will run, so a config.json written by a
 * fixture is read by the same client. Here that is /usr/local/bin/docker 28.x,
 * ahead of Debian's /usr/bin/docker 20.10; both talk to the 20.10 daemon
 * (API 1.41). Only builds differ: 28.x has no buildx here, so BuildKit fails
 * with it (see buildScratchImage).
 */
export const DOCKER_CLI = findOnPath('docker') ?? '/usr/bin/docker'

export interface DockerDaemon {
  /** `unix:///…` */
  readonly host: string
  readonly env: { readonly DOCKER_HOST: string }
  /** True when this fixture started dockerd; stop() only stops what it started. */
  readonly started: boolean
  /** An empty DOCKER_CONFIG for commands that need no credentials, so ~/.docker is never read or written. */
  readonly configDir: string
  readonly logPath?: string
  stop(): Promise<void>
}

const DEFAULT_HOST = 'unix:///var/run/docker.sock'

/**
 * Use the daemon at DOCKER_HOST (or the default socket) when one answers;
 * otherwise start a private dockerd as root: vfs storage (works on any
 * filesystem, no overlay mounts), no iptables and no bridge (nothing touches
 * the host's network), everything under one temp dir.
 */
export async function ensureDocker(): Promise<DockerDaemon> {
  const cleanup = new Cleanup()
  try {
    const configDir = await tempDir('docker-config')
    cleanup.add(() => removeTempDir(configDir))
    const existing = process.env.DOCKER_HOST || DEFAULT_HOST
    const probe = await run(DOCKER_CLI, ['version', '--format', '{{.Server.Version}}'], {
      env: { ...process.env, DOCKER_HOST: existing, DOCKER_CONFIG: configDir },
      timeoutMs: 20_000
    })
    if (probe.code === 0) {
      return daemon(existing, false, configDir, cleanup)
    }
    if (process.getuid?.() !== 0) {
      throw new Error(
        `no Docker daemon answers at ${existing} (${probe.stderr.trim()}), and starting one needs root: ` +
          'run the tests as root after .ci/install-services.sh, or set DOCKER_HOST to a running daemon'
      )
    }
    const dir = await tempDir('dockerd')
    cleanup.add(() => removeTempDir(dir))
    const socket = join(dir, 'docker.sock')
    const execRoot = join(dir, 'exec')
    const logPath = join(dir, 'dockerd.log')
    const dockerd = await startProcess({
      name: 'dockerd',
      command: findOnPath('dockerd') ?? '/usr/sbin/dockerd',
      args: [
        '--storage-driver=vfs',
        '--iptables=false',
        '--bridge=none',
        `--host=unix://${socket}`,
        `--data-root=${join(dir, 'data')}`,
        `--exec-root=${execRoot}`,
        `--pidfile=${join(dir, 'docker.pid')}`
      ],
      logPath,
      ready: () => ping(socket),
      timeoutMs: 30_000,
      // Shutting down its containerd takes about 3 s; give it room before SIGKILL.
      graceMs: 15_000
    })
    cleanup.add(() => killOrphanedContainerd(execRoot))
    cleanup.add(dockerd.stop)
    return daemon(`unix://${socket}`, true, configDir, cleanup, logPath)
  } catch (e) {
    await cleanup.run()
    throw e
  }
}

function daemon(
  host: string,
  started: boolean,
  configDir: string,
  cleanup: Cleanup,
  logPath?: string
): DockerDaemon {
  return {
    host,
    env: { DOCKER_HOST: host },
    started,
    configDir,
    ...(logPath ? { logPath } : {}),
    stop: () => cleanup.run()
  }
}

/** `GET /_ping` on the socket: cheaper than spawning the CLI fifty times while dockerd boots. */
function ping(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ socketPath: socket, path: '/_ping', timeout: 2000 }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('error', () => resolve(false))
    req.on('timeout', () => req.destroy())
    req.end()
  })
}

/** dockerd normally stops the containerd it started; after a SIGKILL it cannot, so do it here. */
function killOrphanedContainerd(execRoot: string): void {
  const pidFile = join(execRoot, 'containerd', 'containerd.pid')
  if (!existsSync(pidFile)) return
  const pid = Number(readFileSync(pidFile, 'utf8').trim())
  try {
    // The pid file can outlive the process; never signal a pid reused by something else.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    if (pid > 0 && cmdline.includes(execRoot)) process.kill(pid, 'SIGKILL')
  } catch {
    // already gone, the usual case
  }
}

function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}
