/** The tags cosign keeps its artifacts under, next to the image, and what each holds. */
export const COSIGN_SUFFIXES = ['.sig', '.att', '.sbom'] as const
export type CosignSuffix = (typeof COSIGN_SUFFIXES)[number]

/**
 * The referrers tag of a digest (distribution spec v1.1, referrers tag
 * schema): the algorithm cut to 32 characters, `-`, the encoded part cut to
 * 64, every character a tag may not hold replaced by `-`.
 * `sha256:ab…` → `sha256-ab…`.
 */
export function referrersTag(digest: string): string {
  const colon = digest.indexOf(':')
  const clean = (s: string) => s.replace(/[^a-zA-Z0-9._-]/g, '-')
  return `${clean(digest.slice(0, colon).slice(0, 32))}-${clean(digest.slice(colon + 1).slice(0, 64))}`
}

/** cosign's tag for an artifact of `digest`: `sha256-<hex>.sig`, `.att` or `.sbom`. */
export function cosignTag(digest: string, suffix: CosignSuffix): string {
  return `${digest.replace(':', '-')}${suffix}`
}

/** The suffix of a cosign tag (`.sig`, `.att`, `.sbom`), or undefined for any other tag. */
export function cosignSuffixOf(tag: string): CosignSuffix | undefined {
  return COSIGN_SUFFIXES.find((s) => tag.endsWith(s) && /^[a-z0-9]+-[a-f0-9]+\.[a-z]+$/.test(tag))
}
