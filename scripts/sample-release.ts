// The README's main-job command (`npm run sample`): a sample release of a
// tiny image, end to end. It builds the image FROM scratch in a Docker daemon
// (started on its own socket when none answers), starts a local registry with
// a password, runs the bundled action exactly as a runner would (main, then
// post) for the tag v1.2.3, and shows the plan, the per-tag results, the
// outputs, the job summary and what the registry holds. A second run of the
// same release follows: it must write nothing.
import { actionNode } from '../__fixtures__/action-node.js'
import { entryFile, mainThenPost } from '../__fixtures__/action-runner.js'
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildScratchImage } from '../__fixtures__/services/docker-cli.js'
import { ensureDocker } from '../__fixtures__/services/dockerd.js'
import { startRegistry, type Registry } from '../__fixtures__/services/registry.js'
import { inspectDigest } from '../__fixtures__/services/skopeo.js'

const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'
const user = { username: 'sample', password: `sample-${process.pid}-${Date.now()}` }

async function main(): Promise<void> {
  const daemon = await ensureDocker()
  let registry: Registry | undefined
  const dir = mkdtempSync(join(tmpdir(), 'tagship-sample-'))
  try {
    registry = await startRegistry({ auth: 'htpasswd', users: [user] })
    const image = await buildScratchImage(daemon, 'tagship-sample:build', {
      'hello.txt': 'hello from the tagship sample release\n'
    })
    const images = [`${registry.host}/acme/app`, `${registry.host}/acme/mirror`]
    console.log(`docker daemon: ${daemon.env.DOCKER_HOST ?? 'default socket'}`)
    console.log(`registry:      ${registry.host} (htpasswd: user ${user.username})`)
    console.log(`built image:   ${image} (FROM scratch, one file)`)
    const runs = ['first run', 'second run of the same release: it must write nothing']
    let outputs: Record<string, string> = {}
    for (const [i, title] of runs.entries()) {
      registry.clearRequests()
      console.log(`\n=== ${title} ===`)
      outputs = await runAction(dir, { ...daemon.env }, image, images, registry.host)
      const requests = registry.requests()
      const writes = requests.filter((r) => ['PUT', 'POST', 'PATCH', 'DELETE'].includes(r.method))
      console.log('\n--- outputs ---')
      for (const name of ['version', 'digest', 'tags']) console.log(`${name}: ${outputs[name]}`)
      console.log(
        `\n--- the registry saw ${requests.length} requests, ${writes.length} of them writes ---`
      )
      if (i === 0) {
        console.log('\n--- GITHUB_STEP_SUMMARY ---')
        console.log(readFileSync(join(dir, 'summary.md'), 'utf8').trimEnd())
      } else if (writes.length > 0) {
        throw new Error(`the second run wrote ${writes.length} times; it must write nothing`)
      }
    }
    console.log('\n--- what the registry holds (skopeo inspect, an independent client) ---')
    for (const ref of (outputs.tags ?? '').split('\n')) {
      const digest = await inspectDigest(ref, { creds: user })
      console.log(
        `${ref}  ${digest}${digest === outputs.digest ? '' : '  <- NOT the digest output'}`
      )
      if (digest !== outputs.digest) throw new Error(`${ref} is not at ${outputs.digest}`)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
    await registry?.stop()
    await daemon.stop()
  }
}

async function runAction(
  dir: string,
  dockerEnv: Record<string, string>,
  image: string,
  images: string[],
  host: string
): Promise<Record<string, string>> {
  const file = (name: string, text = ''): string => {
    writeFileSync(join(dir, name), text)
    return join(dir, name)
  }
  const payload = {
    ref: 'refs/tags/v1.2.3',
    head_commit: { id: SHA, timestamp: '2026-11-20T10:11:12Z' },
    repository: { name: 'app', default_branch: 'main', html_url: 'https://github.com/acme/app' }
  }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...dockerEnv,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_SHA: SHA,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_EVENT_PATH: file('event.json', JSON.stringify(payload)),
    GITHUB_OUTPUT: file('output'),
    GITHUB_STATE: file('state'),
    GITHUB_STEP_SUMMARY: file('summary.md'),
    RUNNER_TEMP: dir,
    INPUT_SOURCE: image,
    INPUT_IMAGES: images.join('\n'),
    INPUT_PUSH: 'true',
    INPUT_LOGOUT: 'true',
    'INPUT_REGISTRY-AUTH': `- registry: ${host}\n  username: ${user.username}\n  password: ${user.password}\n`
  }
  console.log(
    `$ INPUT_SOURCE=${image.slice(0, 19)}… INPUT_IMAGES='${images.join(' ')}' node dist/main/index.js`
  )
  // Asynchronously: the registry's recording proxy runs in this process.
  const run = await mainThenPost(env, runStep)
  if (run.main !== 0) throw new Error(`the action's main step failed (exit ${run.main})`)
  if (run.post !== 0) throw new Error(`the action's post step failed (exit ${run.post})`)
  return run.outputs
}

function runStep(entry: 'main' | 'post', env: Record<string, string>): Promise<number | null> {
  const child = spawn(actionNode(), [entryFile(entry)], {
    env,
    stdio: 'inherit'
  })
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', resolve)
  })
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
