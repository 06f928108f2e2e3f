import YAML from 'yaml'
import { InputError, quote } from '../shared/errors.js'
import { canonicalHost, portProblem } from '../registry/reference.js'
import { suggestion } from '../shared/values.js'

/** One entry of `registry-auth`: credentials for a registry host. */
export interface RegistryAuthEntry {
  readonly registry: string
  readonly username: string
  readonly password: string
}

const INPUT = 'registry-auth'
const KEYS = ['registry', 'username', 'password']

/** `https://ghcr.io/` and `GHCR.io` both name `ghcr.io`; Docker Hub's aliases name `docker.io`. */
export function normaliseHost(value: string): string {
  return canonicalHost(
    value
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/\/(?:v[12]\/?)?$/, '')
  )
}

/**
 * Parse `registry-auth`, a YAML list of {registry, username, password}.
 * Messages name entries by position and registry, never by a value that
 * could be a password: a YAML error gives line and column only.
 */
export function parseRegistryAuth(text: string): RegistryAuthEntry[] {
  if (text.trim() === '') return []
  let doc: unknown
  try {
    doc = YAML.parse(text)
  } catch (e) {
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0]
    const where = pos ? ` (line ${pos.line}, column ${pos.col})` : ''
    throw new InputError(
      INPUT,
      `is not valid YAML${where}: give a list of {registry, username, password}`
    )
  }
  if (!Array.isArray(doc)) {
    throw new InputError(
      INPUT,
      'is not a YAML list: write each registry as "- registry: ghcr.io" with username and password below it'
    )
  }
  const seen = new Set<string>()
  return doc.map((item: unknown, index) => {
    const where = `entry ${index + 1}`
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new InputError(INPUT, `${where} is not a mapping: give registry, username and password`)
    }
    const fields = item as Record<string, unknown>
    for (const key of Object.keys(fields)) {
      if (!KEYS.includes(key))
        throw new InputError(
          INPUT,
          `${where} has unknown key ${quote(key)}: ${suggestion(key, KEYS)}`
        )
    }
    for (const key of KEYS) {
      const v = fields[key]
      if (typeof v !== 'string' && typeof v !== 'number') {
        throw new InputError(INPUT, `${where} has no ${key}: give registry, username and password`)
      }
      if (String(v).trim() === '')
        throw new InputError(INPUT, `${where} has an empty ${key}: fill it in or remove the entry`)
    }
    const registry = normaliseHost(String(fields.registry))
    if (!/^[a-z0-9.-]+(?::\d{1,5})?$|^\[[0-9a-f:.]+\](?::\d{1,5})?$/.test(registry)) {
      throw new InputError(
        INPUT,
        `${where}: ${quote(String(fields.registry))} is not a registry host: give e.g. ghcr.io or registry.example.com:5000`
      )
    }
    const port = portProblem(registry)
    if (port) throw new InputError(INPUT, `${where}: ${port}`)
    if (seen.has(registry))
      throw new InputError(
        INPUT,
        `${where}: ${registry} is listed twice: keep one entry per registry`
      )
    seen.add(registry)
    return { registry, username: String(fields.username), password: String(fields.password) }
  })
}
