import { tmpdir } from 'node:os'
import { InputError, quote } from '../shared/errors.js'

/**
 * What the environment says about the outputs: docker/metadata-action's
 * DOCKER_METADATA_SET_OUTPUT_ENV, and where the bake files go (the
 * annotation levels are read with the inputs: withAnnotationLevelsEnv).
 */
export interface OutputEnv {
  /** DOCKER_METADATA_SET_OUTPUT_ENV: export each output as DOCKER_METADATA_OUTPUT_<NAME> (default true). */
  readonly exportOutputs: boolean
  /** The runner's temp dir (RUNNER_TEMP), else the system's. */
  readonly tempDir: string
}

const SET_OUTPUT_ENV = 'DOCKER_METADATA_SET_OUTPUT_ENV'

/** Read once, before anything runs: a bad value fails the step with no output written. */
export function readOutputEnv(env: NodeJS.ProcessEnv): OutputEnv {
  return {
    exportOutputs: metadataBool(SET_OUTPUT_ENV, env[SET_OUTPUT_ENV] ?? '', true),
    tempDir: env.RUNNER_TEMP || tmpdir()
  }
}

/** The booleans metadata-action's toolkit takes (Go's strconv.ParseBool words). */
function metadataBool(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim()
  if (v === '') return fallback
  if (['true', 'True', 'TRUE', 't', 'T', '1'].includes(v)) return true
  if (['false', 'False', 'FALSE', 'f', 'F', '0'].includes(v)) return false
  throw new InputError(name, `${quote(value)} is not a boolean: use true or false`)
}
