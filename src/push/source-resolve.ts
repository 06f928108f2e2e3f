import type { RegistryClient } from '../distribution/client.js'
import { registryContent, type ContentSource } from '../distribution/content-source.js'
import { RegistryRequestError } from '../distribution/errors.js'
import { getManifest, type RawManifest } from '../distribution/manifests.js'
import { isIndexMediaType, manifestChildren } from '../distribution/media-types.js'
import { repoHandle, type RepoHandle } from '../distribution/repo.js'
import { listTags } from '../distribution/tags.js'
import { InputError, quote } from '../shared/errors.js'
import type { PublishOptions } from '../inputs/parse.js'
import type { FileSource, Source } from '../registry/source.js'
import type { Referrer } from '../referrers/types.js'
import { referrerSummary } from '../referrers/summary.js'
import { filterPlatforms, platformText } from './platform-filter.js'
import { checkSinglePlatform } from './platform-single.js'
import type { LocalUpload } from './local-upload.js'

/** What the platform filter did to a multi-platform source. */
export interface PlatformChoice {
  readonly kept: readonly string[]
  readonly dropped: readonly string[]
  /** The source's own digest, before the filter wrote a new index or picked one manifest. */
  readonly sourceDigest: string
}

/** The source, found: content to copy (a registry or a file), or an image in the daemon. */
export type ResolvedSource =
  | {
      readonly kind: 'content'
      readonly content: ContentSource
      /** What the tags will point at: the source's manifest or index, or the filter's. */
      readonly top: RawManifest
      /** Signatures, attestations and SBOMs to copy with it. */
      readonly referrers: readonly Referrer[]
      readonly platforms?: PlatformChoice
      /** Remove what reading the source left behind (a decompressed copy of an archive). */
      readonly close: () => Promise<void>
    }
  | {
      readonly kind: 'local'
      readonly image: string
      readonly imageId: string
      /** How tagship uploads it itself (`local-push: upload`); absent: the docker CLI pushes it. */
      readonly upload?: LocalUpload
    }

/** A source whose content tagship copies itself (a registry or a file). */
export type ContentImage = Extract<ResolvedSource, { readonly kind: 'content' }>

export type SelectOptions = Pick<
  PublishOptions,
  'platforms' | 'platformsKeepIndex' | 'referrers' | 'concurrency'
>

export interface SourceAccess {
  readonly client: (registry: string) => RegistryClient
  /** A repository's tags, read once per run however many reads ask (see tagListsOnce). */
  readonly tagList?: (repo: RepoHandle) => Promise<string[]>
  /**
   * The source's repository is also a target (`registry/path`s): its reads ask
   * for the target's pull,push scope, so one token serves both.
   */
  readonly targets?: ReadonlySet<string>
  /** The image ID of a local image; throws when the daemon does not have it. */
  readonly imageId?: (image: string) => Promise<string>
  /** A local image, uploaded by tagship (`local-push: upload`); absent: the docker CLI pushes it. */
  readonly localUpload?: (image: string, imageId: string) => LocalUpload
  readonly options: SelectOptions
}

export async function resolveSource(source: Source, access: SourceAccess): Promise<ResolvedSource> {
  if (source.kind === 'local') {
    if (!access.imageId) throw new Error('a local source needs the docker engine')
    const imageId = await access.imageId(source.image)
    const upload = access.localUpload?.(source.image, imageId)
    return { kind: 'local', image: source.image, imageId, ...(upload ? { upload } : {}) }
  }
  if (source.kind !== 'registry') return resolveFile(source, access.options)
  const { registry, path } = source.repository
  const scope = access.targets?.has(`${registry}/${path}`) ? 'push' : 'pull'
  const repo = repoHandle(access.client(registry), path, scope)
  // The manifest is asked for first, so it takes the connection the login
  // check left open: the referrers, which need its digest, follow a round
  // trip later, while the other reads still open theirs.
  const reading = getManifest(repo, source.digest ?? source.tag ?? 'latest').catch((e: unknown) => {
    // A source that is not there is a wrong input, not a registry fault: name the input.
    if (e instanceof RegistryRequestError && e.status === 404)
      throw new InputError(
        'source',
        `${quote(source.text)} is not in the registry (${e.code ?? 'HTTP 404'}): check the tag or digest, or push the image there first`
      )
    throw e
  })
  // The referrers need the repository's tags: asked for with the manifest, not after it.
  const tags = access.options.referrers ? (access.tagList ?? listTags)(repo) : undefined
  tags?.catch(() => undefined)
  const manifest = await reading
  const content = registryContent(repo)
  return select(
    content,
    manifest,
    source.text,
    access.options,
    async (subjects) => {
      const { discoverRegistryReferrers } = await import('../referrers/discover-registry.js')
      return discoverRegistryReferrers(repo, subjects, {
        concurrency: access.options.concurrency,
        ...(tags ? { tags } : {})
      })
    },
    async () => undefined
  )
}

/**
 * An image in a file, opened and checked whole (every blob it needs is there
 * and hashes to its name) with no network: a bad file fails before any login.
 */
export async function resolveFile(
  source: FileSource,
  options: SelectOptions
): Promise<ContentImage> {
  const { openFileImage } = await import('../archive/open.js')
  const image = await openFileImage(source)
  try {
    return await select(
      image,
      image.top,
      source.text,
      options,
      async (subjects) => {
        const { discoverLayoutReferrers } = await import('../referrers/discover-layout.js')
        return discoverLayoutReferrers(image, subjects)
      },
      () => image.close()
    )
  } catch (e) {
    await image.close()
    throw e
  }
}

/** Apply the platform filter, then find the referrers of what is left. */
async function select(
  content: ContentSource,
  manifest: RawManifest,
  text: string,
  options: SelectOptions,
  discover: (subjects: readonly string[]) => Promise<readonly Referrer[]>,
  close: () => Promise<void>
): Promise<ContentImage> {
  let top = manifest
  let source = content
  let platforms: PlatformChoice | undefined
  if (options.platforms.length > 0) {
    if (!isIndexMediaType(manifest.mediaType)) {
      await checkSinglePlatform(content, manifest, options.platforms, text)
    } else {
      const filtered = filterPlatforms(manifest, options.platforms, {
        keepIndex: options.platformsKeepIndex,
        source: text
      })
      if (filtered.kind !== 'whole') {
        platforms = {
          kept: filtered.kept,
          dropped: filtered.dropped,
          sourceDigest: manifest.digest
        }
        if (filtered.kind === 'single') top = await content.manifest(filtered.manifest.digest)
        else {
          top = filtered.index
          source = withManifest(content, filtered.index)
        }
      }
    }
  }
  const subjects = isIndexMediaType(top.mediaType)
    ? [top.digest, ...manifestChildren(top).manifests.map((d) => d.digest)]
    : [top.digest]
  const referrers = options.referrers ? await discover(subjects) : []
  return {
    kind: 'content',
    content: source,
    top,
    referrers,
    ...(platforms ? { platforms } : {}),
    close
  }
}

/** The source, plus one manifest it does not hold: the filter's new index. */
function withManifest(content: ContentSource, extra: RawManifest): ContentSource {
  return {
    ...content,
    manifest: (digest) =>
      digest === extra.digest ? Promise.resolve(extra) : content.manifest(digest)
  }
}

/** What the source holds, for its log group. */
export function describeSource(found: ResolvedSource): string[] {
  if (found.kind === 'local') return [`local image ${found.imageId}`]
  const lines = [`${found.top.digest} (${found.top.mediaType})`]
  if (isIndexMediaType(found.top.mediaType)) {
    const children = manifestChildren(found.top).manifests
    const platforms = children
      .filter((d) => d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest')
      .map((d) => platformText(d.platform))
    const attestations = children.length - platforms.length
    lines.push(
      `platforms: ${platforms.join(', ') || 'none'}${attestations > 0 ? `; ${attestations} attestation manifest(s)` : ''}`
    )
  }
  if (found.platforms)
    lines.push(
      `platforms filter: kept ${found.platforms.kept.join(', ')}, dropped ${found.platforms.dropped.join(', ')}; the published digest ${found.top.digest} differs from the source's ${found.platforms.sourceDigest}`
    )
  if (found.referrers.length > 0) lines.push(`referrers: ${referrerSummary(found.referrers)}`)
  return lines
}
