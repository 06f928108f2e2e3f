import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import type { Env } from '../context/event.js'
import { InputError } from '../shared/errors.js'
import { normaliseHost } from '../inputs/registry-auth.js'
import type { BasicCredentials } from '../distribution/credentials.js'

/** The logins `docker login` stored, by registry host. */
export interface DockerConfigAuths {
  /** The file read, for messages: `/home/me/.docker/config.json`. */
  readonly path: string
  readonly auths: ReadonlyMap<string, BasicCredentials>
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function dockerConfigPath(env: Env): string {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
  return join(dir, 'config.json')
}

/**
 * The username and password `docker login` stored for each registry, from
 * `auths` entries with an `auth` (base64 `user:password`) or a username and
 * password. Credential helpers (`credsStore`, `credHelpers`) and identity
 * tokens are not read. A missing file is no logins; a broken one is an error.
 */
export function readDockerConfig(env: Env): DockerConfigAuths {
  const path = dockerConfigPath(env)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return { path, auths: new Map() }
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
  const auths = new Map<string, BasicCredentials>()
  const entries = (doc as { auths?: unknown } | null)?.auths
  if (entries === null || typeof entries !== 'object') return { path, auths }
  for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
    const credentials = credentialsOf(value)
    if (credentials) auths.set(normaliseHost(key), credentials)
  }
  return { path, auths }
}

function credentialsOf(entry: unknown): BasicCredentials | undefined {
  if (entry === null || typeof entry !== 'object') return undefined
  const { auth, username, password } = entry as Record<string, unknown>
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
