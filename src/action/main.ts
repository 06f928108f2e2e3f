import * as core from '@actions/core'
import { readPayload } from '../context/payload.js'
import { githubContext } from '../context/github.js'
import { buildPlan } from '../push/plan.js'
import { planSummary } from '../report/summary.js'
import { planText } from '../report/text.js'
import { getInputs } from './inputs.js'
import { setOutputs } from './outputs.js'

/** The action's main step: read, plan, report. */
export async function run(now: Date = new Date()): Promise<void> {
  try {
    const inputs = getInputs()
    const ctx = githubContext(process.env, readPayload(process.env.GITHUB_EVENT_PATH), now)
    const plan = buildPlan(ctx, inputs)
    if (plan.push) {
      throw new Error(
        'push: publishing is not available in this version of tagship yet, only the plan: set push: false'
      )
    }
    core.startGroup(`Plan for ${ctx.eventName} on ${ctx.ref}`)
    core.info(planText(plan).trimEnd())
    core.endGroup()
    for (const w of plan.warnings) core.warning(w)
    setOutputs(plan)
    await core.summary.addRaw(planSummary(plan)).write()
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
