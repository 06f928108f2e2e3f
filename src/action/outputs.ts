import * as core from '@actions/core'
import { planReferences, type Plan } from '../push/plan.js'
import { planJson } from '../report/json.js'
import { annotationLines, labelLines } from '../tags/labels.js'

export function setOutputs(plan: Plan): void {
  core.setOutput('tags', planReferences(plan).join('\n'))
  core.setOutput('version', plan.version)
  core.setOutput('digest', '')
  core.setOutput('labels', labelLines(plan.metadata).join('\n'))
  core.setOutput('annotations', annotationLines(plan.metadata).join('\n'))
  core.setOutput('json', JSON.stringify(planJson(plan)))
}
