import { InputError, quote } from '../shared/errors.js'
import { splitLines } from '../shared/values.js'
import {
  ANNOTATION_LEVELS,
  type AnnotationLine,
  type MetadataLine,
  type UserMetadata
} from '../tags/labels.js'

/** The `labels`, `annotations` and `bake-target` inputs. */
export interface MetadataInputs extends UserMetadata {
  /** The target name of the bake-file outputs. */
  readonly bakeTarget: string
}

export const DEFAULT_BAKE_TARGET = 'docker-metadata-action'
export const DEFAULT_ANNOTATION_LEVELS: readonly string[] = ['manifest']

/**
 * Parse the metadata inputs. The annotation levels are not an input: they
 * start at `manifest`, and the action sets them from
 * DOCKER_METADATA_ANNOTATIONS_LEVELS with `parseAnnotationLevels`.
 */
export function parseMetadata(get: (name: string) => string): MetadataInputs {
  return {
    labels: splitLines(get('labels')).map((l) => keyValue('labels', l.line, l.text, l.text)),
    annotations: splitLines(get('annotations')).map((l) => annotationLine(l.line, l.text)),
    annotationLevels: DEFAULT_ANNOTATION_LEVELS,
    bakeTarget: get('bake-target').trim() || DEFAULT_BAKE_TARGET
  }
}

/**
 * Comma-separated annotation levels (`manifest,index`), each one of the four
 * BuildKit levels; `manifest` and `manifest-descriptor` may name a platform
 * (`manifest[linux/amd64]`), as BuildKit allows. Empty: `manifest`.
 */
export function parseAnnotationLevels(name: string, value: string, where = quote(value)): string[] {
  const levels = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const level of levels) checkLevel(name, where, level)
  return levels.length > 0 ? [...new Set(levels)] : [...DEFAULT_ANNOTATION_LEVELS]
}

const LEVEL = /^([a-z-]+)(?:\[([^\]]*)\])?$/
const PLATFORM = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/

function checkLevel(name: string, where: string, level: string): void {
  const m = LEVEL.exec(level)
  const kind = m?.[1] ?? ''
  const known = (ANNOTATION_LEVELS as readonly string[]).includes(kind)
  if (!known)
    throw new InputError(
      name,
      `${where} has the unknown annotation level ${quote(level)}: use ${ANNOTATION_LEVELS.slice(0, -1).join(', ')} or ${ANNOTATION_LEVELS.at(-1)!}, comma-separated`
    )
  const platform = m?.[2]
  if (platform === undefined) return
  if (!kind.startsWith('manifest'))
    throw new InputError(
      name,
      `${where}: the level ${quote(level)} names a platform, which only manifest and manifest-descriptor take: write ${kind} alone`
    )
  if (!PLATFORM.test(platform))
    throw new InputError(
      name,
      `${where}: ${quote(platform)} in ${quote(level)} is not a platform: write os/arch, e.g. manifest[linux/amd64]`
    )
}

/** `key=value`, or `levels:key=value` where levels come before the first `:` of the key side. */
function annotationLine(line: number, text: string): AnnotationLine {
  const eq = text.indexOf('=')
  const colon = text.indexOf(':')
  if (colon === -1 || (eq !== -1 && colon > eq)) return keyValue('annotations', line, text, text)
  const prefix = text.slice(0, colon)
  const where = `line ${line} ${quote(text)}`
  if (prefix.replaceAll(',', '').trim() === '')
    throw new InputError(
      'annotations',
      `${where} starts with ":" but names no level: write the levels before it (manifest,index:key=value), or remove the ":"`
    )
  const levels = parseAnnotationLevels('annotations', prefix, where)
  return { ...keyValue('annotations', line, text, text.slice(colon + 1)), levels }
}

function keyValue(input: string, line: number, text: string, body: string): MetadataLine {
  const eq = body.indexOf('=')
  const key = eq === -1 ? '' : body.slice(0, eq).trim()
  if (eq === -1 || key === '') {
    const what = eq === -1 ? 'has no "="' : 'has an empty key'
    throw new InputError(
      input,
      `line ${line} ${quote(text)} ${what}: write one key=value per line (e.g. org.opencontainers.image.vendor=Acme)`
    )
  }
  return { key, value: body.slice(eq + 1).trim(), line, text }
}
