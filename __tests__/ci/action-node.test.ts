import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import YAML from 'yaml'
import { actionNode } from '../../__fixtures__/action-node.js'
import { inputEnv, runnerFiles } from '../../__fixtures__/file-commands.js'
import { FIXTURES_DIR, runnerFixture } from '../../__fixtures__/runner.js'
import { runBundled } from '../e2e/run-action.js'

/**
 * The bundled action's end-to-end suites run dist/main and dist/post on
 * actionNode(): with TAGSHIP_ACTION_NODE set (CI: `.ci/node24.sh`), on the Node
 * action.yml declares (`runs.using: node24`), else on the Node running Jest.
 * This proves it from inside the step's own process: a preload (NODE_OPTIONS
 * --require) writes the version and binary of the process that ran each entry.
 */
const ROOT = join(FIXTURES_DIR, '..')
const using = (
  YAML.parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string } }
).runs.using
const declaredMajor = Number(/^node(\d+)$/.exec(using)?.[1])
const major = (version: string): number => Number(version.replace(/^v/, '').split('.')[0])
const expectedMajor = process.env.TAGSHIP_ACTION_NODE?.trim()
  ? declaredMajor
  : major(process.version)

const work = mkdtempSync(join(tmpdir(), 'tagship-action-node-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('actionNode()', () => {
  const saved = process.env.TAGSHIP_ACTION_NODE
  const restore = () => {
    if (saved === undefined) delete process.env.TAGSHIP_ACTION_NODE
    else process.env.TAGSHIP_ACTION_NODE = saved
  }

  test('is the binary TAGSHIP_ACTION_NODE names, else the Node running the tests', () => {
    try {
      process.env.TAGSHIP_ACTION_NODE = '/opt/node24/bin/node'
      expect(actionNode()).toBe('/opt/node24/bin/node')
      process.env.TAGSHIP_ACTION_NODE = ' '
      expect(actionNode()).toBe(process.execPath)
      delete process.env.TAGSHIP_ACTION_NODE
      expect(actionNode()).toBe(process.execPath)
    } finally {
      restore()
    }
  })

  test(`action.yml declares the runtime the Node 24 pass uses (${using})`, () => {
    expect(declaredMajor).toBe(24)
  })
})

test(`dist/main and dist/post run on actionNode(), Node ${expectedMajor}`, async () => {
  const report = join(work, 'ran-on')
  const preload = join(work, 'report-node.cjs')
  writeFileSync(
    preload,
    `require('node:fs').appendFileSync(${JSON.stringify(report)}, ` +
      'JSON.stringify({ version: process.version, execPath: process.execPath }) + "\\n")\n'
  )
  const files = runnerFiles()
  try {
    const env = {
      PATH: process.env.PATH ?? '',
      ...runnerFixture('tag-stable').env,
      ...files.env,
      ...inputEnv({ images: 'docker.io/acme/app', push: 'false' }),
      NODE_OPTIONS: `--require ${preload}`
    }
    const out = (entry: string) => ({
      stdoutPath: join(work, `${entry}.stdout`),
      stderrPath: join(work, `${entry}.stderr`)
    })
    const main = await runBundled('main', env, files, out('main'))
    expect({ status: main.status, stderr: main.stderr }).toEqual({ status: 0, stderr: '' })
    expect(files.outputs().version).toBe('1.2.3')
    const post = await runBundled('post', env, files, out('post'))
    expect(post.status).toBe(0)

    const ran = readFileSync(report, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { version: string; execPath: string })
    expect(ran).toHaveLength(2)
    for (const entry of ran) {
      expect(realpathSync(entry.execPath)).toBe(realpathSync(actionNode()))
      expect(major(entry.version)).toBe(expectedMajor)
    }
  } finally {
    files.remove()
  }
})
