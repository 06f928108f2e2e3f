import { fixtureContext } from '../../__fixtures__/runner.js'
import { InputError } from '../../src/shared/errors.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { computeTags } from '../../src/tags/compute.js'

/** Inputs of a table row, on top of one target and push: false. */
export type RowInputs = Record<string, string>

export interface Computed {
  readonly tags: string[]
  readonly version: string
}

function compute(fixture: string, inputs: RowInputs) {
  const parsed = parseInputs({ images: 'docker.io/acme/app', push: 'false', ...inputs })
  return computeTags(fixtureContext(fixture), parsed.tags)
}

/** Ordered tags and version for a runner fixture and inputs. */
export function tagsFor(fixture: string, inputs: RowInputs): Computed {
  const set = compute(fixture, inputs)
  return { tags: set.tags.map((t) => t.value), version: set.version }
}

/** Only the `tags` input: metadata-action's rules without tagship's strategies. */
export function rulesFor(fixture: string, tags: string, flavor = ''): Computed {
  return tagsFor(fixture, { tags, flavor })
}

export function warningsFor(fixture: string, inputs: RowInputs): readonly string[] {
  return compute(fixture, inputs).warnings
}

/** The one-line message of the InputError that parsing or computing throws. */
export function inputErrorFor(fixture: string, inputs: RowInputs): string {
  try {
    compute(fixture, inputs)
  } catch (e) {
    if (e instanceof InputError) return e.message
    throw e
  }
  throw new Error(`no InputError for ${JSON.stringify(inputs)} on ${fixture}`)
}
