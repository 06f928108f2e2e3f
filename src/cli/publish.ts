import { printEvent } from '../push/events.js'
import { runPublish, type PublishEdge } from '../push/flow.js'
import { rewriteMessage } from '../shared/errors.js'
import { fetchGithubIdToken } from '../credentials/github-id-token.js'
import { retryPolicy } from '../shared/retry.js'
import { credentialSources } from '../credentials/sources.js'
import { withAnnotationLevelsEnv, withMetadataEnv } from '../inputs/metadata-env.js'
import { withDockerhubOidcEnv } from '../inputs/dockerhub.js'
import { parseInputs } from '../inputs/parse.js'
import { buildPlan } from '../push/plan.js'
import { publishFailure } from '../push/failure.js'
import { clientOptionsOf } from '../push/session.js'
import { undoDockerLogins, type DockerLogins } from '../credentials/login-all.js'
import { planJson, previewJson, publishJson } from '../report/json.js'
import { previewFailure } from '../push/preview-result.js'
import { previewText } from '../report/preview.js'
import { planText, publishText } from '../report/text.js'
import type { CliArgs } from './args.js'
import { readCliContext } from './context.js'
import { EXIT } from './help.js'
import { cliLoginSteps, cliRejectedMessage } from './logins.js'
import type { CliIO } from './main.js'
import { liveDisplay, plainDisplay, type Display } from './progress.js'
import { proxySecrets } from '../shared/proxy.js'
import { cliName, Secrets, secretInputs } from './secrets.js'

/**
 * `tagship publish`: the action's flow from flags and environment. Plan,
 * decide every login, log in and check each, publish, verify, report. The
 * result goes to stdout (text, or the action's json output with --json);
 * progress and the plan go to stderr. `--dry-run` is the preview: the
 * logins and every read of the publish, nothing written anywhere, and on
 * stdout what the release would do per target and tag (exit 1 when a tag
 * is blocked).
 */
export async function publishCommand(args: CliArgs, io: CliIO): Promise<number> {
  const secrets = new Secrets()
  try {
    return await run(args, io, secrets)
  } catch (error) {
    // No secret leaves in a message, whatever path it took.
    rewriteMessage(error, (message) => secrets.scrub(message))
    throw error
  }
}

async function run(args: CliArgs, io: CliIO, secrets: Secrets): Promise<number> {
  const fromEnv = secretInputs(io.env)
  for (const value of Object.values(fromEnv)) secrets.add(value)
  // The proxy variables are checked before anything runs, their passwords hidden.
  for (const secret of proxySecrets(io.env)) secrets.add(secret)
  const push = args.dryRun ? 'preview' : 'true'
  const raw = withMetadataEnv({ ...args.inputs, ...fromEnv, push }, io.env)
  const inputs = withAnnotationLevelsEnv(parseInputs(withDockerhubOidcEnv(raw, io.env)), io.env)
  for (const entry of inputs.auth.registryAuth) secrets.add(entry.password)
  const cwd = io.cwd ?? process.cwd()
  const ctx = await readCliContext(args.context, inputs.context, io.env, cwd, io.now)
  const plan = buildPlan(ctx, inputs)
  const { steps, auth } = cliLoginSteps(inputs, io.env, secrets)

  const err = (text: string): void => io.stderr(secrets.scrub(text))
  const display: Display = io.tty ? liveDisplay(err, plan, io.tty.columns) : plainDisplay(err)
  for (const line of planText(plan).trimEnd().split('\n')) display.line(line)
  for (const n of plan.notices) display.line(`notice: ${n}`)
  const docker: { state?: DockerLogins } = {}
  const edge: PublishEdge = {
    log: display,
    mask: (secret) => secrets.add(secret),
    client: clientOptionsOf(inputs, (message) => display.info(message)),
    sources: credentialSources(),
    events: (e, group) => {
      printEvent(e, group)
      display.event(e)
    },
    login: {
      getIdToken: async (audience) => {
        const requestToken = io.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
        if (requestToken) secrets.add(requestToken)
        const token = await fetchGithubIdToken(audience, io.env, {
          policy: retryPolicy(inputs.publish.retries),
          onRetry: (line) => err(line)
        })
        secrets.add(token)
        return token
      },
      configParent: io.env.RUNNER_TEMP,
      onDockerLogins: (state) => (docker.state = state),
      rejected: cliRejectedMessage,
      names: cliName
    },
    tempDir: io.env.RUNNER_TEMP
  }
  try {
    const outcome = await runPublish(plan, inputs, { steps, auth }, edge)
    if (outcome.kind === 'no tags') {
      display.done()
      err(`${outcome.notice}\n`)
      io.stdout(args.json ? `${JSON.stringify(planJson(plan), null, 2)}\n` : planText(plan))
      return EXIT.ok
    }
    if (outcome.kind === 'previewed') {
      const { result } = outcome
      display.done()
      io.stdout(
        args.json ? `${JSON.stringify(previewJson(plan, result), null, 2)}\n` : previewText(result)
      )
      const blocked = previewFailure(result)
      if (blocked === undefined) return EXIT.ok
      err(`tagship: ${blocked}\n`)
      return EXIT.failure
    }
    const { result } = outcome
    display.done()
    io.stdout(
      args.json ? `${JSON.stringify(publishJson(plan, result), null, 2)}\n` : publishText(result)
    )
    const failure = publishFailure(result)
    if (failure === undefined) return EXIT.ok
    err(`tagship: ${failure}\n`)
    return EXIT.failure
  } finally {
    display.done()
    // The CLI has no post step: its docker logins end with the command.
    if (docker.state) await undoDockerLogins(docker.state, { info: () => {}, warning: err })
  }
}
