// Bundle every entry point with ncc into dist/<name>/index.js. Code behind a
// dynamic import() (the cloud SDKs, @actions/cache, the publish engine) goes
// into chunk files (<id>.index.js) beside it, loaded by relative path: a copy
// of dist/<name> must keep the whole folder. ncc minifies index.js only, not
// the chunks.
import { execFileSync } from 'node:child_process'
import { rmSync } from 'node:fs'

const entries = {
  main: 'src/action/entry-main.ts',
  post: 'src/action/entry-post.ts',
  cli: 'src/cli/index.ts'
}

rmSync('dist', { recursive: true, force: true })
for (const [name, entry] of Object.entries(entries)) {
  execFileSync(
    process.execPath,
    [
      'node_modules/@vercel/ncc/dist/ncc/cli.js',
      'build',
      entry,
      '-o',
      `dist/${name}`,
      '--minify',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
      '--quiet'
    ],
    { stdio: 'inherit' }
  )
}
