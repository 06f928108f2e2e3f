import { InputError, quote } from '../../shared/errors.js'
import { splitLines, suggestion } from '../../shared/values.js'
import type { TagCandidate } from '../candidate.js'
import { splitField, splitFields } from './fields.js'

/** docker/metadata-action's `flavor` input. */
export interface Flavor {
  readonly latest: 'auto' | 'true' | 'false'
  readonly prefix: string
  readonly prefixOnLatest: boolean
  readonly suffix: string
  readonly suffixOnLatest: boolean
}

export const DEFAULT_FLAVOR: Flavor = {
  latest: 'auto',
  prefix: '',
  prefixOnLatest: false,
  suffix: '',
  suffixOnLatest: false
}

const INPUT = 'flavor'
const KEYS = ['latest', 'prefix', 'suffix', 'onlatest']

/**
 * Parse the `flavor` input. `onlatest=true` applies to the prefix or suffix
 * given before it on the same line (`prefix=foo-,onlatest=true`).
 */
export function parseFlavor(value: string): Flavor {
  const flavor = { ...DEFAULT_FLAVOR }
  for (const { line, text } of splitLines(value)) {
    const where = `line ${line} ${quote(text)}`
    const fields = splitFields(text)
    if (!fields) throw new InputError(INPUT, `${where}: has an unclosed double quote: close it`)
    let last: 'prefix' | 'suffix' | undefined
    for (const field of fields) {
      const { key, value: v } = splitField(field)
      if (key === undefined)
        throw new InputError(
          INPUT,
          `${where}: ${quote(field)} is not key=value: write e.g. latest=auto`
        )
      if (!KEYS.includes(key)) {
        throw new InputError(INPUT, `${where}: unknown key ${quote(key)}: ${suggestion(key, KEYS)}`)
      }
      if (key === 'latest') {
        if (!['auto', 'true', 'false'].includes(v)) {
          throw new InputError(
            INPUT,
            `${where}: latest=${v} is not auto, true or false: use one of them`
          )
        }
        flavor.latest = v as Flavor['latest']
      } else if (key === 'onlatest') {
        if (!['true', 'false'].includes(v)) {
          throw new InputError(
            INPUT,
            `${where}: onlatest=${v} is not true or false: use one of them`
          )
        }
        if (last === undefined) {
          throw new InputError(
            INPUT,
            `${where}: onlatest needs a prefix or suffix before it on the same line: write prefix=foo-,onlatest=true`
          )
        }
        if (last === 'prefix') flavor.prefixOnLatest = v === 'true'
        else flavor.suffixOnLatest = v === 'true'
      } else {
        last = key as 'prefix' | 'suffix'
        flavor[last] = v
      }
    }
  }
  return flavor
}

/** Apply the flavor's prefix and suffix to a strategy's tag. */
export function applyFlavor(c: TagCandidate, flavor: Flavor): TagCandidate {
  const prefix = !c.isLatest || flavor.prefixOnLatest ? flavor.prefix : ''
  const suffix = !c.isLatest || flavor.suffixOnLatest ? flavor.suffix : ''
  return prefix === '' && suffix === '' ? c : { ...c, value: `${prefix}${c.value}${suffix}` }
}
