import * as core from '@actions/core'
import type { Inputs } from '../inputs/parse.js'
import { planReferences, type Plan } from '../push/plan.js'
import { verifiedReferences, type PublishResult } from '../push/results.js'
import { planJson, publishJson } from '../report/json.js'
import { labelLines } from '../tags/labels.js'

/** Outputs of a plan-only run (`push: false`): every planned reference, no digest. */
export function setOutputs(plan: Plan, separators: Separators = NEWLINES): void {
  setAll(plan, planReferences(plan), '', planJson(plan), separators)
}

/**
 * Outputs after a publish: `tags` holds only the references verified at the
 * digest (pushed or already there), so later steps never deploy a tag that
 * was kept or failed.
 */
export function setPublishOutputs(
  plan: Plan,
  result: PublishResult,
  separators: Separators = NEWLINES
): void {
  setAll(plan, verifiedReferences(result), result.digest, publishJson(plan, result), separators)
}

type Separators = Inputs['separators']
const NEWLINES: Separators = { tags: '\n', labels: '\n', annotations: '\n' }

function setAll(
  plan: Plan,
  tags: readonly string[],
  digest: string,
  json: object,
  sep: Separators
): void {
  core.setOutput('tags', tags.join(sep.tags))
  core.setOutput('version', plan.version)
  core.setOutput('digest', digest)
  core.setOutput('labels', labelLines(plan.labels).join(sep.labels))
  core.setOutput('annotations', plan.annotations.join(sep.annotations))
  core.setOutput('json', JSON.stringify(json))
}
