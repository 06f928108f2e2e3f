import * as core from '@actions/core'

/**
 * The post step. It undoes what the main step set up on the runner; it only
 * warns, never fails the job.
 */
export async function runPost(): Promise<void> {
  try {
    core.info('tagship: nothing to clean up (no registry login was made)')
  } catch (error) {
    core.warning(`tagship post step: ${error instanceof Error ? error.message : String(error)}`)
  }
}
