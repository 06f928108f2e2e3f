import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'

/**
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY apply to every request tagship makes
 * (docs/proxies.md). Node's fetch ignores them, and so do the AWS SDK and
 * (by tagship's rules) @azure/identity: each call site must take its route
 * from src/distribution/proxy-dispatch.ts or its agents from
 * src/credentials/proxy-agent.ts. This keeps a new call site from forgetting.
 */
const ROOT = join(FIXTURES_DIR, '..')

function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.ts') ? [relative(ROOT, path)] : []
  })
}

/** What a file does that goes to the network, and what it must use for the proxy rules. */
const RULES: ReadonlyArray<{ does: RegExp; what: string; uses: RegExp }> = [
  { does: /\bfetch\(/, what: 'calls fetch', uses: /\bdispatchOptions\(/ },
  {
    does: /\bnew [A-Za-z]*Credential\(/,
    what: 'makes an @azure/identity credential',
    uses: /\bagent\b/
  },
  {
    does: /\bnew [A-Z][A-Za-z]*Client\(\s*\{/,
    what: 'configures an SDK client inline',
    uses: /\bproxyAgents\(/
  }
]

describe('every request follows the proxy rules', () => {
  test('each file that sends requests takes its route or agents from the proxy modules', () => {
    const offenders: string[] = []
    for (const file of sources()) {
      const text = readFileSync(join(ROOT, file), 'utf8')
      for (const rule of RULES)
        if (rule.does.test(text) && !rule.uses.test(text))
          offenders.push(`${file} ${rule.what} without ${rule.uses.source}`)
    }
    expect(offenders).toEqual([])
  })

  test('the AWS clients take their settings from awsSession, whose request handler has the agents', () => {
    const text = readFileSync(join(ROOT, 'src/credentials/aws-client.ts'), 'utf8')
    expect(text).toMatch(/requestHandler = \{ \.\.\.REQUEST_HANDLER, \.\.\.proxyAgents\(env\) \}/)
    for (const file of sources()) {
      const source = readFileSync(join(ROOT, file), 'utf8')
      for (const m of source.matchAll(/\bnew (?:ECR|ECRPUBLIC|STS)Client\(([^)]*)\)/g))
        expect(`${file}: ${m[1]}`).toBe(`${file}: session.clientConfig`)
    }
  })
})
