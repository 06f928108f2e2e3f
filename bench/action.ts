import { actionNode } from '../__fixtures__/action-node.js'
import { entryFile, mainThenPost } from '../__fixtures__/action-runner.js'
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { runTimed } from './proc.js'
import type { Creds } from './registries.js'

const ROOT = process.cwd()
export const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'

/** Registry mode must not need a daemon: this socket does not exist. */
export const NO_DAEMON = 'unix:///nonexistent/tagship-bench-no-daemon.sock'

/**
 * Copy the bundled action aside, so a rebuild of dist/ during the bench cannot
 * change what is measured. Returns the copy's folder.
 */
export function snapshotAction(work: string): string {
  const dir = join(work, 'dist')
  for (const entry of ['main', 'post']) {
    const from = join(ROOT, 'dist', entry)
    if (!existsSync(join(from, 'index.js'))) throw new Error(`no ${from}/index.js: npm run build`)
    cpSync(from, join(dir, entry), { recursive: true })
  }
  return dir
}

export interface ActionRun {
  /** From the start of main to the exit of post. */
  readonly ms: number
  readonly mainMs: number
  readonly postMs: number
  /** The larger peak RSS of the two steps, KiB. */
  readonly maxRssKb: number
  readonly outputs: Record<string, string>
}

export interface ActionInputs {
  readonly images: readonly string[]
  readonly source?: string
  readonly push?: boolean
  /** Raw tags instead of the default strategies (which give 1.2.3, 1.2, 1, sha-860c190, latest). */
  readonly rawTags?: readonly string[]
  readonly registries: readonly string[]
  readonly creds: Creds
  readonly dockerHost: string
}

/** The bundled action as a runner runs it for a published release v1.2.3: main, then post. */
export async function runAction(
  actionDir: string,
  work: string,
  inputs: ActionInputs
): Promise<ActionRun> {
  const dir = mkdtempSync(join(work, 'action-'))
  const file = (name: string, text = ''): string => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }
  const payload = {
    action: 'published',
    release: { tag_name: 'v1.2.3', prerelease: false },
    repository: { name: 'app', full_name: 'acme/app', default_branch: 'main' }
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DOCKER_HOST: inputs.dockerHost,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'release',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_EVENT_PATH: file('event.json', JSON.stringify(payload)),
    GITHUB_OUTPUT: file('output'),
    GITHUB_STATE: file('state'),
    GITHUB_STEP_SUMMARY: file('summary.md'),
    GITHUB_ENV: file('env'),
    GITHUB_PATH: file('path'),
    RUNNER_TEMP: dir,
    // For profiling a step: TAGSHIP_BENCH_NODE_OPTIONS='--cpu-prof --cpu-prof-dir=/tmp/prof'.
    ...(process.env.TAGSHIP_BENCH_NODE_OPTIONS
      ? { NODE_OPTIONS: process.env.TAGSHIP_BENCH_NODE_OPTIONS }
      : {}),
    ...actionDefaults(),
    INPUT_IMAGES: inputs.images.join('\n'),
    INPUT_PUSH: inputs.push === false ? 'false' : 'true',
    ...(inputs.source ? { INPUT_SOURCE: inputs.source } : {}),
    ...(inputs.rawTags
      ? { INPUT_STRATEGIES: 'raw', 'INPUT_RAW-TAGS': inputs.rawTags.join(',') }
      : {}),
    'INPUT_REGISTRY-AUTH': inputs.registries
      .map(
        (r) =>
          `- registry: ${r}\n  username: ${inputs.creds.username}\n  password: ${inputs.creds.password}\n`
      )
      .join('')
  }
  const run = await mainThenPost(env, (entry, stepEnv) => step(actionDir, dir, entry, stepEnv))
  return {
    ms: run.main.ms + run.post.ms,
    mainMs: run.main.ms,
    postMs: run.post.ms,
    maxRssKb: Math.max(run.main.maxRssKb, run.post.maxRssKb),
    outputs: run.outputs
  }
}

async function step(actionDir: string, dir: string, entry: string, env: Record<string, string>) {
  const result = await runTimed(actionNode(), [entryFile(entry as 'main' | 'post', actionDir)], {
    env,
    cwd: dir,
    scratchDir: dir
  })
  if (result.code !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n')
    throw new Error(`the action's ${entry} step failed (exit ${result.code}):\n${tail}`)
  }
  return result
}

/** What a runner sets for every input with a default in action.yml. */
function actionDefaults(): Record<string, string> {
  const spec = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>
  }
  return Object.fromEntries(
    Object.entries(spec.inputs).flatMap(([name, input]) =>
      input.default === undefined ? [] : [[`INPUT_${name.toUpperCase()}`, input.default]]
    )
  )
}

/** The per-tag results the action reported (`pushed`, `already there`, …), by reference. */
export function tagResults(outputs: Record<string, string>): Map<string, string> {
  const json = JSON.parse(outputs.json ?? '{}') as {
    targets?: { tags: { reference: string; result: string }[] }[]
  }
  return new Map((json.targets ?? []).flatMap((t) => t.tags.map((x) => [x.reference, x.result])))
}

/** Fail unless the action reported every one of `refs` with result `want` and the digest. */
export function expectResults(
  run: ActionRun,
  refs: readonly string[],
  want: string,
  digest: string
): void {
  const results = tagResults(run.outputs)
  const wrong = refs.filter((r) => results.get(r) !== want)
  if (wrong.length > 0 || results.size !== refs.length) {
    throw new Error(
      `tagship: expected ${refs.length} tags ${want}, got ${JSON.stringify([...results])}`
    )
  }
  if (run.outputs.digest !== digest) {
    throw new Error(`tagship: digest output ${run.outputs.digest}, expected ${digest}`)
  }
}
