import { nothingPushed } from '../shared/errors.js'
import { retryPolicy, type Pacing } from '../shared/retry.js'
import { RegistryClient, type ClientOptions } from '../distribution/client.js'
import { localImageId } from '../docker/image.js'
import { dockerPush } from '../docker/push.js'
import { dockerSave } from '../docker/save.js'
import { tmpdir } from 'node:os'
import type { Inputs } from '../inputs/parse.js'
import type { RegistryLogin } from '../credentials/types.js'
import type { MaskSecret } from '../distribution/credentials.js'
import type { LoginResult } from '../credentials/login-all.js'
import { providerOf } from '../credentials/login-plan.js'
import type { PublishEvents } from './events.js'
import type { PublishEnv, PublishLog } from './publish.js'
import { resolveFile, type ResolvedSource } from './source-resolve.js'
import type { RepositoryFacts } from './preview-result.js'
import type { Repository } from '../registry/reference.js'
import type { EcrRepositoryFacts } from '../credentials/ecr-repository.js'

/** The registry client's timeouts and retries, from the publishing inputs. */
export function clientOptionsOf(inputs: Inputs, onRetry: (message: string) => void): ClientOptions {
  return {
    timeoutMs: inputs.publish.requestTimeoutMs,
    retries: inputs.publish.retries,
    insecureRegistries: inputs.publish.insecureRegistries,
    onRetry
  }
}

/**
 * The publish engine's view of the world, from the inputs and the logins:
 * the clients that checked each login (a new one for any other registry),
 * the docker CLI for a local source, and the ECR repository check. Shared by
 * the action and the CLI, which differ only in where lines go and how
 * secrets are masked.
 */
export function publishSession(
  inputs: Inputs,
  login: LoginResult,
  edge: {
    readonly log: PublishLog
    readonly mask: MaskSecret
    readonly client: ClientOptions
    readonly prepared?: ResolvedSource | undefined
    readonly events?: PublishEvents
    /** RUNNER_TEMP: where a local image is saved for upload (default: the OS temp dir). */
    readonly tempDir?: string | undefined
  }
): PublishEnv {
  const tempDir = edge.tempDir || tmpdir()
  // The ECR API calls retry as the logins and every registry request do.
  const awsPacing = (log: { info(line: string): void }): Pacing => ({
    policy: retryPolicy(inputs.publish.retries),
    onRetry: (line) => log.info(line)
  })
  const clients = new Map(login.clients)
  const client = (registry: string): RegistryClient => {
    let c = clients.get(registry)
    if (!c) {
      const credentials: RegistryLogin | undefined = login.logins.get(registry)
      c = new RegistryClient(registry, credentials, edge.mask, {
        ...edge.client,
        provider: providerOf(registry, inputs.auth)
      })
      clients.set(registry, c)
    }
    return c
  }
  const configDir = login.configDir
  const options = configDir !== undefined ? { configDir } : {}
  return {
    client,
    log: edge.log,
    ...(edge.prepared ? { prepared: edge.prepared } : {}),
    ...(edge.events ? { events: edge.events } : {}),
    ...(inputs.source?.kind === 'local'
      ? {
          docker: {
            imageId: (image: string) => localImageId(image, options),
            push: (image: string, reference: string, log: (line: string) => void) =>
              dockerPush(image, reference, { ...options, log }),
            save: (image: string, imageId: string) => dockerSave(image, imageId, tempDir, options)
          },
          tempDir
        }
      : {}),
    ensureRepository: async (repository, log) => {
      const provider = providerOf(repository.registry, inputs.auth)
      if (provider.kind === 'dockerhub')
        log.warning(
          `${repository.name} has no tags yet: if it does not exist, Docker Hub creates it on this push with the account's default visibility, which may be public`
        )
      if (provider.kind !== 'ecr') return
      // The AWS SDK is loaded only for an ECR target, not at start-up.
      const { ensureEcrRepository } = await import('../credentials/ecr-repository.js')
      await ensureEcrRepository({
        provider: { ...provider, host: repository.registry },
        path: repository.path,
        aws: inputs.auth.aws,
        create: inputs.publish.ecrCreateRepository,
        log: (line) => log.info(line),
        // The same retries as the login and every registry request.
        clientOptions: { pacing: awsPacing(log) }
      })
    },
    inspectRepository: async (repository, empty, log) => {
      const provider = providerOf(repository.registry, inputs.auth)
      if (provider.kind === 'dockerhub' && empty) {
        const note = `no tags yet: if it does not exist, Docker Hub creates it on the push with the account's default visibility, which may be public`
        log.warning(`${repository.name} has ${note}`)
        return { immutable: false, note }
      }
      if (provider.kind !== 'ecr') return undefined
      const { describeEcrRepository } = await import('../credentials/ecr-repository.js')
      const facts = await describeEcrRepository({
        provider: { ...provider, host: repository.registry },
        path: repository.path,
        aws: inputs.auth.aws,
        clientOptions: { pacing: awsPacing(log) }
      })
      return ecrFacts(facts, repository, provider, inputs.publish.ecrCreateRepository)
    }
  }
}

/** What the preview says of an ECR repository, from DescribeRepositories. */
function ecrFacts(
  facts: EcrRepositoryFacts,
  repository: Repository,
  provider: { readonly account: string; readonly region: string },
  create: boolean
): RepositoryFacts {
  switch (facts.state) {
    case 'exists':
      if (facts.mutability === 'IMMUTABLE')
        return { immutable: true, note: 'Amazon ECR, immutable tags' }
      if (facts.mutability === 'MUTABLE') return { immutable: false }
      return {
        immutable: 'unknown',
        note: `Amazon ECR, tag mutability ${facts.mutability}: whether a tag may move depends on its exclusion filters`
      }
    case 'missing':
      if (create)
        return {
          immutable: false,
          note: 'does not exist in Amazon ECR: the release creates it (ecr-create-repository)'
        }
      return {
        immutable: false,
        note: 'does not exist in Amazon ECR',
        blocked: `${repository.name} does not exist in Amazon ECR (account ${provider.account}, region ${provider.region}): create it, or turn on ecr-create-repository`
      }
    case 'unknown':
      return {
        immutable: 'unknown',
        note: `Amazon ECR: ${facts.why}, so whether the repository exists and whether its tags are immutable is unknown`
      }
  }
}

/**
 * What can be checked of the source without a registry, before any is
 * contacted, so a bad source costs no login and no request: a local image
 * must be in the daemon; a file is opened and checked whole (every blob there
 * and intact, the platforms it is asked for), and handed to the publish.
 */
export async function prepareSource(inputs: Inputs): Promise<ResolvedSource | undefined> {
  const source = inputs.source
  if (source?.kind === 'local') {
    try {
      await localImageId(source.image)
    } catch (e) {
      throw nothingPushed(e)
    }
    return undefined
  }
  if (source === undefined || source.kind === 'registry') return undefined
  return resolveFile(source, inputs.publish)
}
