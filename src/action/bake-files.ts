import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { bakeFiles, type BakeContent, type BakeFile } from '../report/bake.js'

/**
 * Write the bake files in a new folder of `tempDir` (two steps of one job
 * never share one) and give each output its file's path.
 */
export function writeBakeFiles(
  content: BakeContent,
  tempDir: string
): Record<BakeFile['output'], string> {
  mkdirSync(tempDir, { recursive: true })
  const dir = mkdtempSync(join(tempDir, 'tagship-bake-'))
  const paths = {} as Record<BakeFile['output'], string>
  for (const file of bakeFiles(content)) {
    const path = join(dir, file.name)
    writeFileSync(path, file.json)
    paths[file.output] = path
  }
  return paths
}
