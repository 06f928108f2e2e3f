import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import YAML from 'yaml'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'
import { INPUTS } from '../../src/inputs/spec.js'

const ROOT = join(FIXTURES_DIR, '..')
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

/** README.md, CONTRIBUTING.md and every markdown file under docs/, as repository paths. */
function markdownFiles(): string[] {
  const found: string[] = []
  const scan = (dir: string): void => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) scan(path)
      else if (entry.name.endsWith('.md')) found.push(path)
    }
  }
  scan('docs')
  return ['README.md', 'CONTRIBUTING.md', ...found.sort()]
}

/** The text outside fenced code blocks, and the fenced blocks of one language. */
function split(markdown: string): { prose: string; blocks: { lang: string; body: string }[] } {
  const blocks: { lang: string; body: string }[] = []
  const prose = markdown.replace(
    /^```(\w*)\n([\s\S]*?)^```$/gm,
    (_, lang: string, body: string) => {
      blocks.push({ lang, body })
      return ''
    }
  )
  return { prose, blocks }
}

/** GitHub's anchor for a heading: lowercase, markup and punctuation dropped, spaces to `-`. */
function slug(heading: string): string {
  return heading
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-')
}

/** Every anchor a markdown file offers: its headings' slugs, repeats numbered as GitHub does. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const found = new Set<string>()
  for (const m of split(markdown).prose.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = slug(m[1]!)
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    found.add(n === 0 ? base : `${base}-${n}`)
  }
  return found
}

/** The targets of inline links outside code: `[text](target)`. */
function links(markdown: string): string[] {
  const prose = split(markdown).prose.replace(/`[^`\n]*`/g, '')
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!)
}

describe('docs/inputs.md', () => {
  test('is exactly what npm run docs writes from src/inputs/spec.ts', () => {
    const generated = execFileSync(process.execPath, ['scripts/gen-docs.mjs', '--stdout'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    // On a difference: run npm run docs and commit docs/inputs.md.
    expect(read('docs/inputs.md')).toBe(generated)
  })

  test('names every input of the spec in its table', () => {
    const doc = read('docs/inputs.md')
    const rows = new Set([...doc.matchAll(/^\| `([a-z0-9-]+)` +\|/gm)].map((m) => m[1]))
    const missing = INPUTS.map((i) => i.name).filter((name) => !rows.has(name))
    expect(missing).toEqual([])
  })
})

test('README.md fits in 15 KB', () => {
  expect(statSync(join(ROOT, 'README.md')).size).toBeLessThanOrEqual(15360)
})

describe.each(markdownFiles())('%s', (file) => {
  const markdown = read(file)

  test('every relative link points at a file that exists, and every #anchor at a heading', () => {
    const broken: string[] = []
    for (const target of links(markdown)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue
      const [path, anchor] = target.split('#') as [string, string | undefined]
      const resolved = path === '' ? file : relative(ROOT, join(ROOT, dirname(file), path))
      if (!existsSync(join(ROOT, resolved))) {
        broken.push(`${target}: ${resolved} does not exist`)
        continue
      }
      if (anchor !== undefined && resolved.endsWith('.md') && !anchors(read(resolved)).has(anchor))
        broken.push(`${target}: ${resolved} has no heading with the anchor #${anchor}`)
    }
    expect(broken).toEqual([])
  })

  test('its YAML parses, and gives tagship only inputs src/inputs/spec.ts declares', () => {
    const declared = new Set(INPUTS.map((i) => i.name))
    const unknown: string[] = []
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (node !== null && typeof node === 'object') {
        const step = node as Record<string, unknown>
        if (typeof step.uses === 'string' && step.uses.startsWith('tagship/tagship@'))
          for (const key of Object.keys((step.with as object | undefined) ?? {}))
            if (!declared.has(key)) unknown.push(key)
        Object.values(step).forEach(walk)
      }
    }
    for (const { body } of split(markdown).blocks.filter((b) => b.lang === 'yaml'))
      walk(YAML.parse(body, { strict: true }))
    expect(unknown).toEqual([])
  })
})
