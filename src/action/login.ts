import * as core from '@actions/core'
import type { ClientOptions } from '../distribution/client.js'
import type { AuthInputs } from '../inputs/auth.js'
import type { CredentialSources } from '../credentials/acquire.js'
import { loginAll as loginEvery, type LoginResult } from '../credentials/login-all.js'
import type { LoginStep } from '../credentials/login-plan.js'
import { savePostState } from './state.js'

export type { LoginResult }

/**
 * The action's logins: one log group per registry, every secret masked, the
 * post step told about each docker login, and DOCKER_CONFIG exported for
 * later steps when `logout: false`.
 */
export async function loginAll(
  steps: readonly LoginStep[],
  auth: AuthInputs,
  options: { sources: CredentialSources; useDocker: boolean; client?: ClientOptions }
): Promise<LoginResult> {
  const result = await loginEvery(steps, auth, {
    ...options,
    log: {
      info: (line) => core.info(line),
      error: (line) => core.error(line),
      group: (title, work) => core.group(title, work)
    },
    mask: (secret) => core.setSecret(secret),
    getIdToken: (audience) => core.getIDToken(audience),
    configParent: process.env.RUNNER_TEMP,
    onDockerLogins: (state) => savePostState({ ...state, logout: auth.logout })
  })
  const { configDir, dockerLogins } = result
  if (configDir !== undefined && !auth.logout) {
    core.exportVariable('DOCKER_CONFIG', configDir)
    savePostState({ configDir, dockerLogins, logout: false, exported: true })
    core.info(`DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`)
  }
  return result
}
