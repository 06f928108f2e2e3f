import { dockerFailure, lastDockerLine, runDocker } from './image.js'

export interface DockerPushOptions {
  /** DOCKER_CONFIG holding the run's logins. */
  readonly configDir?: string
  /** Receives each line docker prints, stdout and stderr alike, as it comes. */
  readonly log: (line: string) => void
}

/** `host/repo:tag` → its repository and tag (`latest` when none is written). */
function splitReference(reference: string): { repository: string; tag: string } {
  const slash = reference.lastIndexOf('/')
  const colon = reference.lastIndexOf(':')
  if (colon > slash)
    return { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) }
  return { repository: reference, tag: 'latest' }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The `<tag>: digest: sha256:… size: N` line docker prints once the manifest is in. */
function digestLine(output: string, tag: string): { digest: string; size: number } | undefined {
  const match = new RegExp(
    `^${escape(tag)}: digest: (sha256:[0-9a-f]{64}) size: (\\d+)$`,
    'm'
  ).exec(output)
  return match ? { digest: match[1]!, size: Number(match[2]) } : undefined
}

/** How the daemon writes a repository in RepoDigests: Docker Hub names lose `docker.io/` and `library/`. */
function daemonName(repository: string): string {
  const hub = /^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/(.*)$/.exec(repository)
  return hub ? hub[1]!.replace(/^library\//, '') : repository
}

/**
 * The digest the daemon recorded for `repository` after the push, for a CLI
 * that printed none. The manifest size is not recorded there: 0 then.
 */
async function recordedDigest(
  reference: string,
  repository: string,
  configDir: string | undefined
): Promise<string | undefined> {
  const result = await runDocker(
    ['image', 'inspect', '--format', '{{json .RepoDigests}}', '--', reference],
    { ...(configDir === undefined ? {} : { configDir }) }
  )
  if (result.exitCode !== 0) return undefined
  const digests = JSON.parse(result.stdout.trim() || '[]') as string[] | null
  const wanted = daemonName(repository)
  for (const entry of digests ?? []) {
    const at = entry.lastIndexOf('@')
    if (daemonName(entry.slice(0, at)) === wanted) return entry.slice(at + 1)
  }
  return undefined
}

/**
 * `docker tag image reference`, then `docker push reference`, docker's lines
 * sent to `log`; resolves with the manifest digest and size the push made.
 * Credentials come from the config directory `docker login` wrote: nothing
 * secret is ever on the command line.
 */
export async function dockerPush(
  image: string,
  reference: string,
  options: DockerPushOptions
): Promise<{ digest: string; size: number }> {
  const config = options.configDir === undefined ? {} : { configDir: options.configDir }
  const tagged = await runDocker(['tag', '--', image, reference], config)
  if (tagged.exitCode !== 0) throw dockerFailure(`docker tag ${image} ${reference}`, image, tagged)

  const pushed = await runDocker(['push', '--', reference], {
    ...config,
    listeners: { stdline: options.log, errline: options.log }
  })
  if (pushed.exitCode !== 0) {
    const failure = dockerFailure(`docker push ${reference}`, image, pushed)
    // "No such image" here is about the pushed tag, not the source: keep docker's words.
    throw failure.name === 'InputError'
      ? new Error(`docker push ${reference} failed: ${lastDockerLine(pushed)}`)
      : failure
  }
  const { repository, tag } = splitReference(reference)
  const printed = digestLine(pushed.stdout, tag)
  if (printed) return printed
  const digest = await recordedDigest(reference, repository, options.configDir)
  if (digest) return { digest, size: 0 }
  throw new Error(
    `docker push ${reference} succeeded but reported no digest, and the daemon recorded none for ${repository}`
  )
}
