import { messageOf } from '../shared/errors.js'
/** Asks GitHub for an OIDC ID token with this audience (`core.getIDToken` in the action). */
export type FetchIdToken = (audience: string) => Promise<string>

/** What the token is for, so its errors can say what to do. */
export interface IdTokenUse {
  /** Starts the messages: `Azure login for acme.azurecr.io`. */
  readonly login: string
  /** The way to log in without OIDC: `set azure-client-secret`. */
  readonly alternative: string
}

/**
 * Wraps the runner's ID-token request so that its failures say what to fix.
 * The runner sets ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN only for jobs with
 * `permissions: id-token: write`; without them @actions/core fails with
 * "Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable", which does not
 * tell a user which line of the workflow to change.
 */
export function githubIdToken(
  use: IdTokenUse,
  fetchIdToken: FetchIdToken,
  env: NodeJS.ProcessEnv = process.env
): FetchIdToken {
  return async (audience) => {
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !requestToken) {
      throw new Error(
        `${use.login} with OIDC needs \`permissions: id-token: write\` in the job (or ${use.alternative})`
      )
    }
    let token: string
    try {
      token = await fetchIdToken(audience)
    } catch (e) {
      // @actions/core's message spans several lines and starts with "Error message:".
      const detail = messageOf(e)
        .replace(/^Error message:\s*/, '')
        .replaceAll(requestToken, '***')
        .replace(/\s+/g, ' ')
        .trim()
      // No cause: it would bring back the runner's request token removed above.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`${use.login} with OIDC: GitHub did not issue an ID token: ${detail}`)
    }
    if (!token) throw new Error(`${use.login} with OIDC: GitHub returned an empty ID token`)
    return token
  }
}
