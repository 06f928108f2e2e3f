import { messageOf } from '../shared/errors.js'
import { undoDockerLogins } from '../docker/undo.js'
import { info, readPostState, warning } from './post-io.js'

/**
 * The post step: log out of every registry the main step logged in to and
 * delete the run's Docker config directory, unless `logout: false`. It
 * only warns; it never fails the job. It imports neither @actions/core nor
 * @actions/exec (post-io.ts, docker/logout.ts), so its bundle stays small.
 */
export async function runPost(): Promise<void> {
  try {
    const state = readPostState()
    if (!state?.configDir) {
      info('tagship: nothing to clean up (no docker login was made)')
      return
    }
    // Kept only when main got as far as telling later steps where it is;
    // after a failed run nobody would know the logins are there.
    if (!state.logout && state.exported) {
      info(`tagship: logout is false: keeping ${state.configDir} for later steps`)
      return
    }
    await undoDockerLogins(
      { configDir: state.configDir, dockerLogins: state.dockerLogins },
      { info, warning }
    )
  } catch (error) {
    warning(`tagship post step: ${messageOf(error)}`)
  }
}
