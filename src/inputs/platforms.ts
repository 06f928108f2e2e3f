import { InputError, quote } from '../shared/errors.js'
import { splitList } from '../shared/values.js'

/** One entry of `platforms`: `linux/amd64`, `linux/arm/v7`. */
export interface PlatformSpec {
  readonly os: string
  readonly architecture: string
  readonly variant?: string
  /** As written, for messages. */
  readonly text: string
}

const PART = /^[a-z0-9][a-z0-9._-]*$/

/** `linux/amd64,linux/arm64` (commas or lines) into platforms; empty means every platform. */
export function parsePlatforms(input: string, value: string): PlatformSpec[] {
  const seen = new Set<string>()
  const platforms: PlatformSpec[] = []
  for (const text of splitList(value)) {
    const parts = text.toLowerCase().split('/')
    if (parts.length < 2 || parts.length > 3 || !parts.every((p) => PART.test(p)))
      throw new InputError(
        input,
        `${quote(text)} is not a platform: write os/architecture or os/architecture/variant, e.g. linux/amd64 or linux/arm/v7`
      )
    const [os, architecture, variant] = parts as [string, string, string | undefined]
    const key = parts.join('/')
    if (seen.has(key)) throw new InputError(input, `${quote(text)} is listed twice: list it once`)
    seen.add(key)
    platforms.push({ os, architecture, ...(variant ? { variant } : {}), text: key })
  }
  return platforms
}
