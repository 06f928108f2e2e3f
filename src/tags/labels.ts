import type { EventContext } from './context.js'
import { commitSha, renderExpressions } from './rules/expressions.js'
import type { StrategyOptions } from './strategies/options.js'
import { quote } from '../shared/errors.js'

const PREFIX = 'org.opencontainers.image.'

/** The levels an annotation can be written at, as BuildKit names them. */
export const ANNOTATION_LEVELS = [
  'manifest',
  'index',
  'manifest-descriptor',
  'index-descriptor'
] as const

/** One `key=value` line of the `labels` or `annotations` input, as written. */
export interface MetadataLine {
  readonly key: string
  readonly value: string
  /** Line number and text, for errors in the value's expressions. */
  readonly line: number
  readonly text: string
}

/** An `annotations` line; `levels` only when the line names them (`manifest,index:key=value`). */
export interface AnnotationLine extends MetadataLine {
  readonly levels?: readonly string[]
}

/** What the user adds to the computed metadata. */
export interface UserMetadata {
  readonly labels: readonly MetadataLine[]
  readonly annotations: readonly AnnotationLine[]
  /**
   * The levels of the computed annotations and of lines that name none
   * (DOCKER_METADATA_ANNOTATIONS_LEVELS; `manifest` by default).
   */
  readonly annotationLevels: readonly string[]
}

/**
 * OCI `org.opencontainers.image.*` metadata for the image, from the event,
 * keys sorted as docker/metadata-action writes them; only keys whose values
 * are known are given.
 */
export function ociMetadata(
  ctx: EventContext,
  version: string,
  options: StrategyOptions
): Record<string, string> {
  const repo = ctx.repository ?? {}
  return sortedRecord(
    [
      ['title', repo.name],
      ['description', repo.description],
      ['url', repo.url],
      ['source', repo.url],
      ['version', version],
      ['created', ctx.now.toISOString()],
      // The commit the sha tag names: on a pull request its head commit
      // (sha-pr-commit: head, as DOCKER_METADATA_PR_HEAD_SHA=true does).
      ['revision', commitSha(ctx, options)],
      ['licenses', repo.license]
    ]
      .filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [PREFIX + k, v])
  )
}

/**
 * The image's labels and annotation lines: the computed metadata with the
 * user's lines merged over it (a key given wins; a later line wins over an
 * earlier one), keys sorted as docker/metadata-action sorts them. Annotation
 * lines go level by level, `level:key=value`: first the levels of
 * `annotationLevels`, which carry the computed keys, then any other level a
 * line names, with only the lines that name it.
 */
export function imageMetadata(
  ctx: EventContext,
  options: StrategyOptions,
  computed: Readonly<Record<string, string>>,
  user: UserMetadata
): { labels: Record<string, string>; annotations: string[] } {
  const render = (input: string, l: MetadataLine): [string, string] => [
    l.key,
    renderExpressions(
      l.value,
      ctx,
      options,
      { input, where: `line ${l.line} ${quote(l.text)}` },
      'raw'
    )
  ]
  const labels = sortedRecord([
    ...Object.entries(computed),
    ...user.labels.map((l) => render('labels', l))
  ])
  const defaults = [...new Set(user.annotationLevels)]
  const levels = [...new Set([...defaults, ...user.annotations.flatMap((a) => a.levels ?? [])])]
  const annotations = levels.flatMap((level) => {
    const own = user.annotations.filter((a) => (a.levels ?? defaults).includes(level))
    const base = defaults.includes(level) ? Object.entries(computed) : []
    const merged = sortedRecord([...base, ...own.map((a) => render('annotations', a))])
    return Object.entries(merged).map(([k, v]) => `${level}:${k}=${v}`)
  })
  return { labels, annotations }
}

export function labelLines(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`)
}

/** `localeCompare(b, 'en')`, with one collator: `localeCompare` with a locale makes a new one per call. */
let english: Intl.Collator | undefined

/** Later entries win; keys in the order docker/metadata-action sorts them (`localeCompare`). */
function sortedRecord(entries: readonly (readonly [string, string])[]): Record<string, string> {
  const merged = new Map<string, string>()
  for (const [k, v] of entries) merged.set(k, v)
  english ??= new Intl.Collator('en')
  const compare = english.compare
  return Object.fromEntries([...merged].sort(([a], [b]) => compare(a, b)))
}
