import * as core from '@actions/core'

/**
 * What the post step needs from the main step. It holds no secret: the
 * config directory's path, the registries docker logged in to, and whether
 * to log out.
 */
export interface PostState {
  readonly configDir?: string
  readonly dockerLogins: readonly string[]
  readonly logout: boolean
  /** DOCKER_CONFIG was exported for later steps: only then is the directory kept. */
  readonly exported?: boolean
}

const KEY = 'tagship'

export function savePostState(state: PostState): void {
  core.saveState(KEY, JSON.stringify(state))
}

export function readPostState(): PostState | undefined {
  const text = core.getState(KEY)
  if (text === '') return undefined
  return JSON.parse(text) as PostState
}
