import { spawn } from 'node:child_process'
import { dockerEnv } from './env.js'

/**
 * `docker logout`; returns docker's complaint, if any, for a warning. Run
 * with node:child_process, not @actions/exec, so the post step's bundle
 * stays small: no shell, no stdin, the same allow-listed environment.
 * Throws only when docker cannot be started at all.
 */
export function dockerLogout(configDir: string, registry: string): Promise<string | undefined> {
  const args = ['logout', ...(registry === 'docker.io' ? [] : [registry])]
  return new Promise((resolve, reject) => {
    const child = spawn('docker', args, {
      env: dockerEnv(configDir),
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'ENOENT' ? 'docker is not on PATH' : `cannot run docker: ${error.message}`
        )
      )
    )
    child.once('close', (code, signal) => {
      if (code === 0) resolve(undefined)
      else resolve((stderr || stdout).trim() || `docker exited with ${signal ?? code}`)
    })
  })
}
