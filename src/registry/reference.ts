import { InputError, quote } from '../shared/errors.js'

/** A target repository, normalised the way the docker CLI resolves it. */
export interface Repository {
  /** Registry host as written by the user, `docker.io` for Docker Hub. */
  readonly registry: string
  /** Repository path inside the registry (`library/nginx`, `acme/app`). */
  readonly path: string
  /** `registry/path`, the form tags are appended to. */
  readonly name: string
}

export const DOCKER_HUB = 'docker.io'
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io'])

/** A registry host as tagship names it: lowercase, and `docker.io` for every Docker Hub alias. */
export function canonicalHost(host: string): string {
  const h = host.toLowerCase()
  return DOCKER_HUB_ALIASES.has(h) ? DOCKER_HUB : h
}
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/
const HOST =
  /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]{1,5})?$/
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\](?::[0-9]{1,5})?$/
const MAX_NAME = 255

/**
 * What is wrong with a host's port (`host:99999`), as `an invalid port …`;
 * undefined when it has none or a valid one (1 to 65535).
 */
export function portProblem(host: string): string | undefined {
  const port = /:(\d+)$/.exec(host)?.[1]
  if (port === undefined) return undefined
  const n = Number(port)
  return n >= 1 && n <= 65535
    ? undefined
    : `an invalid port ${port} in ${quote(host)}: a port is a number from 1 to 65535`
}

/**
 * The notice for a repository written with capitals, which tagship lowercases:
 * `images: "ghcr.io/Acme/App" is used as "ghcr.io/acme/app" (repository
 * names are lowercase)`; undefined when it has none.
 */
export function lowercasedNotice(
  input: string,
  written: string,
  repository: Repository
): string | undefined {
  const segments = written.trim().split('/')
  const path = segments.length > 1 && looksLikeHost(segments[0]!) ? segments.slice(1) : segments
  if (!/[A-Z]/.test(path.join('/'))) return undefined
  return `${input}: ${quote(written.trim())} is used as ${quote(repository.name)} (repository names are lowercase)`
}

function looksLikeHost(first: string): boolean {
  return (
    first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')
  )
}

/**
 * Parse one entry of the `images` input: a repository without tag or digest.
 * `acme/app` becomes `docker.io/acme/app`, `nginx` becomes `docker.io/library/nginx`.
 */
export function parseRepository(input: string, raw: string): Repository {
  const value = raw.trim()
  if (value === '')
    throw new InputError(input, 'an empty repository name was given: remove the empty entry')
  if (/\s/.test(value)) {
    throw new InputError(input, `${quote(value)} contains whitespace: give one repository per line`)
  }
  if (value.includes('@')) {
    throw new InputError(
      input,
      `${quote(value)} has a digest: give the repository only (tags are computed)`
    )
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)
  if (scheme) {
    throw new InputError(
      input,
      `${quote(value)} starts with a URL scheme: drop "${scheme[0]}" (write ${quote(value.slice(scheme[0].length))})`
    )
  }
  const segments = value.split('/')
  let registry = DOCKER_HUB
  let pathSegments = segments
  if (segments.length > 1 && looksLikeHost(segments[0]!)) {
    registry = segments[0]!
    pathSegments = segments.slice(1)
    if (!HOST.test(registry) && !IPV6_HOST.test(registry)) {
      throw new InputError(input, `${quote(value)} has an invalid registry host ${quote(registry)}`)
    }
    const port = portProblem(registry)
    if (port) throw new InputError(input, `${quote(value)} has ${port}`)
    registry = canonicalHost(registry)
  }
  const last = pathSegments[pathSegments.length - 1]!
  if (last.includes(':')) {
    throw new InputError(
      input,
      `${quote(value)} has a tag: give the repository only, e.g. ${quote(value.slice(0, value.lastIndexOf(':')))} (tags are computed)`
    )
  }
  // Repository names are lowercase; `ghcr.io/${{ github.repository }}` carries
  // the owner's capitals and workflows have no lowercase function, so the name
  // is lowercased, as docker/metadata-action does (see lowercasedNotice).
  pathSegments = pathSegments.map((segment) => segment.toLowerCase())
  for (const segment of pathSegments) {
    if (!PATH_COMPONENT.test(segment)) {
      throw new InputError(
        input,
        `${quote(value)} is not a valid repository name: path component ${quote(segment)} must be lowercase letters and digits, separated by '.', '_', '__' or '-'`
      )
    }
  }
  if (registry === DOCKER_HUB && pathSegments.length === 1)
    pathSegments = ['library', ...pathSegments]
  const path = pathSegments.join('/')
  const name = `${registry}/${path}`
  if (name.length > MAX_NAME) {
    throw new InputError(
      input,
      `${quote(value)} is longer than ${MAX_NAME} characters: shorten the repository name`
    )
  }
  return { registry, path, name }
}
