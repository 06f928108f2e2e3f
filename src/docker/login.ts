import { getExecOutput } from '@actions/exec'
import type { Provider } from '../registry/provider.js'

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

/**
 * What docker and its helpers may see: not the step's INPUT_* secrets or the
 * runner's ID-token request token, only what the CLI itself reads.
 */
const PASSED_TO_DOCKER = [
  'PATH',
  'HOME',
  'USER',
  'TMPDIR',
  'DOCKER_HOST',
  'DOCKER_CONTEXT',
  'DOCKER_TLS_VERIFY',
  'DOCKER_CERT_PATH',
  'DOCKER_API_VERSION',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy'
]

const dockerEnv = (configDir: string): Record<string, string> => {
  const env: Record<string, string> = {}
  for (const name of PASSED_TO_DOCKER) {
    const value = process.env[name]
    if (value !== undefined) env[name] = value
  }
  return { ...env, DOCKER_CONFIG: configDir }
}

/** `docker login --password-stdin` into the run's config directory. Throws with docker's own reason. */
export async function dockerLogin(configDir: string, login: DockerLogin): Promise<void> {
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

/** `docker logout`; returns docker's complaint, if any, for a warning. */
export async function dockerLogout(
  configDir: string,
  registry: string
): Promise<string | undefined> {
  const result = await getExecOutput(
    'docker',
    ['logout', ...(registry === 'docker.io' ? [] : [registry])],
    {
      env: dockerEnv(configDir),
      silent: true,
      ignoreReturnCode: true
    }
  )
  return result.exitCode === 0 ? undefined : (result.stderr || result.stdout).trim()
}
