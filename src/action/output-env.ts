import { tmpdir } from 'node:os'
import type { Inputs } from '../inputs/parse.js'
import { parseAnnotationLevels } from '../inputs/metadata.js'
import { InputError, quote } from '../shared/errors.js'

/**
 * What the environment says about the outputs: docker/metadata-action's
 * DOCKER_METADATA_ANNOTATIONS_LEVELS and DOCKER_METADATA_SET_OUTPUT_ENV, and
 * where the bake files go.
 */
export interface OutputEnv {
  /** DOCKER_METADATA_ANNOTATIONS_LEVELS: `manifest` when unset. */
  readonly annotationLevels: readonly string[]
  /** DOCKER_METADATA_SET_OUTPUT_ENV: export each output as DOCKER_METADATA_OUTPUT_<NAME> (default true). */
  readonly exportOutputs: boolean
  /** The runner's temp dir (RUNNER_TEMP), else the system's. */
  readonly tempDir: string
}

const LEVELS = 'DOCKER_METADATA_ANNOTATIONS_LEVELS'
const SET_OUTPUT_ENV = 'DOCKER_METADATA_SET_OUTPUT_ENV'

/** Read once, before anything runs: a bad value fails the step with no output written. */
export function readOutputEnv(env: NodeJS.ProcessEnv): OutputEnv {
  return {
    annotationLevels: parseAnnotationLevels(LEVELS, env[LEVELS] ?? ''),
    exportOutputs: metadataBool(SET_OUTPUT_ENV, env[SET_OUTPUT_ENV] ?? '', true),
    tempDir: env.RUNNER_TEMP || tmpdir()
  }
}

/** The inputs with the annotation levels the environment gives. */
export function withAnnotationLevels(inputs: Inputs, env: OutputEnv): Inputs {
  return { ...inputs, metadata: { ...inputs.metadata, annotationLevels: env.annotationLevels } }
}

/** The booleans metadata-action's toolkit takes (Go's strconv.ParseBool words). */
function metadataBool(name: string, value: string, fallback: boolean): boolean {
  const v = value.trim()
  if (v === '') return fallback
  if (['true', 'True', 'TRUE', 't', 'T', '1'].includes(v)) return true
  if (['false', 'False', 'FALSE', 'f', 'F', '0'].includes(v)) return false
  throw new InputError(name, `${quote(value)} is not a boolean: use true or false`)
}
