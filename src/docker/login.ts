import { getExecOutput } from '@actions/exec'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isIdentityToken } from '../distribution/credentials.js'
import type { Provider } from '../registry/provider.js'
import { dockerEnv } from './env.js'

/** What `docker login` needs; the password goes through stdin, never argv. */
export interface DockerLogin {
  readonly registry: string
  readonly provider: Provider
  readonly username: string
  readonly password: string
}

/**
 * The server name docker stores credentials under. Docker Hub's is the
 * CLI's default (`https://index.docker.io/v1/`), reached by giving none.
 */
function serverArgs(login: { registry: string; provider: Provider }): string[] {
  return login.registry === 'docker.io' ? [] : [login.registry]
}

/** `docker login --password-stdin` into the run's config directory. Throws with docker's own reason. */
export async function dockerLogin(configDir: string, login: DockerLogin): Promise<void> {
  if (isIdentityToken(login)) return storeIdentityToken(configDir, login)
  const result = await getExecOutput(
    'docker',
    ['login', '--username', login.username, '--password-stdin', ...serverArgs(login)],
    {
      input: Buffer.from(login.password),
      env: dockerEnv(configDir),
      silent: true,
      ignoreReturnCode: true
    }
  )
  if (result.exitCode !== 0) {
    const reason = (result.stderr || result.stdout).trim().split('\n').pop() ?? ''
    throw new Error(`docker login to ${login.registry} failed: ${reason}`)
  }
}

/**
 * `docker login` takes no identity token: write it where docker keeps one it
 * was given (`auths.<server>.identitytoken`), which docker push trades at the
 * token service as docker login's own would be.
 */
async function storeIdentityToken(configDir: string, login: DockerLogin): Promise<void> {
  const path = join(configDir, 'config.json')
  const config = JSON.parse(await readFile(path, 'utf8')) as { auths?: Record<string, unknown> }
  const server = login.registry === 'docker.io' ? 'https://index.docker.io/v1/' : login.registry
  config.auths = { ...config.auths, [server]: { identitytoken: login.password } }
  await writeFile(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 })
}
