import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { buildScratchImage } from '../../__fixtures__/services/docker-cli.js'
import { ensureDocker } from '../../__fixtures__/services/dockerd.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { postStateEnv, runBundled, type ActionRun } from './run-action.js'

/**
 * The bundled action as the runner runs it (main, then post) publishes a
 * local image to three targets on two registries (htpasswd and token auth);
 * its outputs must say exactly what skopeo then finds there.
 */
const alice = { username: 'alice', password: 'e2e-publish-alice-secret' }
const cleanup = new Cleanup()
let basic: Registry
let token: Registry
let files: RunnerFiles
let main: ActionRun
let post: ActionRun
let targets: string[]

beforeAll(async () => {
  const daemon = await ensureDocker()
  cleanup.add(daemon.stop)
  basic = await startRegistry({ auth: 'htpasswd', users: [alice] })
  cleanup.add(basic.stop)
  token = await startRegistry({ auth: 'token', users: [alice] })
  cleanup.add(token.stop)
  const image = await buildScratchImage(daemon, 'tagship-e2e/publish:build', {
    'hello.txt': 'published by the bundled action\n'
  })
  targets = [`${basic.host}/team/app`, `${basic.host}/team/mirror`, `${token.host}/acme/app`]
  files = runnerFiles()
  cleanup.add(() => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-logs-'))
  cleanup.add(() => rmSync(logs, { recursive: true, force: true }))
  const out = (step: string) => ({
    stdoutPath: join(logs, `${step}.stdout`),
    stderrPath: join(logs, `${step}.stderr`)
  })
  const env = {
    PATH: process.env.PATH ?? '',
    ...runnerFixture('tag-stable').env,
    ...files.env,
    ...daemon.env,
    ...inputEnv({
      source: image,
      images: targets.join('\n'),
      strategies: 'semver, latest',
      'registry-auth': [basic, token]
        .map((r) => `- registry: ${r.host}\n  username: alice\n  password: ${alice.password}\n`)
        .join('')
    })
  }
  main = await runBundled('main', env, files, out('main'))
  post = await runBundled('post', { ...env, ...postStateEnv(files) }, files, out('post'))
}, 120_000)

afterAll(() => cleanup.run(), 30_000)

const TAGS = ['1.2.3', '1.2', '1', 'latest']

test('main and post succeed', () => {
  expect({ main: main.status, post: post.status, stderr: main.stderr }).toEqual({
    main: 0,
    post: 0,
    stderr: ''
  })
})

test('the digest and tags outputs are what skopeo finds in the registries', async () => {
  const outputs = files.outputs()
  expect(outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
  expect(outputs.tags!.split('\n')).toEqual(
    targets.flatMap((t) => TAGS.map((tag) => `${t}:${tag}`))
  )
  for (const reference of outputs.tags!.split('\n'))
    expect(await inspectDigest(reference, { creds: alice })).toBe(outputs.digest)
})

test('the json output gives every tag its result', () => {
  const json = JSON.parse(files.outputs().json!) as {
    digest: string
    targets: { repository: string; tags: { tag: string; result: string }[] }[]
  }
  expect(json.digest).toBe(files.outputs().digest)
  expect(
    json.targets.map((t) => ({
      repository: t.repository,
      tags: t.tags.map((x) => `${x.tag} ${x.result}`)
    }))
  ).toEqual(targets.map((repository) => ({ repository, tags: TAGS.map((t) => `${t} pushed`) })))
})

test('the log shows one docker push per repository and the result of every tag', () => {
  const pushes = main.stdout.split('\n').filter((l) => /^The push refers to repository/.test(l))
  expect(pushes).toEqual(targets.map((t) => `The push refers to repository [${t}]`))
})
