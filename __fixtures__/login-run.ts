import * as core from '@actions/core'
import { render, wordsOf } from '../src/shared/words.js'
import { credentialSources } from '../src/credentials/sources.js'
import { loginAll, type LoginResult } from '../src/credentials/login-all.js'
import { planLogins, type LoginStep } from '../src/credentials/login-plan.js'
import { parseAuthInputs } from '../src/inputs/auth.js'
import { withDockerhubOidcEnv } from '../src/inputs/dockerhub.js'
import type { RawInputs } from '../src/inputs/spec.js'

/** What one login run showed: every line in order (`info: …`, `error: …`), and the values masked. */
export interface LoginRun {
  readonly steps: readonly LoginStep[]
  readonly lines: readonly string[]
  readonly masked: readonly string[]
  readonly result?: LoginResult
  /** The message loginAll failed with, when it did. */
  readonly failure?: string
}

/**
 * The action's logins, in this process: the inputs parsed as the action
 * parses them (DOCKERHUB_OIDC_CONNECTIONID included), every login planned
 * and run with the real credential sources and @actions/core's ID-token
 * request. `env` is put in process.env for the run (the runner's variables,
 * TAGSHIP_DOCKER_IDENTITY_URL, GITHUB_ACTOR; undefined removes one) and
 * taken out after it.
 */
export async function runLogins(
  registries: readonly { registry: string; push: boolean }[],
  inputs: RawInputs,
  env: Readonly<Record<string, string | undefined>>
): Promise<LoginRun> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  const put = (vars: Record<string, string | undefined>): void => {
    for (const [k, v] of Object.entries(vars)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
  put(env)
  const lines: string[] = []
  const masked: string[] = []
  try {
    const raw = withDockerhubOidcEnv(inputs, process.env)
    const auth = parseAuthInputs((name) => raw[name] ?? '')
    const steps = planLogins(registries, auth)
    try {
      const result = await loginAll(steps, auth, {
        sources: credentialSources(),
        useDocker: false,
        log: {
          info: (line) => void lines.push(`info: ${line}`),
          error: (line) => void lines.push(`error: ${line}`),
          group: async (title, work) => {
            lines.push(`group: ${title}`)
            return work()
          }
        },
        mask: (secret) => void masked.push(secret),
        getIdToken: (audience) => quietly(() => core.getIDToken(audience)),
        client: { sleep: async () => undefined }
      })
      return { steps, lines, masked, result }
    } catch (e) {
      return { steps, lines, masked, failure: render(wordsOf(e)) }
    }
  } finally {
    put(saved)
  }
}

/**
 * Run `work` without the workflow commands @actions/core writes to stdout
 * (`::debug::`, `::add-mask::` with the ID token): in a test they are noise.
 */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write
  process.stdout.write = ((chunk: unknown, ...rest: unknown[]) =>
    String(chunk).startsWith('::')
      ? true
      : (write as (...a: unknown[]) => boolean).call(
          process.stdout,
          chunk,
          ...rest
        )) as typeof write
  try {
    return await work()
  } finally {
    process.stdout.write = write
  }
}

/** The values among `secrets` that any line shows. */
export function secretsShown(run: LoginRun, secrets: readonly string[]): string[] {
  const text = [...run.lines, run.failure ?? ''].join('\n')
  return secrets.filter((s) => s.length > 0 && text.includes(s))
}
