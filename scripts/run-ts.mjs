// Run a TypeScript script (and the fixtures it imports) on Node 20, which
// cannot load .ts itself: bundle it with ncc into a temp dir, then run it.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const [entry, ...args] = process.argv.slice(2)
const out = mkdtempSync(join(tmpdir(), 'tagship-script-'))
try {
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      entry,
      '-o',
      out,
      '--transpile-only',
      '--quiet'
    ],
    { stdio: 'inherit' }
  )
  const run = spawnSync(process.execPath, [join(out, 'index.js'), ...args], { stdio: 'inherit' })
  process.exitCode = run.status ?? 1
} finally {
  rmSync(out, { recursive: true, force: true })
}
