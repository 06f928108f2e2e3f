import { InputError, quote } from '../shared/errors.js'
import { parseInteger } from '../shared/values.js'
import { DEFAULT_STRATEGY_OPTIONS } from '../tags/strategies/options.js'
import { parseAnnotationLevels } from './metadata.js'
import type { Inputs } from './parse.js'
import type { RawInputs } from './spec.js'

type Env = Readonly<Record<string, string | undefined>>

/** The bounds of `sha-length` (see parse.ts), which its variable keeps. */
const SHA_LENGTH_MIN = 7
const SHA_LENGTH_MAX = 40

const PR_HEAD_SHA = 'DOCKER_METADATA_PR_HEAD_SHA'
const SHORT_SHA_LENGTH = 'DOCKER_METADATA_SHORT_SHA_LENGTH'

const set = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== ''

/**
 * docker/metadata-action's variables, which migrating workflows carry in
 * `env:`, as the inputs they stand for: `DOCKER_METADATA_PR_HEAD_SHA`
 * (true: `sha-pr-commit: head`, false: `merge`) and
 * `DOCKER_METADATA_SHORT_SHA_LENGTH` (`sha-length`). An input given wins over
 * its variable. A bad value is an error naming the variable.
 */
export function withMetadataEnv(raw: RawInputs, env: Env): RawInputs {
  const out: Record<string, string> = { ...raw }
  const headSha = env[PR_HEAD_SHA]
  if (!set(raw['sha-pr-commit']) && set(headSha)) {
    const v = headSha.trim().toLowerCase()
    if (v !== 'true' && v !== 'false')
      throw new InputError(
        PR_HEAD_SHA,
        `${quote(headSha)} is not a boolean: use true (tag the pull request's head commit) or false (the merge commit)`
      )
    out['sha-pr-commit'] = v === 'true' ? 'head' : 'merge'
  }
  const length = env[SHORT_SHA_LENGTH]
  if (!set(raw['sha-length']) && set(length)) {
    const n = parseInteger(
      SHORT_SHA_LENGTH,
      length,
      DEFAULT_STRATEGY_OPTIONS.shaLength,
      SHA_LENGTH_MIN,
      SHA_LENGTH_MAX
    )
    out['sha-length'] = String(n)
  }
  return out
}

const ANNOTATIONS_LEVELS = 'DOCKER_METADATA_ANNOTATIONS_LEVELS'

/**
 * The inputs with `DOCKER_METADATA_ANNOTATIONS_LEVELS` applied: the levels
 * the computed annotations (and lines naming none) are written at;
 * `manifest` when unset. A bad level is an error naming the variable.
 */
export function withAnnotationLevelsEnv(inputs: Inputs, env: Env): Inputs {
  const levels = parseAnnotationLevels(ANNOTATIONS_LEVELS, env[ANNOTATIONS_LEVELS] ?? '')
  return { ...inputs, metadata: { ...inputs.metadata, annotationLevels: levels } }
}
