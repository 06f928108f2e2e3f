import { runActionStep, stateEnv, type StepRun } from '../../__fixtures__/action-runner.js'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseFileCommand, type RunnerFiles } from '../../__fixtures__/file-commands.js'

export type ActionRun = StepRun

/** A step of the bundled action, its process tree watched (see runActionStep). */
export function runBundled(
  entry: 'main' | 'post',
  env: Record<string, string>,
  files: RunnerFiles,
  out: { readonly stdoutPath: string; readonly stderrPath: string }
): Promise<ActionRun> {
  return runActionStep(entry, env, files, out, { watch: true })
}

/** What the runner gives the post step: `STATE_<name>` for every value main saved. */
export function postStateEnv(files: RunnerFiles): Record<string, string> {
  return stateEnv(files.state())
}

/** The runner's five file commands, as text, for leak scans. */
export function fileCommandTexts(files: RunnerFiles): Record<string, string> {
  const names = [
    'GITHUB_OUTPUT',
    'GITHUB_STATE',
    'GITHUB_STEP_SUMMARY',
    'GITHUB_ENV',
    'GITHUB_PATH'
  ]
  return Object.fromEntries(names.map((n) => [n, readFileSync(files.env[n]!, 'utf8')]))
}

const MASK = '::add-mask::'

/** The values `::add-mask::` lines announced, unescaped as the runner reads them. */
export function maskedValues(stdout: string): Set<string> {
  return new Set(
    stdout
      .split('\n')
      .filter((line) => line.startsWith(MASK))
      .map((line) =>
        line
          .slice(MASK.length)
          .replaceAll('%0D', '\r')
          .replaceAll('%0A', '\n')
          .replaceAll('%25', '%')
      )
  )
}

/**
 * stdout without the `::add-mask::<value>` lines of these values: the one place
 * a secret belongs in stdout (the runner consumes them and shows nothing).
 */
export function withoutMasksOf(stdout: string, values: Iterable<string>): string {
  const escape = (v: string) =>
    v.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
  const masks = new Set([...values].map((v) => MASK + escape(v)))
  return stdout
    .split('\n')
    .filter((line) => !masks.has(line))
    .join('\n')
}

/** What the log shows: every line but the mask commands, which the runner consumes. */
export function shownLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => line !== '' && !line.startsWith(MASK))
}

/** The lines of each `::group::` (masks left out), by title. */
export function groups(stdout: string): Map<string, string[]> {
  const found = new Map<string, string[]>()
  let current: string[] | undefined
  for (const line of shownLines(stdout)) {
    if (line.startsWith('::group::')) found.set(line.slice(9), (current = []))
    else if (line === '::endgroup::') current = undefined
    else current?.push(line)
  }
  return found
}

/** The `auths` docker wrote into a config directory. */
export function dockerAuths(configDir: string): Record<string, Record<string, string>> {
  const path = join(configDir, 'config.json')
  if (!existsSync(path)) throw new Error(`no ${path}`)
  return (
    JSON.parse(readFileSync(path, 'utf8')) as { auths: Record<string, Record<string, string>> }
  ).auths
}

/** The post state main saved (the last value of `tagship`). */
export function savedState(files: RunnerFiles): { configDir?: string; dockerLogins: string[] } {
  return JSON.parse(files.state().tagship ?? '{}') as { configDir?: string; dockerLogins: string[] }
}

/** `name in place` for every secret found in any of the texts. */
export function leaks(
  secrets: Readonly<Record<string, string>>,
  places: Readonly<Record<string, string>>
): string[] {
  const found: string[] = []
  for (const [name, secret] of Object.entries(secrets)) {
    for (const [place, text] of Object.entries(places)) {
      if (text.includes(secret)) found.push(`${name} in ${place}`)
    }
  }
  return found
}

export const base64 = (text: string): string => Buffer.from(text).toString('base64')

/**
 * What docker/metadata-action exports by default, and so does tagship (each
 * output as `DOCKER_METADATA_OUTPUT_<NAME>`), every run that sets outputs.
 */
export const METADATA_OUTPUT_VARIABLES = [
  'TAGS',
  'TAG_NAMES',
  'VERSION',
  'LABELS',
  'ANNOTATIONS',
  'JSON',
  'BAKE_FILE_TAGS',
  'BAKE_FILE_LABELS',
  'BAKE_FILE_ANNOTATIONS',
  'BAKE_FILE'
].map((name) => `DOCKER_METADATA_OUTPUT_${name}`)

/** GITHUB_ENV's `NAME<<DELIMITER` blocks, parsed. */
export function exportedVariables(files: RunnerFiles): Record<string, string> {
  return parseFileCommand(readFileSync(files.env.GITHUB_ENV!, 'utf8'))
}
