import * as core from '@actions/core'
import { planReferences, type Plan } from '../push/plan.js'
import { verifiedReferences, type PublishResult } from '../push/results.js'
import { planJson, publishJson } from '../report/json.js'
import { annotationLines, labelLines } from '../tags/labels.js'

/** Outputs of a plan-only run (`push: false`): every planned reference, no digest. */
export function setOutputs(plan: Plan): void {
  setAll(plan, planReferences(plan), '', planJson(plan))
}

/**
 * Outputs after a publish: `tags` holds only the references verified at the
 * digest (pushed or already there), so later steps never deploy a tag that
 * was kept or failed.
 */
export function setPublishOutputs(plan: Plan, result: PublishResult): void {
  setAll(plan, verifiedReferences(result), result.digest, publishJson(plan, result))
}

function setAll(plan: Plan, tags: readonly string[], digest: string, json: object): void {
  core.setOutput('tags', tags.join('\n'))
  core.setOutput('version', plan.version)
  core.setOutput('digest', digest)
  core.setOutput('labels', labelLines(plan.metadata).join('\n'))
  core.setOutput('annotations', annotationLines(plan.metadata).join('\n'))
  core.setOutput('json', JSON.stringify(json))
}
