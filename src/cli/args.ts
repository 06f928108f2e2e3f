import { parseArgs } from 'node:util'
import { InputError, quote } from '../shared/errors.js'
import { INPUTS } from '../inputs/spec.js'
import { closest } from '../shared/values.js'
import { secretVariable } from './secrets.js'

/** Flags that describe the event, for use outside a CI system or to override it. */
const CONTEXT_FLAGS = [
  'event',
  'ref',
  'sha',
  'default-branch',
  'pr-number',
  'pr-head-ref',
  'pr-head-sha',
  'pr-base-ref',
  'commit-time',
  'now'
] as const
export type ContextFlag = (typeof CONTEXT_FLAGS)[number]

export interface CliArgs {
  readonly command: string | undefined
  readonly help: boolean
  readonly version: boolean
  readonly json: boolean
  /** `publish --dry-run`: plan, log in and read, write nothing. */
  readonly dryRun: boolean
  /** Input values given as flags (`--strategies semver,sha`, `--image` repeated). */
  readonly inputs: Record<string, string>
  readonly context: Partial<Record<ContextFlag, string>>
}

/** Flags that may be repeated; their values are joined with newlines. */
const MULTI = new Set([
  'image',
  'platform',
  'platforms',
  'images',
  'tags',
  'flavor',
  'raw-tags',
  'strategies',
  'staging-branches',
  'insecure-registries',
  'registry-providers'
])

/** The inputs `tagship plan` takes as flags: what decides the tags and targets. */
export const CLI_INPUTS = INPUTS.filter(
  (i) => i.name !== 'push' && !i.actionOnly && !i.secret && !i.publishOnly
)

/** The flags only `tagship publish` takes: how to log in and push. */
export const PUBLISH_INPUTS = INPUTS.filter((i) => i.publishOnly && !i.secret)

/** Flags that are not inputs and only `tagship publish` takes. */
const PUBLISH_FLAGS = new Set(['dry-run', 'platform', ...PUBLISH_INPUTS.map((i) => i.name)])

const EMPTY: CliArgs = {
  command: undefined,
  help: false,
  version: false,
  json: false,
  dryRun: false,
  inputs: {},
  context: {}
}

type OptionSpec = { type: 'string' | 'boolean'; short?: string }

const OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  json: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  image: { type: 'string' },
  platform: { type: 'string' },
  ...Object.fromEntries(
    [...CLI_INPUTS, ...PUBLISH_INPUTS].map((i) => [i.name, { type: 'string' }])
  ),
  ...Object.fromEntries(CONTEXT_FLAGS.map((f) => [f, { type: 'string' }]))
}

/** A known flag close to a misspelt one: by edit distance, or singular for plural. */
function nearestFlag(name: string): string | undefined {
  const known = Object.keys(OPTIONS)
  const stem = name.replace(/(?:y|s)$/, '')
  const sharing = stem.length >= 4 ? known.filter((k) => k.startsWith(stem)) : []
  return closest(name, known) ?? (sharing.length === 1 ? sharing[0] : undefined)
}

function unknownFlag(raw: string, name: string): InputError {
  if (name === 'push') {
    return new InputError(
      raw,
      'tagship plan never pushes and tagship publish always does (tagship publish --dry-run checks without writing): remove --push'
    )
  }
  const input = INPUTS.find((i) => i.name === name && (i.actionOnly || i.secret))
  if (input?.secret) {
    return new InputError(
      raw,
      `is a secret, and process lists would show a flag: set the environment variable ${secretVariable(input.name)} instead (see tagship publish --help)`
    )
  }
  if (input) {
    return new InputError(raw, 'is an input of the GitHub Action only: remove it')
  }
  const near = name.length > 1 ? nearestFlag(name) : undefined
  return new InputError(
    raw,
    near
      ? `unknown flag: did you mean --${near}?`
      : 'unknown flag: see tagship --help for every flag'
  )
}

/**
 * Read the command line. Every problem (an unknown or misspelt flag, a flag
 * without its value, a single-value flag given twice) throws one InputError.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true
  })
  // --help wins over every other problem, so a confused user always gets it.
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) {
    const first = tokens.find((t) => t.kind === 'positional')
    return { ...EMPTY, help: true, command: first?.kind === 'positional' ? first.value : undefined }
  }
  const positionals: string[] = []
  const flags = new Set<string>()
  const values = new Map<string, string[]>()
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value)
    if (token.kind !== 'option') continue
    const spec = OPTIONS[token.name]
    if (spec === undefined) throw unknownFlag(token.rawName, token.name)
    if (spec.type === 'boolean') {
      if (token.value !== undefined) {
        throw new InputError(token.rawName, `takes no value: remove ${quote(`=${token.value}`)}`)
      }
      flags.add(token.name)
      continue
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new InputError(token.rawName, `is missing its value: write ${token.rawName} <value>`)
    }
    const list = values.get(token.name) ?? []
    if (list.length > 0 && !MULTI.has(token.name)) {
      throw new InputError(
        token.rawName,
        `is given twice (${quote(list[0] ?? '')} and ${quote(token.value)}): give it once`
      )
    }
    values.set(token.name, [...list, token.value])
  }
  if (positionals.length > 1) {
    throw new InputError(
      'arguments',
      `unexpected ${quote(positionals[1] ?? '')}: give one command, e.g. tagship plan`
    )
  }
  const command = positionals[0]
  if (command === 'plan') {
    const raw = tokens.find((t) => t.kind === 'option' && PUBLISH_FLAGS.has(t.name))
    if (raw?.kind === 'option') {
      throw new InputError(
        raw.rawName,
        'is a flag of tagship publish: tagship plan never logs in or pushes: remove it, or use tagship publish'
      )
    }
  }
  const joined = (name: string): string | undefined => values.get(name)?.join('\n')
  const inputs: Record<string, string> = {}
  for (const input of [...CLI_INPUTS, ...PUBLISH_INPUTS]) {
    const value = joined(input.name)
    if (value !== undefined) inputs[input.name] = value
  }
  const images = [joined('images'), joined('image')].filter((v) => v !== undefined)
  if (images.length > 0) inputs.images = images.join('\n')
  const platforms = [joined('platforms'), joined('platform')].filter((v) => v !== undefined)
  if (platforms.length > 0) inputs.platforms = platforms.join('\n')
  const context: Partial<Record<ContextFlag, string>> = {}
  for (const flag of CONTEXT_FLAGS) {
    const value = values.get(flag)?.[0]
    if (value !== undefined) context[flag] = value
  }
  return {
    command,
    help: false,
    version: flags.has('version'),
    json: flags.has('json'),
    dryRun: flags.has('dry-run'),
    inputs,
    context
  }
}
