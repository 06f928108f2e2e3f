import { RegistryRequestError } from '../distribution/errors.js'
import { getManifest, putManifest, type RawManifest } from '../distribution/manifests.js'
import { isIndexMediaType, OCI_INDEX } from '../distribution/media-types.js'
import { apiPath, refusal, type RepoHandle } from '../distribution/repo.js'
import { nextPage } from '../distribution/tags.js'
import { listedDescriptors } from './referrers-index.js'
import type { ListedDescriptor } from './types.js'
import { discard } from '../distribution/discard.js'

/** Answers that mean the registry has no referrers API (Distribution 2.8 answers 404). */
const NO_API = new Set([400, 404, 405, 501])
/** A listing that never ends (a `Link` loop) stops here. */
const MAX_PAGES = 100

/**
 * `GET /v2/<name>/referrers/<digest>`: what the referrers API lists for a
 * subject, every page; undefined when the registry has no such API.
 */
export async function readReferrersApi(
  repo: RepoHandle,
  subject: string
): Promise<ListedDescriptor[] | undefined> {
  const listed: ListedDescriptor[] = []
  let next: string | undefined = apiPath(repo, `referrers/${subject}`)
  for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
    const url: string = next.startsWith('/') ? `${repo.client.baseUrl}${next}` : next
    const response = await repo.client.request(url, { headers: { accept: OCI_INDEX } }, repo.scopes)
    if (page === 0 && NO_API.has(response.status)) {
      await discard(response)
      return undefined
    }
    if (!response.ok) throw await refusal(repo, response, 'listing referrers of', false, subject)
    listed.push(...listedDescriptors(new Uint8Array(await response.arrayBuffer())))
    next = nextPage(response.headers.get('link'), url)
  }
  return listed
}

/**
 * The index under a tag (a referrers tag), or undefined when the tag is not
 * there. A tag that holds something other than an index lists nothing.
 */
export async function readTagIndex(
  repo: RepoHandle,
  tag: string
): Promise<{ index: RawManifest; listed: ListedDescriptor[] } | undefined> {
  const index = await getManifestOrNothing(repo, tag)
  if (!index) return undefined
  return { index, listed: isIndexMediaType(index.mediaType) ? listedDescriptors(index.bytes) : [] }
}

/** A manifest by tag or digest; undefined when the registry does not have it (404). */
export async function getManifestOrNothing(
  repo: RepoHandle,
  reference: string
): Promise<RawManifest | undefined> {
  try {
    return await getManifest(repo, reference)
  } catch (e) {
    if (e instanceof RegistryRequestError && e.status === 404) return undefined
    throw e
  }
}

/**
 * Store a referrer's manifest by its digest, exact bytes. `subjectListed` is
 * whether the answer carried `OCI-Subject`: the registry files it under its
 * subject itself, and no referrers tag needs writing.
 */
export function putReferrerManifest(
  repo: RepoHandle,
  manifest: RawManifest
): Promise<{ subjectListed: boolean }> {
  return putManifest(repo, manifest.digest, manifest)
}
