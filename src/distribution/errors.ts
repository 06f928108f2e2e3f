import { errorChain, oneLine } from '../shared/errors.js'
import type { Provider } from '../registry/provider.js'
/** The registry refused the credentials (a 401 after answering its challenge). */
export class CredentialsRejectedError extends Error {
  constructor(
    readonly registry: string,
    readonly detail: string
  ) {
    super(`${registry} rejected the credentials: ${detail}`)
    this.name = 'CredentialsRejectedError'
  }
}

/** The registry could not be reached (DNS, refused connection, TLS, timeout). */
export class RegistryUnreachableError extends Error {
  constructor(
    readonly registry: string,
    readonly detail: string,
    /** How many times the transport tried again before giving up. */
    readonly retries = 0,
    options?: ErrorOptions
  ) {
    // After retries, say so and what to change: the fault outlasted the budget.
    const gaveUp =
      retries > 0
        ? `; gave up after ${retries} ${retries === 1 ? 'retry' : 'retries'}: run the step again, or raise retries or request-timeout`
        : ''
    super(`${registry} could not be reached: ${detail}${gaveUp}`, options)
    this.name = 'RegistryUnreachableError'
  }
}

/** `{"errors":[{"code","message"}]}` from a registry, as one short line. */
export async function registryErrorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as {
      errors?: { code?: string; message?: string }[]
      details?: string
    }
    const first = body.errors?.[0]
    if (first) return [first.code, first.message].filter(Boolean).join(': ')
  } catch {
    // not JSON: fall through to the status line
  }
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
}

/** Why a fetch failed, from undici's nested causes: `ECONNREFUSED 127.0.0.1:5000`. */
export function networkErrorText(error: unknown): string {
  const innermost = errorChain(error).at(-1)
  if (innermost?.message === undefined) return String(error)
  const { code, message } = innermost
  return code ? `${code} ${oneLine(message.replace(code, ''))}`.trim() : message
}

/** What tagship was doing when a registry refused, for the one line that explains it. */
export interface RequestContext {
  readonly registry: string
  /** The repository path inside the registry: `team/app`. */
  readonly repository: string
  /** A tag or digest, when the request was about one. */
  readonly reference?: string
  /** `pushing manifest`, `reading manifest`, `uploading blob`, `listing tags`… */
  readonly action: string
  /** Whether the request writes: a DENIED then means no push rights. */
  readonly write: boolean
  /** Who runs the registry, when the client was told: GHCR's refusals name their own fix. */
  readonly provider?: Provider['kind']
}

/** The registry's answer to one request, after the transport's retries. */
export interface RegistryAnswer {
  readonly status: number
  /** The first `errors[].code`: `NAME_UNKNOWN`, `DENIED`… */
  readonly code?: string
  readonly message?: string
  /** How many times the transport retried before giving up. */
  readonly retries: number
}

/**
 * A registry refused a request. `message` is one line naming the registry,
 * the repository and reference, the code and a fix; `code` and `status` let
 * a caller tell cases apart (see `immutableTag`).
 */
export class RegistryRequestError extends Error {
  readonly registry: string
  readonly repository: string
  readonly reference: string | undefined
  readonly status: number
  readonly code: string | undefined
  /** The registry's own message, when it gave one. */
  readonly detail: string | undefined
  readonly retries: number

  constructor(
    readonly context: RequestContext,
    readonly answer: RegistryAnswer,
    options?: ErrorOptions
  ) {
    super(describeRegistryError(context, answer), options)
    this.name = 'RegistryRequestError'
    this.registry = context.registry
    this.repository = context.repository
    this.reference = context.reference
    this.status = answer.status
    this.code = answer.code
    this.detail = answer.message
    this.retries = answer.retries
  }

  /** An immutable repository (ECR) refused to move an existing tag. */
  get immutableTag(): boolean {
    return isImmutableTagRefusal(this.code, this.detail)
  }
}

/**
 * ECR answers a PUT to an existing tag of an immutable repository with 400
 * `TAG_INVALID` "… already exists in the 'app' repository and cannot be
 * overwritten because the repository is immutable."
 */
export function isImmutableTagRefusal(
  code: string | undefined,
  message: string | undefined
): boolean {
  return (
    (code === 'TAG_INVALID' || code === 'ImageTagAlreadyExistsException') &&
    /immutable/i.test(message ?? '')
  )
}

/** `127.0.0.1:5000/team/app:1.0.0`, `…/team/app@sha256:…`, or just the repository. */
function describeTarget(context: RequestContext): string {
  const ref = context.reference
  const at = ref === undefined ? '' : ref.includes(':') ? `@${ref}` : `:${ref}`
  return `${context.registry}/${context.repository}${at}`
}

/** One actionable line for a refusal: `pushing manifest r/team/app:1 failed: NAME_UNKNOWN (HTTP 404): the repository does not exist; …`. */
export function describeRegistryError(context: RequestContext, answer: RegistryAnswer): string {
  const what = answer.code ? `${answer.code} (HTTP ${answer.status})` : `HTTP ${answer.status}`
  return `${context.action} ${describeTarget(context)} failed: ${what}: ${advice(context, answer)}`
}

function advice(context: RequestContext, answer: RegistryAnswer): string {
  const repo = context.repository
  const retried = `retried ${answer.retries} time${answer.retries === 1 ? '' : 's'}`
  const said = answer.message ? ` (${answer.message})` : ''
  if (isImmutableTagRefusal(answer.code, answer.message))
    return `the repository is immutable and the tag already points at another image: publish a new tag, or make ${repo} mutable`
  const ghcr =
    context.provider === 'ghcr' && context.write ? ghcrWriteAdvice(context, answer) : undefined
  if (ghcr) return ghcr
  if (answer.code === 'TOOMANYREQUESTS' || answer.status === 429)
    return `rate limited; ${retried}: wait and run again, or use credentials with a higher limit`
  switch (answer.code) {
    case 'NAME_UNKNOWN':
      return `the repository does not exist: create it first (on Amazon ECR, set ecr-create-repository: true)`
    case 'NAME_INVALID':
      return `the registry does not accept the repository name ${repo}${said}`
    case 'DENIED':
      return context.write
        ? `the credentials may not push to ${repo}: grant them write access to it`
        : `the credentials may not pull from ${repo}: grant them read access to it`
    case 'UNAUTHORIZED':
      return `the registry refused the credentials for ${repo}: check them and their access to this repository`
    case 'MANIFEST_BLOB_UNKNOWN':
      return `a blob or child manifest it references is missing from ${repo}: push those first`
    case 'MANIFEST_INVALID':
      return `the registry refused the manifest as invalid${said}`
    case 'MANIFEST_UNKNOWN':
      return `no such manifest: check the tag or digest`
    case 'BLOB_UNKNOWN':
      return `the blob is not in ${repo}`
    case 'UNSUPPORTED':
      return `the registry does not support this operation or media type${said}`
    case 'TAG_INVALID':
      return `the registry refused the tag${said}`
    case 'DIGEST_INVALID':
    case 'SIZE_INVALID':
      return `the content did not match its digest or size: the source changed or the transfer was corrupted; run again`
    case 'BLOB_UPLOAD_UNKNOWN':
    case 'BLOB_UPLOAD_INVALID':
      return `the registry lost the upload session${said}; run again`
  }
  if (answer.status === 401)
    return `the registry refused the credentials for ${repo}: check them and their access to this repository`
  if (answer.status === 403)
    return context.write
      ? `the credentials may not push to ${repo}: grant them write access to it`
      : `the credentials may not pull from ${repo}: grant them read access to it`
  if (answer.status === 404) return `not found${said}`
  if (answer.status === 408 || answer.status >= 500)
    return `the registry kept failing; ${retried}: try again later`
  return answer.message ?? answer.code ?? 'unexpected answer'
}

/**
 * GHCR refuses a write it does not allow with 403 `DENIED`, in two words that
 * each have their fix: `installation not allowed to Create organization
 * package` (or `Write`) when the job's GITHUB_TOKEN has no `packages: write`;
 * `permission_denied: write_package` when the token may write packages but
 * not this one: the package does not grant the workflow's repository Write
 * access (its settings, Manage Actions access), or the job has only
 * `packages: read`.
 */
function ghcrWriteAdvice(context: RequestContext, answer: RegistryAnswer): string | undefined {
  if (answer.status !== 403 && answer.code !== 'DENIED') return undefined
  const pkg = `${context.registry}/${context.repository}`
  const said = answer.message ? ` (${answer.message})` : ''
  if (/installation not allowed to \w+ organization package/i.test(answer.message ?? ''))
    return `GHCR refused to write the package ${pkg}${said}: the job's GITHUB_TOKEN may not write packages: add permissions: packages: write to the job`
  if (/permission_denied: write_package/i.test(answer.message ?? ''))
    return `GHCR refused to write the package ${pkg}${said}: the package does not grant the workflow's repository Write access: in the package's settings, Manage Actions access, add the repository with the Write role (and give the job permissions: packages: write)`
  return `GHCR refused to write the package ${pkg}${said}: give the job permissions: packages: write, and the workflow's repository Write access in the package's settings (Manage Actions access)`
}

/** The first `{"errors":[{"code","message"}]}` entry of an answer, consuming its body. */
export async function readRegistryError(
  response: Response
): Promise<{ code?: string; message?: string }> {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as { errors?: { code?: unknown; message?: unknown }[] }
    const first = body.errors?.[0]
    if (first) {
      return {
        ...(typeof first.code === 'string' && first.code ? { code: first.code } : {}),
        ...(typeof first.message === 'string' && first.message ? { message: first.message } : {})
      }
    }
  } catch {
    // not JSON (a proxy's HTML page, an empty HEAD answer): the status says it all
  }
  return {}
}

/** Content that does not hash to the digest it was asked for, or has the wrong size. */
export class ContentMismatchError extends Error {
  constructor(
    readonly registry: string,
    readonly repository: string,
    readonly reference: string,
    readonly detail: string
  ) {
    super(
      `${describeTarget({ registry, repository, reference, action: '', write: false })}: ${detail}: the registry (or something between) served other content than asked for; run again, and check the registry if it persists`
    )
    this.name = 'ContentMismatchError'
  }
}
