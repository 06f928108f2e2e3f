import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DOCKER_CLI } from './dockerd.js'

/**
 * A `docker` to put first on PATH: it appends its argv to a log, then execs
 * the real CLI (same pid, same stdin), so a test sees every docker command a
 * program ran, exactly as it was given.
 */
export interface DockerShim {
  /** The folder to put first on PATH. */
  readonly dir: string
  /** Every call's arguments, in order. */
  calls(): string[][]
  remove(): void
}

export function createDockerShim(real: string = DOCKER_CLI): DockerShim {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-shim-'))
  const log = join(dir, 'calls')
  // One call per line, each argument followed by a NUL: arguments may hold
  // spaces. Calls run at the same time (one docker push per registry), so the
  // line is written under an exclusive lock (util-linux flock, essential in
  // Debian) and the lock is released by closing the descriptor before exec.
  const script = [
    '#!/bin/sh',
    `exec 9>>'${log}'`,
    'flock 9',
    `printf '%s\\0' "$@" >&9`,
    `printf '\\n' >&9`,
    'exec 9>&-',
    `exec '${real}' "$@"`,
    ''
  ].join('\n')
  writeFileSync(join(dir, 'docker'), script)
  chmodSync(join(dir, 'docker'), 0o755)
  return {
    dir,
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => line.split('\0').slice(0, -1))
        : [],
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
