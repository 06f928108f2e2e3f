import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { releasePlan, testPublishEnv } from '../../__fixtures__/publish.js'
import { useAwsFixture } from '../../__fixtures__/services/aws-suite.js'
import { startEcrRegistry, type EcrRegistry } from '../../__fixtures__/services/ecr-registry.js'
import { seedImage, type SeededManifest } from '../../__fixtures__/services/oci-seed.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import { publishFailure } from '../../src/push/failure.js'
import { publish } from '../../src/push/publish.js'
import type { Repository } from '../../src/registry/reference.js'
import { ensureEcrRepository } from '../../src/credentials/ecr-repository.js'
import { parseSource } from '../../src/registry/source.js'

// Amazon ECR's rules, from the ECR registry fixture: repositories must exist
// (or be created through the real AWS SDK against the AWS fixture), and an
// immutable repository refuses any PUT to an existing tag, even at the same digest.
const KEY = 'AKIAFIXTUREKEY000002'
const SECRET = 'fixture/secret/key+0000000000000000000002'
const PASSWORD = 'ecr-password-for-publish'
const ACCOUNT = '123456789012'
const REGION = 'eu-west-1'
const suite = useAwsFixture({ keys: { [KEY]: SECRET }, password: PASSWORD, account: ACCOUNT })
let ecr: EcrRegistry
let source: Registry

beforeAll(async () => {
  ecr = await startEcrRegistry({ aws: suite.fx })
  ecr.createRepository('team/locked', 'IMMUTABLE')
  source = await startRegistry({ auth: 'none' })
}, 60_000)
afterAll(async () => {
  await ecr?.stop()
  await source?.stop()
})

const TAGS = ['1.0.0', '1.0', '1', 'latest']
const creds = () => ({ username: 'AWS', password: PASSWORD })

/** Publish `image` as release 1.0.0 to `path` on the ECR fixture. */
async function release(image: SeededManifest, path: string, create = false) {
  const sourceText = `${source.host}/src/app@${image.digest}`
  const target = `${ecr.host}/${path}`
  const { plan, inputs } = releasePlan('1.0.0', [target], {
    source: sourceText,
    'ecr-create-repository': String(create)
  })
  const ensureRepository = async (repository: Repository) => {
    await ensureEcrRepository({
      provider: { kind: 'ecr', account: ACCOUNT, region: REGION, host: repository.registry },
      path: repository.path,
      aws: { accessKeyId: KEY, secretAccessKey: SECRET },
      create: inputs.publish.ecrCreateRepository,
      log: (line) => run.lines.push(`ecr: ${line}`),
      clientOptions: { env: suite.envWith(), maxAttempts: 1 }
    })
  }
  const run = testPublishEnv({ [ecr.host]: creds() }, { ensureRepository })
  return { run, target, go: () => publish(plan, parseSource(sourceText), inputs.publish, run.env) }
}

const seed = (tag: string) =>
  seedImage({ url: source.url }, 'src/app', { layers: [randomBytes(4096)], tag })

describe('Amazon ECR', () => {
  test('an immutable repository: the re-run writes nothing and passes', async () => {
    const image = await seed('one')
    const first = await release(image, 'team/locked')
    const result = await first.go()
    expect(result.targets[0]!.tags.map((t) => t.status)).toEqual(TAGS.map(() => 'pushed'))

    ecr.clearRequests()
    const again = await (await release(image, 'team/locked')).go()
    expect(again.targets[0]!.tags.map((t) => t.status)).toEqual(TAGS.map(() => 'already there'))
    expect(ecr.writes()).toEqual([])
    expect(publishFailure(again)).toBeUndefined()
    for (const tag of TAGS)
      expect(await inspectDigest(`${first.target}:${tag}`, { creds: creds() })).toBe(image.digest)
  })

  test('an immutable tag held by another image fails with why, and lists what landed', async () => {
    const old = await seed('old')
    await (await release(old, 'team/frozen', true)).go()
    ecr.repositories.setMutability(REGION, 'team/frozen', 'IMMUTABLE')
    const rebuilt = await seed('rebuilt')
    const attempt = await release(rebuilt, 'team/frozen')
    const result = await attempt.go()
    const short = old.digest.slice(0, 19)
    // The release tag is refused; the floating tags are then held back, not tried.
    const details = TAGS.map((tag, i) =>
      i === 0
        ? `the repository is immutable and the tag ${tag} is already taken by ${short}, another image: publish a new version, or make the repository mutable`
        : `not written: the release tag ${attempt.target}:${TAGS[0]} did not land, and a floating tag never points at a release without its own tag`
    )
    expect(result.targets[0]!.tags.map((t) => [t.tag, t.status, t.detail])).toEqual(
      TAGS.map((tag, i) => [tag, 'failed', details[i]])
    )
    expect(publishFailure(result)).toBe(
      [
        '4 of 4 tags did not land:',
        ...TAGS.map((tag, i) => `  ${attempt.target}:${tag}: ${details[i]}`),
        'nothing landed'
      ].join('\n')
    )
    for (const tag of TAGS)
      expect(await inspectDigest(`${attempt.target}:${tag}`, { creds: creds() })).toBe(old.digest)
  })

  test('a missing repository fails before any write, naming the fix', async () => {
    const image = await seed('missing')
    ecr.clearRequests()
    const attempt = await release(image, 'team/absent')
    await expect(attempt.go()).rejects.toThrow(
      `${ecr.host}/team/absent does not exist in Amazon ECR (account ${ACCOUNT}, region ${REGION}): create it, or set ecr-create-repository: true; nothing was pushed`
    )
    expect(ecr.writes()).toEqual([])
  })

  test('ecr-create-repository: true creates it with the AWS SDK, then publishes', async () => {
    const image = await seed('created')
    const attempt = await release(image, 'team/new', true)
    const result = await attempt.go()
    expect(attempt.run.lines).toContain(
      `ecr: created ECR repository team/new in ${ACCOUNT}/${REGION}`
    )
    expect(ecr.repositories.has(REGION, 'team/new')).toBe(true)
    expect(result.targets[0]!.tags.map((t) => t.status)).toEqual(TAGS.map(() => 'pushed'))
  })
})
