import { describe, expect, test } from '@jest/globals'
import { referrerPreviews } from '../../src/push/preview-referrers.js'
import type { Referrer, TargetReferrers } from '../../src/referrers/types.js'

const SUBJECT = `sha256:${'a'.repeat(64)}`
const digest = (c: string) => `sha256:${c.repeat(64)}`
const COSIGN_TAG = `sha256-${'a'.repeat(64)}.sig`

function referrer(d: string, via: Referrer['via'], kind: Referrer['kind'] = 'signature'): Referrer {
  return {
    manifest: {
      bytes: new Uint8Array(),
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest: d
    },
    subject: SUBJECT,
    via,
    kind
  }
}
const bySubject = (d: string, kind: Referrer['kind'] = 'attestation') =>
  referrer(d, { kind: 'subject' }, kind)
const byCosign = (d: string) => referrer(d, { kind: 'cosign-tag', tag: COSIGN_TAG })

const held = (
  listing: { api?: string[]; tagIndex?: string[] } | undefined,
  cosign: Record<string, string> = {}
): TargetReferrers => ({
  subjects: new Map(
    listing
      ? [
          [
            SUBJECT,
            {
              ...(listing.api ? { api: new Set(listing.api) } : {}),
              tagIndex: new Set(listing.tagIndex ?? [])
            }
          ]
        ]
      : []
  ),
  cosignTags: new Map(Object.entries(cosign))
})

describe('referrerPreviews: what the referrers phase would do on one target', () => {
  test.each<[string, Referrer, TargetReferrers, string]>([
    [
      'listed by the referrers API',
      bySubject(digest('b')),
      held({ api: [digest('b')] }),
      'already there'
    ],
    [
      'listed in the referrers tag',
      bySubject(digest('b')),
      held({ tagIndex: [digest('b')] }),
      'already there'
    ],
    ['not listed', bySubject(digest('b')), held({ api: [digest('c')] }), 'copy'],
    ['a target that never heard of the subject', bySubject(digest('b')), held(undefined), 'copy'],
    [
      'a cosign tag at it',
      byCosign(digest('b')),
      held(undefined, { [COSIGN_TAG]: digest('b') }),
      'already there'
    ],
    ['no cosign tag yet', byCosign(digest('b')), held(undefined), 'copy'],
    [
      "the target's own cosign tag",
      byCosign(digest('b')),
      held(undefined, { [COSIGN_TAG]: digest('c') }),
      `kept: the target's tag ${COSIGN_TAG} points at ${digest('c')}, its own signatures: not overwritten`
    ]
  ])('%s', (_why, r, target, expected) => {
    const [p] = referrerPreviews([r], target)
    expect(p!.action + (p!.detail ? `: ${p!.detail}` : '')).toBe(expected)
    expect({ digest: p!.digest, subject: p!.subject, kind: p!.kind }).toEqual({
      digest: r.manifest.digest,
      subject: SUBJECT,
      kind: r.kind
    })
  })
})
