import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Env } from '../context/event.js'
import { InputError, quote } from '../shared/errors.js'
import { normaliseHost } from '../inputs/registry-auth.js'
import { IDENTITY_TOKEN_USERNAME, type BasicCredentials } from '../distribution/credentials.js'
import type { HelperAnswer, HelperCall } from './credential-helpers.js'

/** Where the Docker config sends the lookup of a registry's credentials. */
export interface DockerConfig {
  /** The file read, for messages: `/home/me/.docker/config.json`. */
  readonly path: string
  /**
   * What `docker login` stored in the file, by registry host: a username and
   * password, or an identity token (username `<token>`).
   */
  readonly auths: ReadonlyMap<string, BasicCredentials>
  /** `credHelpers`: the helper of each registry host (`gcloud` runs `docker-credential-gcloud`). */
  readonly credHelpers: ReadonlyMap<string, string>
  /** `credsStore`: the helper of every other registry. */
  readonly credsStore?: string
}

/** A credential helper the config names for a registry, and the key that names it. */
export interface HelperChoice {
  readonly helper: string
  readonly via: 'credHelpers' | 'credsStore'
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function dockerConfigPath(env: Env): string {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
  return join(dir, 'config.json')
}

/**
 * The credential keys of the Docker config: `auths` entries with an `auth`
 * (base64 `user:password`), a username and password, or an `identitytoken`;
 * `credHelpers` and `credsStore`. Hosts are normalised
 * (`https://index.docker.io/v1/` is `docker.io`). A missing file is no
 * logins; a broken one, or a helper name that is no program name, is an error.
 */
export function readDockerConfig(env: Env): DockerConfig {
  const path = dockerConfigPath(env)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return { path, auths: new Map(), credHelpers: new Map() }
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    throw new InputError(
      'DOCKER_CONFIG',
      `${path} is not valid JSON: fix it, or point DOCKER_CONFIG at another directory`
    )
  }
  const fields = objectOf(doc)
  const auths = new Map<string, BasicCredentials>()
  for (const [key, value] of Object.entries(objectOf(fields.auths))) {
    const credentials = credentialsOf(value)
    if (credentials) auths.set(normaliseHost(key), credentials)
  }
  const credHelpers = new Map<string, string>()
  for (const [key, value] of Object.entries(objectOf(fields.credHelpers))) {
    if (typeof value === 'string' && value !== '')
      credHelpers.set(normaliseHost(key), helperName(value, path, `credHelpers[${quote(key)}]`))
  }
  const store = fields.credsStore
  const credsStore =
    typeof store === 'string' && store !== '' ? helperName(store, path, 'credsStore') : undefined
  return { path, auths, credHelpers, ...(credsStore ? { credsStore } : {}) }
}

/** The helper Docker asks for a registry: its `credHelpers` entry, else `credsStore`. */
export function helperFor(config: DockerConfig, registry: string): HelperChoice | undefined {
  const own = config.credHelpers.get(registry)
  if (own !== undefined) return { helper: own, via: 'credHelpers' }
  if (config.credsStore !== undefined) return { helper: config.credsStore, via: 'credsStore' }
  return undefined
}

/** Credentials the Docker config gives a registry, and where they came from for messages. */
export interface ConfigCredentials {
  readonly credentials: BasicCredentials
  /** `docker-credential-<name>`, or the config file's path. */
  readonly from: string
}

/**
 * A registry's credentials in Docker's order: the helper its `credHelpers`
 * entry names, else the `credsStore` helper; when there is none, or it has
 * nothing for the registry, the file's `auths` entry; else none. `ask` runs
 * the helper (askCredentialHelper) and throws when it fails.
 */
export function lookupDockerConfig(
  config: DockerConfig,
  registry: string,
  ask: (call: HelperCall) => HelperAnswer
): ConfigCredentials | undefined {
  const choice = helperFor(config, registry)
  if (choice) {
    const answer = ask({ ...choice, registry, configPath: config.path })
    if (answer.kind === 'found')
      return { credentials: answer.credentials, from: `docker-credential-${choice.helper}` }
  }
  const stored = config.auths.get(registry)
  return stored ? { credentials: stored, from: config.path } : undefined
}

/** A helper is a program name's tail: `docker-credential-<name>`, looked up on PATH only. */
function helperName(value: string, path: string, key: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value)) return value
  throw new InputError(
    'DOCKER_CONFIG',
    `${key} in ${path} is ${quote(value)}, which is no credential helper name: give the part after docker-credential- (osxkeychain, pass, desktop, gcloud, ecr-login)`
  )
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function credentialsOf(entry: unknown): BasicCredentials | undefined {
  const { auth, username, password, identitytoken } = objectOf(entry)
  // What docker itself prefers: an identity token is traded for access tokens in place of a password.
  if (typeof identitytoken === 'string' && identitytoken !== '')
    return { username: IDENTITY_TOKEN_USERNAME, password: identitytoken }
  if (typeof auth === 'string' && auth !== '') {
    const decoded = Buffer.from(auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon <= 0 || colon === decoded.length - 1) return undefined
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  if (typeof username === 'string' && typeof password === 'string' && username && password)
    return { username, password }
  return undefined
}
