import type { ArtifactKind, Referrer, ReferrerOutcome } from './types.js'

const ORDER: readonly ArtifactKind[] = ['signature', 'attestation', 'sbom', 'artifact']
const NOUNS: Readonly<Record<ArtifactKind, readonly [string, string]>> = {
  signature: ['signature', 'signatures'],
  attestation: ['attestation', 'attestations'],
  sbom: ['SBOM', 'SBOMs'],
  artifact: ['artifact', 'artifacts']
}

/** `signature`, `SBOMs`: the word for `count` artifacts of a kind. */
export function kindNoun(kind: ArtifactKind, count = 1): string {
  return NOUNS[kind][count === 1 ? 0 : 1]
}

/**
 * `2 signatures, 1 attestation, 1 SBOM`: how many of each kind, kinds with
 * none left out, other artifacts last; '' when there are none.
 */
export function referrerSummary(
  items: readonly (Referrer | ReferrerOutcome | { readonly kind: ArtifactKind })[]
): string {
  const counts = new Map<ArtifactKind, number>()
  for (const item of items) {
    const kind = 'referrer' in item ? item.referrer.kind : item.kind
    counts.set(kind, (counts.get(kind) ?? 0) + 1)
  }
  return ORDER.filter((k) => counts.has(k))
    .map((k) => `${counts.get(k)} ${kindNoun(k, counts.get(k))}`)
    .join(', ')
}
