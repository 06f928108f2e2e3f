import { readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { canonicalHost } from '../registry/reference.js'
import { InputError } from '../shared/errors.js'

/** A Docker `config.json`, as parsed JSON: tagship reads only its credential keys. */
export type DockerConfigFile = Record<string, unknown>

/**
 * A Docker config directory for this run only, so tagship never changes the
 * user's ~/.docker, and one job's logout cannot wipe another's login on a
 * shared self-hosted runner. It starts from `seed` (the job's own config,
 * with `logout: false`), else empty.
 */
export async function createConfigDir(
  parent: string | undefined,
  seed: DockerConfigFile = {}
): Promise<string> {
  const dir = await mkdtemp(join(parent || tmpdir(), 'tagship-docker-'))
  await writeConfig(dir, seed)
  return dir
}

export async function removeConfigDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`: where docker keeps the job's logins. */
export function jobConfigPath(env: Readonly<Record<string, string | undefined>>): string {
  return join(env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker'), 'config.json')
}

/** The job's Docker config, or an empty one when there is none; a broken file is an error. */
export function readJobConfig(path: string): DockerConfigFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return {}
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch {
    doc = undefined
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc))
    throw new InputError(
      'DOCKER_CONFIG',
      `${path} is not a JSON object, so logout: false cannot keep the job's logins in the exported config: fix the file, or point DOCKER_CONFIG at another directory`
    )
  return doc as DockerConfigFile
}

/**
 * The job's config as the start of the run's own: every key kept, except
 * that a `credsStore` becomes a `credHelpers` entry for each registry it
 * held (those `auths` keys). The job's registries still read the store,
 * while tagship's logins are written to the file (a store would share them
 * with every other job on the machine, and outlive the post step).
 */
export function seedFromJob(job: DockerConfigFile): DockerConfigFile {
  const { credsStore, ...rest } = job
  if (typeof credsStore !== 'string' || credsStore === '') return { ...rest }
  const helpers = objectOf(job.credHelpers)
  for (const key of Object.keys(objectOf(job.auths))) {
    if (!(key in helpers)) helpers[key] = credsStore
  }
  return { ...rest, credHelpers: helpers }
}

/**
 * Before tagship's `docker login` to `registry`: drop the credential helpers
 * that would take that login away from the config file (the job's entry for
 * the same registry, under any of its spellings). Tagship's login wins.
 */
export async function releaseFromHelpers(dir: string, registry: string): Promise<void> {
  const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as DockerConfigFile
  const helpers = objectOf(config.credHelpers)
  const names = Object.keys(helpers).filter((key) => hostOf(key) === registry)
  if (names.length === 0) return
  for (const name of names) delete helpers[name]
  await writeConfig(dir, { ...config, credHelpers: helpers })
}

/** The registry host a config key names: `https://index.docker.io/v1/` is `docker.io`. */
export function hostOf(key: string): string {
  return canonicalHost(
    key
      .trim()
      .replace(/^https?:\/\//i, '')
      .replace(/\/.*$/, '')
  )
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {}
}

async function writeConfig(dir: string, config: DockerConfigFile): Promise<void> {
  await writeFile(join(dir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`, {
    mode: 0o600
  })
}
