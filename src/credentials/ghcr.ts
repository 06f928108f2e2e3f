import { named, WordedError, words } from '../shared/words.js'
import type { BasicCredentials, MaskSecret } from '../distribution/credentials.js'

/**
 * GHCR's login with no setup: `github-token` (the job's GITHUB_TOKEN by
 * default) as the password of the workflow's actor, as docker/login-action's
 * documented GHCR step does. The runner sets GITHUB_ACTOR; elsewhere there is
 * no actor to log in as, and the error says where the credentials go instead.
 */
export function githubTokenCredentials(
  registry: string,
  token: string,
  options: { readonly mask: MaskSecret; readonly env: NodeJS.ProcessEnv }
): BasicCredentials {
  options.mask(token)
  const actor = options.env.GITHUB_ACTOR?.trim()
  if (!actor) {
    throw new WordedError(
      words`${registry}: ${named('github-token')} logs in as the workflow's actor, and GITHUB_ACTOR is not set: outside GitHub Actions, add ${registry} to ${named('registry-auth')} with the token's user`
    )
  }
  return { username: actor, password: token }
}
