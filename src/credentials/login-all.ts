import { render, WordedError, wordsOf, type InputNamer, type Words } from '../shared/words.js'
import { RegistryClient, type ClientOptions } from '../distribution/client.js'
import { CredentialsRejectedError } from '../distribution/errors.js'
import { createConfigDir, releaseFromHelpers, type DockerConfigFile } from '../docker/config.js'
import { dockerLogin } from '../docker/login.js'
import type { DockerLogins } from '../docker/undo.js'
import type { AuthInputs } from '../inputs/auth.js'
import { acquireLogin, type CredentialSources } from './acquire.js'
import type { RegistryLogin } from './types.js'
import type { MaskSecret } from '../distribution/credentials.js'
import { rejectedMessage } from './login-messages.js'
import { describeCredentials, type LoginStep } from './login-plan.js'
import { providerName } from '../registry/provider.js'
import { runGrouped, type LineSink } from '../shared/log-groups.js'
import { retryPolicy, type Pacing } from '../shared/retry.js'

/** Where login progress goes: the action's log groups, or the CLI's stderr. */
export interface LoginLog {
  info(line: string): void
  error(line: string): void
  group<T>(title: string, work: () => Promise<T>): Promise<T>
}

export interface LoginResult {
  /** Credentials per registry, for the daemonless engine; anonymous ones are absent. */
  readonly logins: ReadonlyMap<string, RegistryLogin>
  /** The run's Docker config directory, when the docker CLI logged in. */
  readonly configDir?: string
  /** The registries `docker login` wrote into configDir, in order. */
  readonly dockerLogins: readonly string[]
  /** The client that checked each login: the publish reuses what it learned (challenge, tokens). */
  readonly clients: ReadonlyMap<string, RegistryClient>
}

export interface LoginAllOptions {
  readonly sources: CredentialSources
  /** `docker login` every target too: the docker CLI engine pushes with those logins. */
  readonly useDocker: boolean
  readonly client?: ClientOptions
  readonly log: LoginLog
  readonly mask: MaskSecret
  readonly getIdToken: (audience: string) => Promise<string>
  /** Where the run's Docker config directory is made (the OS temp dir when undefined). */
  readonly configParent?: string
  /** What the run's Docker config starts from (the job's own, with `logout: false`); empty when undefined. */
  readonly seedConfig?: DockerConfigFile
  /** Told each time the docker logins change, before anything else can fail. */
  readonly onDockerLogins?: (state: DockerLogins) => void
  /** What to say when a registry refuses a step's credentials (default: rejectedMessage). */
  readonly rejected?: (step: LoginStep) => Words
  /** How the edge names inputs in the lines it is shown (default: the action's names). */
  readonly names?: InputNamer
}

/**
 * Log in to every registry of the plan, one log group each: obtain the
 * credentials and check them against the registry (every registry at once),
 * then (for the docker CLI engine) `docker login` into a config directory
 * made for this run. Every registry is tried, so one run reports every
 * refused login at once.
 */
export async function loginAll(
  steps: readonly LoginStep[],
  auth: AuthInputs,
  options: LoginAllOptions
): Promise<LoginResult> {
  const { log } = options
  const logins = new Map<string, RegistryLogin>()
  const clients = new Map<string, RegistryClient>()
  const dockerLogins: string[] = []
  let configDir: string | undefined
  const changed = (): void => {
    if (configDir !== undefined) options.onDockerLogins?.({ configDir, dockerLogins })
  }
  const failures: string[] = []
  // Credentials and login checks for every registry at once; what follows a
  // check (docker login, which rewrites one config file) one at a time, in order.
  await runGrouped(
    log,
    steps.map((step) => ({
      title: `Login to ${step.registry}`,
      run: (held: LineSink) => checkOne(step, held)
    })),
    async (settled, i) => {
      const step = steps[i]!
      try {
        if (settled.status === 'rejected') throw settled.reason
        await finishOne(step, settled.value)
      } catch (e) {
        log.error(render(wordsOf(e), options.names))
        failures.push(step.registry)
      }
    }
  )
  if (failures.length > 0) {
    throw new Error(
      `could not log in to ${failures.length} of ${steps.length} registries (${failures.join(', ')}): nothing was pushed`
    )
  }
  return { logins, clients, dockerLogins, ...(configDir ? { configDir } : {}) }

  async function checkOne(step: LoginStep, held: LineSink): Promise<RegistryLogin | undefined> {
    const kind = step.provider.kind === 'generic' ? '' : ` (${providerName(step.provider)})`
    held.info(`${step.registry}${kind}: ${describeCredentials(step.credentials)}`)
    const login = await acquireLogin(step, auth, {
      sources: options.sources,
      mask: options.mask,
      getIdToken: options.getIdToken,
      pacing: loginPacing(options.client, held)
    })
    try {
      const client = new RegistryClient(step.registry, login, options.mask, {
        ...options.client,
        provider: step.provider,
        // The registry's retries (its token service's among them) in the registry's own group.
        onRetry: (line) => held.info(line)
      })
      await client.checkLogin()
      clients.set(step.registry, client)
    } catch (e) {
      if (e instanceof CredentialsRejectedError)
        throw new WordedError((options.rejected ?? rejectedMessage)(step), { cause: e })
      throw e
    }
    if (!login) held.info(`${step.registry} accepts anonymous requests`)
    return login
  }

  async function finishOne(step: LoginStep, login: RegistryLogin | undefined): Promise<void> {
    if (!login) return
    logins.set(step.registry, login)
    if (options.useDocker && step.push) {
      if (configDir === undefined) {
        configDir = await createConfigDir(options.configParent, options.seedConfig)
        changed()
      }
      if (options.seedConfig) await releaseFromHelpers(configDir, step.registry)
      await dockerLogin(configDir, login)
      dockerLogins.push(step.registry)
      changed()
    }
    const until = login.expiresAt ? `, valid until ${login.expiresAt.toISOString()}` : ''
    log.info(`Logged in to ${step.registry} as ${login.username} (${login.source}${until})`)
  }
}

/**
 * How the calls that obtain credentials (token exchanges, STS, Entra ID, ECR)
 * retry: as the registry client does, bounded by its `retries` and on its
 * clock, each retry told in the registry's own group.
 */
function loginPacing(client: ClientOptions | undefined, held: LineSink): Pacing {
  return {
    policy: retryPolicy(client?.retries),
    ...(client?.sleep && { sleep: client.sleep }),
    ...(client?.random && { random: client.random }),
    ...(client?.now && { now: client.now }),
    onRetry: (line) => held.info(line)
  }
}

export { undoDockerLogins, type DockerLogins } from '../docker/undo.js'
