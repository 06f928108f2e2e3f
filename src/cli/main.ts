import { wordsOf } from '../shared/words.js'
import { readFileSync } from 'node:fs'
import { InputError } from '../shared/errors.js'
import type { Env } from '../context/event.js'
import { withAnnotationLevelsEnv, withMetadataEnv } from '../inputs/metadata-env.js'
import { parseInputs } from '../inputs/parse.js'
import { buildPlan } from '../push/plan.js'
import { planJson } from '../report/json.js'
import { planText } from '../report/text.js'
import { parseCliArgs, type CliArgs } from './args.js'
import { readCliContext } from './context.js'
import { EXIT, helpText } from './help.js'
import { publishHelpText } from './help-publish.js'
import { cliText } from './secrets.js'

export interface CliIO {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: Env
  readonly now: Date
  /** Set when stderr is a terminal: progress is then a live status, redrawn in place. */
  readonly tty?: { readonly columns: number }
  /** The checkout `--context git` reads; the current directory when unset. */
  readonly cwd?: string
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

async function planCommand(args: CliArgs, io: CliIO): Promise<number> {
  const inputs = withAnnotationLevelsEnv(
    parseInputs(withMetadataEnv({ ...args.inputs, push: 'false' }, io.env)),
    io.env
  )
  const cwd = io.cwd ?? process.cwd()
  const ctx = await readCliContext(args.context, inputs.context, io.env, cwd, io.now)
  const plan = buildPlan(ctx, inputs)
  for (const n of plan.notices) io.stderr(`notice: ${n}\n`)
  io.stdout(args.json ? `${JSON.stringify(planJson(plan), null, 2)}\n` : planText(plan))
  return EXIT.ok
}

/** Bad input, also when the publish engine wrapped it (a source the daemon does not have). */
function isInputError(error: unknown): error is Error {
  return (
    error instanceof InputError || (error instanceof Error && error.cause instanceof InputError)
  )
}

/** Run the CLI and return its exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const args = parseCliArgs(argv)
    if (args.help || args.command === 'help') {
      io.stdout(args.command === 'publish' ? publishHelpText() : helpText())
      return EXIT.ok
    }
    if (args.version) {
      io.stdout(`${packageVersion()}\n`)
      return EXIT.ok
    }
    if (args.command === 'plan') return await planCommand(args, io)
    if (args.command === 'publish') {
      // The registry, publish and cloud SDK code loads only for publish: plan and help stay quick.
      const { publishCommand } = await import('./publish.js')
      return await publishCommand(args, io)
    }
    const what =
      args.command === undefined
        ? 'no command given'
        : `unknown command ${JSON.stringify(args.command)}`
    throw new InputError(
      'command',
      `${what}: use tagship plan or tagship publish (see tagship --help)`
    )
  } catch (error) {
    const message = cliText(wordsOf(error))
    io.stderr(`tagship: ${message}\n`)
    return isInputError(error) ? EXIT.invalid : EXIT.failure
  }
}
