import type { ContentSource } from '../distribution/content-source.js'
import type { RawManifest } from '../distribution/manifests.js'
import { manifestChildren } from '../distribution/media-types.js'
import { InputError, quote } from '../shared/errors.js'
import type { PlatformSpec } from '../inputs/platforms.js'

/** A config is small; anything larger is not one. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024

/**
 * A source with one platform passes the filter only when the filter names
 * that platform alone: the platform comes from the image's config.
 */
export async function checkSinglePlatform(
  content: ContentSource,
  manifest: RawManifest,
  wanted: readonly PlatformSpec[],
  text: string
): Promise<void> {
  const config = manifestChildren(manifest).blobs[0]
  const platform = config ? await readPlatform(content, config) : undefined
  const held = platform
    ? [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
    : 'an unknown platform'
  const matches = (spec: PlatformSpec): boolean =>
    platform !== undefined &&
    spec.os === platform.os &&
    spec.architecture === platform.architecture &&
    (spec.variant === undefined || spec.variant === platform.variant)
  const missing = wanted.find((spec) => !matches(spec))
  if (missing)
    throw new InputError(
      'platforms',
      `${quote(missing.text)} is not in the source ${quote(text)}, a single-platform image of ${held}: list only ${held}, or remove platforms`
    )
}

async function readPlatform(
  content: ContentSource,
  config: { digest: string; size: number; mediaType: string }
): Promise<{ os: string; architecture: string; variant?: string } | undefined> {
  if (config.size > MAX_CONFIG_BYTES) return undefined
  const chunks: Uint8Array[] = []
  for await (const chunk of (await content.openBlob(
    config
  )) as unknown as AsyncIterable<Uint8Array>)
    chunks.push(chunk)
  try {
    const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
    if (typeof json.os !== 'string' || typeof json.architecture !== 'string') return undefined
    return {
      os: json.os,
      architecture: json.architecture,
      ...(typeof json.variant === 'string' ? { variant: json.variant } : {})
    }
  } catch {
    return undefined
  }
}
