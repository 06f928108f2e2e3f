import { generateKeyPairSync, sign } from 'node:crypto'
import { IN_TOTO, OCI_CONFIG, OCI_INDEX, OCI_MANIFEST } from './archives.js'
import {
  expectStatus,
  putBlob,
  send as seedSend,
  sha256,
  type SeedTarget
} from './services/oci-seed.js'

/**
 * Signatures, attestations and SBOMs built from their public formats, and
 * pushed with plain fetch (independently of tagship's client), as cosign,
 * oras and buildx leave them in a registry: cosign's simple-signing
 * signature (under `sha256-<hex>.sig`, or with a `subject`), an OCI 1.1
 * in-toto attestation and an SPDX SBOM (with a `subject` and the empty
 * config), and the referrers tag index (`sha256-<hex>`) a client keeps on a
 * registry without the referrers API.
 */
export interface Descriptor {
  readonly mediaType: string
  readonly digest: string
  readonly size: number
}

/** A built artifact: its manifest (exact bytes) and the blobs it names. */
export interface Artifact extends Descriptor {
  readonly bytes: Buffer
  /** As a referrers listing gives it: `artifactType`, else the config's media type. */
  readonly artifactType?: string
  readonly annotations?: Readonly<Record<string, string>>
  /** The subject's digest, when the manifest names one. */
  readonly subject?: string
  /** Config first, then the layers. */
  readonly blobs: readonly Buffer[]
}

export { IN_TOTO, OCI_CONFIG, OCI_INDEX, OCI_MANIFEST }
export const EMPTY = 'application/vnd.oci.empty.v1+json'
export const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const DSSE = 'application/vnd.dsse.envelope.v1+json'
export const SPDX = 'application/spdx+json'
/** The artifact type cosign gives a signature it attaches with a subject. */
export const COSIGN_SIG_ARTIFACT = 'application/vnd.dev.cosign.artifact.sig.v1+json'
const EMPTY_JSON = Buffer.from('{}')
const CREATED = '2024-05-01T12:00:00Z'

/** One signing key per test run: signatures are real ECDSA P-256 over the payload. */
const key = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey

/** `sha256-<hex>` (the referrers tag) or `sha256-<hex>.sig` (cosign). */
export const digestTag = (digest: string, suffix = ''): string =>
  `${digest.replace(':', '-')}${suffix}`

/**
 * cosign's simple-signing signature of `subject`: an image config whose one
 * diff_id is the payload's digest, one layer (the payload) annotated with
 * the base64 signature. `withSubject` makes it an OCI 1.1 referrer.
 */
export function cosignSignature(options: {
  readonly subject: Descriptor
  /** `docker-reference` in the payload: `127.0.0.1:5000/acme/app`. */
  readonly dockerReference: string
  readonly withSubject?: boolean
}): Artifact {
  const payload = Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': options.dockerReference },
        image: { 'docker-manifest-digest': options.subject.digest },
        type: 'cosign container image signature'
      },
      optional: null
    })
  )
  const config = Buffer.from(
    JSON.stringify({
      architecture: '',
      created: '0001-01-01T00:00:00Z',
      history: [{ created: '0001-01-01T00:00:00Z' }],
      os: '',
      rootfs: { type: 'layers', diff_ids: [sha256(payload)] },
      config: {}
    })
  )
  const signature = sign('sha256', payload, key).toString('base64')
  return manifest({
    ...(options.withSubject ? { artifactType: COSIGN_SIG_ARTIFACT } : {}),
    config: { mediaType: OCI_CONFIG, blob: config },
    layers: [
      {
        mediaType: SIMPLE_SIGNING,
        blob: payload,
        annotations: { 'dev.cosignproject.cosign/signature': signature }
      }
    ],
    ...(options.withSubject ? { subject: options.subject } : {})
  })
}

/** An OCI 1.1 in-toto attestation of `subject`: a statement, or (dsse) a DSSE envelope of one. */
export function inTotoAttestation(options: {
  readonly subject: Descriptor
  readonly predicateType?: string
  readonly dsse?: boolean
}): Artifact {
  const predicateType = options.predicateType ?? 'https://slsa.dev/provenance/v1'
  const statement = Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'image', digest: { sha256: options.subject.digest.slice(7) } }],
      predicateType,
      predicate: { buildDefinition: { buildType: 'https://tagship.test/build/v1' } }
    })
  )
  const type = options.dsse ? DSSE : IN_TOTO
  const layer = options.dsse
    ? Buffer.from(
        JSON.stringify({
          payloadType: IN_TOTO,
          payload: statement.toString('base64'),
          signatures: [{ keyid: '', sig: sign('sha256', statement, key).toString('base64') }]
        })
      )
    : statement
  return manifest({
    artifactType: type,
    config: { mediaType: EMPTY, blob: EMPTY_JSON },
    layers: [{ mediaType: type, blob: layer }],
    subject: options.subject,
    annotations: {
      'org.opencontainers.image.created': CREATED,
      'in-toto.io/predicate-type': predicateType
    }
  })
}

/** An SPDX 2.3 SBOM of `subject`, as an OCI 1.1 artifact. */
export function spdxSbom(options: {
  readonly subject: Descriptor
  readonly name?: string
}): Artifact {
  const name = options.name ?? 'app'
  const document = Buffer.from(
    JSON.stringify({
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name,
      documentNamespace: `https://tagship.test/spdx/${name}-${options.subject.digest.slice(7, 19)}`,
      creationInfo: { created: CREATED, creators: ['Tool: tagship-test'] },
      packages: [
        {
          SPDXID: 'SPDXRef-Package-busybox',
          name: 'busybox',
          versionInfo: '1.36.1',
          downloadLocation: 'NOASSERTION'
        }
      ]
    })
  )
  return manifest({
    artifactType: SPDX,
    config: { mediaType: EMPTY, blob: EMPTY_JSON },
    layers: [{ mediaType: SPDX, blob: document }],
    subject: options.subject,
    annotations: { 'org.opencontainers.image.created': CREATED }
  })
}

/** How a referrers listing names an artifact. */
export function listing(a: Artifact): Record<string, unknown> {
  return {
    mediaType: a.mediaType,
    digest: a.digest,
    size: a.size,
    ...(a.artifactType ? { artifactType: a.artifactType } : {}),
    ...(a.annotations ? { annotations: a.annotations } : {})
  }
}

/** The referrers tag index listing `artifacts` (exact bytes). */
export function referrersIndex(entries: readonly Record<string, unknown>[]): Artifact {
  const bytes = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries })
  )
  return { mediaType: OCI_INDEX, digest: sha256(bytes), size: bytes.length, bytes, blobs: [] }
}

/** Push an artifact's blobs, then its manifest under `tag` (or by digest). */
export async function pushArtifact(
  target: SeedTarget,
  repo: string,
  artifact: Artifact,
  tag?: string
): Promise<Artifact> {
  for (const blob of artifact.blobs) await pushBlob(target, repo, blob)
  await pushManifest(target, repo, tag ?? artifact.digest, artifact.bytes, artifact.mediaType)
  return artifact
}

/**
 * What a client without the referrers API does after pushing `artifacts`:
 * read the subject's referrers tag, add them, write it back. The index written.
 */
export async function addToReferrersTag(
  target: SeedTarget,
  repo: string,
  subject: string,
  artifacts: readonly Artifact[]
): Promise<Artifact> {
  const tag = digestTag(subject)
  const current = await send(target, repo, `/v2/${repo}/manifests/${tag}`, {
    headers: { accept: OCI_INDEX }
  })
  const kept: Record<string, unknown>[] =
    current.status === 200
      ? ((await current.json()) as { manifests: Record<string, unknown>[] }).manifests
      : (await current.body?.cancel(), [])
  const have = new Set(kept.map((d) => d.digest))
  const index = referrersIndex([
    ...kept,
    ...artifacts.filter((a) => !have.has(a.digest)).map(listing)
  ])
  return pushArtifact(target, repo, index, tag)
}

/** Delete a manifest by digest (and so every tag on it: Distribution 2.8 deletes no single tag). */
export async function deleteManifest(
  target: SeedTarget,
  repo: string,
  digest: string
): Promise<void> {
  const response = await send(target, repo, `/v2/${repo}/manifests/${digest}`, { method: 'DELETE' })
  await expectStatus(response, 202, `DELETE ${repo}@${digest}`)
}

interface Part {
  readonly mediaType: string
  readonly blob: Buffer
  readonly annotations?: Record<string, string>
}

function manifest(m: {
  readonly artifactType?: string
  readonly config: Part
  readonly layers: readonly Part[]
  readonly subject?: Descriptor
  readonly annotations?: Record<string, string>
}): Artifact {
  const descriptor = (p: Part) => ({
    mediaType: p.mediaType,
    digest: sha256(p.blob),
    size: p.blob.length,
    ...(p.annotations ? { annotations: p.annotations } : {})
  })
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      ...(m.artifactType ? { artifactType: m.artifactType } : {}),
      config: descriptor(m.config),
      layers: m.layers.map(descriptor),
      ...(m.subject
        ? {
            subject: {
              mediaType: m.subject.mediaType,
              digest: m.subject.digest,
              size: m.subject.size
            }
          }
        : {}),
      ...(m.annotations ? { annotations: m.annotations } : {})
    })
  )
  return {
    mediaType: OCI_MANIFEST,
    digest: sha256(bytes),
    size: bytes.length,
    bytes,
    artifactType: m.artifactType ?? m.config.mediaType,
    ...(m.annotations ? { annotations: m.annotations } : {}),
    ...(m.subject ? { subject: m.subject.digest } : {}),
    blobs: [m.config.blob, ...m.layers.map((l) => l.blob)]
  }
}

async function pushManifest(
  target: SeedTarget,
  repo: string,
  reference: string,
  bytes: Buffer,
  mediaType: string
): Promise<void> {
  const response = await send(target, repo, `/v2/${repo}/manifests/${reference}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: bytes
  })
  await expectStatus(response, 201, `PUT manifest ${repo}:${reference}`)
}

async function pushBlob(target: SeedTarget, repo: string, data: Buffer): Promise<void> {
  const head = await send(target, repo, `/v2/${repo}/blobs/${sha256(data)}`, { method: 'HEAD' })
  if (head.status !== 200) await putBlob(target, repo, data)
}

/** Every request with the rights a test needs, deleting included. */
const send = (target: SeedTarget, repo: string, path: string, init: RequestInit) =>
  seedSend(target, repo, path, init, 'pull,push,delete')
