import type { RawManifest } from '../distribution/manifests.js'

/** The config media type of an artifact that has no config of its own (OCI 1.1). */
const EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json'

/** What a referrer's manifest says about itself, read from its JSON. */
export interface ArtifactFields {
  /** `subject.digest`, when it names one. */
  readonly subject?: string
  /** `artifactType`, else the config's media type, else (empty config) the first layer's. */
  readonly artifactType?: string
  readonly configMediaType?: string
  readonly layerMediaTypes: readonly string[]
  readonly annotations?: Readonly<Record<string, string>>
}

export function artifactFields(manifest: RawManifest): ArtifactFields {
  const json = parseObject(manifest.bytes)
  const subject = asObject(json.subject)?.digest
  const configMediaType = asObject(json.config)?.mediaType
  const layers = Array.isArray(json.layers) ? json.layers : []
  const layerMediaTypes = layers
    .map((l) => asObject(l)?.mediaType)
    .filter((t): t is string => typeof t === 'string')
  const annotations = stringRecord(json.annotations)
  const artifactType =
    nonEmpty(json.artifactType) ??
    (nonEmpty(configMediaType) === undefined
      ? undefined
      : configMediaType === EMPTY_CONFIG
        ? (layerMediaTypes[0] ?? EMPTY_CONFIG)
        : (configMediaType as string))
  return {
    ...(typeof subject === 'string' && subject ? { subject } : {}),
    ...(artifactType ? { artifactType } : {}),
    ...(typeof configMediaType === 'string' ? { configMediaType } : {}),
    layerMediaTypes,
    ...(annotations ? { annotations } : {})
  }
}

function parseObject(bytes: Uint8Array): Record<string, unknown> {
  try {
    return asObject(JSON.parse(new TextDecoder().decode(bytes))) ?? {}
  } catch {
    return {}
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  const o = asObject(value)
  if (!o) return undefined
  const entries = Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string')
  return entries.length > 0 ? Object.fromEntries(entries) : undefined
}
