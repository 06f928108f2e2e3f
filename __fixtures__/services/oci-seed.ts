import { createHash } from 'node:crypto'

/**
 * Put test images into a registry with plain fetch, independently of
 * tagship's own client: blobs, an image manifest, or an index of images.
 * Layers are arbitrary bytes (registries never look inside them), so no
 * Docker daemon is needed to make content for the daemonless engine.
 */
export interface SeedTarget {
  /** `http://127.0.0.1:PORT` */
  readonly url: string
  readonly creds?: { readonly username: string; readonly password: string }
}

export interface SeededManifest {
  readonly digest: string
  readonly size: number
  readonly bytes: Buffer
  readonly mediaType: string
}

export interface Platform {
  readonly os: string
  readonly architecture: string
  readonly variant?: string
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json'
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip'

export const sha256 = (data: Buffer | string): string =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`

/** Push an image of `layers` (and a config naming `platform`) under `tag`, or by digest. */
export async function seedImage(
  target: SeedTarget,
  repo: string,
  options: {
    readonly layers: readonly Buffer[]
    readonly platform?: Platform
    readonly tag?: string
  }
): Promise<SeededManifest> {
  const platform = options.platform ?? { os: 'linux', architecture: 'amd64' }
  const diffIds = options.layers.map((l) => sha256(l))
  const config = Buffer.from(
    JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: diffIds }, config: {} })
  )
  await putBlob(target, repo, config)
  for (const layer of options.layers) await putBlob(target, repo, layer)
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, digest: sha256(config), size: config.length },
      layers: options.layers.map((l) => ({
        mediaType: OCI_LAYER,
        digest: sha256(l),
        size: l.length
      }))
    })
  )
  return putManifest(target, repo, options.tag, manifest, OCI_MANIFEST)
}

/** Push an index of already pushed images under `tag`. */
export async function seedIndex(
  target: SeedTarget,
  repo: string,
  tag: string,
  children: readonly { readonly manifest: SeededManifest; readonly platform: Platform }[]
): Promise<SeededManifest> {
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_INDEX,
      manifests: children.map((c) => ({
        mediaType: c.manifest.mediaType,
        digest: c.manifest.digest,
        size: c.manifest.size,
        platform: c.platform
      }))
    })
  )
  return putManifest(target, repo, tag, index, OCI_INDEX)
}

async function putManifest(
  target: SeedTarget,
  repo: string,
  tag: string | undefined,
  bytes: Buffer,
  mediaType: string
): Promise<SeededManifest> {
  const digest = sha256(bytes)
  const response = await send(target, repo, `/v2/${repo}/manifests/${tag ?? digest}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body: bytes
  })
  await expectStatus(response, 201, `PUT manifest ${repo}:${tag ?? digest}`)
  return { digest, size: bytes.length, bytes, mediaType }
}

/** Upload one blob: a session, then one PUT with the bytes. */
export async function putBlob(target: SeedTarget, repo: string, data: Buffer): Promise<void> {
  const start = await send(target, repo, `/v2/${repo}/blobs/uploads/`, { method: 'POST' })
  await expectStatus(start, 202, `POST upload ${repo}`)
  const location = new URL(start.headers.get('location')!, target.url)
  location.searchParams.set('digest', sha256(data))
  const put = await send(target, repo, location.toString(), {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: data
  })
  await expectStatus(put, 201, `PUT blob ${repo}`)
}

const tokens = new Map<string, string>()

/**
 * One request, answering a Basic or Bearer challenge with the target's
 * credentials; a Bearer token is asked for `actions` on `repo`.
 */
export async function send(
  target: SeedTarget,
  repo: string,
  pathOrUrl: string,
  init: RequestInit,
  actions = 'pull,push'
): Promise<Response> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${target.url}${pathOrUrl}`
  const key = `${target.url} ${repo} ${actions}`
  const withAuth = (auth: string | undefined): RequestInit => ({
    ...init,
    headers: {
      ...(init.headers as Record<string, string>),
      ...(auth ? { authorization: auth } : {})
    }
  })
  let response = await fetch(url, withAuth(tokens.get(key)))
  if (response.status !== 401 || !target.creds) return response
  await response.body?.cancel()
  const basic = `Basic ${Buffer.from(`${target.creds.username}:${target.creds.password}`).toString('base64')}`
  const challenge = response.headers.get('www-authenticate') ?? ''
  let auth = basic
  if (/^bearer/i.test(challenge)) {
    const param = (name: string): string =>
      new RegExp(`${name}="([^"]*)"`).exec(challenge)?.[1] ?? ''
    const realm = new URL(param('realm'))
    realm.searchParams.set('service', param('service'))
    realm.searchParams.set('scope', `repository:${repo}:${actions}`)
    const answer = await fetch(realm, { headers: { authorization: basic } })
    if (answer.status !== 200) throw new Error(`seed: token answered ${answer.status}`)
    const body = (await answer.json()) as { token?: string; access_token?: string }
    auth = `Bearer ${body.token ?? body.access_token}`
  }
  tokens.set(key, auth)
  response = await fetch(url, withAuth(auth))
  return response
}

export async function expectStatus(
  response: Response,
  status: number,
  what: string
): Promise<void> {
  if (response.status === status) {
    await response.body?.cancel()
    return
  }
  throw new Error(`seed: ${what} answered ${response.status}: ${await response.text()}`)
}
