import { InputError, quote } from '../shared/errors.js'
import { lowercasedNotice, parseRepository, type Repository } from '../registry/reference.js'
import type { TagRequest } from '../tags/compute.js'
import { parseFlavor } from '../tags/rules/flavor.js'
import { parseRules } from '../tags/rules/parse.js'
import { tagProblem } from '../tags/sanitize.js'
import { DEFAULT_STRATEGIES, STRATEGIES } from '../tags/strategies/index.js'
import { DEFAULT_STRATEGY_OPTIONS, type StrategyOptions } from '../tags/strategies/options.js'
import { parseSource, type Source } from '../registry/source.js'
import { parseAuthInputs, type AuthInputs } from './auth.js'
import { parsePlatforms, type PlatformSpec } from './platforms.js'
import { parseCacheHandoff, type CacheHandoff } from './cache.js'
import { parseContextSource, type ContextSource } from './context-source.js'
import { parseMetadata, type MetadataInputs } from './metadata.js'
import type { RawInputs } from './spec.js'
import {
  parseBoolean,
  parseChoice,
  parseInteger,
  splitLines,
  splitList,
  suggestion
} from '../shared/values.js'

/** Everything the inputs ask for, parsed and validated as a whole. */
export interface Inputs {
  readonly source?: Source
  readonly images: readonly Repository[]
  /** Log in and read every registry: true for `push: true` and `push: preview`. */
  readonly push: boolean
  /** `push: preview`: do everything a publish reads, write nothing, report what it would do. */
  readonly preview?: true
  readonly tags: TagRequest
  readonly auth: AuthInputs
  readonly publish: PublishOptions
  /** The image hand-off through the Actions cache, when `cache` is set. */
  readonly cache?: CacheHandoff
  /** Where the ref and commit come from (`context`): the event, or the local git checkout. */
  readonly context: ContextSource
  /** What the inputs were taken as, where that differs from what was written (a lowercased name). */
  readonly notices: readonly string[]
  /** Separators of the list outputs (`sep-tags`, `sep-labels`, `sep-annotations`); a newline by default. */
  readonly separators: {
    readonly tags: string
    readonly labels: string
    readonly annotations: string
  }
  /** The `labels`, `annotations` and `bake-target` inputs, and the annotation levels. */
  readonly metadata: MetadataInputs
}

/** How the publish behaves; only the action publishes. */
export const LOCAL_PUSH = ['upload', 'docker'] as const
export type LocalPush = (typeof LOCAL_PUSH)[number]

export interface PublishOptions {
  /** Keep a floating tag where it is when the target holds a higher version. */
  readonly forwardOnly: boolean
  readonly ecrCreateRepository: boolean
  /** A local image: uploaded by tagship from docker save (upload), or pushed by the docker CLI (docker). */
  readonly localPush: LocalPush
  /** Transfers at once per registry. */
  readonly concurrency: number
  readonly requestTimeoutMs: number
  readonly retries: number
  /** Hosts whose TLS certificate is not verified, or reached over plain HTTP (explicit opt-in). */
  readonly insecureRegistries: readonly string[]
  /** Publish only these platforms of an index; empty: every platform. */
  readonly platforms: readonly PlatformSpec[]
  /** One platform kept: publish a one-entry index instead of its manifest. */
  readonly platformsKeepIndex: boolean
  /** Copy signatures, attestations and SBOMs with the image. */
  readonly referrers: boolean
}

/** Parse every input; the first problem throws one InputError, so nothing runs half-way. */
export function parseInputs(raw: RawInputs): Inputs {
  const get = (name: string): string => raw[name] ?? ''
  const pushValue = parsePush(get('push'))
  const push = pushValue !== 'false'
  const preview = pushValue === 'preview'
  // A save job stores the image for later jobs; it may name no target.
  const saveOnly = get('cache').trim().toLowerCase() === 'save' && get('images').trim() === ''
  const notices: string[] = []
  // With push false and no images, the plan is the bare tags (1.2.3, latest),
  // as docker/metadata-action gives them for bake or build-push-action.
  const bareTags = !push && get('images').trim() === ''
  const images = saveOnly || bareTags ? [] : parseImages(get('images'), notices)
  const rules = parseRules(get('tags'))
  const flavor = parseFlavor(get('flavor'))
  const strategyOptions = parseStrategyOptions(get)
  const strategies = parseStrategies(get('strategies'), rules.length > 0, strategyOptions)
  const sourceText = get('source').trim()
  const source = sourceText === '' ? undefined : parseSource(sourceText)
  if (source?.kind === 'registry') {
    const notice = lowercasedNotice(
      'source',
      source.text.split(/[@]/)[0]!.replace(/:[^/:]*$/, ''),
      source.repository
    )
    if (notice) notices.push(notice)
  }
  const cache = parseCacheHandoff(get, push, source)
  if (preview && cache !== undefined)
    throw new InputError(
      'push',
      `is preview, which writes nothing, but cache is ${cache.mode}, which hands an image over: preview in the job that builds the image (without cache), or set push: true`
    )
  if (push && source === undefined && cache === undefined) {
    throw new InputError(
      'source',
      `is empty but push is ${pushValue}: give the built image (e.g. the imageid output of docker/build-push-action), or set push: false to compute the plan only`
    )
  }
  const auth = parseAuthInputs(get)
  const publish = parsePublishOptions(get)
  if (publish.platforms.length > 0 && source?.kind === 'local')
    throw new InputError(
      'platforms',
      `is set, but the source is an image in the Docker daemon, which holds one platform: publish a multi-platform build from an OCI archive (source: oci-archive:PATH) or a registry, or remove platforms`
    )
  return {
    ...(source ? { source } : {}),
    images,
    push,
    ...(preview ? { preview: true as const } : {}),
    tags: { strategies, strategyOptions, rules, flavor },
    auth,
    publish,
    notices,
    context: parseContextSource(get('context')),
    separators: {
      tags: get('sep-tags') || '\n',
      labels: get('sep-labels') || '\n',
      annotations: get('sep-annotations') || '\n'
    },
    metadata: parseMetadata(get),
    ...(cache ? { cache } : {})
  }
}

function parsePublishOptions(get: (name: string) => string): PublishOptions {
  return {
    forwardOnly: parseBoolean('forward-only', get('forward-only'), true),
    ecrCreateRepository: parseBoolean('ecr-create-repository', get('ecr-create-repository'), false),
    localPush: parseChoice('local-push', get('local-push'), LOCAL_PUSH, 'upload'),
    concurrency: parseInteger('concurrency', get('concurrency'), 4, 1, 32),
    requestTimeoutMs: parseInteger('request-timeout', get('request-timeout'), 60, 1, 3600) * 1000,
    retries: parseInteger('retries', get('retries'), 4, 0, 10),
    insecureRegistries: splitLines(get('insecure-registries')).map(({ text }) =>
      text.toLowerCase()
    ),
    platforms: parsePlatforms('platforms', get('platforms')),
    platformsKeepIndex: parseBoolean('platforms-keep-index', get('platforms-keep-index'), false),
    referrers: parseBoolean('referrers', get('referrers'), true)
  }
}

function parseImages(value: string, notices: string[]): Repository[] {
  const lines = splitLines(value)
  if (lines.length === 0) {
    throw new InputError(
      'images',
      'is empty: list the target repositories, one per line (e.g. docker.io/acme/app); a plan with no images (push: false, or tagship plan) gives the bare tags'
    )
  }
  const seen = new Map<string, string>()
  const repositories: Repository[] = []
  for (const { text } of lines) {
    const items = /^name=/i.test(text)
      ? imageAttributes(text)
      : text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
    for (const item of items) {
      const repo = parseRepository('images', item)
      const notice = lowercasedNotice('images', item, repo)
      if (notice) notices.push(notice)
      const first = seen.get(repo.name)
      if (first !== undefined) {
        throw new InputError(
          'images',
          `${quote(item)} names the same repository as ${quote(first)} (${repo.name}): list it once`
        )
      }
      seen.set(repo.name, item)
      repositories.push(repo)
    }
  }
  return repositories
}

/**
 * docker/metadata-action's `name=ghcr.io/acme/app,enable=${{ … }}` line: the
 * repository, or none when `enable` is false (so an image can be switched on
 * and off per event).
 */
function imageAttributes(text: string): string[] {
  const attributes = new Map<string, string>()
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=')
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase()
    if (eq === -1 || (key !== 'name' && key !== 'enable'))
      throw new InputError(
        'images',
        `${quote(text)} has ${quote(part)}: an image line with attributes takes name= and enable= only, e.g. name=ghcr.io/acme/app,enable=true`
      )
    if (attributes.has(key))
      throw new InputError('images', `${quote(text)} gives ${key}= twice: give it once`)
    attributes.set(key, part.slice(eq + 1).trim())
  }
  const name = attributes.get('name') ?? ''
  if (name === '')
    throw new InputError('images', `${quote(text)} has an empty name=: give the repository`)
  return parseBoolean('images', attributes.get('enable') ?? '', true) ? [name] : []
}

function parseStrategies(value: string, hasRules: boolean, options: StrategyOptions): string[] {
  const names = splitList(value).map((n) => n.toLowerCase())
  const known = STRATEGIES.map((s) => s.name)
  for (const name of names) {
    if (!known.includes(name)) {
      throw new InputError(
        'strategies',
        `unknown strategy ${quote(name)}: ${suggestion(name, known)}`
      )
    }
  }
  if (names.includes('raw') && options.rawTags.length === 0) {
    throw new InputError(
      'strategies',
      'raw is listed but raw-tags is empty: give the tags in raw-tags, or remove raw'
    )
  }
  const chosen: string[] = names.length > 0 ? names : hasRules ? [] : [...DEFAULT_STRATEGIES]
  if (options.rawTags.length > 0 && !chosen.includes('raw')) chosen.push('raw')
  return chosen
}

function parseStrategyOptions(get: (name: string) => string): StrategyOptions {
  const d = DEFAULT_STRATEGY_OPTIONS
  const semverPrefix = get('semver-prefix') === '' ? d.semverPrefix : get('semver-prefix').trim()
  noWhitespace('semver-prefix', semverPrefix)
  const shaPrefix = get('sha-prefix') === '' ? d.shaPrefix : get('sha-prefix').trim()
  const prefixProblem = tagProblem(`${shaPrefix}0`)
  if (prefixProblem)
    throw new InputError(
      'sha-prefix',
      `${quote(shaPrefix)} cannot start a tag: the tag ${prefixProblem}`
    )
  const devBranch = get('dev-branch').trim()
  noWhitespace('dev-branch', devBranch)
  const stagingBranches = splitList(get('staging-branches'))
  stagingBranches.forEach((b) => noWhitespace('staging-branches', b))
  const rawTags = splitList(get('raw-tags'))
  for (const tag of rawTags) {
    const problem = tagProblem(tag)
    if (problem) throw new InputError('raw-tags', `${quote(tag)} is not a valid tag: it ${problem}`)
  }
  return {
    semverPrefix,
    semverMajorZero: parseBoolean('semver-major-zero', get('semver-major-zero'), d.semverMajorZero),
    latestOnDefaultBranch: parseBoolean(
      'latest-on-default-branch',
      get('latest-on-default-branch'),
      d.latestOnDefaultBranch
    ),
    ...(devBranch === '' ? {} : { devBranch }),
    stagingBranches: stagingBranches.length > 0 ? stagingBranches : d.stagingBranches,
    shaLength: parseInteger('sha-length', get('sha-length'), d.shaLength, 7, 40),
    shaPrefix,
    shaPullRequestCommit: parseChoice(
      'sha-pr-commit',
      get('sha-pr-commit'),
      ['head', 'merge'] as const,
      d.shaPullRequestCommit
    ),
    rawTags
  }
}

function noWhitespace(input: string, value: string): void {
  if (/\s/.test(value))
    throw new InputError(input, `${quote(value)} contains whitespace: remove it`)
}

/** `push`: true publishes, false plans only, preview reads everything and writes nothing. */
function parsePush(value: string): 'true' | 'false' | 'preview' {
  const v = value.trim().toLowerCase()
  if (v === '') return 'true'
  if (v === 'true' || v === 'false' || v === 'preview') return v
  throw new InputError(
    'push',
    `${quote(value)} is not true, false or preview: use true to publish, false to plan only, or preview to see what a publish would do`
  )
}
