import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The environment test repositories are made with: no `GIT_*` of the
 * machine's, no global or system configuration (so `init.defaultBranch` or
 * commit signing cannot differ), and a fixed author and committer. Commits
 * made with a given date therefore have the same sha on every machine.
 */
export function testGitEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env))
    if (value !== undefined && !name.startsWith('GIT_')) env[name] = value
  return {
    ...env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Tagship Test',
    GIT_AUTHOR_EMAIL: 'test@tagship.invalid',
    GIT_COMMITTER_NAME: 'Tagship Test',
    GIT_COMMITTER_EMAIL: 'test@tagship.invalid'
  }
}

/** A real git repository in a temporary directory, for `context: git`. */
export class GitRepo {
  readonly dir: string

  constructor(objectFormat: 'sha1' | 'sha256' = 'sha1') {
    this.dir = mkdtempSync(join(tmpdir(), 'tagship-git-'))
    this.git('init', '--quiet', '--initial-branch=main', `--object-format=${objectFormat}`)
  }

  /** Run git in the repository; its trimmed output. */
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: testGitEnv(), encoding: 'utf8' }).trim()
  }

  /** An empty commit dated `date` (author and committer); its sha. */
  commit(message: string, date: string): string {
    execFileSync('git', ['commit', '--quiet', '--allow-empty', '--no-gpg-sign', '-m', message], {
      cwd: this.dir,
      env: { ...testGitEnv(), GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
      encoding: 'utf8'
    })
    return this.git('rev-parse', 'HEAD')
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
