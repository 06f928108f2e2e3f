import type { Env } from '../context/event.js'
import { INPUTS } from '../inputs/spec.js'
import { scrubSecrets } from '../shared/scrub.js'
import { render, type InputNamer, type Words } from '../shared/words.js'

/**
 * The environment variable each secret input is read from. AWS keys are not
 * read here: the standard AWS chain reads AWS_ACCESS_KEY_ID and friends (and
 * profiles, web identity, container credentials) itself.
 */
const SECRET_VARIABLES: Readonly<Record<string, string>> = {
  'dockerhub-token': 'TAGSHIP_DOCKERHUB_TOKEN',
  'aws-access-key-id': 'AWS_ACCESS_KEY_ID',
  'aws-secret-access-key': 'AWS_SECRET_ACCESS_KEY',
  'aws-session-token': 'AWS_SESSION_TOKEN',
  'azure-client-secret': 'TAGSHIP_AZURE_CLIENT_SECRET',
  'gcp-credentials-json': 'TAGSHIP_GCP_CREDENTIALS_JSON',
  // The name GitHub Actions and the gh CLI use; on a runner: env: GITHUB_TOKEN: ${{ github.token }}.
  'github-token': 'GITHUB_TOKEN',
  'registry-auth': 'TAGSHIP_REGISTRY_AUTH'
}

/** The secrets tagship itself reads from the environment (AWS's are the SDK chain's). */
const READ_SECRETS = [
  'dockerhub-token',
  'azure-client-secret',
  'gcp-credentials-json',
  'github-token',
  'registry-auth'
] as const

export function secretVariable(input: string): string {
  return SECRET_VARIABLES[input] ?? input
}

/** The secret inputs, from their environment variables. */
export function secretInputs(env: Env): Record<string, string> {
  const raw: Record<string, string> = {}
  for (const name of READ_SECRETS) {
    const value = env[secretVariable(name)]
    if (value !== undefined && value.trim() !== '') raw[name] = value
  }
  return raw
}

/** Login inputs the CLI takes under another name: secrets as variables, the others as flags. */
const CLI_NAMES: ReadonlyMap<string, string> = new Map(
  INPUTS.filter(
    (i) => i.secret || (i.publishOnly && /^(?:dockerhub|aws|azure|gcp|registry)-/.test(i.name))
  ).map((i) => [i.name, i.secret ? secretVariable(i.name) : `--${i.name}`])
)

/**
 * The CLI's name for an input named in a message: `dockerhub-token` is
 * `TAGSHIP_DOCKERHUB_TOKEN`, `dockerhub-username` is `--dockerhub-username`;
 * the others keep their names.
 */
export const cliName: InputNamer = (input) => CLI_NAMES.get(input) ?? input

/** Core words in the CLI's names. */
export function cliText(message: Words): string {
  return render(message, cliName)
}

/**
 * The values no line may show. The runner masks the action's log; a
 * terminal or another CI has no such filter, so every line the CLI prints
 * passes through `scrub`.
 */
export class Secrets {
  private readonly values = new Set<string>()

  add(secret: string): void {
    // Very short values are left alone by the scrubber (they would blank out words).
    this.values.add(secret.trim())
  }

  scrub(text: string): string {
    return scrubSecrets(text, [...this.values])
  }
}
