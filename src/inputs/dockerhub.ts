import { named, words } from '../shared/words.js'
import { InputError, quote } from '../shared/errors.js'
import type { BasicCredentials } from '../distribution/credentials.js'
import type { RawInputs } from './spec.js'

/** Docker Hub through an OIDC connection: the job's GitHub ID token, exchanged at Docker. */
export interface DockerhubOidcInputs {
  /** The organisation (or user) the connection belongs to: the login's username. */
  readonly username: string
  /** The connection's ID, a UUID. */
  readonly connectionId: string
}

/** The variable docker/login-action reads the connection ID from. */
export const CONNECTION_ID_VARIABLE = 'DOCKERHUB_OIDC_CONNECTIONID'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The Docker Hub login the inputs ask for: an access token, or an OIDC
 * connection, never both. Each half-given pair is one error naming the
 * input that is missing.
 */
export function parseDockerhubInputs(get: (name: string) => string): {
  dockerhub?: BasicCredentials
  dockerhubOidc?: DockerhubOidcInputs
} {
  const username = get('dockerhub-username').trim()
  const token = get('dockerhub-token').trim()
  const connectionId = get('dockerhub-oidc-connection-id').trim()
  if (token !== '' && connectionId !== '') {
    throw new InputError(
      'dockerhub-oidc-connection-id',
      words`is set together with ${named('dockerhub-token')}: choose one (the OIDC connection needs no stored token)`
    )
  }
  if (connectionId !== '' && !UUID.test(connectionId)) {
    throw new InputError(
      'dockerhub-oidc-connection-id',
      `${quote(connectionId)} is not an OIDC connection ID: copy the UUID Docker Home shows under OIDC connections`
    )
  }
  if (username === '') {
    if (token !== '')
      throw new InputError(
        'dockerhub-username',
        words`is empty but ${named('dockerhub-token')} is set: set both, or neither`
      )
    if (connectionId !== '')
      throw new InputError(
        'dockerhub-username',
        words`is empty but ${named('dockerhub-oidc-connection-id')} is set: give the Docker Hub organisation the connection belongs to`
      )
    return {}
  }
  if (token !== '') return { dockerhub: { username, password: token } }
  if (connectionId !== '') return { dockerhubOidc: { username, connectionId } }
  throw new InputError(
    'dockerhub-token',
    words`is empty but ${named('dockerhub-username')} is set: set both, or set ${named('dockerhub-oidc-connection-id')} to log in with GitHub OIDC`
  )
}

/**
 * `DOCKERHUB_OIDC_CONNECTIONID`, which docker/login-action reads, standing in
 * for `dockerhub-oidc-connection-id` when that is empty. As for that action,
 * it applies only to a Docker Hub login with a username and no token, so a
 * variable set for the whole workflow never clashes with a token given here.
 * A value that is no connection ID is an error naming the variable.
 */
export function withDockerhubOidcEnv(
  raw: RawInputs,
  env: Readonly<Record<string, string | undefined>>
): RawInputs {
  const fromEnv = env[CONNECTION_ID_VARIABLE]?.trim() ?? ''
  const blank = (name: string): boolean => (raw[name] ?? '').trim() === ''
  if (fromEnv === '' || !blank('dockerhub-oidc-connection-id')) return raw
  if (blank('dockerhub-username') || !blank('dockerhub-token')) return raw
  if (!UUID.test(fromEnv)) {
    throw new InputError(
      CONNECTION_ID_VARIABLE,
      `${quote(fromEnv)} is not an OIDC connection ID: copy the UUID Docker Home shows under OIDC connections`
    )
  }
  return { ...raw, 'dockerhub-oidc-connection-id': fromEnv }
}
