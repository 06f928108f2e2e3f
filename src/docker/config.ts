import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A Docker config directory for this run only, so tagship never reads or
 * changes the user's ~/.docker, and one job's logout cannot wipe another's
 * login on a shared self-hosted runner.
 */
export async function createConfigDir(parent: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(parent || tmpdir(), 'tagship-docker-'))
  await writeFile(join(dir, 'config.json'), '{}\n', { mode: 0o600 })
  return dir
}

export async function removeConfigDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
