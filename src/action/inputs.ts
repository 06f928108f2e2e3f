import * as runner from './runner.js'
import { parseInputs, type Inputs } from '../inputs/parse.js'
import { INPUTS } from '../inputs/spec.js'
import { withMetadataEnv } from '../inputs/metadata-env.js'
import { withDockerhubOidcEnv } from '../inputs/dockerhub.js'

/**
 * Mask a secret input as soon as it is read. For `registry-auth`, each
 * password value is masked on its own too, since a mask only hides the
 * whole string it was given.
 */
function maskInput(name: string, value: string): void {
  if (value.trim() === '') return
  runner.setSecret(value.trim())
  if (name !== 'registry-auth') return
  for (const m of value.matchAll(/password\s*:\s*(.+)$/gm)) {
    const raw = m[1]!.trim()
    runner.setSecret(raw)
    const unquoted = raw.replace(/^(['"])(.*)\1$/, '$2')
    if (unquoted !== '') runner.setSecret(unquoted)
  }
}

/**
 * Read every declared input from the runner, mask the secrets, and parse them
 * as a whole, with docker/metadata-action's variables standing in for the
 * inputs they mean when those are empty.
 */
export function getInputs(): Inputs {
  const raw: Record<string, string> = {}
  for (const input of INPUTS) {
    raw[input.name] = runner.getInput(input.name)
    if (input.secret) maskInput(input.name, raw[input.name]!)
  }
  const inputs = parseInputs(withDockerhubOidcEnv(withMetadataEnv(raw, process.env), process.env))
  // A password written over several lines (a JSON key as `_json_key`) is
  // masked whole and line by line: the runner matches masks within a line.
  for (const { password } of inputs.auth.registryAuth) {
    runner.setSecret(password)
    for (const line of password.split('\n').map((l) => l.trim()))
      if (line.length >= 4) runner.setSecret(line)
  }
  return inputs
}
