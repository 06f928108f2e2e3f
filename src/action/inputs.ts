import * as core from '@actions/core'
import { parseInputs, type Inputs } from '../inputs/parse.js'
import { INPUT_NAMES } from '../inputs/spec.js'

/** Read every declared input from the runner and parse them as a whole. */
export function getInputs(): Inputs {
  const raw: Record<string, string> = {}
  for (const name of INPUT_NAMES) raw[name] = core.getInput(name)
  return parseInputs(raw)
}
