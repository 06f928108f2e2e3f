import { afterAll, afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '../../__fixtures__/core.js'
import { NOW, runnerFixture, SHA } from '../../__fixtures__/runner.js'

jest.unstable_mockModule('../../src/action/runner.js', () => core)
const { run } = await import('../../src/action/main.js')

const savedEnv = { ...process.env }
/** The runner's temp dir: where the bake files go. */
const RUNNER_TEMP = mkdtempSync(join(tmpdir(), 'tagship-main-'))

function useFixture(name: string, inputs: Record<string, string>): void {
  Object.assign(process.env, runnerFixture(name).env)
  core.getInput.mockImplementation((name: string) => inputs[name] ?? '')
}

beforeEach(() => {
  jest.clearAllMocks()
  core.summary.reset()
  process.env.RUNNER_TEMP = RUNNER_TEMP
})
afterEach(() => {
  process.env = { ...savedEnv }
})
afterAll(() => rmSync(RUNNER_TEMP, { recursive: true, force: true }))

const outputsOf = (): Record<string, string> =>
  Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, String(v)]))

describe('action main', () => {
  test('a push to the default branch plans dev and sha on every target', async () => {
    useFixture('push-main', { images: 'acme/app\nghcr.io/acme/app', push: 'false' })
    await run(NOW)
    expect(core.setFailed).not.toHaveBeenCalled()
    const outputs = Object.fromEntries(core.setOutput.mock.calls.map(([k, v]) => [k, v]))
    expect(outputs.tags).toBe(
      [
        'docker.io/acme/app:dev',
        'docker.io/acme/app:sha-860c190',
        'ghcr.io/acme/app:dev',
        'ghcr.io/acme/app:sha-860c190'
      ].join('\n')
    )
    expect(outputs.version).toBe('dev')
    expect(outputs.digest).toBe('')
    expect(outputs.labels).toBe(
      [
        'org.opencontainers.image.created=2026-11-23T08:30:00.000Z',
        'org.opencontainers.image.description=The Acme app',
        'org.opencontainers.image.licenses=MIT',
        `org.opencontainers.image.revision=${SHA}`,
        'org.opencontainers.image.source=https://github.com/acme/app',
        'org.opencontainers.image.title=app',
        'org.opencontainers.image.url=https://github.com/acme/app',
        'org.opencontainers.image.version=dev'
      ].join('\n')
    )
    expect(core.summary.text()).toBe(
      [
        '## tagship plan: dev',
        '',
        'Plan only (`push: false`): nothing was pushed.',
        '',
        '| Target | Tag | Why |',
        '| --- | --- | --- |',
        '| `docker.io/acme/app` | `dev` | dev: push to development branch main |',
        '| `docker.io/acme/app` | `sha-860c190` | sha: commit 860c1904a1ce |',
        '| `ghcr.io/acme/app` | `dev` | dev: push to development branch main |',
        '| `ghcr.io/acme/app` | `sha-860c190` | sha: commit 860c1904a1ce |',
        ''
      ].join('\n')
    )
  })

  test('an event no strategy applies to warns and plans nothing', async () => {
    useFixture('push-feature', { images: 'acme/app', push: 'false', strategies: 'semver' })
    await run(NOW)
    expect(core.setFailed).not.toHaveBeenCalled()
    expect(core.warning).toHaveBeenCalledWith(
      'no strategy or rule gives a tag for this event (push on refs/heads/feature/login#42): nothing to publish'
    )
    expect(core.setOutput).toHaveBeenCalledWith('tags', '')
  })

  test('an unknown event name fails with one line and sets no output', async () => {
    useFixture('push-main', { images: 'acme/app', push: 'false' })
    process.env.GITHUB_EVENT_NAME = 'pushh'
    await run(NOW)
    expect(core.setFailed).toHaveBeenCalledWith(
      'GITHUB_EVENT_NAME: unknown event "pushh": use a GitHub event name such as push, pull_request, release, schedule or workflow_dispatch'
    )
    expect(core.setOutput).not.toHaveBeenCalled()
  })

  test('push: true without a source fails before anything else', async () => {
    useFixture('tag-stable', { images: 'acme/app' })
    await run(NOW)
    expect(core.setFailed).toHaveBeenCalledWith(
      'source: is empty but push is true: give the built image (e.g. the imageid output of docker/build-push-action), or set push: false to compute the plan only'
    )
    expect(core.setOutput).not.toHaveBeenCalled()
  })

  test('a non-Error throw still fails the step', async () => {
    useFixture('tag-stable', { images: 'acme/app', push: 'false' })
    core.getInput.mockImplementation(() => {
      throw 'input service unavailable'
    })
    await run(NOW)
    expect(core.setFailed).toHaveBeenCalledWith('input service unavailable')
  })

  describe("docker/metadata-action's outputs", () => {
    const CREATED = 'org.opencontainers.image.created=2026-11-23T08:30:00.000Z'
    const DESCRIPTION = 'org.opencontainers.image.description=The Acme app'
    const LICENSES = 'org.opencontainers.image.licenses=MIT'
    const REVISION = `org.opencontainers.image.revision=${SHA}`
    const SOURCE = 'org.opencontainers.image.source=https://github.com/acme/app'
    const URL = 'org.opencontainers.image.url=https://github.com/acme/app'
    const VERSION = 'org.opencontainers.image.version=1.3.0'
    const computed = (title: string): string[] => [
      CREATED,
      DESCRIPTION,
      LICENSES,
      REVISION,
      SOURCE,
      `org.opencontainers.image.title=${title}`,
      URL,
      VERSION
    ]
    const TAGS = ['1.3.0', '1.3', '1', 'latest']
    const REFERENCES = ['docker.io/acme/app', 'ghcr.io/acme/app'].flatMap((image) =>
      TAGS.map((t) => `${image}:${t}`)
    )
    const RELEASE_INPUTS = {
      images: 'acme/app\nghcr.io/acme/app',
      strategies: 'semver,latest',
      push: 'false',
      labels: 'org.opencontainers.image.vendor=Acme\norg.opencontainers.image.title=Acme App',
      annotations: 'index-descriptor:com.acme.channel=stable',
      'bake-target': 'build-meta'
    }
    const BAKE_OUTPUTS = [
      'bake-file-tags',
      'bake-file-labels',
      'bake-file-annotations',
      'bake-file'
    ]
    const METADATA_OUTPUTS = ['tags', 'tag-names', 'version', 'labels', 'annotations', 'json']
    const variable = (output: string): string =>
      `DOCKER_METADATA_OUTPUT_${output.toUpperCase().replaceAll('-', '_')}`

    test('a release plan: outputs, DOCKER_METADATA_OUTPUT_* variables and bake files', async () => {
      useFixture('release', RELEASE_INPUTS)
      process.env.DOCKER_METADATA_ANNOTATIONS_LEVELS = 'manifest,index'
      await run(NOW)
      expect(core.setFailed).not.toHaveBeenCalled()
      const outputs = outputsOf()
      // The user's keys merged in, sorted: vendor comes before version.
      const labels = [
        ...computed('Acme App').slice(0, -1),
        'org.opencontainers.image.vendor=Acme',
        VERSION
      ]
      const annotations = [
        ...computed('app').map((l) => `manifest:${l}`),
        ...computed('app').map((l) => `index:${l}`),
        'index-descriptor:com.acme.channel=stable'
      ]
      const paths = Object.fromEntries(BAKE_OUTPUTS.map((o) => [o, outputs[o]]))
      expect(outputs).toEqual({
        tags: REFERENCES.join('\n'),
        'tag-names': TAGS.join('\n'),
        version: '1.3.0',
        digest: '',
        labels: labels.join('\n'),
        annotations: annotations.join('\n'),
        json: outputs.json,
        ...paths
      })
      const json = JSON.parse(outputs.json!) as Record<string, unknown>
      expect([json.tags, json.labels, json.annotations]).toEqual([
        REFERENCES,
        Object.fromEntries(labels.map((l) => l.split('='))),
        annotations
      ])
      // Every metadata-action output, exported under its name, in the order set.
      expect(core.exportVariable.mock.calls).toEqual(
        [...METADATA_OUTPUTS, ...BAKE_OUTPUTS].map((o) => [variable(o), outputs[o]])
      )
      // One new folder in the runner's temp dir holds the four files.
      const dirs = new Set(BAKE_OUTPUTS.map((o) => join(outputs[o]!, '..')))
      expect(dirs.size).toBe(1)
      const [dir] = dirs
      expect(join(dir!, '..')).toBe(RUNNER_TEMP)
      expect(readdirSync(dir!).sort()).toEqual([
        'docker-metadata-action-bake-annotations.json',
        'docker-metadata-action-bake-labels.json',
        'docker-metadata-action-bake-tags.json',
        'docker-metadata-action-bake.json'
      ])
      const file = (output: string): string => readFileSync(outputs[output]!, 'utf8')
      const list = (items: readonly string[], indent: string): string =>
        items.map((i) => `${indent}${JSON.stringify(i)}`).join(',\n')
      const tags = `"tags": [\n${list(REFERENCES, '        ')}\n      ]`
      const labelsObject = `"labels": {\n${labels
        .map((l) => l.split('='))
        .map(([k, v]) => `        ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
        .join(',\n')}\n      }`
      const args =
        '"args": {\n        "DOCKER_META_IMAGES": "docker.io/acme/app,ghcr.io/acme/app",\n        "DOCKER_META_VERSION": "1.3.0"\n      }'
      const bake = (...parts: string[]): string =>
        `{\n  "target": {\n    "build-meta": {\n      ${parts.join(',\n      ')}\n    }\n  }\n}`
      expect(file('bake-file-tags')).toBe(bake(tags, args))
      expect(file('bake-file-labels')).toBe(bake(labelsObject))
      expect(file('bake-file-annotations')).toBe(
        bake(`"annotations": [\n${list(annotations, '        ')}\n      ]`)
      )
      expect(file('bake-file')).toBe(bake(tags, labelsObject, args))
    })

    test.each([
      [undefined, 10],
      ['true', 10],
      ['1', 10],
      ['false', 0],
      ['0', 0]
    ])('DOCKER_METADATA_SET_OUTPUT_ENV=%s exports %d variables', async (value, count) => {
      useFixture('release', RELEASE_INPUTS)
      if (value !== undefined) process.env.DOCKER_METADATA_SET_OUTPUT_ENV = value
      await run(NOW)
      expect(core.setFailed).not.toHaveBeenCalled()
      expect(core.setOutput).toHaveBeenCalledTimes(11)
      expect(core.exportVariable).toHaveBeenCalledTimes(count)
    })

    test.each([
      [
        'DOCKER_METADATA_ANNOTATIONS_LEVELS',
        'manifest,indexes',
        'DOCKER_METADATA_ANNOTATIONS_LEVELS: "manifest,indexes" has the unknown annotation level "indexes": use manifest, index, manifest-descriptor or index-descriptor, comma-separated'
      ],
      [
        'DOCKER_METADATA_SET_OUTPUT_ENV',
        'no',
        'DOCKER_METADATA_SET_OUTPUT_ENV: "no" is not a boolean: use true or false'
      ]
    ])('%s=%s fails the step before any output or file', async (name, value, message) => {
      useFixture('release', RELEASE_INPUTS)
      process.env[name] = value
      const before = readdirSync(RUNNER_TEMP).length
      await run(NOW)
      expect(core.setFailed).toHaveBeenCalledWith(message)
      expect(core.setOutput).not.toHaveBeenCalled()
      expect(core.exportVariable).not.toHaveBeenCalled()
      expect(readdirSync(RUNNER_TEMP)).toHaveLength(before)
    })
  })
})
