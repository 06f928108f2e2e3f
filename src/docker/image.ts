import { getExecOutput } from '@actions/exec'
import { InputError, messageOf, quote } from '../shared/errors.js'
import { dockerEnv } from './env.js'

/** The daemon is not there: docker 20–28 (`Cannot connect …`) and newer (`failed to connect to the docker API …`). */
const NO_DAEMON = /Cannot connect to the Docker daemon|failed to connect to the docker API/i
const NO_SUCH_IMAGE = /no such image/i
const INVALID_REFERENCE = /invalid reference format/i

/** Run the docker CLI with the allow-listed environment; never throws for a failed command. */
export async function runDocker(
  args: readonly string[],
  options: {
    configDir?: string
    listeners?: { stdline?: (line: string) => void; errline?: (line: string) => void }
  } = {}
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  try {
    return await getExecOutput('docker', [...args], {
      env: dockerEnv(options.configDir),
      silent: true,
      ignoreReturnCode: true,
      ...(options.listeners ? { listeners: options.listeners } : {})
    })
  } catch (error) {
    // @actions/exec throws only when the executable cannot be started.
    const why = messageOf(error)
    throw new Error(`cannot run docker: ${why}`, { cause: error })
  }
}

/** docker's last non-empty line of complaint, from stderr (or stdout when stderr is empty). */
export function lastDockerLine(result: { stdout: string; stderr: string }): string {
  const lines = (result.stderr.trim() ? result.stderr : result.stdout)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  return lines.at(-1) ?? 'no output'
}

/**
 * A failed docker command as one actionable line: no daemon, an image that is
 * not in the daemon (an input error in `source`), or docker's own reason.
 */
export function dockerFailure(
  what: string,
  image: string,
  result: { stdout: string; stderr: string }
): Error {
  const line = lastDockerLine(result)
  if (NO_DAEMON.test(line)) {
    return new Error(
      `${what}: no Docker daemon answers (${line}): start one, or set DOCKER_HOST to a running daemon`
    )
  }
  if (INVALID_REFERENCE.test(line)) {
    return new InputError('source', `${quote(image)} is not a valid image reference: ${line}`)
  }
  if (NO_SUCH_IMAGE.test(line)) {
    return new InputError(
      'source',
      `${quote(image)} is not an image in the local Docker daemon: build it with load: true ` +
        '(docker/build-push-action) or docker build before tagship, or give a registry reference'
    )
  }
  return new Error(`${what} failed: ${line}`)
}

/** The local image's ID (`sha256:…`), as the daemon knows it. */
export async function localImageId(
  image: string,
  options: { configDir?: string } = {}
): Promise<string> {
  const result = await runDocker(['image', 'inspect', '--format', '{{.Id}}', '--', image], options)
  if (result.exitCode !== 0) throw dockerFailure(`docker image inspect ${image}`, image, result)
  const id = result.stdout.trim()
  if (!/^sha256:[0-9a-f]{64}$/.test(id)) {
    throw new Error(`docker image inspect ${image} gave no image ID: ${quote(id)}`)
  }
  return id
}
