import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { writesOf } from '../../__fixtures__/publish.js'
import { runnerFixture } from '../../__fixtures__/runner.js'
import { emptyAwsHome, startAwsFixture, type AwsFixture } from '../../__fixtures__/services/aws.js'
import { startEcrRegistry, type EcrRegistry } from '../../__fixtures__/services/ecr-registry.js'
import type { SeededManifest } from '../../__fixtures__/services/oci-seed.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { blobBytes, namedImage, published, short } from './preview-world.js'
import { groups, runBundled, shownLines, type ActionRun } from './run-action.js'

/**
 * `push: preview` with the bundled action, as the runner runs it, against
 * the real registries of the test services: an htpasswd registry (Basic)
 * holding the source, a token registry (Bearer, whose token service may
 * grant pull only) and the ECR fixture (immutable tags) behind the AWS
 * fixture. Each target holds an older release, pushed with plain fetch. The
 * preview must report every tag exactly, write nothing on any registry, and
 * fail the step only when a tag is blocked.
 */
const alice = { username: 'alice', password: 'e2e-preview-alice-secret' }
const reader = { username: 'reader', password: 'e2e-preview-reader-secret', actions: ['pull'] }
const KEY = 'AKIAFIXTUREKEY000151'
const SECRET = 'fixture/secret/key+0000000000000000000151'
const ECR_PASSWORD = 'e2e-preview-ecr-password'
const ACCOUNT = '123456789012'
const REGION = 'eu-west-1'
const TAGS = ['1.2.3', '1.2', '1', 'latest']
const cleanup = new Cleanup()
let basic: Registry
let token: Registry
let aws: AwsFixture
let ecr: EcrRegistry
let awsHome: ReturnType<typeof emptyAwsHome>
/** The image the preview is of (release 1.2.3), in the source repository. */
let next: SeededManifest

beforeAll(async () => {
  basic = await startRegistry({ auth: 'htpasswd', users: [alice] })
  cleanup.add(basic.stop)
  token = await startRegistry({ auth: 'token', users: [alice, reader] })
  cleanup.add(token.stop)
  aws = await startAwsFixture({ keys: { [KEY]: SECRET }, password: ECR_PASSWORD, account: ACCOUNT })
  cleanup.add(aws.stop)
  ecr = await startEcrRegistry({ aws })
  cleanup.add(ecr.stop)
  awsHome = emptyAwsHome()
  cleanup.add(() => awsHome.remove())
  next = await namedImage({ url: basic.url, creds: alice }, 'src/app', '1.2.3')
}, 120_000)

afterAll(() => cleanup.run(), 30_000)

interface Run {
  readonly files: RunnerFiles
  readonly main: ActionRun
}

/** The bundled main step with push: preview, on the release v1.2.3 (the tag-stable runner fixture). */
async function previewStep(targets: string[], tokenUser: typeof alice): Promise<Run> {
  const files = runnerFiles()
  cleanup.add(() => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-preview-'))
  cleanup.add(() => rmSync(logs, { recursive: true, force: true }))
  const auth = (r: Registry, u: typeof alice) =>
    `- registry: ${r.host}\n  username: ${u.username}\n  password: ${u.password}\n`
  const env = {
    PATH: process.env.PATH ?? '',
    ...runnerFixture('tag-stable').env,
    ...files.env,
    ...aws.env,
    ...awsHome.env,
    ...inputEnv({
      push: 'preview',
      source: `${basic.host}/src/app@${next.digest}`,
      images: targets.join('\n'),
      strategies: 'semver, latest',
      'registry-auth': auth(basic, alice) + auth(token, tokenUser),
      'registry-providers': `${ecr.host}=ecr:${ACCOUNT}:${REGION}`,
      'aws-access-key-id': KEY,
      'aws-secret-access-key': SECRET
    })
  }
  basic.clearRequests()
  token.clearRequests()
  ecr.clearRequests()
  const main = await runBundled('main', env, files, {
    stdoutPath: join(logs, 'main.stdout'),
    stderrPath: join(logs, 'main.stderr')
  })
  return { files, main }
}

/** Nothing written: every registry was read, none got a PUT, PATCH, POST or DELETE. */
function expectNoWrites(): void {
  expect(basic.requests().length).toBeGreaterThan(0)
  expect(token.requests().length).toBeGreaterThan(0)
  expect({
    basic: writesOf(basic.requests()),
    token: writesOf(token.requests()),
    ecr: writesOf(ecr.requests())
  }).toEqual({ basic: [], token: [], ecr: [] })
  expect(aws.calls('ecr:CreateRepository')).toBe(0)
}

const BASIC =
  'unknown (the registry takes Basic credentials (or none), which do not say what they may write)'
const granted = (path: string) => `granted (the registry's token grants pull, push on ${path})`
const mounted = (n: number) =>
  `blobs: 0 to upload (0 B), ${n} to mount, 0 already there; manifests: 0 to write, 0 already there`
const uploaded = (n: number, bytes: number) =>
  `blobs: ${n} to upload (${bytes} B), 0 to mount, 0 already there; manifests: 0 to write, 0 already there`
const reasons = (tag: string) =>
  tag === 'latest' ? ['latest: stable release v1.2.3'] : ['semver: release v1.2.3']

describe('an older release on Basic and Bearer registries, and a hotfix that would keep latest', () => {
  let run: Run
  let v100: SeededManifest
  let v110: SeededManifest
  let v200: SeededManifest
  let targets: string[]
  beforeAll(async () => {
    targets = [`${basic.host}/team/app`, `${token.host}/acme/app`, `${token.host}/acme/hotfix`]
    for (const [registry, repo] of [
      [basic, 'team/app'],
      [token, 'acme/app']
    ] as const) {
      const at = { url: registry.url, creds: alice }
      v100 = await published(at, repo, '1.0.0', ['1.0.0', '1.0', '1', 'latest'])
      v110 = await published(at, repo, '1.1.0', ['1.1.0', '1.1', '1', 'latest'])
    }
    v200 = await published({ url: token.url, creds: alice }, 'acme/hotfix', '2.0.0', [
      '2.0.0',
      '2.0',
      '2',
      'latest'
    ])
    run = await previewStep(targets, alice)
  }, 120_000)

  test('the step succeeds and writes nothing anywhere', () => {
    expect({ status: run.main.status, stderr: run.main.stderr }).toEqual({ status: 0, stderr: '' })
    expect(shownLines(run.main.stdout).filter((l) => l.startsWith('::error::'))).toEqual([])
    expect(v100.digest).not.toBe(v110.digest)
    expectNoWrites()
  })

  test('the Preview log group is the table, exactly', () => {
    const [b, c, d] = [v110, next, v200].map((m) => short(m.digest))
    expect(groups(run.main.stdout).get('Preview')).toEqual([
      'preview: nothing was written',
      `digest: ${next.digest}`,
      `registry ${basic.host}`,
      '  team/app',
      `    push: ${BASIC}`,
      `    content: ${mounted(2)}`,
      '  TAG              ACTION  FROM                 TO                   WHY',
      `  team/app:1.2.3   create  -                    ${c}`,
      `  team/app:1.2     create  -                    ${c}`,
      `  team/app:1       update  ${b}  ${c}`,
      `  team/app:latest  update  ${b}  ${c}`,
      `registry ${token.host}`,
      '  acme/app',
      `    push: ${granted('acme/app')}`,
      `    content: ${uploaded(2, blobBytes(next))}`,
      '  acme/hotfix',
      `    push: ${granted('acme/hotfix')}`,
      `    content: ${mounted(2)}`,
      '  TAG                 ACTION  FROM                 TO                   WHY',
      `  acme/app:1.2.3      create  -                    ${c}`,
      `  acme/app:1.2        create  -                    ${c}`,
      `  acme/app:1          update  ${b}  ${c}`,
      `  acme/app:latest     update  ${b}  ${c}`,
      `  acme/hotfix:1.2.3   create  -                    ${c}`,
      `  acme/hotfix:1.2     create  -                    ${c}`,
      `  acme/hotfix:1       create  -                    ${c}`,
      `  acme/hotfix:latest  kept    ${d}  ${c}  newer version 2.0.0 holds it`,
      '12 tags on 3 targets: 7 create, 4 update, 1 kept'
    ])
  })

  test('the job summary: one table per registry', () => {
    const [b, c, d] = [v110, next, v200].map((m) => `\`${short(m.digest)}\``)
    const create = (tag: string) => `| \`${tag}\` | create |  | ${c} |  |`
    const update = (tag: string) => `| \`${tag}\` | update | ${b} | ${c} |  |`
    expect(run.files.summary()).toBe(
      [
        '## tagship preview: 1.2.3',
        '',
        'Preview (`push: preview`): every registry was read, and nothing was written.',
        '',
        `Source: \`${basic.host}/src/app@${next.digest}\``,
        '',
        `Digest: \`${next.digest}\``,
        '',
        `### \`${basic.host}\``,
        '',
        `- \`team/app\`: push: ${BASIC}; content: ${mounted(2)}`,
        '',
        '| Tag | Action | From | To | Why |',
        '| --- | --- | --- | --- | --- |',
        create('team/app:1.2.3'),
        create('team/app:1.2'),
        update('team/app:1'),
        update('team/app:latest'),
        '',
        `### \`${token.host}\``,
        '',
        `- \`acme/app\`: push: ${granted('acme/app')}; content: ${uploaded(2, blobBytes(next))}`,
        `- \`acme/hotfix\`: push: ${granted('acme/hotfix')}; content: ${mounted(2)}`,
        '',
        '| Tag | Action | From | To | Why |',
        '| --- | --- | --- | --- | --- |',
        create('acme/app:1.2.3'),
        create('acme/app:1.2'),
        update('acme/app:1'),
        update('acme/app:latest'),
        create('acme/hotfix:1.2.3'),
        create('acme/hotfix:1.2'),
        create('acme/hotfix:1'),
        `| \`acme/hotfix:latest\` | kept | ${d} | ${c} | newer version 2.0.0 holds it |`,
        '',
        '**12 tags on 3 targets: 7 create, 4 update, 1 kept**',
        ''
      ].join('\n')
    )
  })

  test('the outputs: nothing published, the digest the tags would point at, json per tag', () => {
    const outputs = run.files.outputs()
    expect([outputs.tags, outputs['tag-names'], outputs.digest, outputs.version]).toEqual([
      '',
      '',
      next.digest,
      '1.2.3'
    ])
    const json = JSON.parse(outputs.json!) as {
      push: boolean
      preview: boolean
      tags: string[]
      digest: string
      targets: { repository: string; tags: Record<string, unknown>[] }[]
    }
    expect([json.push, json.preview, json.tags, json.digest]).toEqual([true, true, [], next.digest])
    const olderRelease = (repository: string) =>
      TAGS.map((tag) => ({
        tag,
        reference: `${repository}:${tag}`,
        reasons: reasons(tag),
        action: tag === '1' || tag === 'latest' ? 'update' : 'create',
        ...(tag === '1' || tag === 'latest' ? { from: v110.digest } : {}),
        to: next.digest
      }))
    const hotfix = TAGS.map((tag) => ({
      tag,
      reference: `${targets[2]}:${tag}`,
      reasons: reasons(tag),
      ...(tag === 'latest'
        ? {
            action: 'kept',
            from: v200.digest,
            to: next.digest,
            reason: 'newer version 2.0.0 holds it'
          }
        : { action: 'create', to: next.digest })
    }))
    expect(json.targets.map((t) => [t.repository, t.tags])).toEqual([
      [targets[0], olderRelease(targets[0]!)],
      [targets[1], olderRelease(targets[1]!)],
      [targets[2], hotfix]
    ])
  })
})

describe('an immutable ECR tag held by another image, and a token that grants pull only', () => {
  let run: Run
  let ecrRelease: SeededManifest
  let readonlyRelease: SeededManifest
  let targets: string[]
  beforeAll(async () => {
    ecr.createRepository('team/locked')
    ecrRelease = await published(
      { url: ecr.url, creds: { username: 'AWS', password: ECR_PASSWORD } },
      'team/locked',
      '1.0.0 on ECR',
      ['1.0.0', '1.0', '1', 'latest']
    )
    ecr.repositories.setMutability(REGION, 'team/locked', 'IMMUTABLE')
    readonlyRelease = await published({ url: token.url, creds: alice }, 'acme/readonly', '1.1.0', [
      '1.1.0',
      '1.1',
      '1',
      'latest'
    ])
    targets = [`${ecr.host}/team/locked`, `${token.host}/acme/readonly`]
    run = await previewStep(targets, reader)
  }, 120_000)

  const immutable = (tag: string, held: string) =>
    `the repository is immutable and the tag ${tag} is already taken by ${short(held)}, another image: publish a new version, or make the repository mutable`
  const DENIED =
    "the credentials may read acme/readonly but not push (the registry's token grants pull): grant the account push on acme/readonly at the registry's token service"

  test('the step fails with one line naming the blocked tags, and writes nothing', () => {
    expect(run.main.status).toBe(1)
    const blocked = [
      `${targets[0]}:1`,
      `${targets[0]}:latest`,
      ...TAGS.map((t) => `${targets[1]}:${t}`)
    ]
    expect(shownLines(run.main.stdout).filter((l) => l.startsWith('::error::'))).toEqual([
      `::error::the release would not land 6 tags: ${blocked.join(', ')} (blocked: see the preview for why and the fix)`
    ])
    expectNoWrites()
  })

  test('the Preview log group says why each tag is blocked, and the fix', () => {
    const [e, f, c] = [ecrRelease, readonlyRelease, next].map((m) => short(m.digest))
    expect(groups(run.main.stdout).get('Preview')).toEqual([
      'preview: nothing was written',
      `digest: ${next.digest}`,
      `registry ${ecr.host}`,
      '  team/locked',
      '    push: unknown (Amazon ECR: whether the AWS identity may push (ecr:PutImage and the layer upload actions) is not checked, as that takes IAM policy simulation, another permission)',
      '    repository: Amazon ECR, immutable tags',
      `    content: ${uploaded(2, blobBytes(next))}`,
      '  TAG                 ACTION   FROM                 TO                   WHY',
      `  team/locked:1.2.3   create   -                    ${c}`,
      `  team/locked:1.2     create   -                    ${c}`,
      `  team/locked:1       blocked  ${e}  ${c}  ${immutable('1', ecrRelease.digest)}`,
      `  team/locked:latest  blocked  ${e}  ${c}  ${immutable('latest', ecrRelease.digest)}`,
      `registry ${token.host}`,
      '  acme/readonly',
      `    push: denied (${DENIED})`,
      `    content: ${uploaded(2, blobBytes(next))}`,
      '  TAG                   ACTION   FROM                 TO                   WHY',
      `  acme/readonly:1.2.3   blocked  -                    ${c}  ${DENIED}`,
      `  acme/readonly:1.2     blocked  -                    ${c}  ${DENIED}`,
      `  acme/readonly:1       blocked  ${f}  ${c}  ${DENIED}`,
      `  acme/readonly:latest  blocked  ${f}  ${c}  ${DENIED}`,
      '8 tags on 2 targets: 2 create, 6 blocked'
    ])
  })

  test('the json output gives every blocked tag its reason', () => {
    const json = JSON.parse(run.files.outputs().json!) as {
      targets: { permission: unknown; note?: string; tags: { action: string; reason?: string }[] }[]
    }
    expect(json.targets.map((t) => [t.note, t.tags.map((x) => [x.action, x.reason])])).toEqual([
      [
        'Amazon ECR, immutable tags',
        [
          ['create', undefined],
          ['create', undefined],
          ['blocked', immutable('1', ecrRelease.digest)],
          ['blocked', immutable('latest', ecrRelease.digest)]
        ]
      ],
      [undefined, TAGS.map(() => ['blocked', DENIED])]
    ])
    expect(json.targets[1]!.permission).toEqual({ status: 'denied', detail: DENIED })
  })
})
