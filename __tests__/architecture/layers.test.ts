import { describe, expect, test } from '@jest/globals'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative, sep } from 'node:path'
import { FIXTURES_DIR } from '../../__fixtures__/runner.js'

/**
 * The folders of src/, lowest first. A folder may import only from folders
 * in a lower layer: imports point down, so there is no folder cycle. A new
 * folder must be placed here before it can be imported.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['shared'],
  ['tags'],
  ['registry', 'context'],
  ['distribution'],
  ['archive', 'referrers'],
  ['inputs', 'docker'],
  ['credentials'],
  ['push'],
  ['cache', 'report'],
  ['action', 'cli']
]

const SRC = join(FIXTURES_DIR, '..', 'src')
const IMPORT = /(?:from\s+|import\()\s*'(\.{1,2}\/[^']+)'/g

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : []
  })
}

const folderOf = (path: string): string => relative(SRC, path).split(sep)[0]!

/** Every import from one folder of src/ into another: `push/publish.ts -> distribution`. */
function folderEdges(
  files: readonly { path: string; text: string }[]
): { from: string; to: string; file: string }[] {
  return files.flatMap(({ path, text }) =>
    [...text.matchAll(IMPORT)]
      .map((m) => ({
        from: folderOf(path),
        to: folderOf(normalize(join(dirname(path), m[1]!))),
        file: relative(SRC, path)
      }))
      .filter((e) => e.from !== e.to)
  )
}

/** The edges that break the layering, as `file imports folder (layer n >= m)`. */
function violations(edges: readonly { from: string; to: string; file: string }[]): string[] {
  const rank = new Map(LAYERS.flatMap((layer, i) => layer.map((f) => [f, i] as const)))
  const out = new Set<string>()
  for (const e of edges) {
    const from = rank.get(e.from)
    const to = rank.get(e.to)
    if (from === undefined || to === undefined)
      out.add(`${e.file}: ${from === undefined ? e.from : e.to} is in no layer: place it in LAYERS`)
    else if (to >= from)
      out.add(
        `${e.file} imports ${e.to} (layer ${to}), which is not below ${e.from} (layer ${from})`
      )
  }
  return [...out]
}

const files = sources(SRC).map((path) => ({ path, text: readFileSync(path, 'utf8') }))

describe('layers of src/', () => {
  test('every folder of src/ has its layer (files at the top of src/ are entry points only)', () => {
    const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory())
    expect(folders.filter((f) => !LAYERS.flat().includes(f))).toEqual([])
    expect(readdirSync(SRC).filter((f) => !statSync(join(SRC, f)).isDirectory())).toEqual([])
  })

  test('every import points down: no upward edge, so no folder cycle', () => {
    expect(violations(folderEdges(files))).toEqual([])
  })

  test('the check fails on an upward import and on a folder with no layer', () => {
    const planted = [
      { path: join(SRC, 'distribution', 'copy.ts'), text: "import { x } from '../push/limit.js'" },
      {
        path: join(SRC, 'tags', 'compute.ts'),
        text: "const m = await import('../inputs/values.js')"
      },
      { path: join(SRC, 'newthing', 'a.ts'), text: "import { y } from '../shared/errors.js'" }
    ]
    expect(violations(folderEdges(planted))).toEqual([
      'distribution/copy.ts imports push (layer 7), which is not below distribution (layer 3)',
      'tags/compute.ts imports inputs (layer 5), which is not below tags (layer 1)',
      'newthing/a.ts: newthing is in no layer: place it in LAYERS'
    ])
  })
})
