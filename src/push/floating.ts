import semver from 'semver'
import type { FloatingTag } from '../tags/compute.js'
import {
  isPrerelease,
  parseReleaseTag,
  prereleaseChannel,
  type ReleaseVersion
} from '../tags/version.js'

export type { FloatingTag } from '../tags/compute.js'

/**
 * Read a repository tag as a version written the way this run writes its
 * version tags (`<prefix><semver><suffix>`). Anything else (`sha-…`, `dev`,
 * `v2.0.0` when this run writes `2.0.0`) is not a version and is ignored.
 */
function versionIn(tag: string, prefix: string, suffix: string): ReleaseVersion | undefined {
  if (tag.length <= prefix.length + suffix.length) return undefined
  if (!tag.startsWith(prefix) || !tag.endsWith(suffix)) return undefined
  return parseReleaseTag(tag.slice(prefix.length, tag.length - suffix.length), '')
}

/** Whether `v` belongs to the versions the floating tag follows. */
function inScope(tag: FloatingTag, release: ReleaseVersion, v: ReleaseVersion): boolean {
  switch (tag.kind) {
    case 'latest':
      return !isPrerelease(v)
    case 'major':
      return !isPrerelease(v) && v.major === release.major
    case 'minor':
      return !isPrerelease(v) && v.major === release.major && v.minor === release.minor
    case 'channel':
      return isPrerelease(v) && prereleaseChannel(v) === tag.channel
  }
}

/**
 * The repository tag (as listed: `v2.0.0`, `2.0.0-alpine`) of the highest
 * version that outranks this release in the floating tag's scope, or
 * undefined when the tag may move. Only a strictly higher version keeps the
 * tag: an equal one is this release again.
 */
export function holdsNewer(tag: FloatingTag, existingTags: readonly string[]): string | undefined {
  const release = parseReleaseTag(tag.version, '')
  // A version we cannot read orders nothing: moving is what the user asked for.
  if (!release) return undefined
  let best: { name: string; version: string } | undefined
  for (const name of existingTags) {
    const v = versionIn(name, tag.prefix, tag.suffix)
    if (!v || !inScope(tag, release, v) || !semver.gt(v.version, release.version)) continue
    if (!best || semver.gt(v.version, best.version)) best = { name, version: v.version }
  }
  return best?.name
}

/** The result detail of a kept tag: `newer version 2.0.0 holds it`. */
export function keptDetail(newer: string): string {
  return `newer version ${newer} holds it`
}
