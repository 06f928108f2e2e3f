import type { ArtifactFields } from './artifact-fields.js'
import type { CosignSuffix } from './tag-names.js'
import type { ArtifactKind } from './types.js'

const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json'
const SIGSTORE_BUNDLE = 'application/vnd.dev.sigstore.bundle'
const IN_TOTO = 'application/vnd.in-toto+json'
const DSSE = 'application/vnd.dsse.envelope.v1+json'
/** cosign marks a sigstore bundle that carries an attestation with the predicate's type. */
const BUNDLE_PREDICATE = 'dev.sigstore.bundle.predicatetype'

/**
 * What an artifact is, for the summary. A cosign tag says it by its suffix;
 * otherwise the artifact type, the config's and the layers' media types do:
 * a simple-signing payload or a sigstore bundle is a signature (a bundle
 * that names a predicate type is an attestation), in-toto and DSSE are
 * attestations, SPDX and CycloneDX are SBOMs.
 */
export function classifyArtifact(
  fields: ArtifactFields,
  cosignSuffix?: CosignSuffix
): ArtifactKind {
  if (cosignSuffix === '.sig') return 'signature'
  if (cosignSuffix === '.att') return 'attestation'
  if (cosignSuffix === '.sbom') return 'sbom'
  const artifactType = fields.artifactType?.toLowerCase() ?? ''
  const types = [artifactType, fields.configMediaType ?? '', ...fields.layerMediaTypes].map((t) =>
    t.toLowerCase()
  )
  const annotated = Object.keys(fields.annotations ?? {}).map((k) => k.toLowerCase())
  const bundle = types.some((t) => t.startsWith(SIGSTORE_BUNDLE))
  if (bundle && annotated.includes(BUNDLE_PREDICATE)) return 'attestation'
  if (bundle || types.includes(SIMPLE_SIGNING)) return 'signature'
  if (types.includes(IN_TOTO) || types.includes(DSSE) || artifactType.includes('in-toto'))
    return 'attestation'
  if (types.some((t) => t.includes('spdx') || t.includes('cyclonedx'))) return 'sbom'
  return 'artifact'
}
