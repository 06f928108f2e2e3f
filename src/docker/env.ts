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

/**
 * The environment every docker command runs with: the allow-listed variables,
 * and DOCKER_CONFIG set to `configDir` when given (the run's own logins), else
 * kept as the job set it, if it did.
 */
export function dockerEnv(configDir?: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of PASSED_TO_DOCKER) {
    const value = process.env[name]
    if (value !== undefined) env[name] = value
  }
  const config = configDir ?? process.env.DOCKER_CONFIG
  return config === undefined ? env : { ...env, DOCKER_CONFIG: config }
}
