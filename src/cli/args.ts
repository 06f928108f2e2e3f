import { parseArgs } from 'node:util'
import { InputError } from '../errors.js'
import { INPUTS } from '../inputs/spec.js'

/** Flags that describe the event, for use outside a CI system or to override it. */
export const CONTEXT_FLAGS = [
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
  /** Input values given as flags (`--strategies semver,sha`, `--image` repeated). */
  readonly inputs: Record<string, string>
  readonly context: Partial<Record<ContextFlag, string>>
}

/** Flags that may be repeated; their values are joined with newlines. */
const MULTI = new Set([
  'image',
  'images',
  'tags',
  'flavor',
  'raw-tags',
  'strategies',
  'staging-branches'
])

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const options: Record<
    string,
    { type: 'string' | 'boolean'; multiple?: boolean; short?: string }
  > = {
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
    json: { type: 'boolean' },
    image: { type: 'string', multiple: true }
  }
  for (const input of INPUTS) {
    if (input.name !== 'push')
      options[input.name] = { type: 'string', multiple: MULTI.has(input.name) }
  }
  for (const flag of CONTEXT_FLAGS) options[flag] = { type: 'string' }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (e) {
    throw new InputError('arguments', `${(e as Error).message.split('\n')[0]}: see tagship --help`)
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>
  const inputs: Record<string, string> = {}
  for (const input of INPUTS) {
    const v = values[input.name]
    if (v !== undefined) inputs[input.name] = Array.isArray(v) ? v.join('\n') : String(v)
  }
  const images = [...((values.image as string[] | undefined) ?? [])]
  if (images.length > 0) inputs.images = [inputs.images, ...images].filter(Boolean).join('\n')
  const context: Partial<Record<ContextFlag, string>> = {}
  for (const flag of CONTEXT_FLAGS) {
    const v = values[flag]
    if (typeof v === 'string') context[flag] = v
  }
  if (parsed.positionals.length > 1) {
    throw new InputError(
      'arguments',
      `unexpected ${JSON.stringify(parsed.positionals[1])}: give one command, e.g. tagship plan`
    )
  }
  return {
    command: parsed.positionals[0],
    help: values.help === true,
    version: values.version === true,
    json: values.json === true,
    inputs,
    context
  }
}
