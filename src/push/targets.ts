import type { Inputs } from '../inputs/parse.js'

/** Every registry the publish touches: targets are written, a registry source only read. */
export function loginTargets(inputs: Inputs): { registry: string; push: boolean }[] {
  const targets = inputs.images.map((i) => ({ registry: i.registry, push: true }))
  const source =
    inputs.source?.kind === 'registry'
      ? [{ registry: inputs.source.repository.registry, push: false }]
      : []
  return [...targets, ...source]
}
