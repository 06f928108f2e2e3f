import { spawn } from 'node:child_process'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionNode } from './action-node.js'
import { parseFileCommand, type RunnerFiles } from './file-commands.js'
import { FIXTURES_DIR } from './runner.js'
import { watchProcessTree } from './services/process-watch.js'

/**
 * The repository's own bundle: next to the fixtures, or, for a script run from
 * a transpiled copy (scripts/run-ts.mjs), in the folder it runs in.
 */
export const DIST = existsSync(join(FIXTURES_DIR, '..', 'package.json'))
  ? join(FIXTURES_DIR, '..', 'dist')
  : join(process.cwd(), 'dist')

export interface StepRun {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
  /** Every command line seen in the step's process tree while it ran (when watched). */
  readonly cmdlines: readonly (readonly string[])[]
  readonly samples: number
}

/**
 * The one way tests run a step of the bundled action as the runner does:
 * `node <dist>/<entry>/index.js` on actionNode() (Node 24 in CI), INPUT_* and
 * the file commands in `env`, the workspace as its folder; asynchronously, so
 * fixtures in this process keep answering. stdout and stderr go to files
 * (writes to a file are synchronous in Node: a fixture reading `stdoutPath`
 * while a request is in flight sees every line printed before it). With
 * `watch`, the process tree's command lines are sampled (leak tests).
 */
export async function runActionStep(
  entry: 'main' | 'post',
  env: Record<string, string>,
  files: RunnerFiles,
  out: { readonly stdoutPath: string; readonly stderrPath: string },
  options: { readonly dist?: string; readonly watch?: boolean } = {}
): Promise<StepRun> {
  const stdout = openSync(out.stdoutPath, 'w')
  const stderr = openSync(out.stderrPath, 'w')
  let child
  try {
    child = spawn(actionNode(), [entryFile(entry, options.dist)], {
      cwd: files.dir,
      env,
      stdio: ['ignore', stdout, stderr]
    })
  } finally {
    closeSync(stdout)
    closeSync(stderr)
  }
  const watch = options.watch ? watchProcessTree(child.pid!) : undefined
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => resolve(code))
  })
  const { cmdlines, samples } = watch?.stop() ?? { cmdlines: [], samples: 0 }
  return {
    status,
    stdout: readFileSync(out.stdoutPath, 'utf8'),
    stderr: readFileSync(out.stderrPath, 'utf8'),
    cmdlines,
    samples
  }
}

/** The entry file of a step of the bundle: `<dist>/main/index.js`. */
export function entryFile(entry: 'main' | 'post', dist: string = DIST): string {
  return join(dist, entry, 'index.js')
}

/** What the runner gives the post step: `STATE_<name>` for every value main saved. */
export function stateEnv(state: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]))
}

/**
 * A whole action run as the runner does it, for the sample and the bench as
 * for tests: `main`, then `post` with what main saved (GITHUB_STATE as
 * STATE_*), then the outputs main wrote. `step` runs one entry its own way
 * (timed, with live output, or to files) on actionNode().
 */
export async function mainThenPost<R>(
  env: Record<string, string>,
  step: (entry: 'main' | 'post', env: Record<string, string>) => Promise<R>
): Promise<{ main: R; post: R; outputs: Record<string, string> }> {
  const main = await step('main', env)
  const state = parseFileCommand(readFileSync(env.GITHUB_STATE!, 'utf8'))
  const post = await step('post', { ...env, ...stateEnv(state) })
  const outputs = parseFileCommand(readFileSync(env.GITHUB_OUTPUT!, 'utf8'))
  return { main, post, outputs }
}
