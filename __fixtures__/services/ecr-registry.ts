import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EcrRepositories, type ImageTagMutability } from './aws.js'
import { Cleanup } from './process.js'
import { closeServer } from './proxy.js'
import { startRegistry, type Registry } from './registry.js'

/**
 * An Amazon ECR private registry on loopback, as a client meets one: Basic
 * auth for user `AWS`, pushes only to repositories that exist (the set shared
 * with the AWS fixture, so its CreateRepository opens one), immutable tags,
 * and no cross-repository mounts. A small proxy in front of a Distribution
 * registry with htpasswd auth does what Distribution does not.
 */
export interface EcrRegistryOptions {
  /** Repositories that exist from the start. */
  readonly repositories?: readonly string[]
  /** Tag mutability of those repositories (default false: MUTABLE). */
  readonly immutable?: boolean
  /** Default: the shared set's account, else 123456789012. */
  readonly account?: string
  /** The region whose repositories this registry serves (default eu-west-1). */
  readonly region?: string
  /** The password of user AWS; default the AWS fixture's, else `fixture-password` (the AWS fixture's default). */
  readonly password?: string
  /** Share the repository set (and the password) with this AWS fixture. */
  readonly aws?: { readonly repositories: EcrRepositories; readonly password?: string }
  /** Let `POST …/blobs/uploads/?mount=…&from=…` mount (201); default false: ECR's default, a 202 upload session. */
  readonly blobMounting?: boolean
}

/** One request as it reached the ECR front. */
export interface EcrRequest {
  readonly method: string
  /** Without the query: `/v2/team/app/manifests/1`. */
  readonly path: string
  /** The raw query without `?`, or ''. */
  readonly query: string
  /** The Basic username, '' for an empty one; undefined when no Basic header came. */
  readonly user?: string
  /** The answer's status; 0 while there is none, 502 when the registry behind could not be reached. */
  readonly status: number
  /** Request body bytes received. */
  readonly bytes: number
  /** True when the answer came from the ECR front itself (NAME_UNKNOWN, TAG_INVALID), not the registry. */
  readonly refused: boolean
}

export interface EcrRegistry {
  /** `127.0.0.1:PORT`, as in image references. */
  readonly host: string
  readonly url: string
  readonly account: string
  readonly region: string
  readonly username: 'AWS'
  readonly password: string
  /** The shared repository set (this registry serves its `region`). */
  readonly repositories: EcrRepositories
  /** Add a repository in this registry's region. */
  createRepository(name: string, mutability?: ImageTagMutability): void
  /** The Distribution registry behind (started with record: false: the front keeps the record). */
  readonly registry: Registry
  /** Every request, in arrival order. */
  requests(): EcrRequest[]
  /** Requests that write: PUT, POST, PATCH, DELETE. */
  writes(): EcrRequest[]
  /** Request body bytes received, in all. */
  bytesReceived(): number
  clearRequests(): void
  stop(): Promise<void>
}

const WRITES = new Set(['PUT', 'POST', 'PATCH', 'DELETE'])
const REPOSITORY_PATH = /^\/v2\/(.+)\/(manifests|blobs|tags)\/(.*)$/
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
].join(', ')

/** ECR's own error bodies (Distribution's JSON error shape). */
function ecrError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify({ errors: [{ code, message }] }))
}

export async function startEcrRegistry(options: EcrRegistryOptions = {}): Promise<EcrRegistry> {
  const cleanup = new Cleanup()
  try {
    const shared = options.aws?.repositories
    const account = options.account ?? shared?.account ?? '123456789012'
    const region = options.region ?? 'eu-west-1'
    const password = options.password ?? options.aws?.password ?? 'fixture-password'
    const repositories = shared ?? new EcrRepositories(account)
    const mutability: ImageTagMutability = options.immutable ? 'IMMUTABLE' : 'MUTABLE'
    for (const name of options.repositories ?? []) {
      if (!repositories.has(region, name)) repositories.create(region, name, mutability)
      else repositories.setMutability(region, name, mutability)
    }
    const registry = await startRegistry({
      auth: 'htpasswd',
      users: [{ username: 'AWS', password }],
      record: false
    })
    cleanup.add(registry.stop)
    const upstream = registry.url
    const agent = new Agent({ keepAlive: true })
    cleanup.add(() => agent.destroy())
    const records: Array<{ -readonly [K in keyof EcrRequest]: EcrRequest[K] }> = []
    let host = ''

    /** ECR's Basic challenge names the registry host and the ecr service. */
    const challenge = () => `Basic realm="https://${host}/",service="ecr.amazonaws.com"`

    /** What the registry behind answers for `path` with the client's own credentials. */
    const ask = (method: string, path: string, req: IncomingMessage) =>
      fetch(`${upstream}${path}`, {
        method,
        headers: {
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          accept: MANIFEST_TYPES
        }
      })

    /** Why ECR itself refuses this request before the registry sees it, or undefined. */
    async function refusal(
      req: IncomingMessage,
      path: string
    ): Promise<{ status: number; code: string; message: string } | undefined> {
      const match = REPOSITORY_PATH.exec(path)
      if (!match) return undefined
      const [, name = '', kind, reference = ''] = match
      const repository = repositories.get(region, name)
      if (!repository) {
        // ECR checks the credentials first: no or wrong ones get its 401 whatever the name.
        const check = await ask('GET', '/v2/', req)
        await check.arrayBuffer()
        if (check.status === 401) return undefined
        return {
          status: 404,
          code: 'NAME_UNKNOWN',
          message: `The repository with name '${name}' does not exist in the registry with id '${account}'`
        }
      }
      const byTag = !reference.includes(':')
      if (
        kind === 'manifests' &&
        req.method === 'PUT' &&
        byTag &&
        repository.imageTagMutability === 'IMMUTABLE'
      ) {
        const head = await ask('HEAD', `/v2/${name}/manifests/${reference}`, req)
        if (head.status === 200) {
          return {
            status: 400,
            code: 'TAG_INVALID',
            message: `The image tag '${reference}' already exists in the '${name}' repository and cannot be overwritten because the repository is immutable.`
          }
        }
      }
      return undefined
    }

    /** Without mounting, ECR opens an upload session (202) for a mount request: drop mount and from. */
    function forwardedUrl(path: string, query: string, method: string): string {
      if (options.blobMounting || method !== 'POST' || !/\/blobs\/uploads\/?$/.test(path)) {
        return query ? `${path}?${query}` : path
      }
      const params = new URLSearchParams(query)
      params.delete('mount')
      params.delete('from')
      const rest = params.toString()
      return rest ? `${path}?${rest}` : path
    }

    function forward(
      req: IncomingMessage,
      res: ServerResponse,
      url: string,
      record: { status: number }
    ) {
      const port = Number(new URL(upstream).port)
      const out = request(
        { host: '127.0.0.1', port, method: req.method, path: url, headers: req.headers, agent },
        (answer) => {
          record.status = answer.statusCode ?? 0
          const raw = [...answer.rawHeaders]
          for (let i = 0; i < raw.length; i += 2) {
            if (raw[i]!.toLowerCase() === 'www-authenticate') raw[i + 1] = challenge()
          }
          res.writeHead(answer.statusCode ?? 502, answer.statusMessage, raw)
          answer.pipe(res)
        }
      )
      out.on('error', (e) => {
        record.status = 502
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
        res.end(`ecr fixture: ${upstream} failed: ${e.message}`)
      })
      req.pipe(out)
    }

    const server = createServer((req, res) => {
      const url = req.url ?? '/'
      const q = url.indexOf('?')
      const path = q < 0 ? url : url.slice(0, q)
      const query = q < 0 ? '' : url.slice(q + 1)
      const authorization = req.headers.authorization ?? ''
      const basic = /^basic\s+(\S*)/i.exec(authorization)
      const record = {
        method: req.method ?? '',
        path,
        query,
        ...(basic
          ? { user: Buffer.from(basic[1]!, 'base64').toString('utf8').split(':', 1)[0] ?? '' }
          : {}),
        status: 0,
        bytes: 0,
        refused: false
      }
      records.push(record)
      // The body stays unread (no listener, so not flowing) until ECR's own checks are done.
      refusal(req, path).then(
        (refused) => {
          req.on('data', (chunk: Buffer) => void (record.bytes += chunk.length))
          if (!refused) {
            forward(req, res, forwardedUrl(path, query, record.method), record)
            req.resume()
            return
          }
          record.refused = true
          record.status = refused.status
          req.on('end', () => ecrError(res, refused.status, refused.code, refused.message))
          req.resume()
        },
        (e: unknown) => {
          record.status = 502
          res.writeHead(502, { 'content-type': 'text/plain' })
          res.end(`ecr fixture: ${e instanceof Error ? e.message : String(e)}`)
        }
      )
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanup.add(() => closeServer(server))
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    return {
      host,
      url: `http://${host}`,
      account,
      region,
      username: 'AWS',
      password,
      repositories,
      createRepository: (name, m = 'MUTABLE') => void repositories.create(region, name, m),
      registry,
      requests: () => records.map((r) => ({ ...r })),
      writes: () => records.filter((r) => WRITES.has(r.method)).map((r) => ({ ...r })),
      bytesReceived: () => records.reduce((sum, r) => sum + r.bytes, 0),
      clearRequests: () => void records.splice(0),
      stop: () => cleanup.run()
    }
  } catch (e) {
    await cleanup.run()
    throw e
  }
}
