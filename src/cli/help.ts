import { INPUTS } from '../inputs/spec.js'
import { STRATEGIES } from '../tags/strategies/index.js'

export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const

const wrap = (text: string, indent: number, width = 78): string => {
  const words = text.split(' ')
  const lines: string[] = []
  let line = ''
  for (const word of words) {
    if (line !== '' && indent + line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  lines.push(line)
  return lines.join(`\n${' '.repeat(indent)}`)
}

export function helpText(): string {
  const inputFlags = INPUTS.filter((i) => i.name !== 'push').map((i) => {
    const flag = `--${i.name}${i.name === 'images' ? ', --image' : ''} <value>`
    const dflt = i.default !== undefined ? ` (default: ${i.default})` : ''
    return `  ${flag.padEnd(34)}${wrap(i.description + dflt, 36)}`
  })
  const strategies = STRATEGIES.map((s) => `  ${s.name.padEnd(10)}${wrap(s.summary, 12)}`)
  return `tagship: compute the tags a build deserves and publish one image to every registry.

Usage:
  tagship plan [flags]      print the tags for an event, for every target
  tagship --help | --version

Examples:
  tagship plan --ref refs/tags/v1.2.3 --sha 0123456789abcdef0123456789abcdef01234567 \\
    --image docker.io/acme/app
  tagship plan --event pull_request --pr-number 7 --sha <sha> --image ghcr.io/acme/app --json
  tagship plan --tags 'type=semver,pattern={{version}}' --ref refs/tags/v2.0.0 --sha <sha> \\
    --image acme/app

Event (flags win over the environment; GitHub Actions' GITHUB_* variables and
event payload are read when present, else GitLab CI's CI_COMMIT_TAG,
CI_COMMIT_BRANCH, CI_COMMIT_SHA, CI_DEFAULT_BRANCH, CI_MERGE_REQUEST_IID, ...):
  --event <name>                    GitHub event name (default: push, or pull_request with --pr-number)
  --ref <ref>                       full git ref: refs/heads/main, refs/tags/v1.2.3, refs/pull/7/merge
  --sha <sha>                       the commit, 40 hex digits
  --default-branch <name>           the repository's default branch (for dev, edge, {{is_default_branch}})
  --pr-number <n>                   pull request number
  --pr-head-sha <sha>               pull request head commit (tagged by sha instead of the merge commit)
  --pr-head-ref <branch>            pull request source branch
  --pr-base-ref <branch>            pull request target branch ({{base_ref}})
  --commit-time <iso date>          commit time ({{commit_date}})
  --now <iso date>                  the time of the run (created label, dated tags); default: now

Tags and targets (the same names as the action's inputs; repeat --image, --tags):
${inputFlags.join('\n')}

Output:
  --json                            print the plan as JSON (the action's json output)

Strategies:
${strategies.join('\n')}

Exit codes:
  0  the plan was computed
  1  an unexpected failure
  2  invalid input or usage: one line on stderr names the input, the value and the fix
`
}
