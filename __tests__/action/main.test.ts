import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals'
import * as core from '../../__fixtures__/core.js'
import { NOW, runnerFixture, SHA } from '../../__fixtures__/runner.js'

jest.unstable_mockModule('@actions/core', () => core)
const { run } = await import('../../src/action/main.js')

const savedEnv = { ...process.env }

function useFixture(name: string, inputs: Record<string, string>): void {
  Object.assign(process.env, runnerFixture(name).env)
  core.getInput.mockImplementation((name: string) => inputs[name] ?? '')
}

beforeEach(() => {
  jest.clearAllMocks()
  core.summary.reset()
})
afterEach(() => {
  process.env = { ...savedEnv }
})

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
})
