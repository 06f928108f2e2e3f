import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { run } from './exec.js'
import { removeTempDir, tempDir } from './process.js'

export const SKOPEO_BIN = '/usr/bin/skopeo'

export interface SkopeoOptions {
  /** Written to a private authfile, so the password is never on a command line. */
  readonly creds?: { readonly username: string; readonly password: string }
  /** An existing auth file, e.g. the config.json `docker login` wrote: proves what docker stored works. */
  readonly authfile?: string
}

/** The manifest digest skopeo reads for `host/repo:tag` (or `@sha256:…`), an independent judge of a push. */
export async function inspectDigest(
  reference: string,
  options: SkopeoOptions = {}
): Promise<string> {
  const result = await skopeo(['inspect', '--no-tags'], reference, options)
  const digest = (JSON.parse(result.toString('utf8')) as { Digest?: unknown }).Digest
  if (typeof digest !== 'string') throw new Error(`skopeo inspect ${reference} returned no Digest`)
  return digest
}

/** The manifest bytes exactly as the registry serves them; sha256 over them is the digest. */
export function inspectRaw(reference: string, options: SkopeoOptions = {}): Promise<Buffer> {
  return skopeo(['inspect', '--raw'], reference, options)
}

async function skopeo(
  command: string[],
  reference: string,
  options: SkopeoOptions
): Promise<Buffer> {
  const dir = await tempDir('skopeo')
  try {
    // Always pass an authfile: without one skopeo falls back to the user's own
    // logins (~/.docker/config.json, $XDG_RUNTIME_DIR/containers/auth.json).
    let authfile = options.authfile
    if (!authfile) {
      authfile = join(dir, 'auth.json')
      const host = reference.split('/', 1)[0] ?? ''
      const auths = options.creds
        ? { [host]: { auth: basic(options.creds.username, options.creds.password) } }
        : {}
      await writeFile(authfile, JSON.stringify({ auths }), { mode: 0o600 })
    }
    const args = [...command, '--tls-verify=false', '--authfile', authfile, `docker://${reference}`]
    const result = await run(SKOPEO_BIN, args, { timeoutMs: 30_000 })
    if (result.code !== 0) {
      throw new Error(`skopeo ${command.join(' ')} ${reference} failed: ${result.stderr.trim()}`)
    }
    return result.stdoutBytes
  } finally {
    await removeTempDir(dir)
  }
}

const basic = (username: string, password: string): string =>
  Buffer.from(`${username}:${password}`).toString('base64')
