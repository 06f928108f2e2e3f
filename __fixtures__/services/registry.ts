import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { hashSync } from 'bcryptjs'
import { stringify } from 'yaml'
import { freePort } from './ports.js'
import { Cleanup, removeTempDir, ServiceStartError, startProcess, tempDir } from './process.js'
import { startRecordingProxy, type RecordedRequest } from './proxy.js'
import { startTokenServer, type TokenServer, type TokenUser } from './token-server.js'

/** The Debian package `docker-registry` (Distribution 2.8.2); there is no `registry` binary. */
export const REGISTRY_BIN = '/usr/bin/docker-registry'
export const HTPASSWD_REALM = 'tagship-test'

export type RegistryAuth = 'none' | 'htpasswd' | 'token'

export interface RegistryOptions {
  readonly auth: RegistryAuth
  /**
   * htpasswd entries, or the token server's users when this call starts one.
   * htpasswd has no authorization: `repositories` and `actions` only limit token users.
   */
  readonly users?: readonly TokenUser[]
  /** Trust this token server instead of starting one; it is then not stopped by stop(). */
  readonly tokenServer?: TokenServer
  /** Put a recording proxy in front (default true); false gives clients the registry itself. */
  readonly record?: boolean
}

export interface Registry {
  readonly auth: RegistryAuth
  /** `127.0.0.1:PORT`, what clients use in references. */
  readonly host: string
  /** `http://127.0.0.1:PORT` */
  readonly url: string
  readonly logPath: string
  /** The token server the registry trusts, when auth is token. */
  readonly tokenServer?: TokenServer
  /** Every request clients made, in arrival order; throws when started with record: false. */
  requests(): RecordedRequest[]
  clearRequests(): void
  stop(): Promise<void>
}

/** Start a Distribution registry on loopback with filesystem storage in a temp dir. */
export async function startRegistry(options: RegistryOptions): Promise<Registry> {
  const cleanup = new Cleanup()
  try {
    const dir = await tempDir('registry')
    cleanup.add(() => removeTempDir(dir))
    const users = options.users ?? []
    let tokenServer = options.tokenServer
    if (options.auth === 'token' && !tokenServer) {
      tokenServer = await startTokenServer({ users })
      cleanup.add(tokenServer.stop)
    }
    const auth = await authConfig(options.auth, dir, users, tokenServer)
    const logPath = join(dir, 'registry.log')
    const port = await serveOnFreePort(dir, auth, logPath, cleanup)

    let host = `127.0.0.1:${port}`
    let requests = (): RecordedRequest[] => {
      throw new Error('this registry was started with record: false; it keeps no request list')
    }
    let clearRequests = (): void => undefined
    if (options.record ?? true) {
      const proxy = await startRecordingProxy(port)
      cleanup.add(proxy.stop)
      host = `127.0.0.1:${proxy.port}`
      requests = proxy.requests
      clearRequests = proxy.clearRequests
    }
    return {
      auth: options.auth,
      host,
      url: `http://${host}`,
      logPath,
      ...(options.auth === 'token' ? { tokenServer } : {}),
      requests,
      clearRequests,
      stop: () => cleanup.run()
    }
  } catch (e) {
    await cleanup.run()
    throw e
  }
}

/** The port is free when chosen but may be taken before the registry binds it, so retry that case. */
async function serveOnFreePort(
  dir: string,
  auth: Record<string, unknown> | undefined,
  logPath: string,
  cleanup: Cleanup
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const configPath = join(dir, 'config.yml')
    await writeFile(configPath, stringify(registryConfig(dir, port, auth)))
    try {
      const registry = await startProcess({
        name: 'docker-registry',
        command: REGISTRY_BIN,
        args: ['serve', configPath],
        logPath,
        // Any HTTP answer means it is serving; with auth on, /v2/ answers 401.
        ready: async () => (await fetch(`http://127.0.0.1:${port}/v2/`)).status > 0
      })
      cleanup.add(registry.stop)
      return port
    } catch (e) {
      const taken = e instanceof ServiceStartError && e.tail.includes('address already in use')
      if (!taken || attempt === 3) throw e
    }
  }
}

function registryConfig(dir: string, port: number, auth: Record<string, unknown> | undefined) {
  return {
    version: 0.1,
    log: { level: 'info', formatter: 'text', fields: { service: 'tagship-test-registry' } },
    storage: {
      filesystem: { rootdirectory: join(dir, 'data') },
      // Tests delete manifests to reset a repository.
      delete: { enabled: true },
      // The purge goroutine only adds log noise in a registry that lives for seconds.
      maintenance: { uploadpurging: { enabled: false } }
    },
    // A fixed secret avoids the "generated random secret" warning; upload state is signed with it.
    http: { addr: `127.0.0.1:${port}`, secret: randomBytes(16).toString('hex') },
    ...(auth ? { auth } : {})
  }
}

async function authConfig(
  auth: RegistryAuth,
  dir: string,
  users: readonly TokenUser[],
  tokenServer: TokenServer | undefined
): Promise<Record<string, unknown> | undefined> {
  if (auth === 'none') return undefined
  if (auth === 'htpasswd') {
    const path = join(dir, 'htpasswd')
    // bcrypt only: the registry refuses MD5 ($apr1$) entries. Cost 5 (htpasswd -B's default),
    // because the registry checks the hash on every request and a push makes dozens.
    const lines = users.map((u) => `${u.username}:${hashSync(u.password, 5)}\n`)
    await writeFile(path, lines.join(''), { mode: 0o600 })
    return { htpasswd: { realm: HTPASSWD_REALM, path } }
  }
  if (!tokenServer) throw new Error('token auth needs a token server')
  // All four are required by 2.8.2: leaving one out makes it panic at startup.
  return {
    token: {
      realm: tokenServer.realm,
      service: tokenServer.service,
      issuer: tokenServer.issuer,
      rootcertbundle: tokenServer.certPath
    }
  }
}
