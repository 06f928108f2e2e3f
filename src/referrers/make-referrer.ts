import type { RawManifest } from '../distribution/manifests.js'
import { artifactFields } from './artifact-fields.js'
import { classifyArtifact } from './classify.js'
import { cosignSuffixOf } from './tag-names.js'
import type { Referrer } from './types.js'

/**
 * A Referrer from a manifest found for `subject`. A manifest that names its
 * own `subject` refers to that one, whatever listing it was found in: that is
 * the subject a registry with the referrers API files it under.
 */
export function makeReferrer(
  manifest: RawManifest,
  subject: string,
  via: Referrer['via']
): Referrer {
  const fields = artifactFields(manifest)
  const suffix = via.kind === 'cosign-tag' ? cosignSuffixOf(via.tag) : undefined
  return {
    manifest,
    subject: via.kind === 'subject' ? (fields.subject ?? subject) : subject,
    via,
    kind: classifyArtifact(fields, suffix),
    ...(fields.artifactType ? { artifactType: fields.artifactType } : {}),
    ...(fields.annotations ? { annotations: fields.annotations } : {})
  }
}
