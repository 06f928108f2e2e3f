import type { ClientOptions } from '../distribution/client.js'
import type { MaskSecret } from '../distribution/credentials.js'
import type { CredentialSources } from '../credentials/acquire.js'
import {
  loginAll,
  type LoginAllOptions,
  type LoginLog,
  type LoginResult
} from '../credentials/login-all.js'
import type { LoginStep } from '../credentials/login-plan.js'
import type { AuthInputs } from '../inputs/auth.js'
import type { Inputs } from '../inputs/parse.js'
import type { PublishEvents } from './events.js'
import type { Plan } from './plan.js'
import { publish, type PublishLog } from './publish.js'
import type { PublishResult } from './results.js'
import { preview } from './preview.js'
import type { PreviewResult } from './preview-result.js'
import { prepareSource, publishSession } from './session.js'

/** What an edge brings to a publish: where lines and events go, how secrets are masked, its login ways. */
export interface PublishEdge {
  readonly log: PublishLog & LoginLog
  readonly mask: MaskSecret
  readonly client: ClientOptions
  readonly sources: CredentialSources
  readonly events?: PublishEvents
  readonly login: Pick<
    LoginAllOptions,
    'getIdToken' | 'configParent' | 'seedConfig' | 'onDockerLogins' | 'rejected' | 'names'
  >
  /** RUNNER_TEMP: where a local image is saved for upload. */
  readonly tempDir?: string | undefined
  /** Told once every login worked (the action exports DOCKER_CONFIG then). */
  readonly loggedIn?: (login: LoginResult) => void
}

export type Outcome =
  | { readonly kind: 'published'; readonly result: PublishResult }
  /**
   * The plan gives no tag for this event, or every image is switched off
   * (`enable=false`): nothing was published and no registry contacted.
   */
  | { readonly kind: 'no tags'; readonly notice: string }
  /** A preview (`push: preview`, `--dry-run`): what the publish would do; nothing was written. */
  | { readonly kind: 'previewed'; readonly result: PreviewResult }

/**
 * The publish as the action and the CLI both run it: the source checked
 * before any registry is contacted (a local image found in the daemon, a
 * file opened and checked whole), every login, then the publish; or, for a
 * preview (`inputs.preview`), the same logins and reads with nothing written.
 * The edges only read their world and render what this reports.
 */
export async function runPublish(
  plan: Plan,
  inputs: Inputs,
  logins: { readonly steps: readonly LoginStep[]; readonly auth: AuthInputs },
  edge: PublishEdge
): Promise<Outcome> {
  const previewing = inputs.preview === true
  if (plan.targets.every((t) => t.tags.length === 0)) {
    const why =
      plan.targets.length === 0 ? 'no image is enabled for this event' : 'no tag for this event'
    return { kind: 'no tags', notice: `${why}: nothing to publish, and no registry was contacted` }
  }
  const prepared = await prepareSource(inputs)
  try {
    const login = await loginAll(logins.steps, logins.auth, {
      ...edge.login,
      sources: edge.sources,
      // A preview writes nothing, not even a docker login.
      // Only the docker CLI's push needs docker logins; tagship's own upload does not.
      useDocker:
        inputs.source?.kind === 'local' && inputs.publish.localPush === 'docker' && !previewing,
      client: edge.client,
      log: edge.log,
      mask: edge.mask
    })
    edge.loggedIn?.(login)
    const session = publishSession(inputs, login, {
      log: edge.log,
      mask: edge.mask,
      client: edge.client,
      prepared,
      tempDir: edge.tempDir,
      ...(edge.events ? { events: edge.events } : {})
    })
    for (const w of plan.warnings) edge.log.warning(w)
    if (previewing)
      return {
        kind: 'previewed',
        result: await preview(plan, inputs.source!, inputs.publish, session)
      }
    return {
      kind: 'published',
      result: await publish(plan, inputs.source!, inputs.publish, session)
    }
  } finally {
    if (prepared?.kind === 'content') await prepared.close()
  }
}
