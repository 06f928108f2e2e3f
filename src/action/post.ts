import { messageOf } from '../shared/errors.js'
import * as core from '@actions/core'
import { undoDockerLogins } from '../docker/undo.js'
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
      core.info('tagship: nothing to clean up (no docker login was made)')
      return
    }
    // Kept only when main got as far as telling later steps where it is;
    // after a failed run nobody would know the logins are there.
    if (!state.logout && state.exported) {
      core.info(`tagship: logout is false: keeping ${state.configDir} for later steps`)
      return
    }
    await undoDockerLogins(
      { configDir: state.configDir, dockerLogins: state.dockerLogins },
      { info: (line) => core.info(line), warning: (line) => core.warning(line) }
    )
  } catch (error) {
    core.warning(`tagship post step: ${messageOf(error)}`)
  }
}
