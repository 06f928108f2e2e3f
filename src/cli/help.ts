import { STRATEGIES } from '../tags/strategies/index.js'
import type { InputSpec } from '../inputs/spec.js'
import { CLI_INPUTS } from './args.js'

export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const

const WIDTH = 78
const COLUMN = 36

/** Fill `text` to WIDTH, continuing lines at `indent` (a long word keeps its own line). */
function wrap(text: string, indent: number): string {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && indent + line.length + 1 + word.length > WIDTH) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  lines.push(line)
  return lines.join(`\n${' '.repeat(indent)}`)
}

/** One row of a two-column list; a name too wide for its column gets a line to itself. */
export function row(name: string, text: string, column = COLUMN): string {
  const head = `  ${name}`
  const body = wrap(text, column)
  return head.length + 2 <= column
    ? `${head.padEnd(column)}${body}`
    : `${head}\n${' '.repeat(column)}${body}`
}

export const EVENT_FLAGS: readonly [string, string][] = [
  ['--event <name>', 'GitHub event name (default: push, or pull_request with --pr-number)'],
  ['--ref <ref>', 'full git ref: refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge'],
  ['--sha <sha>', 'the commit, 40 lowercase hex digits'],
  [
    '--default-branch <name>',
    "the repository's default branch (for dev, latest-on-default-branch, type=edge and {{is_default_branch}})"
  ],
  ['--pr-number <n>', 'pull request number'],
  ['--pr-head-sha <sha>', 'pull request head commit (tagged by sha instead of the merge commit)'],
  ['--pr-head-ref <branch>', 'pull request source branch'],
  ['--pr-base-ref <branch>', 'pull request target branch ({{base_ref}})'],
  ['--commit-time <iso date>', 'commit time ({{commit_date}})'],
  ['--now <iso date>', 'the time of the run (created label, dated tags); default: now']
]

export const ENVIRONMENT: readonly [string, string][] = [
  [
    'GitHub Actions',
    'GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA, GITHUB_REPOSITORY and the event payload at GITHUB_EVENT_PATH'
  ],
  [
    'GitLab CI',
    'when GITLAB_CI=true: CI_COMMIT_TAG, CI_COMMIT_BRANCH, CI_COMMIT_SHA, CI_DEFAULT_BRANCH, CI_MERGE_REQUEST_IID (a pull request), CI_MERGE_REQUEST_SOURCE_BRANCH_SHA, CI_PIPELINE_SOURCE=schedule (a schedule), CI_COMMIT_TIMESTAMP, CI_PROJECT_NAME, CI_PROJECT_URL'
  ],
  ['elsewhere', 'the flags alone: give at least --ref and --sha']
]

/** Where an input means something else for tagship plan, which never pushes. */
const CLI_DESCRIPTIONS: Readonly<Record<string, string>> = {
  source:
    'The built image (name:tag, image ID, host/repo:tag, host/repo@sha256:..., oci-archive:PATH, oci:DIR or docker-archive:PATH), checked and shown in the plan.'
}

const EXIT_CODES: readonly [string, string][] = [
  [`${EXIT.ok}`, 'the plan was computed, or every tag landed (or help or the version was printed)'],
  [`${EXIT.failure}`, 'tagship publish did not land every tag, or an unexpected failure'],
  [
    `${EXIT.invalid}`,
    'invalid input or usage: one line on stderr names the input, the value and the fix'
  ]
]

/** One row per input flag, with its default. */
export function inputRows(
  inputs: readonly InputSpec[],
  descriptions: Readonly<Record<string, string>> = {}
): string[] {
  return inputs.map((i) => {
    const alias = i.name === 'images' ? ', --image' : i.name === 'platforms' ? ', --platform' : ''
    const flag = `--${i.name}${alias} <value>`
    const text = descriptions[i.name] ?? i.description
    return row(flag, text + (i.default !== undefined ? ` (default: ${i.default})` : ''))
  })
}

export function helpText(): string {
  const inputFlags = inputRows(CLI_INPUTS, CLI_DESCRIPTIONS)
  const strategies = STRATEGIES.map((s) => row(s.name, s.summary, 12))
  return `tagship: compute the docker image tags a git event deserves, for every target.

Usage:
  tagship plan [flags]      print the tags for an event, for every target
  tagship publish [flags]   log in, push one image under every tag, verify
                            (see tagship publish --help)
  tagship --help | --version

tagship plan computes, validates and prints the plan; it never logs in or pushes.

Examples:
  tagship plan --ref refs/tags/v1.2.3 --sha "$(git rev-parse HEAD)" \\
    --image docker.io/acme/app --image ghcr.io/acme/app
  tagship plan --pr-number 7 --sha <merge sha> --pr-head-sha <head sha> \\
    --image ghcr.io/acme/app --json
  tagship plan --ref refs/tags/v2.0.0 --sha <sha> --image acme/app \\
    --tags 'type=semver,pattern={{version}}' --tags 'type=sha'

Event (flags win over the environment):
${EVENT_FLAGS.map(([flag, text]) => row(flag, text)).join('\n')}

Environment read for the event:
${ENVIRONMENT.map(([name, text]) => row(name, text, 18)).join('\n')}

Tags and targets (the action's inputs; --image, --images, --tags, --flavor,
--strategies, --staging-branches and --raw-tags may be repeated):
${inputFlags.join('\n')}

Output:
${row('--json', "print the plan as JSON (the action's json output)")}

Strategies:
${strategies.join('\n')}

Exit codes:
${EXIT_CODES.map(([code, text]) => row(code, text, 5)).join('\n')}
`
}
