import { removeConfigDir } from './config.js'
import { dockerLogout } from './logout.js'

/** The docker CLI logins a run made, so a cleanup can undo them. */
export interface DockerLogins {
  readonly configDir: string
  readonly dockerLogins: readonly string[]
}

/** Log out of every registry docker logged in to, then delete the config directory; only warns. */
export async function undoDockerLogins(
  state: DockerLogins,
  log: { info(line: string): void; warning(line: string): void }
): Promise<void> {
  for (const registry of state.dockerLogins) {
    const problem = await dockerLogout(state.configDir, registry)
    if (problem) log.warning(`docker logout ${registry}: ${problem}`)
    else log.info(`Logged out of ${registry}`)
  }
  await removeConfigDir(state.configDir)
  log.info(`Removed ${state.configDir}`)
}
