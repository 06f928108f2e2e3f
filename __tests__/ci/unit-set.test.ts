import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import {
  allTests,
  ROOT,
  SERVICE_LIST,
  serviceEntries,
  serviceReasons,
  serviceUses,
  starters,
  unitTests
} from './test-sets.js'

/**
 * `npm run test:unit` runs every test that service-tests.txt does not list.
 * The list must say the truth both ways: a unit test that starts a registry,
 * a daemon, buildah, skopeo or a server (or runs the bundle through its
 * runners) fails here, and so does a listed test that needs none of them.
 */
const entries = serviceEntries()
const names = starters()

describe('service-tests.txt', () => {
  test('lists existing test files, each once, in order', () => {
    const tests = allTests()
    expect(entries.filter((e) => !tests.includes(e))).toEqual([])
    expect(entries).toEqual([...new Set(entries)].sort())
  })

  test('every unit test needs no service', () => {
    const offenders = unitTests(entries).flatMap((file) =>
      serviceReasons(file, names).map((reason) => `${file}: ${reason}`)
    )
    expect(offenders).toEqual([])
  })

  test('every listed test needs a service (else it belongs to the unit set)', () => {
    expect(entries.filter((file) => serviceReasons(file, names).length === 0)).toEqual([])
  })

  test('the unit set is what Jest runs with TAGSHIP_TESTS=unit', () => {
    const listed = spawnSync(
      process.execPath,
      ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', '--listTests'],
      { cwd: ROOT, env: { ...process.env, TAGSHIP_TESTS: 'unit' }, encoding: 'utf8' }
    )
    expect(listed.status).toBe(0)
    const ran = listed.stdout
      .split('\n')
      .filter((line) => line.endsWith('.test.ts'))
      .map((path) => relative(ROOT, path))
      .sort()
    expect(ran).toEqual(unitTests(entries))
    expect(ran.length).toBeGreaterThan(30)
    expect(ran).toContain('__tests__/ci/unit-set.test.ts')
    expect(ran).not.toContain('__tests__/e2e/publish-bundled.test.ts')
  })
})

describe('the check finds a service in a planted unit test', () => {
  const file = '__tests__/tags/planted.test.ts'
  // Written so that this file's own text names no service: it is a unit test.
  const from = (names: string, path: string) => `import { ${names} } from '${path}'\n`
  const call = (name: string, args: string) => `${name}(${args})\n`
  const planted: Record<string, string> = {
    'a registry':
      from('startRegistry', '../../__fixtures__/services/registry.js') +
      call('await startRegistry', '{}'),
    'a fixture module': from('type Registry', '../../__fixtures__/services/registry.js'),
    'the Docker daemon': from('ensureDocker', '../../__fixtures__/services/dockerd.js'),
    'the action runner': from('runBundled', '../e2e/run-action.js'),
    'the fault world': from('runEntry', '../../__fixtures__/reliability.js'),
    'buildah through a mixed fixture': from('buildahArchive', '../../__fixtures__/archives.js'),
    'skopeo by name': call('await run', `'skopeo', ['inspect']`),
    'a server of its own': call('http.createServer', '() => {}'),
    'a port of its own': 'server' + call('.listen', '0')
  }
  test.each(Object.keys(planted))('%s', (what) => {
    expect(serviceUses(file, planted[what]!, names)).not.toEqual([])
  })

  test('and nothing in a pure one', () => {
    const pure =
      from('OciLayout, tarBytes', '../../__fixtures__/archives.js') +
      from('sha256', '../../__fixtures__/services/oci-seed.js') +
      from('readTar', '../../__fixtures__/services/tar.js') +
      "const tool = 'docker'\n" +
      call('parseReference', "'docker.io/acme/app'") +
      'function runBundled() {}\n'
    expect(serviceUses(file, pure, names)).toEqual([])
  })

  test('knows the fixtures that start services', () => {
    for (const name of ['startRegistry', 'startTokenServer', 'startFaultProxy', 'ensureDocker'])
      expect(names).toContain(name)
  })
})

test('the list file is where jest.config.js reads it', () => {
  expect(existsSync(SERVICE_LIST)).toBe(true)
  expect(readFileSync(join(ROOT, 'jest.config.js'), 'utf8')).toContain(relative(ROOT, SERVICE_LIST))
})
