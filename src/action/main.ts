import { messageOf } from '../shared/errors.js'
import { proxySecrets } from '../shared/proxy.js'
import * as runner from './runner.js'
import { actionContext } from './context.js'
import { buildPlan } from '../push/plan.js'
import { planSummary } from '../report/summary.js'
import { planText } from '../report/text.js'
import { getInputs } from './inputs.js'
import { loginTargets } from '../push/targets.js'
import { planLogins } from '../credentials/login-plan.js'
import { outputOptions, setOutputs, setPreviewOutputs, setPublishOutputs } from './outputs.js'
import { readOutputEnv } from './output-env.js'
import { withAnnotationLevelsEnv } from '../inputs/metadata-env.js'
import { publishFailure } from '../push/failure.js'
import { nothingPublished } from '../push/results.js'
import { publishSummary } from '../report/summary.js'
import { publishText } from '../report/text.js'

/** The action's main step: read, plan, log in, publish, report. */
export async function run(now: Date = new Date()): Promise<void> {
  let cleanup = async (): Promise<void> => undefined
  try {
    // The proxy variables are checked before anything runs, their passwords masked.
    for (const secret of proxySecrets(process.env)) runner.setSecret(secret)
    const outputEnv = readOutputEnv(process.env)
    let inputs = withAnnotationLevelsEnv(getInputs(), process.env)
    const ctx = await actionContext(inputs.context, process.env, now)
    // The cache, registry and publish code (with @actions/cache, undici and the
    // cloud SDKs) is imported only by the steps that use it: a `push: false`
    // run starts without loading any of it.
    if (inputs.cache?.mode === 'save') {
      const { saveStep } = await import('../cache/action.js')
      return await saveStep(inputs, ctx.sha)
    }
    // Restored first: a missing entry fails the run before any registry is contacted.
    if (inputs.cache?.mode === 'restore') {
      const { restoreStep } = await import('../cache/action.js')
      const restored = await restoreStep(inputs, ctx.sha)
      inputs = restored.inputs
      cleanup = restored.cleanup
    }
    const plan = buildPlan(ctx, inputs)
    runner.startGroup(`Plan for ${ctx.eventName} on ${ctx.ref}`)
    runner.info(planText(plan).trimEnd())
    runner.endGroup()
    for (const n of plan.notices) runner.notice(n)
    if (plan.push) {
      // Every registry's credentials are decided before any network call.
      const steps = planLogins(loginTargets(inputs), inputs.auth)
      const [{ runPublish }, { actionEdge }] = await Promise.all([
        import('../push/flow.js'),
        import('./publish-env.js')
      ])
      const outcome = await runPublish(
        plan,
        inputs,
        { steps, auth: inputs.auth },
        actionEdge(inputs)
      )
      if (outcome.kind === 'no tags') {
        for (const w of plan.warnings) runner.warning(w)
        runner.notice(outcome.notice)
        // Nothing was published: the outputs say so (no tag, no digest).
        const nothing = nothingPublished(plan)
        setPublishOutputs(plan, nothing, outputOptions(inputs, outputEnv))
        await runner.summary.addRaw(publishSummary(plan, nothing)).write()
        return
      }
      if (outcome.kind === 'previewed') {
        const { result } = outcome
        const [{ previewSummary, previewText }, { previewFailure }] = await Promise.all([
          import('../report/preview.js'),
          import('../push/preview-result.js')
        ])
        await runner.group('Preview', async () => runner.info(previewText(result).trimEnd()))
        setPreviewOutputs(plan, result, outputOptions(inputs, outputEnv))
        await runner.summary.addRaw(previewSummary(plan, result)).write()
        const blocked = previewFailure(result)
        if (blocked) runner.setFailed(blocked)
        return
      }
      const { result } = outcome
      runner.info(publishText(result).trimEnd())
      setPublishOutputs(plan, result, outputOptions(inputs, outputEnv))
      await runner.summary.addRaw(publishSummary(plan, result)).write()
      const failure = publishFailure(result)
      if (failure) runner.setFailed(failure)
      return
    }
    for (const w of plan.warnings) runner.warning(w)
    setOutputs(plan, outputOptions(inputs, outputEnv))
    await runner.summary.addRaw(planSummary(plan)).write()
  } catch (error) {
    runner.setFailed(messageOf(error))
  } finally {
    await cleanup()
  }
}
