import { named, words, WordedError } from '../shared/words.js'
import { errorChain } from '../shared/errors.js'
import {
  CreateRepositoryCommand,
  DescribeRepositoriesCommand,
  ECRClient
} from '@aws-sdk/client-ecr'
import { awsSession, type AwsLoginOptions, type AwsSession, type AwsTarget } from './aws-client.js'
import { explainAwsError } from './ecr.js'
import { scrubSecrets } from '../shared/scrub.js'
import type { AwsInputs } from '../inputs/auth.js'
import type { Provider } from '../registry/provider.js'

/** An ECR private registry, with the host as the image reference writes it (for messages). */
export type EcrProvider = Extract<Provider, { kind: 'ecr' }> & { readonly host?: string }

export interface EnsureEcrRepositoryOptions {
  readonly provider: EcrProvider
  /** The repository inside the registry: `team/app`. */
  readonly path: string
  readonly aws: AwsInputs
  /** Create the repository when it is missing (ecr-create-repository). */
  readonly create: boolean
  readonly log: (line: string) => void
  /** Credential chain and retry settings, as for the login; `mask` defaults to none (the login masked them). */
  readonly clientOptions?: Partial<AwsLoginOptions>
}

/**
 * `exists` and `created` say what ECR answered; `unchecked` means ECR would
 * not say (no ecr:DescribeRepositories) and nothing was to be created, so the
 * push goes ahead and ECR's own answer to it decides.
 */
export type EcrRepositoryState = 'exists' | 'created' | 'unchecked'

const DESCRIBE = 'ecr:DescribeRepositories'
const CREATE = 'ecr:CreateRepository'

/**
 * Make sure `path` exists in the ECR registry before anything is pushed:
 * ECR has no create-on-push (only opt-in creation templates), and a push to a
 * missing repository fails late with NAME_UNKNOWN or a bare EOF.
 * DescribeRepositories first; when missing, CreateRepository if `create`,
 * else an error saying how to fix it.
 */
export async function ensureEcrRepository(
  options: EnsureEcrRepositoryOptions
): Promise<EcrRepositoryState> {
  const { provider, path, create } = options
  const host = provider.host ?? `${provider.account}.dkr.ecr.${provider.region}.amazonaws.com`
  const target: AwsTarget = {
    label: `Amazon ECR ${host}/${path}`,
    api: 'ECR',
    endpointId: 'ECR',
    permissions: create ? [DESCRIBE, CREATE] : [DESCRIBE],
    region: provider.region
  }
  const session = awsSession(target, options.aws, {
    mask: () => undefined,
    ...options.clientOptions
  })
  const client = new ECRClient(session.clientConfig)
  const where = `${provider.account}/${provider.region}`
  const arn = `arn:aws:ecr:${provider.region}:${provider.account}:repository/${path}`
  try {
    try {
      await client.send(
        new DescribeRepositoriesCommand({ registryId: provider.account, repositoryNames: [path] })
      )
      return 'exists'
    } catch (error) {
      if (nameOf(error) !== 'RepositoryNotFoundException') {
        if (!create && isAccessDenied(error)) {
          options.log(
            `${target.label}: cannot check that the repository exists (the AWS identity may not call ${DESCRIBE}); pushing anyway`
          )
          return 'unchecked'
        }
        throw explain(error, target, session, arn, 'DescribeRepositories')
      }
    }
    if (!create) {
      throw new WordedError(
        words`${host}/${path} does not exist in Amazon ECR (account ${provider.account}, region ${provider.region}): create it, or set ${named('ecr-create-repository')}: true`
      )
    }
    try {
      await client.send(
        new CreateRepositoryCommand({ registryId: provider.account, repositoryName: path })
      )
    } catch (error) {
      // Another job created it between the two calls: just as good.
      if (nameOf(error) === 'RepositoryAlreadyExistsException') return 'exists'
      throw explain(error, target, session, arn, 'CreateRepository')
    }
    options.log(`created ECR repository ${path} in ${where}`)
    return 'created'
  } finally {
    client.destroy()
  }
}

function nameOf(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name
  return typeof name === 'string' ? name : ''
}

function isAccessDenied(error: unknown): boolean {
  return ['AccessDeniedException', 'AccessDenied'].includes(nameOf(error))
}

/** One line naming the repository, what to allow, and what AWS said; no secret in it. */
function explain(
  error: unknown,
  target: AwsTarget,
  session: AwsSession,
  arn: string,
  operation: 'DescribeRepositories' | 'CreateRepository'
): Error {
  if (!isAccessDenied(error)) {
    // Credentials, network, throttling: the login's own explanations fit,
    // naming this call.
    return explainAwsError(error, target, session, operation)
  }
  const needed = target.permissions.map((p) => `"${p}"`).join(' and ')
  const from = session.source ?? 'the AWS credential chain'
  const why = target.permissions.includes(CREATE) ? ' (ecr-create-repository: true needs both)' : ''
  const [shape = {}] = errorChain(error)
  const said =
    shape.message !== undefined ? `${shape.name ?? 'Error'}: ${shape.message}` : String(error)
  const message = `${target.label}: access denied to ${operation}: allow ${needed} on ${arn} for the AWS identity from ${from}${why}; AWS said: ${said}`
  return new Error(scrubSecrets(message, session.secrets).replace(/\s+/g, ' ').trim())
}

/**
 * What DescribeRepositories says of a repository, for a preview (nothing is
 * created): it exists, with its tag mutability as ECR names it (`MUTABLE`,
 * `IMMUTABLE`, or one with exclusions); it is missing; or ECR would not say.
 */
export type EcrRepositoryFacts =
  | { readonly state: 'exists'; readonly mutability: string }
  | { readonly state: 'missing' }
  | { readonly state: 'unknown'; readonly why: string }

/**
 * Read what ensureEcrRepository would find, with DescribeRepositories only:
 * the preview reports a missing repository (created with
 * ecr-create-repository, else a blocked target) and an immutable one, and
 * never writes. A refusal to describe is `unknown`, said so, never guessed.
 */
export async function describeEcrRepository(
  options: Omit<EnsureEcrRepositoryOptions, 'create' | 'log'>
): Promise<EcrRepositoryFacts> {
  const { provider, path } = options
  const host = provider.host ?? `${provider.account}.dkr.ecr.${provider.region}.amazonaws.com`
  const target: AwsTarget = {
    label: `Amazon ECR ${host}/${path}`,
    api: 'ECR',
    endpointId: 'ECR',
    permissions: [DESCRIBE],
    region: provider.region
  }
  const session = awsSession(target, options.aws, {
    mask: () => undefined,
    ...options.clientOptions
  })
  const client = new ECRClient(session.clientConfig)
  const arn = `arn:aws:ecr:${provider.region}:${provider.account}:repository/${path}`
  try {
    const found = await client.send(
      new DescribeRepositoriesCommand({ registryId: provider.account, repositoryNames: [path] })
    )
    const mutability = found.repositories?.[0]?.imageTagMutability ?? 'unknown'
    return { state: 'exists', mutability }
  } catch (error) {
    if (nameOf(error) === 'RepositoryNotFoundException') return { state: 'missing' }
    if (isAccessDenied(error))
      return { state: 'unknown', why: `the AWS identity may not call ${DESCRIBE}` }
    throw explain(error, target, session, arn, 'DescribeRepositories')
  } finally {
    client.destroy()
  }
}
