import semver from 'semver'

/** A git tag read as a semantic version. */
export interface ReleaseVersion {
  /** The version without prefix or build metadata: `1.2.3`, `2.0.0-rc.1`. */
  readonly version: string
  readonly major: number
  readonly minor: number
  readonly patch: number
  /** Prerelease identifiers: `['rc', 1]` for `2.0.0-rc.1`. */
  readonly prerelease: ReadonlyArray<string | number>
  /** The git tag as written: `v1.2.3`. */
  readonly raw: string
}

/**
 * Read a tag name as a strict semantic version, allowing `prefix` (usually
 * `v`) in front. `1.2` or `v1.2.3.4` are not versions.
 */
export function parseReleaseTag(tag: string, prefix: string): ReleaseVersion | undefined {
  const body = prefix !== '' && tag.startsWith(prefix) ? tag.slice(prefix.length) : tag
  if (!/^\d/.test(body)) return undefined
  const parsed = semver.parse(body, { loose: false })
  if (!parsed) return undefined
  return {
    version: parsed.version,
    major: parsed.major,
    minor: parsed.minor,
    patch: parsed.patch,
    prerelease: parsed.prerelease,
    raw: tag
  }
}

export function isPrerelease(v: ReleaseVersion): boolean {
  return v.prerelease.length > 0
}

/**
 * The channel of a prerelease: its first identifier's letters (`rc.1` and
 * `rc1` give `rc`, `beta.3` gives `beta`); undefined for numeric ones (`-1`).
 */
export function prereleaseChannel(v: ReleaseVersion): string | undefined {
  const first = v.prerelease[0]
  if (typeof first !== 'string') return undefined
  const letters = /^[A-Za-z]+/.exec(first)
  return letters ? letters[0].toLowerCase() : undefined
}
