import type { Words } from '../shared/words.js'
import type { Env } from '../context/event.js'
import { isGitlab } from '../context/gitlab.js'
import type { AuthInputs } from '../inputs/auth.js'
import type { Inputs } from '../inputs/parse.js'
import { normaliseHost, type RegistryAuthEntry } from '../inputs/registry-auth.js'
import { loginTargets } from '../push/targets.js'
import { rejectedMessage } from '../credentials/login-messages.js'
import { planLogins, providerOf, type LoginStep } from '../credentials/login-plan.js'
import { isIdentityToken } from '../distribution/credentials.js'
import { askCredentialHelper, type HelperAnswer, type HelperCall } from './credential-helpers.js'
import { lookupDockerConfig, readDockerConfig } from './docker-config.js'
import type { Secrets } from './secrets.js'

/** Where the CLI found credentials the inputs did not give, by registry. */
type Borrowed = Map<string, { entry: RegistryAuthEntry; from: string }>

/** True when the inputs give no credentials for this registry, and it is no AWS registry. */
function uncovered(registry: string, auth: AuthInputs, borrowed: Borrowed): boolean {
  if (borrowed.has(registry) || auth.registryAuth.some((e) => e.registry === registry)) return false
  const provider = providerOf(registry, auth)
  switch (provider.kind) {
    case 'dockerhub':
      return auth.dockerhub === undefined && auth.dockerhubOidc === undefined
    case 'acr':
      return auth.azure.clientId === undefined
    case 'ghcr':
      return auth.githubToken === undefined
    case 'gar':
      return auth.gcp === undefined
    case 'generic':
      return true
    default:
      // ECR and ECR Public always log in through the AWS chain: their tokens expire in 12 hours.
      return false
  }
}

/**
 * Every registry's login step, as the action plans them, with two more
 * places for credentials a registry has none for: GitLab's job token for
 * $CI_REGISTRY (CI_REGISTRY_USER, CI_REGISTRY_PASSWORD), then the Docker
 * config, as Docker reads it (its credential helper for the registry, else
 * what `docker login` stored in the file). Decided before any network call;
 * a helper is asked once per registry, only for one nothing else covers.
 */
export function cliLoginSteps(
  inputs: Inputs,
  env: Env,
  secrets: Secrets,
  ask: (call: HelperCall) => HelperAnswer = (call) => askCredentialHelper(call, { env })
): { steps: LoginStep[]; auth: AuthInputs } {
  const targets = loginTargets(inputs)
  const borrowed: Borrowed = new Map()
  const registries = [...new Set(targets.map((t) => t.registry))]
  const { CI_REGISTRY: ciRegistry, CI_REGISTRY_USER: user, CI_REGISTRY_PASSWORD: token } = env
  if (isGitlab(env) && ciRegistry && user && token) {
    const registry = normaliseHost(ciRegistry)
    if (registries.includes(registry) && uncovered(registry, inputs.auth, borrowed)) {
      const entry = { registry, username: user, password: token }
      borrowed.set(registry, { entry, from: 'CI_REGISTRY_PASSWORD' })
    }
  }
  const missing = registries.filter((r) => uncovered(r, inputs.auth, borrowed))
  if (missing.length > 0) {
    const config = readDockerConfig(env)
    for (const registry of missing) {
      const found = lookupDockerConfig(config, registry, ask)
      if (found)
        borrowed.set(registry, { entry: { registry, ...found.credentials }, from: found.from })
    }
  }
  for (const { entry } of borrowed.values()) secrets.add(entry.password)
  const extra = [...borrowed.values()].map((b) => b.entry)
  const auth: AuthInputs = { ...inputs.auth, registryAuth: [...inputs.auth.registryAuth, ...extra] }
  const steps = planLogins(targets, auth).map((step) => {
    const from = borrowed.get(step.registry)?.from
    return from !== undefined && step.credentials.kind === 'static'
      ? { ...step, credentials: { ...step.credentials, from } }
      : step
  })
  return { steps, auth }
}

/** What to tell a CLI user whose credentials a registry refused: which variable or file to check. */
export function cliRejectedMessage(step: LoginStep): Words {
  const c = step.credentials
  if (c.kind === 'static' && c.from === 'CI_REGISTRY_PASSWORD') {
    return [
      `${step.registry} rejected the CI job token of ${c.username}: check that the job may push to this project's container registry`
    ]
  }
  const helper = c.kind === 'static' && c.from.startsWith('docker-credential-')
  if (c.kind === 'static' && (helper || c.from.endsWith('config.json'))) {
    const what = isIdentityToken(c) ? 'the identity token' : `the credentials for ${c.username}`
    return [
      `${step.registry} rejected ${what} ${helper ? 'from' : 'stored in'} ${c.from}: run docker login ${step.registry} again, or set TAGSHIP_REGISTRY_AUTH`
    ]
  }
  return rejectedMessage(step)
}
