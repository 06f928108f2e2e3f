import * as runner from './runner.js'
import type { Inputs } from '../inputs/parse.js'
import { planReferences, type Plan } from '../push/plan.js'
import { verifiedReferences, verifiedTagNames, type PublishResult } from '../push/results.js'
import type { PreviewResult } from '../push/preview-result.js'
import { planJson, previewJson, publishJson } from '../report/json.js'
import { labelLines } from '../tags/labels.js'
import { writeBakeFiles } from './bake-files.js'
import type { OutputEnv } from './output-env.js'

/** How the outputs are written: from the inputs and docker/metadata-action's variables. */
export interface OutputOptions {
  readonly separators: Inputs['separators']
  readonly bakeTarget: string
  /** Also export metadata-action's outputs as `DOCKER_METADATA_OUTPUT_<NAME>` variables. */
  readonly exportOutputs: boolean
  /** Where the bake files are written. */
  readonly tempDir: string
}

export function outputOptions(inputs: Inputs, env: OutputEnv): OutputOptions {
  return {
    separators: inputs.separators,
    bakeTarget: inputs.metadata.bakeTarget,
    exportOutputs: env.exportOutputs,
    tempDir: env.tempDir
  }
}

/** Outputs of a plan-only run (`push: false`): every planned reference, no digest. */
export function setOutputs(plan: Plan, options: OutputOptions): void {
  const tagNames = plan.tags.map((t) => t.tag)
  setAll(plan, { tags: planReferences(plan), tagNames, digest: '', json: planJson(plan) }, options)
}

/**
 * Outputs after a publish: `tags` holds only the references verified at the
 * digest (pushed or already there), so later steps never deploy a tag that
 * was kept or failed; `tag-names` only the tags verified on every target,
 * and the bake files the same tags.
 */
export function setPublishOutputs(plan: Plan, result: PublishResult, options: OutputOptions): void {
  const tagNames = verifiedTagNames(
    plan.tags.map((t) => t.tag),
    result
  )
  const tags = verifiedReferences(result)
  setAll(plan, { tags, tagNames, digest: result.digest, json: publishJson(plan, result) }, options)
}

/**
 * Outputs of a preview (`push: preview`): nothing was published, so `tags`,
 * `tag-names` and the bake files' tags are empty; `digest` is the digest the
 * tags would point at when it is known before any push (a registry or file
 * source; a local image only where every target holds it already), else ''.
 */
export function setPreviewOutputs(plan: Plan, result: PreviewResult, options: OutputOptions): void {
  setAll(
    plan,
    { tags: [], tagNames: [], digest: result.digest, json: previewJson(plan, result) },
    options
  )
}

interface Values {
  readonly tags: readonly string[]
  readonly tagNames: readonly string[]
  readonly digest: string
  readonly json: object
}

function setAll(plan: Plan, values: Values, options: OutputOptions): void {
  // The files first: a write that fails leaves no output half set.
  const bakeFiles = writeBakeFiles(
    {
      target: options.bakeTarget,
      tags: values.tags,
      images: plan.targets.map((t) => t.repository.name),
      version: plan.version,
      labels: plan.labels,
      annotations: plan.annotations
    },
    options.tempDir
  )
  const sep = options.separators
  const set = (name: string, value: string): void => {
    runner.setOutput(name, value)
    // As metadata-action names them: `bake-file-tags` is DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS.
    if (options.exportOutputs)
      runner.exportVariable(
        `DOCKER_METADATA_OUTPUT_${name.replace(/\W/g, '_').toUpperCase()}`,
        value
      )
  }
  set('tags', values.tags.join(sep.tags))
  set('tag-names', values.tagNames.join(sep.tags))
  set('version', plan.version)
  runner.setOutput('digest', values.digest)
  set('labels', labelLines(plan.labels).join(sep.labels))
  set('annotations', plan.annotations.join(sep.annotations))
  set('json', JSON.stringify(values.json))
  for (const [output, path] of Object.entries(bakeFiles)) set(output, path)
}
