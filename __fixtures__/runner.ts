import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { githubContext } from '../src/context/github.js'
import type { EventPayload } from '../src/context/payload.js'
import type { EventContext } from '../src/tags/context.js'

export const FIXTURES_DIR = dirname(fileURLToPath(import.meta.url))
export const RUNNER_DIR = join(FIXTURES_DIR, 'runner')

/** The run time every table uses, so dated tags and labels are exact. */
export const NOW = new Date('2026-11-23T08:30:00.000Z')

export interface RunnerFixture {
  /** GITHUB_* variables as the runner sets them; GITHUB_EVENT_PATH is absolute. */
  readonly env: Record<string, string>
  readonly payload: EventPayload
}

/** Load `runner/<name>.env` and its payload file, as a runner would present them. */
export function runnerFixture(name: string): RunnerFixture {
  const env: Record<string, string> = {}
  for (const line of readFileSync(join(RUNNER_DIR, `${name}.env`), 'utf8').split('\n')) {
    const eq = line.indexOf('=')
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1)
  }
  env.GITHUB_EVENT_PATH = join(RUNNER_DIR, env.GITHUB_EVENT_PATH ?? `${name}.json`)
  const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as EventPayload
  return { env, payload }
}

export function fixtureContext(name: string, now: Date = NOW): EventContext {
  const { env, payload } = runnerFixture(name)
  return githubContext(env, payload, now)
}

export const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'
export const PR_HEAD_SHA = '5e7c3f1c6a0d2b9e8f4a1b2c3d4e5f60718293a4'
export const PR_MERGE_SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
