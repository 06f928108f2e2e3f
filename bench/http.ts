import type { Creds } from './registries.js'

/** Every manifest type a registry may hold; a HEAD or GET must accept them all to see the digest. */
export const MANIFEST_ACCEPT = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json'
].join(', ')

export const basic = (c: Creds): string =>
  `Basic ${Buffer.from(`${c.username}:${c.password}`).toString('base64')}`

export interface Manifest {
  readonly bytes: Buffer
  readonly mediaType: string
  readonly digest: string
  /** Config and layer digests and sizes. */
  readonly blobs: readonly { readonly digest: string; readonly size: number }[]
}

/** GET a manifest (htpasswd registries take Basic up front: no challenge round trip). */
export async function getManifest(
  base: string,
  creds: Creds,
  repo: string,
  ref: string
): Promise<Manifest> {
  const res = await fetch(`${base}/v2/${repo}/manifests/${ref}`, {
    headers: { authorization: basic(creds), accept: MANIFEST_ACCEPT }
  })
  if (res.status !== 200) throw new Error(`GET ${repo}:${ref} answered ${res.status}`)
  const bytes = Buffer.from(await res.arrayBuffer())
  const json = JSON.parse(bytes.toString('utf8')) as {
    mediaType?: string
    config: { digest: string; size: number }
    layers: { digest: string; size: number }[]
  }
  return {
    bytes,
    mediaType: res.headers.get('content-type') ?? json.mediaType ?? '',
    digest: res.headers.get('docker-content-digest') ?? '',
    blobs: [json.config, ...json.layers].map((b) => ({ digest: b.digest, size: b.size }))
  }
}

/** The digest a tag points at, or undefined when the tag does not exist. */
export async function tagDigest(
  base: string,
  creds: Creds,
  repo: string,
  tag: string
): Promise<string | undefined> {
  const res = await fetch(`${base}/v2/${repo}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { authorization: basic(creds), accept: MANIFEST_ACCEPT }
  })
  if (res.status === 404) return undefined
  if (res.status !== 200) throw new Error(`HEAD ${repo}:${tag} answered ${res.status}`)
  return res.headers.get('docker-content-digest') ?? undefined
}

/** Fail unless every `repo:tag` in `refs` is at `digest`: the invariant of every publish. */
export async function expectTagsAt(
  base: string,
  creds: Creds,
  refs: readonly { readonly repo: string; readonly tag: string }[],
  digest: string,
  who: string
): Promise<void> {
  const wrong: string[] = []
  for (const { repo, tag } of refs) {
    const found = await tagDigest(base, creds, repo, tag)
    if (found !== digest) wrong.push(`${repo}:${tag} is at ${found ?? 'nothing'}`)
  }
  if (wrong.length > 0) {
    throw new Error(`${who}: not every tag is at ${digest}: ${wrong.join('; ')}`)
  }
}

/** Put an image into another repository of the same registry: blob mounts and a manifest PUT. */
export async function cloneInRegistry(
  base: string,
  creds: Creds,
  from: string,
  manifest: Manifest,
  to: string,
  tag: string
): Promise<void> {
  for (const blob of manifest.blobs) {
    const res = await fetch(
      `${base}/v2/${to}/blobs/uploads/?mount=${blob.digest}&from=${encodeURIComponent(from)}`,
      { method: 'POST', headers: { authorization: basic(creds) } }
    )
    await res.arrayBuffer()
    if (res.status !== 201) throw new Error(`mount ${blob.digest} into ${to}: ${res.status}`)
  }
  const put = await fetch(`${base}/v2/${to}/manifests/${tag}`, {
    method: 'PUT',
    headers: { authorization: basic(creds), 'content-type': manifest.mediaType },
    body: manifest.bytes
  })
  await put.arrayBuffer()
  if (put.status !== 201) throw new Error(`PUT ${to}:${tag} answered ${put.status}`)
}
