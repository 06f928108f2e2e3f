import { randomUUID } from 'node:crypto'
import { appendFileSync, constants, existsSync } from 'node:fs'
import { access, appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'

/**
 * The runner's protocol, as much of it as the action uses: inputs from
 * `INPUT_*` variables, file commands to GITHUB_OUTPUT / GITHUB_ENV /
 * GITHUB_STATE / GITHUB_STEP_SUMMARY, and workflow commands on stdout. The
 * bytes are the ones @actions/core 3 writes; core itself is not loaded, as
 * it brings its HTTP client (undici) into every run for reading inputs and
 * printing lines.
 */

/** A workflow command's message: `%`, CR and LF escaped so it stays one line. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** A workflow command's property value: also `:` and `,`, which separate properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** `::name key=value,key=value::message`; empty property values are left out. */
function issue(command: string, message = '', properties: Record<string, string> = {}): void {
  const keys = Object.keys(properties)
  const props =
    keys.length === 0
      ? ''
      : ' ' +
        keys
          .filter((k) => properties[k])
          .map((k) => `${k}=${escapeProperty(properties[k]!)}`)
          .join(',')
  process.stdout.write(`::${command}${props}::${escapeData(message)}${EOL}`)
}

/**
 * Append `name<<delimiter`, the value and the delimiter to the file that
 * GITHUB_<command> names. The delimiter is random, so no value can end the
 * entry early; one that occurs in the name or value is refused.
 */
function fileCommand(command: 'OUTPUT' | 'ENV' | 'STATE', name: string, value: string): void {
  const delimiter = `ghadelimiter_${randomUUID()}`
  if (name.includes(delimiter))
    throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`)
  if (value.includes(delimiter))
    throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`)
  const entry = `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}`
  const path = process.env[`GITHUB_${command}`]
  if (!path) throw new Error(`Unable to find environment variable for file command ${command}`)
  if (!existsSync(path)) throw new Error(`Missing file at path: ${path}`)
  appendFileSync(path, `${entry}${EOL}`, { encoding: 'utf8' })
}

/**
 * The input `name` (`INPUT_<NAME>`, spaces as `_`), trimmed; '' when unset.
 * `required` makes an empty one an error.
 */
export function getInput(name: string, options: { readonly required?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || ''
  if (options.required && !value) throw new Error(`Input required and not supplied: ${name}`)
  return value.trim()
}

/** What main saved under `name`, as the runner hands it to the post step (`STATE_<name>`). */
export function getState(
  name: string,
  env: Readonly<Record<string, string | undefined>> = process.env
): string {
  return env[`STATE_${name}`] || ''
}

export function setOutput(name: string, value: string): void {
  if (process.env.GITHUB_OUTPUT) return fileCommand('OUTPUT', name, value)
  process.stdout.write(EOL)
  issue('set-output', value, { name })
}

/** Set for this step now, and for the job's later steps through GITHUB_ENV. */
export function exportVariable(name: string, value: string): void {
  process.env[name] = value
  if (process.env.GITHUB_ENV) return fileCommand('ENV', name, value)
  issue('set-env', value, { name })
}

/** Kept for the post step, which reads it with getState. */
export function saveState(name: string, value: string): void {
  if (process.env.GITHUB_STATE) return fileCommand('STATE', name, value)
  issue('save-state', value, { name })
}

/** From now on the runner prints `***` wherever `secret` appears in a log line. */
export function setSecret(secret: string): void {
  issue('add-mask', secret)
}

/** A plain log line. */
export function info(line: string): void {
  process.stdout.write(line + EOL)
}

export function notice(message: string): void {
  issue('notice', message)
}

export function warning(message: string): void {
  issue('warning', message)
}

export function error(message: string): void {
  issue('error', message)
}

/** An error annotation, and the step fails when the process ends. */
export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

export function startGroup(title: string): void {
  issue('group', title)
}

export function endGroup(): void {
  issue('endgroup')
}

/** `work` inside a foldable log group, closed however `work` ends. */
export async function group<T>(title: string, work: () => Promise<T>): Promise<T> {
  startGroup(title)
  try {
    return await work()
  } finally {
    endGroup()
  }
}

const SUMMARY_VARIABLE = 'GITHUB_STEP_SUMMARY'

/** The job summary: markdown gathered with addRaw, appended to its file by write. */
class Summary {
  private buffer = ''

  addRaw(text: string): this {
    this.buffer += text
    return this
  }

  async write(): Promise<this> {
    const path = process.env[SUMMARY_VARIABLE]
    if (!path)
      throw new Error(
        `Unable to find environment variable for $${SUMMARY_VARIABLE}. Check if your runtime environment supports job summaries.`
      )
    try {
      await access(path, constants.R_OK | constants.W_OK)
    } catch {
      throw new Error(
        `Unable to access summary file: '${path}'. Check if the file has correct read/write permissions.`
      )
    }
    await appendFile(path, this.buffer, { encoding: 'utf8' })
    this.buffer = ''
    return this
  }
}

export const summary = new Summary()
