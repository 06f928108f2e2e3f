// The README's main-job command: run the bundled action exactly as a runner
// would, for a sample release event (tag v1.2.3 pushed to acme/app), with
// push: false, then print what it wrote to its outputs and job summary.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'tagship-sample-'))
const file = (name, text = '') => {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}
const sha = '860c1904a1ce19322e91ac35af1ab07466440c37'
const payload = {
  ref: 'refs/tags/v1.2.3',
  head_commit: { id: sha, timestamp: '2026-11-20T10:11:12Z' },
  repository: {
    name: 'app',
    default_branch: 'main',
    description: 'The Acme app',
    html_url: 'https://github.com/acme/app',
    license: { spdx_id: 'MIT' }
  }
}
const env = {
  PATH: process.env.PATH,
  GITHUB_ACTIONS: 'true',
  GITHUB_EVENT_NAME: 'push',
  GITHUB_REF: 'refs/tags/v1.2.3',
  GITHUB_SHA: sha,
  GITHUB_REPOSITORY: 'acme/app',
  GITHUB_EVENT_PATH: file('event.json', JSON.stringify(payload)),
  GITHUB_OUTPUT: file('output'),
  GITHUB_STATE: file('state'),
  GITHUB_STEP_SUMMARY: file('summary.md'),
  RUNNER_TEMP: dir,
  INPUT_IMAGES: 'docker.io/acme/app\nghcr.io/acme/app',
  INPUT_PUSH: 'false',
  INPUT_SOURCE: 'acme/app:build'
}
try {
  console.log('$ GITHUB_REF=refs/tags/v1.2.3 INPUT_PUSH=false node dist/main/index.js\n')
  for (const entry of ['main', 'post']) {
    const run = spawnSync(process.execPath, [join('dist', entry, 'index.js')], {
      env,
      stdio: 'inherit'
    })
    if (run.status !== 0) process.exit(run.status ?? 1)
  }
  console.log('\n--- outputs (GITHUB_OUTPUT) ---')
  const text = readFileSync(env.GITHUB_OUTPUT, 'utf8')
  for (const [, name, delimiter] of text.matchAll(/^([\w-]+)<<(.+)$/gm)) {
    const start = text.indexOf(`${name}<<${delimiter}\n`) + name.length + delimiter.length + 3
    const value = text.slice(start, text.indexOf(`\n${delimiter}`, start))
    const shown = name === 'json' ? `(${value.length} characters of JSON)` : value
    console.log(
      `${name}:${shown.includes('\n') ? '\n  ' + shown.split('\n').join('\n  ') : ' ' + shown}`
    )
  }
  console.log('\n--- GITHUB_STEP_SUMMARY ---')
  console.log(readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8').trimEnd())
} finally {
  rmSync(dir, { recursive: true, force: true })
}
