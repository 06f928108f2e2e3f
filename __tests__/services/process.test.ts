import { afterAll, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { freePort } from '../../__fixtures__/services/ports.js'
import {
  Cleanup,
  removeTempDir,
  ServiceStartError,
  startProcess,
  tempDir
} from '../../__fixtures__/services/process.js'

const cleanup = new Cleanup()
afterAll(() => cleanup.run())

async function logDir(): Promise<string> {
  const dir = await tempDir('process-test')
  cleanup.add(() => removeTempDir(dir))
  return dir
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('freePort', () => {
  test('gives a loopback port that can be bound at once', async () => {
    const port = await freePort()
    expect(port).toBeGreaterThan(0)
    const server = createServer()
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
    await new Promise<void>((resolve) => server.close(() => resolve()))
  })
})

describe('startProcess', () => {
  test('resolves once ready, captures output in the log, and stop() ends the process', async () => {
    const dir = await logDir()
    const marker = join(dir, 'ready')
    // stdout to a file is synchronous in Node, so the line is in the log before the marker exists.
    const script = `console.log('serving'); require('fs').writeFileSync(${JSON.stringify(marker)}, ''); setInterval(() => {}, 1000)`
    const child = await startProcess({
      name: 'fake-service',
      command: process.execPath,
      args: ['-e', script],
      logPath: join(dir, 'service.log'),
      ready: async () => existsSync(marker)
    })
    cleanup.add(child.stop)
    expect(child.isRunning()).toBe(true)
    await child.stop()
    expect(child.isRunning()).toBe(false)
    expect(isAlive(child.pid)).toBe(false)
    expect(await child.exited).toEqual({ code: null, signal: 'SIGTERM' })
    expect(readFileSync(child.logPath, 'utf8')).toBe('serving\n')
  })

  test('a process that exits before it is ready fails with its exit code and log tail', async () => {
    const dir = await logDir()
    const logPath = join(dir, 'service.log')
    const start = startProcess({
      name: 'fake-service',
      command: process.execPath,
      args: ['-e', "console.error('bind: address already in use'); process.exit(3)"],
      logPath,
      ready: async () => false
    })
    await expect(start).rejects.toThrow(
      new ServiceStartError(
        `fake-service exited with code 3 before it was ready; last lines of ${logPath}:\nbind: address already in use`,
        ''
      )
    )
    await expect(start).rejects.toHaveProperty('tail', 'bind: address already in use')
  })

  test('a process that never becomes ready is stopped, and the error says so', async () => {
    const dir = await logDir()
    const logPath = join(dir, 'service.log')
    const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`)
    const error = await startProcess({
      name: 'fake-service',
      command: process.execPath,
      args: ['-e', `console.log(${JSON.stringify(lines.join('\n'))}); setInterval(() => {}, 1000)`],
      logPath,
      ready: async () => false,
      timeoutMs: 400
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceStartError)
    expect((error as Error).message).toBe(
      `fake-service was not ready after 0.4 s and was stopped; last lines of ${logPath}:\n` +
        lines.slice(-30).join('\n')
    )
  })

  test('a command that does not exist fails at once and names it', async () => {
    const dir = await logDir()
    await expect(
      startProcess({
        name: 'missing',
        command: join(dir, 'no-such-binary'),
        args: [],
        logPath: join(dir, 'missing.log'),
        ready: async () => true
      })
    ).rejects.toThrow(
      `missing: cannot start ${join(dir, 'no-such-binary')}: spawn ${join(dir, 'no-such-binary')} ENOENT`
    )
  })
})

describe('Cleanup', () => {
  test('runs every step last-in first-out, even after one fails, then reports the failure', async () => {
    const order: string[] = []
    const steps = new Cleanup()
    steps.add(() => order.push('first'))
    steps.add(() => {
      throw new Error('second broke')
    })
    steps.add(async () => order.push('third'))
    await expect(steps.run()).rejects.toThrow('cleanup failed: second broke')
    expect(order).toEqual(['third', 'first'])
  })
})
