import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inputEnv, runnerFiles, type RunnerFiles } from '../../__fixtures__/file-commands.js'
import { GitRepo } from '../../__fixtures__/git-repo.js'
import { PR_MERGE_SHA, runnerFixture, SHA } from '../../__fixtures__/runner.js'
import { seedImage, type SeededManifest } from '../../__fixtures__/services/oci-seed.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry, type Registry } from '../../__fixtures__/services/registry.js'
import { inspectDigest } from '../../__fixtures__/services/skopeo.js'
import {
  exportedVariables,
  METADATA_OUTPUT_VARIABLES,
  runBundled,
  shownLines,
  type ActionRun
} from './run-action.js'

/**
 * docker/metadata-action's rules, outputs and variables through the bundled
 * action as the runner runs it: each with `push: false` (no registry, no
 * daemon), then the same rules publishing to a real registry.
 */
const cleanup = new Cleanup()
const IMAGE = 'ghcr.io/acme/app'
const SHORT = SHA.slice(0, 7)
let registry: Registry
let image: SeededManifest

beforeAll(async () => {
  registry = await startRegistry({ auth: 'none' })
  cleanup.add(registry.stop)
  image = await seedImage({ url: registry.url }, 'build/app', {
    layers: [Buffer.from('metadata parity layer')],
    tag: 'candidate'
  })
}, 60_000)
afterAll(() => cleanup.run(), 30_000)

interface Run {
  readonly main: ActionRun
  readonly files: RunnerFiles
  readonly outputs: Record<string, string>
  readonly lines: string[]
}

async function runMain(
  fixture: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
): Promise<Run> {
  const files = runnerFiles()
  cleanup.add(async () => files.remove())
  const logs = mkdtempSync(join(tmpdir(), 'tagship-e2e-parity-'))
  cleanup.add(async () => rmSync(logs, { recursive: true, force: true }))
  const main = await runBundled(
    'main',
    {
      PATH: '/nonexistent',
      ...runnerFixture(fixture).env,
      ...files.env,
      ...inputEnv(inputs),
      ...env
    },
    files,
    { stdoutPath: join(logs, 'stdout'), stderrPath: join(logs, 'stderr') }
  )
  return { main, files, outputs: files.outputs(), lines: shownLines(main.stdout) }
}

const refs = (image: string, tags: readonly string[]): string =>
  tags.map((t) => `${image}:${t}`).join('\n')

describe('push: false', () => {
  test.each<[string, string, Record<string, string>, Record<string, string>, string]>([
    [
      'a release marked pre-release gets no latest, major or minor',
      'release-prerelease-clean',
      { images: IMAGE },
      {},
      refs(IMAGE, ['1.4.0', 'staging', `sha-${SHORT}`])
    ],
    ['a draft release publishes nothing', 'release-draft', { images: IMAGE }, {}, ''],
    [
      'match= picks the version out of a monorepo tag',
      'tag-nested',
      { images: IMAGE, tags: 'type=semver,pattern={{version}},match=v(\\d.\\d.\\d)$' },
      {},
      refs(IMAGE, ['1.2.3', 'latest'])
    ],
    [
      'no images: the bare tags',
      'tag-stable',
      { images: '', strategies: 'semver,latest' },
      {},
      ['1.2.3', '1.2', '1', 'latest'].join('\n')
    ],
    [
      '{{is_not_default_branch}} on a feature branch',
      'push-feature',
      { images: IMAGE, tags: 'type=raw,value=preview,enable={{is_not_default_branch}}' },
      {},
      refs(IMAGE, ['preview'])
    ],
    [
      'images switched per event, capitals lowercased, sep-tags',
      'tag-stable',
      {
        images: 'name=ghcr.io/Acme/App,enable=true\nname=docker.io/acme/app,enable=false',
        strategies: 'semver',
        'sep-tags': ','
      },
      {},
      ['1.2.3', '1.2', '1'].map((t) => `ghcr.io/acme/app:${t}`).join(',')
    ],
    [
      'DOCKER_METADATA_PR_HEAD_SHA=false and _SHORT_SHA_LENGTH=12 stand for empty inputs',
      'pull-request',
      { images: IMAGE, tags: 'type=sha' },
      { DOCKER_METADATA_PR_HEAD_SHA: 'false', DOCKER_METADATA_SHORT_SHA_LENGTH: '12' },
      refs(IMAGE, [`sha-${PR_MERGE_SHA.slice(0, 12)}`])
    ]
  ])('%s', async (_why, fixture, inputs, env, tags) => {
    const run = await runMain(fixture, { push: 'false', ...inputs }, env)
    expect(run.main.status).toBe(0)
    expect(run.outputs.tags).toBe(tags)
  })

  test('the release warnings and the lowercase notice are annotations', async () => {
    const [prerelease, draft, capitals] = await Promise.all([
      runMain('release-prerelease-clean', { images: IMAGE, push: 'false' }),
      runMain('release-draft', { images: IMAGE, push: 'false' }),
      runMain('tag-stable', { images: 'ghcr.io/Acme/App', push: 'false' })
    ])
    expect(prerelease.lines.filter((l) => l.startsWith('::warning::'))).toEqual([
      '::warning::release v1.4.0 is marked pre-release in GitHub: 1.4, 1 and latest not given (they are for stable releases only)'
    ])
    expect(draft.lines.filter((l) => l.startsWith('::warning::'))).toEqual([
      '::warning::release v1.5.0 is a draft: nothing is published'
    ])
    expect(capitals.lines.filter((l) => l.startsWith('::notice::'))).toEqual([
      '::notice::images: "ghcr.io/Acme/App" is used as "ghcr.io/acme/app" (repository names are lowercase)'
    ])
  })

  test('context: git plans the checkout, not the event', async () => {
    const repo = new GitRepo()
    cleanup.add(async () => repo.remove())
    const commit = repo.commit('release', '2026-11-20T10:00:00Z')
    repo.git('tag', 'v2.0.0')
    repo.git('checkout', '--quiet', '--detach', 'v2.0.0')
    const run = await runMain(
      'push-main',
      { images: IMAGE, push: 'false', context: 'git', strategies: 'semver,sha' },
      // git must be on PATH for this one.
      { GITHUB_WORKSPACE: repo.dir, PATH: process.env.PATH ?? '' }
    )
    expect(run.main.status).toBe(0)
    expect(run.outputs.tags).toBe(refs(IMAGE, ['2.0.0', '2.0', '2', `sha-${commit.slice(0, 7)}`]))
  })

  test('labels, annotations with levels, bake files and the exported variables', async () => {
    const run = await runMain(
      'tag-stable',
      {
        images: IMAGE,
        push: 'false',
        strategies: 'semver',
        labels: 'org.opencontainers.image.vendor=Acme',
        annotations: 'index:com.acme.channel=stable',
        'bake-target': 'meta'
      },
      { DOCKER_METADATA_ANNOTATIONS_LEVELS: 'manifest' }
    )
    expect(run.main.status).toBe(0)
    const { outputs } = run
    expect(outputs['tag-names']).toBe('1.2.3\n1.2\n1')
    expect(outputs.labels!.split('\n')).toContain('org.opencontainers.image.vendor=Acme')
    expect(outputs.annotations!.split('\n').filter((l) => l.startsWith('index:'))).toEqual([
      'index:com.acme.channel=stable'
    ])
    const bakeTags = JSON.parse(readFileSync(outputs['bake-file-tags']!, 'utf8')) as unknown
    expect(bakeTags).toEqual({
      target: {
        meta: {
          tags: ['1.2.3', '1.2', '1'].map((t) => `${IMAGE}:${t}`),
          args: { DOCKER_META_IMAGES: IMAGE, DOCKER_META_VERSION: '1.2.3' }
        }
      }
    })
    expect(outputs['bake-file-tags']!.startsWith(join(run.files.dir, 'tagship-bake-'))).toBe(true)
    const exported = exportedVariables(run.files)
    expect(Object.keys(exported).sort()).toEqual([...METADATA_OUTPUT_VARIABLES].sort())
    expect(exported.DOCKER_METADATA_OUTPUT_TAGS).toBe(outputs.tags)
    expect(exported.DOCKER_METADATA_OUTPUT_BAKE_FILE_TAGS).toBe(outputs['bake-file-tags'])

    const quiet = await runMain(
      'tag-stable',
      { images: IMAGE, push: 'false' },
      { DOCKER_METADATA_SET_OUTPUT_ENV: 'false' }
    )
    expect(quiet.main.status).toBe(0)
    expect(exportedVariables(quiet.files)).toEqual({})
  })
})

describe('push: true, to a real registry', () => {
  const target = () => `${registry.host}/parity/app`
  const source = () => `${registry.host}/build/app:candidate`

  test('a release marked pre-release publishes its version, staging and sha only', async () => {
    const run = await runMain('release-prerelease-clean', {
      images: target(),
      source: source()
    })
    expect(run.main.status).toBe(0)
    const tags = ['1.4.0', 'staging', `sha-${SHORT}`]
    expect(run.outputs.tags).toBe(refs(target(), tags))
    expect(run.outputs['tag-names']).toBe(tags.join('\n'))
    for (const tag of tags) expect(await inspectDigest(`${target()}:${tag}`)).toBe(image.digest)
  })

  test('a draft release and a plan with every image off contact no registry', async () => {
    const before = registry.requests().length
    const draft = await runMain('release-draft', { images: target(), source: source() })
    const off = await runMain('tag-stable', {
      images: `name=${target()},enable=false`,
      source: source()
    })
    expect(registry.requests().length).toBe(before)
    expect([draft.main.status, off.main.status]).toEqual([0, 0])
    expect(draft.lines).toContain(
      '::notice::no tag for this event: nothing to publish, and no registry was contacted'
    )
    expect(off.lines).toContain(
      '::notice::no image is enabled for this event: nothing to publish, and no registry was contacted'
    )
    expect([draft.outputs.tags, off.outputs.tags]).toEqual(['', ''])
  })

  // Its own repository: parity/app holds 1.4.0, so 1 and latest would be kept there.
  const monorepo = () => `${registry.host}/monorepo/app`

  test('match= and labels through a publish: the bake file names what landed', async () => {
    const run = await runMain('tag-nested', {
      images: monorepo(),
      source: source(),
      tags: 'type=semver,pattern={{version}},match=v(\\d.\\d.\\d)$\ntype=semver,pattern={{major}},match=v(\\d.\\d.\\d)$',
      'bake-target': 'release'
    })
    expect(run.main.status).toBe(0)
    // latest=auto: a semver rule on a stable release gives latest too.
    expect(run.outputs.tags).toBe(refs(monorepo(), ['1.2.3', '1', 'latest']))
    const bake = JSON.parse(readFileSync(run.outputs['bake-file-tags']!, 'utf8')) as {
      target: { release: { tags: string[] } }
    }
    expect(bake.target.release.tags).toEqual(
      ['1.2.3', '1', 'latest'].map((t) => `${monorepo()}:${t}`)
    )
    expect(await inspectDigest(`${monorepo()}:1`)).toBe(image.digest)
  })
})
