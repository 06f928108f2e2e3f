import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Parse a GITHUB_OUTPUT / GITHUB_STATE file: `name<<DELIM\nvalue\nDELIM` blocks. */
export function parseFileCommand(text: string): Record<string, string> {
  const values: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (m) {
      const body: string[] = []
      for (i++; i < lines.length && lines[i] !== m[2]; i++) body.push(lines[i]!)
      values[m[1]!] = body.join('\n')
    } else if (lines[i]!.includes('=')) {
      const eq = lines[i]!.indexOf('=')
      values[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1)
    }
  }
  return values
}

/** Empty GITHUB_OUTPUT, GITHUB_STATE and GITHUB_STEP_SUMMARY files in a fresh folder. */
export interface RunnerFiles {
  readonly dir: string
  readonly env: Record<string, string>
  outputs(): Record<string, string>
  state(): Record<string, string>
  summary(): string
  remove(): void
}

export function runnerFiles(): RunnerFiles {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-runner-'))
  const paths = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path')
  }
  for (const p of Object.values(paths)) writeFileSync(p, '')
  return {
    dir,
    env: { ...paths, RUNNER_TEMP: dir },
    outputs: () => parseFileCommand(readFileSync(paths.GITHUB_OUTPUT, 'utf8')),
    state: () => parseFileCommand(readFileSync(paths.GITHUB_STATE, 'utf8')),
    summary: () => readFileSync(paths.GITHUB_STEP_SUMMARY, 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}

/** `INPUT_*` variables as the runner sets them for `with:` values. */
export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return env
}
