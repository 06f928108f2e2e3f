/** docker/metadata-action's rule types, with their default priorities. */
export const RULE_PRIORITY = {
  schedule: 1000,
  semver: 900,
  pep440: 900,
  match: 800,
  edge: 700,
  ref: 600,
  raw: 200,
  sha: 100
} as const

export type RuleType = keyof typeof RULE_PRIORITY
export const RULE_TYPES = Object.keys(RULE_PRIORITY) as RuleType[]

const COMMON = ['type', 'enable', 'priority', 'prefix', 'suffix'] as const

/** The attributes each rule type accepts; anything else is an error. */
export const RULE_ATTRIBUTES: Record<RuleType, readonly string[]> = {
  schedule: [...COMMON, 'pattern'],
  semver: [...COMMON, 'pattern', 'value', 'match'],
  pep440: [...COMMON, 'pattern', 'value', 'match'],
  match: [...COMMON, 'pattern', 'group', 'value'],
  edge: [...COMMON, 'branch'],
  ref: [...COMMON, 'event'],
  raw: [...COMMON, 'value'],
  sha: [...COMMON, 'format']
}

/** One line of the `tags` input, parsed and checked. */
export interface Rule {
  readonly type: RuleType
  /** Attributes as written (keys lowercased), without `type`. */
  readonly attrs: Readonly<Record<string, string>>
  readonly priority: number
  /** Line number in the `tags` input, and the line itself, for messages. */
  readonly line: number
  readonly text: string
}

export function ruleLabel(rule: Rule): string {
  return `line ${rule.line} ${JSON.stringify(rule.text)}`
}
