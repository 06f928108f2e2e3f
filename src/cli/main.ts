import { readFileSync } from 'node:fs'
import { InputError } from '../errors.js'
import type { Env } from '../context/event.js'
import { readPayload } from '../context/payload.js'
import { parseInputs } from '../inputs/parse.js'
import { buildPlan } from '../push/plan.js'
import { planJson } from '../report/json.js'
import { planText } from '../report/text.js'
import { parseCliArgs } from './args.js'
import { cliContext, detectCi } from './context.js'
import { EXIT, helpText } from './help.js'

export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: Env
  readonly now: Date
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8')
    ) as { version?: string }
    return pkg.version ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/** Run the CLI and return its exit code. */
export function main(argv: readonly string[], io: CliIO): number {
  try {
    const args = parseCliArgs(argv)
    if (args.help || args.command === 'help') {
      io.stdout(helpText())
      return EXIT.ok
    }
    if (args.version) {
      io.stdout(`${packageVersion()}\n`)
      return EXIT.ok
    }
    if (args.command !== 'plan') {
      const what =
        args.command === undefined
          ? 'no command given'
          : `unknown command ${JSON.stringify(args.command)}`
      throw new InputError('command', `${what}: use tagship plan (see tagship --help)`)
    }
    const inputs = parseInputs({ ...args.inputs, push: 'false' })
    const payload = detectCi(io.env) === 'github' ? readPayload(io.env.GITHUB_EVENT_PATH) : {}
    const ctx = cliContext(args.context, io.env, payload, io.now)
    const plan = buildPlan(ctx, inputs)
    io.stdout(args.json ? `${JSON.stringify(planJson(plan), null, 2)}\n` : planText(plan))
    return EXIT.ok
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`tagship: ${error.message}\n`)
      return EXIT.invalid
    }
    io.stderr(`tagship: ${error instanceof Error ? error.message : String(error)}\n`)
    return EXIT.failure
  }
}
