import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { releasePlan, testPublishEnv } from '../../__fixtures__/publish.js'
import { useAwsFixture } from '../../__fixtures__/services/aws-suite.js'
import { startEcrRegistry, type EcrRegistry } from '../../__fixtures__/services/ecr-registry.js'
import { seedImage, type SeededManifest } from '../../__fixtures__/services/oci-seed.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import type { LoginResult } from '../../src/credentials/login-all.js'
import { preview } from '../../src/push/preview.js'
import { previewFailure, type PreviewResult } from '../../src/push/preview-result.js'
import { publish } from '../../src/push/publish.js'
import { publishSession } from '../../src/push/session.js'
import { parseSource } from '../../src/registry/source.js'

// The preview on Amazon ECR (the ECR registry fixture behind the AWS
// fixture, through the session both edges use): immutable tags and missing
// repositories are read with DescribeRepositories only, and reported, never
// written or created.
const KEY = 'AKIAFIXTUREKEY000015'
const SECRET = 'fixture/secret/key+0000000000000000000015'
const PASSWORD = 'ecr-password-for-preview'
const ACCOUNT = '123456789012'
const REGION = 'eu-west-1'
const suite = useAwsFixture({ keys: { [KEY]: SECRET }, password: PASSWORD, account: ACCOUNT })
let ecr: EcrRegistry
let source: Registry

beforeAll(async () => {
  // The session's AWS calls read the endpoints from the environment, as in a job.
  Object.assign(process.env, suite.envWith())
  ecr = await startEcrRegistry({ aws: suite.fx })
  ecr.createRepository('team/locked', 'IMMUTABLE')
  ecr.createRepository('team/open')
  source = await startRegistry({ auth: 'none' })
}, 60_000)
afterAll(async () => {
  await ecr?.stop()
  await source?.stop()
})

const TAGS = ['1.0.0', '1.0', '1', 'latest']
const short = (digest: string): string => digest.slice(0, 19)
const seed = (name: string): Promise<SeededManifest> =>
  seedImage({ url: source.url }, 'src/app', { layers: [Buffer.from(`the layer of ${name}\n`)] })
const sourceOf = (image: SeededManifest): string => `${source.host}/src/app@${image.digest}`

/** The inputs of an ECR release, the registry declared ECR as `registry-providers` does. */
function ecrRelease(
  image: SeededManifest,
  path: string | string[],
  extra: Record<string, string> = {}
) {
  const paths = typeof path === 'string' ? [path] : path
  return releasePlan(
    '1.0.0',
    paths.map((p) => `${ecr.host}/${p}`),
    {
      source: sourceOf(image),
      'registry-providers': `${ecr.host}=ecr:${ACCOUNT}:${REGION}`,
      'aws-access-key-id': KEY,
      'aws-secret-access-key': SECRET,
      ...extra
    }
  )
}

async function previewOn(
  image: SeededManifest,
  path: string | string[],
  extra: Record<string, string> = {}
): Promise<PreviewResult> {
  const { plan, inputs } = ecrRelease(image, path, { push: 'preview', ...extra })
  const login: LoginResult = {
    logins: new Map([
      [
        ecr.host,
        {
          username: 'AWS',
          password: PASSWORD,
          registry: ecr.host,
          provider: { kind: 'ecr', account: ACCOUNT, region: REGION },
          source: 'ECR GetAuthorizationToken'
        }
      ]
    ]),
    clients: new Map(),
    dockerLogins: []
  }
  const log = testPublishEnv({}).env.log
  const session = publishSession(inputs, login, {
    log,
    mask: () => undefined,
    client: { sleep: async () => undefined }
  })
  ecr.clearRequests()
  const result = await preview(plan, parseSource(sourceOf(image)), inputs.publish, session)
  expect(ecr.requests().length).toBeGreaterThan(0)
  expect(ecr.writes()).toEqual([])
  return result
}

const ECR_UNKNOWN = {
  status: 'unknown',
  detail:
    'Amazon ECR: whether the AWS identity may push (ecr:PutImage and the layer upload actions) is not checked, as that takes IAM policy simulation, another permission'
}

describe('an immutable repository', () => {
  let old: SeededManifest
  beforeAll(async () => {
    old = await seed('old')
    const { plan, inputs } = ecrRelease(old, 'team/locked')
    const env = testPublishEnv({ [ecr.host]: { username: 'AWS', password: PASSWORD } }).env
    await publish(plan, parseSource(sourceOf(old)), inputs.publish, env)
  }, 60_000)

  test('a tag held by another image is blocked, with why and the fix', async () => {
    const rebuilt = await seed('rebuilt')
    const result = await previewOn(rebuilt, 'team/locked')
    const target = result.targets[0]!
    expect({ note: target.note, permission: target.permission }).toEqual({
      note: 'Amazon ECR, immutable tags',
      permission: ECR_UNKNOWN
    })
    expect(target.tags.map((t) => [t.tag, t.action, t.from, t.to, t.reason])).toEqual(
      TAGS.map((tag) => [
        tag,
        'blocked',
        old.digest,
        rebuilt.digest,
        `the repository is immutable and the tag ${tag} is already taken by ${short(old.digest)}, another image: publish a new version, or make the repository mutable`
      ])
    )
    expect(previewFailure(result)).toBe(
      `the release would not land 4 tags: ${TAGS.map((t) => `${ecr.host}/team/locked:${t}`).join(', ')} (blocked: see the preview for why and the fix)`
    )
  })

  test('the same image again changes nothing and passes', async () => {
    const result = await previewOn(old, 'team/locked')
    expect(result.targets[0]!.tags.map((t) => t.action)).toEqual(TAGS.map(() => 'unchanged'))
    expect(previewFailure(result)).toBeUndefined()
  })
})

describe('a missing repository', () => {
  test('without ecr-create-repository every tag is blocked, naming the fix', async () => {
    const image = await seed('absent')
    const created = suite.fx.calls('ecr:CreateRepository')
    const result = await previewOn(image, 'team/absent')
    const why = `${ecr.host}/team/absent does not exist in Amazon ECR (account ${ACCOUNT}, region ${REGION}): create it, or turn on ecr-create-repository`
    expect(result.targets[0]!.note).toBe('does not exist in Amazon ECR')
    expect(result.targets[0]!.tags.map((t) => [t.action, t.reason])).toEqual(
      TAGS.map(() => ['blocked', why])
    )
    expect(suite.fx.calls('ecr:CreateRepository')).toBe(created)
  })

  test('with ecr-create-repository: true it is reported, not created', async () => {
    const image = await seed('to create')
    const created = suite.fx.calls('ecr:CreateRepository')
    const result = await previewOn(image, 'team/new', { 'ecr-create-repository': 'true' })
    expect(result.targets[0]!.note).toBe(
      'does not exist in Amazon ECR: the release creates it (ecr-create-repository)'
    )
    expect(result.targets[0]!.tags.map((t) => t.action)).toEqual(TAGS.map(() => 'create'))
    expect(suite.fx.calls('ecr:CreateRepository')).toBe(created)
    expect(ecr.repositories.has(REGION, 'team/new')).toBe(false)
    expect(previewFailure(result)).toBeUndefined()
  })
})

test('DescribeRepositories denied: the mutability is unknown, said so on every move', async () => {
  const first = await seed('open first')
  const { plan, inputs } = ecrRelease(first, 'team/open')
  const env = testPublishEnv({ [ecr.host]: { username: 'AWS', password: PASSWORD } }).env
  await publish(plan, parseSource(sourceOf(first)), inputs.publish, env)
  const next = await seed('open next')
  suite.fx.script('ecr:DescribeRepositories', { deny: 'not allowed to describe' })
  const result = await previewOn(next, 'team/open')
  expect(result.targets[0]!.note).toBe(
    'Amazon ECR: the AWS identity may not call ecr:DescribeRepositories, so whether the repository exists and whether its tags are immutable is unknown'
  )
  expect(result.targets[0]!.tags.map((t) => [t.action, t.reason])).toEqual(
    TAGS.map(() => [
      'update',
      "the repository's tag mutability could not be read: if its tags are immutable, this move is refused"
    ])
  )
})

test('a second ECR target counts uploads, not mounts: ECR mounts only with blob mounting on', async () => {
  const image = await seed('two ECR targets')
  const result = await previewOn(image, ['team/one', 'team/two'], {
    'ecr-create-repository': 'true'
  })
  const [one, two] = result.targets.map((t) => t.content)
  expect(one).toMatchObject({ kind: 'copy', blobsUploaded: 2, blobsMounted: 0 })
  expect(two).toEqual(one)
})
