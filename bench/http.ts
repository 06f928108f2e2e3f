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

/** Where a Bearer registry sends clients for tokens. */
export interface TokenRealm {
  readonly realm: string
  readonly service: string
}

/** GET a token for pull and push on `repos` (pull only when `pullOnly`) with Basic: one round trip. */
export async function fetchToken(
  token: TokenRealm,
  creds: Creds,
  repos: readonly string[],
  pullOnly = false
): Promise<string> {
  const url = new URL(token.realm)
  url.searchParams.set('service', token.service)
  for (const repo of repos)
    url.searchParams.append('scope', `repository:${repo}:${pullOnly ? 'pull' : 'pull,push'}`)
  const res = await fetch(url, { headers: { authorization: basic(creds) } })
  if (res.status !== 200) {
    void res.body?.cancel()
    throw new Error(`token server ${url.origin} answered ${res.status}`)
  }
  const body = (await res.json()) as { token?: string; access_token?: string }
  const value = body.token ?? body.access_token
  if (!value) throw new Error(`token server ${url.origin} sent no token`)
  return `Bearer ${value}`
}

const realms = new Map<string, TokenRealm | 'basic'>()
const tokens = new Map<string, { header: string; until: number }>()

/** Forget what authHeader learned of `base` (its registry stopped; the port may serve another). */
export function forgetAuth(base: string): void {
  realms.delete(base)
  for (const key of [...tokens.keys()]) if (key.startsWith(`${base} `)) tokens.delete(key)
}

/**
 * The Authorization header for `repos` at `base`, for the bench's own set-up and
 * checks (not measured): Basic for htpasswd registries; for token registries a
 * Bearer token (the challenge learned once per registry, tokens kept 2 minutes).
 */
export async function authHeader(
  base: string,
  creds: Creds,
  repos: readonly string[]
): Promise<string> {
  let realm = realms.get(base)
  if (!realm) {
    const ping = await fetch(`${base}/v2/`)
    void ping.body?.cancel()
    const challenge = ping.headers.get('www-authenticate') ?? ''
    const bearer = /^Bearer\s/i.test(challenge)
    const param = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(challenge)?.[1]
    realm = bearer ? { realm: param('realm') ?? '', service: param('service') ?? '' } : 'basic'
    realms.set(base, realm)
  }
  if (realm === 'basic') return basic(creds)
  const key = `${base} ${repos.join(' ')}`
  const cached = tokens.get(key)
  if (cached && cached.until > Date.now()) return cached.header
  const header = await fetchToken(realm, creds, repos)
  tokens.set(key, { header, until: Date.now() + 120_000 })
  return header
}

export interface Manifest {
  readonly bytes: Buffer
  readonly mediaType: string
  readonly digest: string
  /** Config and layer digests and sizes. */
  readonly blobs: readonly { readonly digest: string; readonly size: number }[]
}

/** GET a manifest. */
export async function getManifest(
  base: string,
  creds: Creds,
  repo: string,
  ref: string
): Promise<Manifest> {
  const res = await fetch(`${base}/v2/${repo}/manifests/${ref}`, {
    headers: { authorization: await authHeader(base, creds, [repo]), accept: MANIFEST_ACCEPT }
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
    headers: { authorization: await authHeader(base, creds, [repo]), accept: MANIFEST_ACCEPT }
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
  const authorization = await authHeader(base, creds, [to, from])
  for (const blob of manifest.blobs) {
    const res = await fetch(
      `${base}/v2/${to}/blobs/uploads/?mount=${blob.digest}&from=${encodeURIComponent(from)}`,
      { method: 'POST', headers: { authorization } }
    )
    await res.arrayBuffer()
    if (res.status !== 201) throw new Error(`mount ${blob.digest} into ${to}: ${res.status}`)
  }
  const put = await fetch(`${base}/v2/${to}/manifests/${tag}`, {
    method: 'PUT',
    headers: { authorization, 'content-type': manifest.mediaType },
    body: manifest.bytes
  })
  await put.arrayBuffer()
  if (put.status !== 201) throw new Error(`PUT ${to}:${tag} answered ${put.status}`)
}
