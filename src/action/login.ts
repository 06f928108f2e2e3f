import * as core from '@actions/core'
import { RegistryClient, type ClientOptions } from '../distribution/client.js'
import { CredentialsRejectedError } from '../distribution/errors.js'
import { createConfigDir } from '../docker/config.js'
import { dockerLogin } from '../docker/login.js'
import type { AuthInputs } from '../inputs/auth.js'
import { acquireLogin, type CredentialSources } from '../registry/credentials/acquire.js'
import type { RegistryLogin } from '../registry/credentials/types.js'
import { rejectedMessage } from '../registry/login-messages.js'
import { describeCredentials, type LoginStep } from '../registry/login-plan.js'
import { providerName } from '../registry/provider.js'
import { savePostState } from './state.js'

export interface LoginResult {
  /** Credentials per registry, for the daemonless engine; anonymous ones are absent. */
  readonly logins: ReadonlyMap<string, RegistryLogin>
  /** The run's Docker config directory, when the docker CLI logged in. */
  readonly configDir?: string
  /** The client that checked each login: the publish reuses what it learned (challenge, tokens). */
  readonly clients: ReadonlyMap<string, RegistryClient>
}

/**
 * Log in to every registry of the plan, one log group each: obtain the
 * credentials, check them against the registry, and (for the docker CLI
 * engine) `docker login` into a config directory made for this run.
 */
export async function loginAll(
  steps: readonly LoginStep[],
  auth: AuthInputs,
  options: { sources: CredentialSources; useDocker: boolean; client?: ClientOptions }
): Promise<LoginResult> {
  const logins = new Map<string, RegistryLogin>()
  const clients = new Map<string, RegistryClient>()
  const dockerLogins: string[] = []
  let configDir: string | undefined
  const save = (): void =>
    savePostState({ ...(configDir ? { configDir } : {}), dockerLogins, logout: auth.logout })
  const failures: string[] = []
  for (const step of steps) {
    await core.group(`Login to ${step.registry}`, async () => {
      try {
        await loginOne(step)
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e)
        core.error(message)
        failures.push(step.registry)
      }
    })
  }
  if (failures.length > 0) {
    throw new Error(
      `could not log in to ${failures.length} of ${steps.length} registries (${failures.join(', ')}): nothing was pushed`
    )
  }
  if (configDir !== undefined && !auth.logout) {
    core.exportVariable('DOCKER_CONFIG', configDir)
    savePostState({ configDir, dockerLogins, logout: false, exported: true })
    core.info(`DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`)
  }
  return { logins, clients, ...(configDir ? { configDir } : {}) }

  async function loginOne(step: LoginStep): Promise<void> {
    const kind = step.provider.kind === 'generic' ? '' : ` (${providerName(step.provider)})`
    core.info(`${step.registry}${kind}: ${describeCredentials(step.credentials)}`)
    const login = await acquireLogin(step, auth, {
      sources: options.sources,
      mask: (secret) => core.setSecret(secret),
      getIdToken: (audience) => core.getIDToken(audience)
    })
    try {
      const client = new RegistryClient(
        step.registry,
        login,
        (s) => core.setSecret(s),
        options.client
      )
      await client.checkLogin()
      clients.set(step.registry, client)
    } catch (e) {
      if (e instanceof CredentialsRejectedError)
        throw new Error(rejectedMessage(step), { cause: e })
      throw e
    }
    if (!login) {
      core.info(`${step.registry} accepts anonymous requests`)
      return
    }
    logins.set(step.registry, login)
    if (options.useDocker && step.push) {
      if (configDir === undefined) {
        configDir = await createConfigDir(process.env.RUNNER_TEMP)
        save()
      }
      await dockerLogin(configDir, login)
      dockerLogins.push(step.registry)
      save()
    }
    const until = login.expiresAt ? `, valid until ${login.expiresAt.toISOString()}` : ''
    core.info(`Logged in to ${step.registry} as ${login.username} (${login.source}${until})`)
  }
}
