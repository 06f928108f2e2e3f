import { apiPath, refusal, type RepoHandle } from './repo.js'
import { discard } from './discard.js'

/** ECR refuses pages above 1000. */
const PAGE_SIZE = 1000
/** Enough for a repository with a million tags; a Link loop ends here. */
const MAX_PAGES = 1000

/**
 * Every tag of a repository, following `Link: <…>; rel="next"` pages. A
 * repository that does not exist yet has no tags (404 → []).
 */
export async function listTags(
  repo: RepoHandle,
  options: { pageSize?: number } = {}
): Promise<string[]> {
  const tags: string[] = []
  let next: string | undefined = apiPath(repo, `tags/list?n=${options.pageSize ?? PAGE_SIZE}`)
  for (let page = 0; next !== undefined; page++) {
    if (page >= MAX_PAGES)
      throw new Error(
        `${repo.client.registry}/${repo.path}: the tag list never ends (more than ${MAX_PAGES} pages)`
      )
    const url: string = next.startsWith('/') ? `${repo.client.baseUrl}${next}` : next
    const response = await repo.client.request(url, {}, repo.scopes)
    if (response.status === 404 && page === 0) {
      await discard(response)
      return []
    }
    if (!response.ok) throw await refusal(repo, response, 'listing tags of', false)
    const body = (await response.json().catch(() => ({}))) as { tags?: unknown }
    if (Array.isArray(body.tags))
      for (const tag of body.tags) if (typeof tag === 'string') tags.push(tag)
    next = nextPage(response.headers.get('link'), url)
  }
  return tags
}

/**
 * listTags, asked once per repository: the reads before a publish share each
 * list (a source and a target in one repository need it both). Only for
 * reads that run before anything is written: a list does not change after.
 */
export function tagListsOnce(): (repo: RepoHandle) => Promise<string[]> {
  const lists = new Map<string, Promise<string[]>>()
  return (repo) => {
    const key = `${repo.client.registry}/${repo.path}`
    let list = lists.get(key)
    if (!list) {
      list = listTags(repo)
      lists.set(key, list)
    }
    return list
  }
}

/** The `rel="next"` target of a Link header, absolute. */
export function nextPage(link: string | null, base: string): string | undefined {
  if (!link) return undefined
  for (const part of link.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part)
    if (m && /(?:^|;)\s*rel\s*=\s*"?next"?\s*(?:;|$)/i.test(m[2]!)) return new URL(m[1]!, base).href
  }
  return undefined
}
