import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'

/**
 * The two test sets. A service test starts or runs something the machine must
 * have installed or a server on loopback: a Distribution registry, a Docker
 * daemon, buildah, skopeo, an in-process HTTP fixture (token server, fault
 * proxy, Actions cache, AWS or Entra fixture...), or the bundled action through
 * its runners (the Node 24 pass runs those again). Every other test is a unit
 * test: `npm run test:unit` runs them, and only them, with no pretest install.
 *
 * `service-tests.txt` (beside this file) lists the service tests, one path a
 * line; jest.config.js leaves them out when TAGSHIP_TESTS=unit.
 * `unit-set.test.ts` checks the list against what each file does, both ways.
 */
export const ROOT = join(FIXTURES_DIR, '..')
export const SERVICE_LIST = join(ROOT, '__tests__', 'ci', 'service-tests.txt')

/** The entries of service-tests.txt, as written (`#` comments and blank lines left out). */
export function serviceEntries(text = readFileSync(SERVICE_LIST, 'utf8')): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
}

/** Every test file, relative to the repository root, sorted. */
export function allTests(dir = join(ROOT, '__tests__')): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...allTests(path))
    else if (entry.name.endsWith('.test.ts')) found.push(relative(ROOT, path))
  }
  return found.sort()
}

export function unitTests(entries = serviceEntries()): string[] {
  return allTests().filter((file) => !entries.includes(file))
}

/**
 * Fixtures under __fixtures__/services/ that start nothing: pure helpers a
 * unit test may import (a tar reader, token signing, a /proc sampler, the
 * request helpers that seed a registry someone else started, a command runner
 * whose commands are judged by TOOLS below).
 */
export const PURE_SERVICE_HELPERS = [
  'exec.ts',
  'oci-seed.ts',
  'process-watch.ts',
  'tar.ts',
  'token-signing.ts'
]

/** The runners of the bundled action and CLI: child processes that publish, for the e2e passes. */
export const RUNNERS = [
  '__fixtures__/reliability.ts',
  '__tests__/cli/bundled-cli.ts',
  '__tests__/e2e/run-action.ts'
]

/** Helpers that run a service tool or the bundle, from mixed fixture files and runners. */
const TOOL_HELPERS = ['buildahArchive', 'skopeoRaw', 'runBundled', 'runBundledCli', 'runEntry']

/** The programs install-services.sh installs for the tests, as a command name in a string. */
const TOOLS = ['buildah', 'docker', 'docker-registry', 'dockerd', 'skopeo']

/** `start…` / `ensure…` functions that fixtures and test helpers export: each starts a service. */
export function starters(): string[] {
  const names = new Set<string>()
  const scan = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) scan(path)
      else if (entry.name.endsWith('.ts'))
        for (const m of readFileSync(path, 'utf8').matchAll(
          /export\s+(?:async\s+)?function\s+((?:start|ensure)[A-Z]\w*)/g
        ))
          names.add(m[1]!)
    }
  }
  scan(join(ROOT, '__fixtures__'))
  scan(join(ROOT, '__tests__'))
  return [...names].sort()
}

/** The names a source imports by name (`import { a, b as c }`: a and b). */
function importedNames(source: string): Set<string> {
  const names = new Set<string>()
  for (const m of source.matchAll(/\bimport\s+(?:type\s+)?\{([^}]*)\}\s*from/g))
    for (const part of m[1]!.split(','))
      names.add(
        part
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)[0]!
      )
  return names
}

/** Relative imports of a TypeScript file, resolved to repository paths (`x.js` -> `x.ts`). */
export function localImports(file: string, source: string): string[] {
  const found: string[] = []
  for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const path = resolve(dirname(join(ROOT, file)), m[1]!).replace(/\.js$/, '.ts')
    found.push(relative(ROOT, path))
  }
  return found
}

/**
 * Why a source, on its own, needs a service: one line per reason, empty when
 * it needs none. `file` is its repository path (for its imports).
 */
export function serviceUses(file: string, source: string, startNames = starters()): string[] {
  const reasons: string[] = []
  for (const imported of localImports(file, source)) {
    const service = /^__fixtures__\/services\/(.+)$/.exec(imported)?.[1]
    if (service && !PURE_SERVICE_HELPERS.includes(service))
      reasons.push(`imports ${imported} (a service fixture)`)
    if (RUNNERS.includes(imported)) reasons.push(`imports ${imported} (a runner of the bundle)`)
  }
  const imported = importedNames(source)
  for (const name of [...startNames, ...TOOL_HELPERS])
    if (imported.has(name)) reasons.push(`uses ${name}`)
  if (/\bcreateServer\s*\(/.test(source)) reasons.push('starts a server (createServer)')
  if (/\.listen\s*\(/.test(source)) reasons.push('listens on a port (.listen)')
  const command =
    /\b(?:run|runOk|spawn|spawnSync|exec|execSync|execFile|execFileSync)\s*\(\s*['"`]([\w-]+)['"`]/g
  for (const m of source.matchAll(command)) if (TOOLS.includes(m[1]!)) reasons.push(`runs ${m[1]}`)
  return reasons
}

/**
 * Why a test file needs a service, following its imports into the helpers
 * under __tests__/ and the fixtures at the top of __fixtures__/ (whose imports
 * count; a mixed fixture file's service helpers, such as buildahArchive, count
 * where a test imports them).
 */
export function serviceReasons(test: string, startNames = starters()): string[] {
  const reasons: string[] = []
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(join(ROOT, file))) return
    seen.add(file)
    const source = readFileSync(join(ROOT, file), 'utf8')
    const fixture = file.startsWith('__fixtures__/')
    for (const reason of serviceUses(file, source, startNames)) {
      if (fixture && !reason.startsWith('imports ')) continue
      reasons.push(file === test ? reason : `${reason}, in ${file}`)
    }
    for (const imported of localImports(file, source)) {
      const helper = imported.startsWith('__tests__/') && !imported.endsWith('.test.ts')
      const topFixture = /^__fixtures__\/[^/]+\.ts$/.test(imported)
      if (helper || topFixture) visit(imported)
    }
  }
  visit(test)
  return reasons
}
