// Bundle every entry point with ncc into dist/<name>/index.js. Code behind a
// dynamic import() (the cloud SDKs, @actions/cache, the publish engine) goes
// into chunk files (<id>.index.js) beside it, loaded by relative path: a copy
// of dist/<name> must keep the whole folder. ncc minifies index.js only, not
// the chunks.
// The bundles are built side by side into a fresh folder that replaces dist/
// only once all three are done, so a build that is stopped halfway leaves the
// committed dist/ as it was.
import { execFile } from 'node:child_process'
import { renameSync, rmSync } from 'node:fs'
import { promisify } from 'node:util'

const run = promisify(execFile)
const entries = {
  main: 'src/action/entry-main.ts',
  post: 'src/action/entry-post.ts',
  cli: 'src/cli/index.ts'
}
const out = `dist.build-${process.pid}`

rmSync(out, { recursive: true, force: true })
try {
  await Promise.all(
    Object.entries(entries).map(async ([name, entry]) => {
      const { stdout, stderr } = await run(process.execPath, [
        'node_modules/@vercel/ncc/dist/ncc/cli.js',
        'build',
        entry,
        '-o',
        `${out}/${name}`,
        '--minify',
        '--no-source-map-register',
        '--license',
        'licenses.txt',
        '--quiet'
      ])
      process.stdout.write(stdout)
      process.stderr.write(stderr)
    })
  )
  rmSync('dist', { recursive: true, force: true })
  renameSync(out, 'dist')
} catch (error) {
  rmSync(out, { recursive: true, force: true })
  throw error
}
