import * as runner from './runner.js'
import { POST_STATE_KEY } from './post-io.js'

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

/** Read back by the post step (post-io.ts). */
export function savePostState(state: PostState): void {
  runner.saveState(POST_STATE_KEY, JSON.stringify(state))
}
