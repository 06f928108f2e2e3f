import type { EventContext } from './context.js'

const PREFIX = 'org.opencontainers.image.'

/**
 * OCI `org.opencontainers.image.*` metadata for the image, from the event:
 * only keys whose values are known are given.
 */
export function ociMetadata(ctx: EventContext, version: string): Record<string, string> {
  const repo = ctx.repository ?? {}
  const entries: [string, string | undefined][] = [
    ['created', ctx.now.toISOString()],
    ['description', repo.description],
    ['licenses', repo.license],
    ['revision', ctx.sha],
    ['source', repo.url],
    ['title', repo.name],
    ['url', repo.url],
    ['version', version]
  ]
  const metadata: Record<string, string> = {}
  for (const [key, value] of entries) {
    if (value !== undefined && value !== '') metadata[PREFIX + key] = value
  }
  return metadata
}

/** Annotations as docker/metadata-action writes them: `manifest:key=value`. */
export function annotationLines(metadata: Record<string, string>): string[] {
  return Object.entries(metadata).map(([k, v]) => `manifest:${k}=${v}`)
}

export function labelLines(metadata: Record<string, string>): string[] {
  return Object.entries(metadata).map(([k, v]) => `${k}=${v}`)
}
