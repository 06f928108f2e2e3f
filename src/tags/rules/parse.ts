import { InputError, quote } from '../../shared/errors.js'
import { splitLines, suggestion } from '../../shared/values.js'
import { splitField, splitFields } from './fields.js'
import { RULE_ATTRIBUTES, RULE_PRIORITY, RULE_TYPES, type Rule, type RuleType } from './rule.js'

const INPUT = 'tags'

/** Parse the `tags` input: one docker/metadata-action rule a line. */
export function parseRules(value: string): Rule[] {
  return splitLines(value).map(({ line, text }) => parseRule(line, text))
}

function parseRule(line: number, text: string): Rule {
  const where = `line ${line} ${quote(text)}`
  const fail = (why: string): never => {
    throw new InputError(INPUT, `${where}: ${why}`)
  }
  const fields = splitFields(text) ?? fail('has an unclosed double quote: close it or remove it')
  const attrs: Record<string, string> = {}
  for (const field of fields) {
    if (field === '') fail('has an empty field (two commas in a row?): remove it')
    const { key, value } = splitField(field)
    const name = key ?? 'value'
    if (name === '') fail(`has a field with no attribute name before '=': write it as name=value`)
    if (name in attrs) fail(`gives ${name} twice: keep one`)
    attrs[name] = value
  }
  const typeName = (attrs.type ?? 'raw').toLowerCase()
  if (!(RULE_TYPES as string[]).includes(typeName)) {
    fail(`unknown rule type ${quote(typeName)}: ${suggestion(typeName, RULE_TYPES)}`)
  }
  const type = typeName as RuleType
  delete attrs.type
  const allowed = RULE_ATTRIBUTES[type]
  for (const name of Object.keys(attrs)) {
    if (!allowed.includes(name)) {
      const valid = allowed.filter((a) => a !== 'type')
      fail(`unknown attribute ${quote(name)} for type=${type}: ${suggestion(name, valid)}`)
    }
  }
  checkRequired(type, attrs, fail)
  let priority: number = RULE_PRIORITY[type]
  if (attrs.priority !== undefined) {
    if (!/^-?\d+$/.test(attrs.priority))
      fail(`priority ${quote(attrs.priority)} is not a whole number: use e.g. priority=${priority}`)
    priority = Number(attrs.priority)
  }
  return { type, attrs, priority, line, text }
}

function checkRequired(
  type: RuleType,
  attrs: Record<string, string>,
  fail: (why: string) => never
): void {
  switch (type) {
    case 'semver':
    case 'pep440':
    case 'match':
      // Only a missing pattern is an error: an empty one (often an unset
      // workflow variable) gives no tag, as in metadata-action.
      if (attrs.pattern === undefined)
        fail(
          `type=${type} needs a pattern: add e.g. ${type === 'match' ? 'pattern=v(.*),group=1' : 'pattern={{version}}'}`
        )
      break
    case 'ref':
      if (attrs.event === undefined)
        fail('type=ref needs event=branch, event=tag or event=pr: add one')
      else if (!['branch', 'tag', 'pr'].includes(attrs.event)) {
        fail(`event ${quote(attrs.event)} is not branch, tag or pr: use one of them`)
      }
      break
    case 'raw':
      if (attrs.value === undefined) fail('type=raw needs a value: add value=<tag>')
      break
    case 'sha':
      if (attrs.format !== undefined && !['short', 'long'].includes(attrs.format)) {
        fail(`format ${quote(attrs.format)} is not short or long: use one of them`)
      }
      break
    default:
      break
  }
  if (type === 'match' && attrs.group !== undefined && !/^\d+$/.test(attrs.group)) {
    fail(`group ${quote(attrs.group)} is not a number: use e.g. group=1`)
  }
  // type=match's pattern, and the match= of semver/pep440 rules (which picks
  // the version out of the tag), are regular expressions.
  const expression = type === 'match' ? 'pattern' : 'match'
  const source = attrs[expression]
  if (source !== undefined) {
    try {
      toRegExp(source)
    } catch (e) {
      fail(
        `${expression} ${quote(source)} is not a valid regular expression (${(e as Error).message}): fix it`
      )
    }
  }
}

/**
 * A match pattern, plain or in `/source/flags` form. Anything after the last
 * `/` is taken as flags, as metadata-action does, so unknown flags are an
 * error rather than part of the pattern.
 */
export function toRegExp(pattern: string): RegExp {
  const slashed = /^\/(.+)\/(.*)$/.exec(pattern)
  return slashed ? new RegExp(slashed[1]!, slashed[2]) : new RegExp(pattern)
}
