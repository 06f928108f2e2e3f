import * as core from '@actions/core'
import { removeConfigDir } from '../docker/config.js'
import { dockerLogout } from '../docker/login.js'
import { readPostState } from './state.js'

/**
 * The post step: log out of every registry the main step logged in to and
 * delete the run's Docker config directory, unless `logout: false`. It
 * only warns; it never fails the job.
 */
export async function runPost(): Promise<void> {
  try {
    const state = readPostState()
    if (!state?.configDir) {
      core.info('tagship: nothing to clean up (no registry login was made)')
      return
    }
    // Kept only when main got as far as telling later steps where it is;
    // after a failed run nobody would know the logins are there.
    if (!state.logout && state.exported) {
      core.info(`tagship: logout is false: keeping ${state.configDir} for later steps`)
      return
    }
    for (const registry of state.dockerLogins) {
      const problem = await dockerLogout(state.configDir, registry)
      if (problem) core.warning(`docker logout ${registry}: ${problem}`)
      else core.info(`Logged out of ${registry}`)
    }
    await removeConfigDir(state.configDir)
    core.info(`Removed ${state.configDir}`)
  } catch (error) {
    core.warning(`tagship post step: ${error instanceof Error ? error.message : String(error)}`)
  }
}
