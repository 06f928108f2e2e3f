import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BAD_INPUTS, type BadInput } from '../../__fixtures__/bad-inputs.js'
import { runMainStep, snapshotBundle, USER } from '../../__fixtures__/reliability.js'
import { startFaultProxy, type FaultProxy } from '../../__fixtures__/services/fault-proxy.js'
import { Cleanup } from '../../__fixtures__/services/process.js'
import { startRegistry } from '../../__fixtures__/services/registry.js'

/**
 * Each bad input, given to the bundled action as the runner gives it (one
 * `node dist/main/index.js` per row, with the runner's variables and file
 * commands): the step fails with exactly the expected `::error::` line,
 * writes no output, and no request reaches any registry. Every registry the
 * rows name is a real one on loopback behind a counting proxy: a generic
 * one (htpasswd), and ones made Docker Hub, Amazon ECR and Azure ACR through
 * registry-providers, so a provider's rules apply without leaving 127.0.0.1.
 * A process per row, as a second run in one process would share module
 * state (the masked secrets, the SDK caches) that a real step never shares.
 */
const cleanup = new Cleanup()
const hosts: Record<'G' | 'H' | 'E' | 'A', string> = { G: '', H: '', E: '', A: '' }
const proxies: FaultProxy[] = []
let bundle: string
let home: string
const results = new Map<string, { status: number | null; errors: string[]; outputs: object }>()

const fill = (text: string): string =>
  text.replace(/\{([GHEA])\}/g, (_, k: keyof typeof hosts) => hosts[k])

async function runRow(row: BadInput): Promise<void> {
  const inputs = Object.fromEntries(
    Object.entries({
      source: '{G}/src/app:build',
      images: '{G}/acme/app',
      strategies: 'semver, latest',
      'registry-auth': `- registry: {G}\n  username: ${USER.username}\n  password: ${USER.password}\n`,
      'registry-providers': '{H}=dockerhub\n{E}=ecr:123456789012:eu-west-1\n{A}=acr:acme',
      ...row.inputs
    }).map(([k, v]) => [k, fill(v)])
  )
  const env = {
    // No AWS or Docker settings of this machine: an empty HOME, and no instance metadata.
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'aws-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    RUNNER_DEBUG: '1',
    ...row.env
  }
  results.set(row.name, await runMainStep(bundle, env, inputs))
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'tagship-empty-home-'))
  cleanup.add(async () => rmSync(home, { recursive: true, force: true }))
  for (const [key, auth] of [
    ['G', 'htpasswd'],
    ['H', 'token'],
    ['E', 'htpasswd'],
    ['A', 'token']
  ] as const) {
    const registry = await startRegistry({ auth, users: [USER] })
    cleanup.add(registry.stop)
    const proxy = await startFaultProxy(registry.url)
    cleanup.add(proxy.stop)
    proxies.push(proxy)
    hosts[key] = proxy.host
  }
  bundle = snapshotBundle()
  cleanup.add(async () => rmSync(bundle, { recursive: true, force: true }))
  // Eight at a time: each row is its own short-lived node process.
  const queue = [...BAD_INPUTS]
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await runRow(row)
    })
  )
}, 180_000)
afterAll(() => cleanup.run(), 30_000)

test('the corpus has at least 40 rows, each named once', () => {
  expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(40)
  expect(new Set(BAD_INPUTS.map((r) => r.name)).size).toBe(BAD_INPUTS.length)
})

describe.each(BAD_INPUTS)('$name', (row) => {
  test('fails with exactly its one line and no output', () => {
    const result = results.get(row.name)!
    expect(result).toEqual({
      status: 1,
      errors: row.errors.map((e) => `::error::${fill(e)}`),
      outputs: {}
    })
  })
})

test('no request reached any registry', () => {
  expect(proxies.map((p) => p.requests())).toEqual([[], [], [], []])
})
