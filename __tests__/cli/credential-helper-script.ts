import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** What the test helper does for one server URL: print, exit, or hang. */
export interface HelperReply {
  readonly stdout?: string
  readonly stderr?: string
  readonly exit?: number
  /** Seconds to sleep before answering (a helper that hangs). */
  readonly sleep?: number
}

export interface HelperCallRecord {
  /** The arguments, space-joined (`get`). */
  readonly args: string
  /** What it read on stdin: the server URL. */
  readonly stdin: string
}

/** A real `docker-credential-<name>` program (sh) in a folder to put first on PATH. */
export interface TestHelper {
  /** The folder that holds the program. */
  readonly bin: string
  /** The name after `docker-credential-`. */
  readonly name: string
  /** How it answers `get` for this server URL; unknown ones get the protocol's "not found". */
  reply(serverUrl: string, reply: HelperReply): void
  /** `{"ServerURL","Username","Secret"}` for this server URL. */
  found(serverUrl: string, username: string, secret: string): void
  calls(): HelperCallRecord[]
  /** Forget every reply and call. */
  reset(): void
}

/** The server URL as a file name: the script maps it the same way (tr). */
const keyOf = (serverUrl: string): string => serverUrl.replace(/[^A-Za-z0-9._-]/g, '_')

/**
 * Write `docker-credential-<name>` into `bin`: it records each call (its
 * arguments and stdin), then answers from the files `reply` writes, else
 * prints "credentials not found in native keychain" and exits 1, as the
 * helpers of docker-credential-helpers do.
 */
export function writeTestHelper(bin: string, name = 'tagship-test'): TestHelper {
  const state = join(bin, `${name}.state`)
  mkdirSync(state, { recursive: true })
  const program = join(bin, `docker-credential-${name}`)
  writeFileSync(
    program,
    [
      '#!/bin/sh',
      `state='${state}'`,
      'input=$(cat)',
      `printf '%s\\t%s\\n' "$*" "$input" >> "$state/calls"`,
      `key=$(printf '%s' "$input" | tr -c 'A-Za-z0-9._-' '_')`,
      'if [ -f "$state/$key.sleep" ]; then exec sleep "$(cat "$state/$key.sleep")"; fi',
      'if [ ! -f "$state/$key.exit" ]; then',
      '  echo "credentials not found in native keychain"',
      '  exit 1',
      'fi',
      'if [ -f "$state/$key.err" ]; then cat "$state/$key.err" >&2; fi',
      'if [ -f "$state/$key.out" ]; then cat "$state/$key.out"; fi',
      'exit "$(cat "$state/$key.exit")"',
      ''
    ].join('\n')
  )
  chmodSync(program, 0o755)
  const reply = (serverUrl: string, r: HelperReply): void => {
    const key = join(state, keyOf(serverUrl))
    writeFileSync(`${key}.exit`, String(r.exit ?? 0))
    if (r.stdout !== undefined) writeFileSync(`${key}.out`, r.stdout)
    if (r.stderr !== undefined) writeFileSync(`${key}.err`, r.stderr)
    if (r.sleep !== undefined) writeFileSync(`${key}.sleep`, String(r.sleep))
  }
  return {
    bin,
    name,
    reply,
    found: (serverUrl, username, secret) =>
      reply(serverUrl, {
        stdout: JSON.stringify({ ServerURL: serverUrl, Username: username, Secret: secret })
      }),
    calls: () => {
      const file = join(state, 'calls')
      if (!existsSync(file)) return []
      return readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => {
          const [args = '', stdin = ''] = line.split('\t')
          return { args, stdin }
        })
    },
    reset: () => {
      rmSync(state, { recursive: true, force: true })
      mkdirSync(state, { recursive: true })
    }
  }
}
