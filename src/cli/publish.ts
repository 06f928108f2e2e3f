import { rewriteMessage } from '../shared/errors.js'
import { getIDToken } from '@actions/core'
import { credentialSources } from '../credentials/sources.js'
import { parseInputs } from '../inputs/parse.js'
import { buildPlan } from '../push/plan.js'
import { publish } from '../push/publish.js'
import { publishFailure } from '../push/failure.js'
import { clientOptionsOf, prepareSource, publishSession } from '../push/session.js'
import { describeSource, resolveSource, type ResolvedSource } from '../push/source-resolve.js'
import { loginAll, undoDockerLogins, type DockerLogins } from '../credentials/login-all.js'
import { planJson, publishJson } from '../report/json.js'
import { planText, publishText } from '../report/text.js'
import { readPayload } from '../context/payload.js'
import type { CliArgs } from './args.js'
import { cliContext, detectCi } from './context.js'
import { EXIT } from './help.js'
import { cliLoginSteps, cliRejectedMessage } from './logins.js'
import type { CliIO } from './main.js'
import { liveDisplay, plainDisplay, type Display } from './progress.js'
import { Secrets, secretInputs } from './secrets.js'

/**
 * `tagship publish`: the action's flow from flags and environment. Plan,
 * decide every login, log in and check each, publish, verify, report. The
 * result goes to stdout (text, or the action's json output with --json);
 * progress and the plan go to stderr. `--dry-run` stops after the logins
 * and reading the source: nothing is written anywhere.
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
  const inputs = parseInputs({ ...args.inputs, ...fromEnv, push: 'true' })
  for (const entry of inputs.auth.registryAuth) secrets.add(entry.password)
  const payload = detectCi(io.env) === 'github' ? readPayload(io.env.GITHUB_EVENT_PATH) : {}
  const plan = buildPlan(cliContext(args.context, io.env, payload, io.now), inputs)
  const { steps, auth } = cliLoginSteps(inputs, io.env, secrets)

  const err = (text: string): void => io.stderr(secrets.scrub(text))
  const display: Display = io.tty ? liveDisplay(err, plan, io.tty.columns) : plainDisplay(err)
  for (const line of planText(plan).trimEnd().split('\n')) display.line(line)
  const docker: { state?: DockerLogins } = {}
  let prepared: ResolvedSource | undefined
  const client = clientOptionsOf(inputs, (message) => display.info(message))
  const mask = (secret: string): void => secrets.add(secret)
  try {
    prepared = await prepareSource(inputs)
    const login = await loginAll(steps, auth, {
      sources: credentialSources(),
      useDocker: inputs.source?.kind === 'local' && !args.dryRun,
      client,
      log: display,
      mask,
      getIdToken: (audience) => getIDToken(audience),
      configParent: io.env.RUNNER_TEMP,
      onDockerLogins: (state) => (docker.state = state),
      rejected: cliRejectedMessage
    })
    const session = publishSession(inputs, login, {
      log: display,
      mask,
      client,
      prepared,
      events: (e) => display.event(e)
    })
    if (args.dryRun) {
      await display.group('Read the source', async () => {
        const found =
          prepared ??
          (await resolveSource(inputs.source!, {
            client: session.client,
            options: inputs.publish,
            ...(session.docker
              ? { imageId: (image: string) => session.docker!.imageId(image) }
              : {})
          }))
        for (const line of describeSource(found)) display.info(line)
        if (found !== prepared && found.kind === 'content') await found.close()
      })
      display.done()
      err('dry run: the logins work and the source is there; nothing was written\n')
      const planned = { ...plan, push: false }
      io.stdout(args.json ? `${JSON.stringify(planJson(planned), null, 2)}\n` : planText(planned))
      return EXIT.ok
    }
    for (const w of plan.warnings) display.warning(w)
    const result = await publish(plan, inputs.source!, inputs.publish, session)
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
    if (prepared?.kind === 'content') await prepared.close()
    // The CLI has no post step: its docker logins end with the command.
    if (docker.state) await undoDockerLogins(docker.state, { info: () => {}, warning: err })
  }
}
