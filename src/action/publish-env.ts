import * as runner from './runner.js'
import type { ClientOptions } from '../distribution/client.js'
import { fetchGithubIdToken } from '../credentials/github-id-token.js'
import { retryPolicy } from '../shared/retry.js'
import { credentialSources } from '../credentials/sources.js'
import type { Inputs } from '../inputs/parse.js'
import { printEvent } from '../push/events.js'
import type { PublishEdge } from '../push/flow.js'
import { clientOptionsOf } from '../push/session.js'
import { jobConfigPath, readJobConfig, seedFromJob } from '../docker/config.js'
import { savePostState } from './state.js'

/**
 * The action's side of a publish: log groups and warnings through the
 * runner's protocol (runner.ts), every secret masked, the post step told
 * about each docker login, and DOCKER_CONFIG exported for later steps when
 * `logout: false`.
 */
export function actionEdge(inputs: Inputs): PublishEdge {
  const { logout } = inputs.auth
  return {
    log: {
      info: (line) => runner.info(line),
      warning: (line) => runner.warning(line),
      error: (line) => runner.error(line),
      group: (title, work) => runner.group(title, work)
    },
    mask: (secret) => runner.setSecret(secret),
    // The log groups get the same words for every event as the CLI's plain lines.
    events: printEvent,
    client: clientOptions(inputs),
    sources: credentialSources(),
    login: {
      getIdToken: async (audience) => {
        // The runner masks its request token itself; masked here too, as it is sent.
        const requestToken = process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
        if (requestToken) runner.setSecret(requestToken)
        const token = await fetchGithubIdToken(audience, process.env, {
          policy: retryPolicy(inputs.publish.retries),
          onRetry: (line) => runner.info(line)
        })
        runner.setSecret(token)
        return token
      },
      configParent: process.env.RUNNER_TEMP,
      // Exported for later steps, the config keeps the logins the job already had.
      ...(logout ? {} : { seedConfig: seedFromJob(readJobConfig(jobConfigPath(process.env))) }),
      onDockerLogins: (state) => savePostState({ ...state, logout })
    },
    tempDir: process.env.RUNNER_TEMP,
    loggedIn: ({ configDir, dockerLogins }) => {
      if (configDir === undefined || logout) return
      runner.exportVariable('DOCKER_CONFIG', configDir)
      savePostState({ configDir, dockerLogins, logout: false, exported: true })
      runner.info(`DOCKER_CONFIG=${configDir} is exported for later steps (logout: false)`)
    }
  }
}

/**
 * The registry client's timeouts, retries and `insecure-registries`, from the
 * publishing inputs; the logins use them too. The list names hosts, so each
 * client relaxes TLS only for the registries listed.
 */
function clientOptions(inputs: Inputs): ClientOptions {
  return clientOptionsOf(inputs, (message: string) => runner.info(message))
}
