import { spawnSync } from 'node:child_process'
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'
import type { Env } from '../context/event.js'
import type { BasicCredentials } from '../distribution/credentials.js'
import { DOCKER_HUB } from '../registry/reference.js'
import { InputError } from '../shared/errors.js'
import { named, WordedError, words } from '../shared/words.js'

/** What a credential helper knows of a registry. */
export type HelperAnswer =
  | { readonly kind: 'found'; readonly credentials: BasicCredentials }
  | { readonly kind: 'not found' }

/** One question to a helper, with what messages say of where it was named. */
export interface HelperCall {
  /** The name after `docker-credential-`. */
  readonly helper: string
  readonly via: 'credHelpers' | 'credsStore'
  readonly registry: string
  /** The Docker config that names the helper. */
  readonly configPath: string
}

export interface HelperOptions {
  /** The environment the helper runs with; its PATH is where the helper is looked up. */
  readonly env: Env
  /** How long a helper may take to answer; default 60 s (a helper may refresh a cloud token). */
  readonly timeoutMs?: number
}

/** What the helper protocol says when it has nothing for that server. */
const NOT_FOUND = 'credentials not found in native keychain'

/** The server URL Docker asks a helper for: Docker Hub's v1 URL, any other registry's host. */
export function helperServerUrl(registry: string): string {
  return registry === DOCKER_HUB ? 'https://index.docker.io/v1/' : registry
}

/**
 * `docker-credential-<helper> get`, as Docker runs it: the server URL on
 * stdin, `{"ServerURL","Username","Secret"}` on stdout. Found on PATH and
 * run with no shell and a time limit. Its output is never shown: a failure
 * says the exit code and how to see the helper's own message.
 */
export function askCredentialHelper(call: HelperCall, options: HelperOptions): HelperAnswer {
  const program = `docker-credential-${call.helper}`
  const path = findOnPath(program, options.env.PATH ?? '')
  if (path === undefined) {
    const where = call.via === 'credsStore' ? 'credsStore' : `credHelpers for ${call.registry}`
    throw new InputError(
      'DOCKER_CONFIG',
      words`${program} was not found on PATH (${where} in ${call.configPath} names it): install it or put its folder on PATH, remove that entry from the file, or give ${call.registry} credentials in ${registryAuth}`
    )
  }
  const serverUrl = helperServerUrl(call.registry)
  const timeoutMs = options.timeoutMs ?? 60_000
  const result = spawnSync(path, ['get'], {
    input: serverUrl,
    env: { ...options.env },
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 1024 * 1024,
    shell: false,
    windowsHide: true
  })
  const failed = (reason: string): WordedError =>
    new WordedError(
      words`${program} get failed for ${call.registry} (${reason}): run echo ${serverUrl} | ${program} get to see its message, or give ${call.registry} credentials in ${registryAuth}`
    )
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code
    throw failed(
      code === 'ETIMEDOUT'
        ? `no answer within ${timeoutMs / 1000} s`
        : `it could not be run: ${code ?? 'unknown error'}`
    )
  }
  if (result.status !== 0) {
    const said = `${result.stdout}\n${result.stderr}`.toLowerCase()
    if (result.status !== null && said.includes(NOT_FOUND)) return { kind: 'not found' }
    throw failed(
      result.status === null ? `killed by ${result.signal}` : `exit code ${result.status}`
    )
  }
  const answer = parseAnswer(result.stdout)
  if (answer === undefined)
    throw failed('its answer is not the JSON of the credential helper protocol')
  return answer.Secret === ''
    ? { kind: 'not found' }
    : { kind: 'found', credentials: { username: answer.Username, password: answer.Secret } }
}

const registryAuth = named('registry-auth')

function parseAnswer(stdout: string): { Username: string; Secret: string } | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(stdout)
  } catch {
    return undefined
  }
  const { Username, Secret } = (doc ?? {}) as Record<string, unknown>
  return typeof Username === 'string' && typeof Secret === 'string'
    ? { Username, Secret }
    : undefined
}

/** The program's file in the first absolute PATH folder that has it executable. */
function findOnPath(program: string, pathVariable: string): string | undefined {
  const names = process.platform === 'win32' ? [`${program}.exe`] : [program]
  for (const dir of pathVariable.split(delimiter)) {
    // Relative entries (`.`, empty) would run whatever the working directory holds.
    if (!isAbsolute(dir)) continue
    for (const name of names) {
      const file = join(dir, name)
      try {
        if (!statSync(file).isFile()) continue
        accessSync(file, constants.X_OK)
        return file
      } catch {
        // not here
      }
    }
  }
  return undefined
}
