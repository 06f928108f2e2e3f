import { InputError, quote } from '../shared/errors.js'

/** Where the ref and commit come from: the workflow's event, or the local git checkout. */
export type ContextSource = 'workflow' | 'git'

/** The `context` input, as docker/metadata-action spells it; empty is `workflow`. */
export function parseContextSource(value: string): ContextSource {
  const v = value.trim().toLowerCase()
  if (v === '' || v === 'workflow') return 'workflow'
  if (v === 'git') return 'git'
  throw new InputError(
    'context',
    `${quote(value)} is not a context: use workflow (the event's ref and commit) or git (those of the local checkout)`
  )
}
