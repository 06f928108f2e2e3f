import { spawn } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { actionNode } from './action-node.js'
import type { RunnerFiles } from './file-commands.js'
import { FIXTURES_DIR } from './runner.js'
import { watchProcessTree } from './services/process-watch.js'

/** The repository's own bundle. */
export const DIST = join(FIXTURES_DIR, '..', 'dist')

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
    child = spawn(actionNode(), [join(options.dist ?? DIST, entry, 'index.js')], {
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
