import * as core from '@actions/core'
import type { ClientOptions } from '../distribution/client.js'
import type { Inputs } from '../inputs/parse.js'
import type { PublishEnv, PublishLog } from '../push/publish.js'
import { clientOptionsOf, publishSession } from '../push/session.js'
import type { ResolvedSource } from '../push/source-resolve.js'
import type { LoginResult } from './login.js'

/** The publish engine's view of the world, from the action's inputs and logins. */
export function actionPublishEnv(
  inputs: Inputs,
  login: LoginResult,
  prepared: ResolvedSource | undefined
): PublishEnv {
  return publishSession(inputs, login, {
    prepared,
    log: actionLog,
    mask: (s) => core.setSecret(s),
    client: clientOptions(inputs)
  })
}

const actionLog: PublishLog = {
  info: (line) => core.info(line),
  warning: (line) => core.warning(line),
  group: (title, work) => core.group(title, work)
}

/**
 * The registry client's timeouts, retries and `insecure-registries`, from the
 * publishing inputs; the logins use them too. The list names hosts, so each
 * client relaxes TLS only for the registries listed.
 */
export function clientOptions(inputs: Inputs): ClientOptions {
  return clientOptionsOf(inputs, (message: string) => core.info(message))
}
