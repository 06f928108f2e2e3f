import type { Plan, PlanTarget } from '../../src/push/plan.js'
import type { PublishResult, TagResult, TargetResult } from '../../src/push/results.js'
import type { Repository } from '../../src/registry/reference.js'

/** Shared by the report tables: hotfix 1.1.1 published to two targets after 2.0.0. */
export const DIGEST = `sha256:${'a'.repeat(64)}`
export const OTHER_DIGEST = `sha256:${'b'.repeat(64)}`

export const HUB: Repository = {
  registry: 'docker.io',
  path: 'acme/app',
  name: 'docker.io/acme/app'
}
export const GHCR: Repository = { registry: 'ghcr.io', path: 'acme/app', name: 'ghcr.io/acme/app' }

// A Map, not an object: an object would list the integer-like key '1' first.
const REASONS = new Map<string, string[]>([
  ['1.1.1', ['semver: release v1.1.1']],
  ['1.1', ['semver: release v1.1.1']],
  ['1', ['semver: release v1.1.1']],
  ['latest', ['latest: stable release v1.1.1']]
])

function planTarget(repository: Repository): PlanTarget {
  return {
    repository,
    tags: [...REASONS].map(([tag, reasons]) => ({
      tag,
      reference: `${repository.name}:${tag}`,
      reasons
    }))
  }
}

export const PLAN: Plan = {
  push: true,
  source: 'acme/app:build',
  version: '1.1.1',
  tags: [...REASONS].map(([tag, reasons]) => ({ tag, reasons })),
  targets: [planTarget(HUB), planTarget(GHCR)],
  labels: { 'org.opencontainers.image.version': '1.1.1' },
  annotations: ['manifest:org.opencontainers.image.version=1.1.1'],
  warnings: [],
  notices: []
}

export const KEPT = 'newer version 2.0.0 holds it'
export const DENIED = 'denied: requested access to the resource is denied (ghcr.io/acme/app:1.1)'

/** One tag's result; landed tags carry the digest they were verified at. */
export function tagResult(
  repository: Repository,
  tag: string,
  status: TagResult['status'],
  detail?: string,
  digest = DIGEST
): TagResult {
  const landed = status === 'pushed' || status === 'already there'
  return {
    tag,
    reference: `${repository.name}:${tag}`,
    reasons: REASONS.get(tag)!,
    status,
    ...(detail !== undefined ? { detail } : {}),
    ...(landed ? { digest } : {})
  }
}

const hub: TargetResult = {
  repository: HUB,
  digest: DIGEST,
  tags: [
    tagResult(HUB, '1.1.1', 'pushed'),
    tagResult(HUB, '1.1', 'pushed'),
    tagResult(HUB, '1', 'already there'),
    tagResult(HUB, 'latest', 'kept', KEPT)
  ]
}

const ghcr: TargetResult = {
  repository: GHCR,
  digest: DIGEST,
  tags: [
    tagResult(GHCR, '1.1.1', 'pushed'),
    tagResult(GHCR, '1.1', 'failed', DENIED),
    tagResult(GHCR, '1', 'pushed'),
    tagResult(GHCR, 'latest', 'kept', KEPT)
  ]
}

/** 8 tags on 2 targets: 4 pushed, 1 already there, 2 kept, 1 failed. */
export const MIXED: PublishResult = { digest: DIGEST, targets: [hub, ghcr] }

/** Everything landed on the first target only, the second got a re-compressed digest. */
export const SPLIT: PublishResult = {
  digest: DIGEST,
  targets: [
    { repository: HUB, digest: DIGEST, tags: [tagResult(HUB, '1.1.1', 'pushed')] },
    {
      repository: GHCR,
      digest: OTHER_DIGEST,
      tags: [tagResult(GHCR, '1.1.1', 'pushed', undefined, OTHER_DIGEST)]
    }
  ]
}

/** The content never reached the only target. */
export const NOTHING: PublishResult = {
  digest: '',
  targets: [
    {
      repository: HUB,
      tags: [tagResult(HUB, '1.1.1', 'failed', 'the content could not be pushed: timeout')]
    }
  ]
}

export const SIG = `sha256:${'c'.repeat(64)}`
export const ATT = `sha256:${'d'.repeat(64)}`
export const SBOM = `sha256:${'e'.repeat(64)}`

/** Two platforms of three kept; a signature, an attestation and an SBOM copied to one target, one failed on the other. */
export const SIGNED: PublishResult = {
  digest: DIGEST,
  platforms: {
    kept: ['linux/amd64', 'linux/arm64'],
    dropped: ['linux/s390x'],
    sourceDigest: OTHER_DIGEST
  },
  targets: [
    {
      repository: HUB,
      digest: DIGEST,
      tags: [tagResult(HUB, '1.1.1', 'pushed')],
      referrers: [
        {
          digest: SIG,
          subject: DIGEST,
          kind: 'signature',
          where: 'tag sha256-aaa.sig',
          status: 'copied'
        },
        {
          digest: ATT,
          subject: DIGEST,
          kind: 'attestation',
          where: 'referrers API',
          status: 'copied'
        },
        {
          digest: SBOM,
          subject: DIGEST,
          kind: 'sbom',
          where: 'referrers API',
          status: 'already there'
        }
      ]
    },
    {
      repository: GHCR,
      digest: DIGEST,
      tags: [tagResult(GHCR, '1.1.1', 'pushed')],
      referrers: [
        {
          digest: SIG,
          subject: DIGEST,
          kind: 'signature',
          where: 'tag sha256-aaa.sig',
          status: 'kept',
          detail: 'the target holds its own'
        },
        {
          digest: ATT,
          subject: DIGEST,
          kind: 'attestation',
          where: 'referrers tag sha256-aaa',
          status: 'failed',
          detail: 'denied'
        }
      ]
    }
  ]
}
