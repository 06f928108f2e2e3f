import { explain, clean } from '@renovatebot/pep440'
import semver from 'semver'
import { InputError, quote } from '../../shared/errors.js'
import type { ExpressionSite } from './expressions.js'

/** A version read by a semver or pep440 rule; evaluateRules sanitises what it renders to. */
export interface ParsedVersion {
  readonly raw: string
  readonly version: string
  readonly major: number
  readonly minor: number
  readonly patch: number
  /** A pre-, dev- or post-release: only `{{version}}` (or `{{raw}}`) is given, never `latest`. */
  readonly unstable: boolean
}

/**
 * Read a git tag (or rendered value) as semver. Validity is strict, as in
 * metadata-action, so `1.2.3beta` is not a version; a leading `v` is fine.
 */
export function parseSemver(raw: string): ParsedVersion | undefined {
  const text = raw.replace(/\//g, '-')
  const v = semver.valid(text) === null ? null : semver.parse(text, { loose: true })
  if (!v) return undefined
  return {
    raw: text,
    version: v.version,
    major: v.major,
    minor: v.minor,
    patch: v.patch,
    unstable: v.prerelease.length > 0
  }
}

export function parsePep440(raw: string): ParsedVersion | undefined {
  const text = raw.replace(/\//g, '-')
  const v = explain(text)
  const normalised = v ? clean(text) : null
  if (!v || !normalised) return undefined
  return {
    raw: text,
    version: normalised,
    major: v.release[0] ?? 0,
    minor: v.release[1] ?? 0,
    patch: v.release[2] ?? 0,
    unstable: v.is_prerelease || v.is_devrelease || v.is_postrelease
  }
}

const PATTERN_NAMES = ['raw', 'version', 'major', 'minor', 'patch'] as const

/**
 * Render a semver/pep440 `pattern`; unstable versions only ever give their
 * version (or raw). An unknown `{{name}}` is an error for every version.
 */
export function renderVersionPattern(
  pattern: string,
  v: ParsedVersion,
  site: ExpressionSite
): string {
  const rendered = pattern.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_w, name: string) => {
    switch (name) {
      case 'raw':
        return v.raw
      case 'version':
        return v.version
      case 'major':
        return String(v.major)
      case 'minor':
        return String(v.minor)
      case 'patch':
        return String(v.patch)
      default:
        throw new InputError(
          site.input,
          `${site.where}: ${quote(`{{${name}}}`)} cannot be used in a version pattern: use ${PATTERN_NAMES.map((n) => `{{${n}}}`).join(', ')}`
        )
    }
  })
  // Rendered (so checked) even for an unstable version: a typo fails now, not at the next stable release.
  if (v.unstable) return /^\{\{\s*raw\s*\}\}$/.test(pattern) ? v.raw : v.version
  return rendered
}
