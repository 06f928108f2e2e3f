import { execFileSync, fork } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

/**
 * A self-signed certificate for 127.0.0.1 and localhost, for https fixtures.
 * @azure/identity refuses any authority that is not https, so the Entra
 * fixture needs one.
 */
export interface Certificate {
  readonly dir: string
  readonly certPath: string
  readonly cert: Buffer
  readonly key: Buffer
}

export function createCertificate(): Certificate {
  const dir = mkdtempSync(join(tmpdir(), 'tagship-tls-'))
  const certPath = join(dir, 'cert.pem')
  const keyPath = join(dir, 'key.pem')
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2'],
      ...['-keyout', keyPath, '-out', certPath, '-subj', '/CN=localhost'],
      ...['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']
    ],
    { stdio: 'ignore' }
  )
  return { dir, certPath, cert: readFileSync(certPath), key: readFileSync(keyPath) }
}

export function removeCertificate(certificate: Certificate): void {
  rmSync(certificate.dir, { recursive: true, force: true })
}

/**
 * Node reads NODE_EXTRA_CA_CERTS once, at process start (setting it later does
 * nothing: checked on Node 20), and the Azure SDK makes its own TLS agents, so
 * a Jest worker cannot be taught to trust a certificate without a hook in the
 * code under test. Code that must trust one therefore runs in a child node
 * started with NODE_EXTRA_CA_CERTS. Node 20 cannot run TypeScript, so the
 * sources the child imports are transpiled first.
 */
export class TrustingNode {
  readonly dir: string
  private scripts = 0

  /** Transpiles `entries` (repository paths) and every relative module they import. */
  constructor(
    private readonly certificate: Certificate,
    entries: readonly string[],
    root: string = process.cwd()
  ) {
    this.dir = mkdtempSync(join(tmpdir(), 'tagship-node-'))
    writeFileSync(join(this.dir, 'package.json'), '{"type":"module"}')
    // Bare imports (@azure/identity) resolve by walking up from the importing file.
    symlinkSync(join(root, 'node_modules'), join(this.dir, 'node_modules'), 'dir')
    const pending = entries.map((e) => resolve(root, e))
    const done = new Set<string>()
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (done.has(file)) continue
      done.add(file)
      const source = readFileSync(file, 'utf8')
      for (const [, spec] of source.matchAll(/from\s+'(\.{1,2}\/[^']+)\.js'/g)) {
        pending.push(resolve(dirname(file), `${spec}.ts`))
      }
      const out = join(this.dir, relative(root, file)).replace(/\.ts$/, '.js')
      mkdirSync(dirname(out), { recursive: true })
      const compilerOptions = {
        module: ts.ModuleKind.ES2022,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: false
      }
      writeFileSync(out, ts.transpileModule(source, { compilerOptions, fileName: file }).outputText)
    }
  }

  /**
   * Runs `script` (ESM JavaScript; relative imports point into the transpiled
   * tree, e.g. './src/credentials/acr.js') and resolves with the first
   * message it sends with `process.send`.
   */
  run<T>(script: string, env: NodeJS.ProcessEnv): Promise<T> {
    const path = join(this.dir, `script-${++this.scripts}.mjs`)
    writeFileSync(path, script)
    const child = fork(path, {
      cwd: this.dir,
      env: { ...env, NODE_EXTRA_CA_CERTS: this.certificate.certPath },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc']
    })
    let output = ''
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()))
    return new Promise<T>((resolvePromise, reject) => {
      let answer: { value: T } | undefined
      child.on('message', (m) => {
        answer ??= { value: m as T }
      })
      child.on('error', reject)
      child.on('exit', (code) => {
        if (answer) resolvePromise(answer.value)
        else reject(new Error(`child node exited ${code} without an answer:\n${output}`))
      })
    })
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }
}
