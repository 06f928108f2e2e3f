// Writes action.yml from src/inputs/spec.ts, the one list of inputs, so the
// two cannot drift (a test checks they match). Run: npm run action-yml
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import YAML from 'yaml'

const out = mkdtempSync(join(tmpdir(), 'tagship-spec-'))
try {
  execFileSync(
    process.execPath,
    [
      'node_modules/typescript/bin/tsc',
      '--ignoreConfig',
      '--outDir',
      out,
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      'src/inputs/spec.ts'
    ],
    { stdio: 'inherit' }
  )
  writeFileSync(join(out, 'package.json'), '{"type":"module"}')
  const { INPUTS } = await import(pathToFileURL(join(out, 'spec.js')).href)
  const inputs = {}
  for (const i of INPUTS) {
    inputs[i.name] = {
      description: i.description,
      required: i.required ?? false,
      ...(i.default !== undefined ? { default: i.default } : {})
    }
  }
  const outputs = {
    tags: { description: 'Every full reference, one per line (docker.io/acme/app:1.2.3).' },
    version: {
      description: 'The main version computed (1.2.3 for a release; the first tag otherwise).'
    },
    digest: {
      description:
        'The pushed manifest digest (empty when push is false; with push: preview, the digest the tags would point at when it is known before any push).'
    },
    json: {
      description: 'Tags, version, digest, labels, annotations and per-target results, as JSON.'
    },
    labels: {
      description:
        'OCI org.opencontainers.image.* labels with the labels input merged over them, one key=value per line.'
    },
    annotations: {
      description:
        'OCI annotations, one level:key=value per line (manifest:… by default; see DOCKER_METADATA_ANNOTATIONS_LEVELS).'
    },
    'tag-names': {
      description: 'The tags without the image name (1.2.3), one per line.'
    },
    'bake-file-tags': {
      description:
        'Path of a bake definition file with the tags (and DOCKER_META_IMAGES, DOCKER_META_VERSION args), for docker/bake-action.'
    },
    'bake-file-labels': { description: 'Path of a bake definition file with the labels.' },
    'bake-file-annotations': {
      description: 'Path of a bake definition file with the annotations.'
    },
    'bake-file': {
      description:
        'Path of a bake definition file with the tags, labels and args (use bake-file-tags and bake-file-labels instead).'
    },
    'cache-key': {
      description:
        'With cache: save, the Actions cache key the image was stored under; with cache: restore, the key restored.'
    }
  }
  const action = {
    name: 'tagship',
    description:
      'Compute release tags by strategy, log in to every registry, push one image to all of them, and prove every tag landed.',
    author: 'tagship',
    branding: { icon: 'tag', color: 'blue' },
    inputs,
    outputs,
    runs: { using: 'node24', main: 'dist/main/index.js', post: 'dist/post/index.js' }
  }
  writeFileSync('action.yml', YAML.stringify(action, { lineWidth: 0 }))
  execFileSync(
    process.execPath,
    ['node_modules/prettier/bin/prettier.cjs', '--write', 'action.yml'],
    { stdio: 'ignore' }
  )
} finally {
  rmSync(out, { recursive: true, force: true })
}
