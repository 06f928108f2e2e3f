import * as core from '@actions/core'
import { RegistryClient, type ClientOptions } from '../distribution/client.js'
import { localImageId } from '../docker/image.js'
import { dockerPush } from '../docker/push.js'
import type { Inputs } from '../inputs/parse.js'
import type { PublishEnv, PublishLog } from '../push/publish.js'
import { ensureEcrRepository } from '../registry/ecr-repository.js'
import { providerOf } from '../registry/login-plan.js'
import type { RegistryLogin } from '../registry/credentials/types.js'
import type { LoginResult } from './login.js'

/** The publish engine's view of the world, from the action's inputs and logins. */
export function actionPublishEnv(inputs: Inputs, login: LoginResult): PublishEnv {
  const clients = new Map(login.clients)
  const client = (registry: string): RegistryClient => {
    let c = clients.get(registry)
    if (!c) {
      const credentials: RegistryLogin | undefined = login.logins.get(registry)
      c = new RegistryClient(registry, credentials, (s) => core.setSecret(s), clientOptions(inputs))
      clients.set(registry, c)
    }
    return c
  }
  const configDir = login.configDir
  const options = configDir !== undefined ? { configDir } : {}
  return {
    client,
    log: actionLog,
    ...(inputs.source?.kind === 'local'
      ? {
          docker: {
            imageId: (image: string) => localImageId(image, options),
            push: (image: string, reference: string, log: (line: string) => void) =>
              dockerPush(image, reference, { ...options, log })
          }
        }
      : {}),
    ensureRepository: async (repository) => {
      const provider = providerOf(repository.registry, inputs.auth)
      if (provider.kind === 'dockerhub')
        core.warning(
          `${repository.name} has no tags yet: if it does not exist, Docker Hub creates it on this push with the account's default visibility, which may be public`
        )
      if (provider.kind !== 'ecr') return
      await ensureEcrRepository({
        provider: { ...provider, host: repository.registry },
        path: repository.path,
        aws: inputs.auth.aws,
        create: inputs.publish.ecrCreateRepository,
        log: (line) => core.info(line)
      })
    }
  }
}

const actionLog: PublishLog = {
  info: (line) => core.info(line),
  warning: (line) => core.warning(line),
  group: (title, work) => core.group(title, work)
}

/** The registry client's timeouts and retries, from the publishing inputs. */
export function clientOptions(inputs: Inputs): ClientOptions {
  return {
    timeoutMs: inputs.publish.requestTimeoutMs,
    retries: inputs.publish.retries,
    onRetry: (message: string) => core.info(message)
  }
}
