import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { authorizationScheme, closeServer } from './proxy.js'
import { Cleanup, removeTempDir, tempDir } from './process.js'
import {
  createSigningIdentity,
  parseScope,
  signRegistryToken,
  type Access,
  type SigningIdentity
} from './token-signing.js'

export interface TokenUser {
  readonly username: string
  readonly password: string
  /** Repository names this user may use; `*` matches any characters, `/` included. Default: every repository. */
  readonly repositories?: readonly string[]
  /** Actions granted on those repositories. Default: pull and push. */
  readonly actions?: readonly string[]
}

export interface TokenServerOptions {
  readonly users: readonly TokenUser[]
  readonly service?: string
  readonly issuer?: string
  readonly ttlSeconds?: number
  /**
   * Issue refresh tokens to clients that ask for offline access, as ACR does.
   * Docker then stores an `identitytoken` instead of the password and trades
   * it later in an OAuth2 POST (grant_type=refresh_token). Off by default, as on Docker Hub.
   */
  readonly refreshTokens?: boolean
}

/** What a client sent, minus every secret (passwords, refresh tokens), so a test may print it. */
export interface TokenRequest {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string | readonly string[]>>
  /** POST form fields, secrets removed. */
  readonly form?: Readonly<Record<string, string>>
  readonly authorization: 'none' | 'basic' | 'bearer' | 'other'
  /** The Basic username, or the form's `username`, or the user a refresh token belongs to. */
  readonly account?: string
  readonly scopes: readonly string[]
  readonly status: number
  readonly granted: readonly Access[]
}

export interface TokenServer {
  /** The URL registries put in their Bearer challenge. */
  readonly realm: string
  readonly service: string
  readonly issuer: string
  readonly certPath: string
  /** For fixtures that sign their own tokens (an ACR-like exchange) with the same trust. */
  readonly identity: SigningIdentity
  requests(): TokenRequest[]
  clearRequests(): void
  stop(): Promise<void>
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

const SECRET_FIELDS = new Set(['password', 'refresh_token', 'access_token', 'client_secret'])

/** A token server in the shape of Docker Hub's auth.docker.io: GET with Basic, or the OAuth2 POST form. */
export async function startTokenServer(options: TokenServerOptions): Promise<TokenServer> {
  const cleanup = new Cleanup()
  const dir = await tempDir('token')
  cleanup.add(() => removeTempDir(dir))
  try {
    const identity = await createSigningIdentity(dir)
    const service = options.service ?? 'tagship-test-registry'
    const issuer = options.issuer ?? 'tagship-test-issuer'
    const refreshTokens = new Map<string, string>() // refresh token -> username
    const records: TokenRequest[] = []

    const issue = (user: TokenUser | undefined, scopes: readonly string[]) => {
      const granted = user ? scopes.flatMap((s) => grant(user, s)) : []
      const token = signRegistryToken(identity, {
        issuer,
        audience: service,
        subject: user?.username ?? '',
        access: granted,
        ...(options.ttlSeconds === undefined ? {} : { ttlSeconds: options.ttlSeconds })
      })
      const body = {
        token,
        access_token: token,
        expires_in: options.ttlSeconds ?? 300,
        issued_at: new Date().toISOString()
      }
      return { granted, body }
    }
    const newRefreshToken = (username: string): string => {
      const token = randomBytes(24).toString('base64url')
      refreshTokens.set(token, username)
      return token
    }
    const findUser = (username: string | undefined) =>
      options.users.find((u) => u.username === username)

    const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const url = new URL(req.url ?? '/', 'http://token.invalid')
      const header = req.headers.authorization ?? ''
      const basic = /^Basic\s+(.+)$/i.exec(header)?.[1]
      const [basicUser, basicPassword] = basic ? splitBasic(basic) : []
      const record = {
        method: req.method ?? '',
        path: url.pathname,
        query: queryRecord(url.searchParams),
        authorization: authorizationScheme(header),
        ...(basicUser === undefined ? {} : { account: basicUser }),
        scopes: url.searchParams.getAll('scope'),
        status: 0,
        granted: []
      } as Mutable<TokenRequest>
      records.push(record)
      const reply = (status: number, body: unknown): void => {
        record.status = status
        const headers: Record<string, string> = { 'content-type': 'application/json' }
        if (status === 401) headers['www-authenticate'] = 'Basic realm="tagship-test-token"'
        res.writeHead(status, headers).end(JSON.stringify(body))
      }
      if (url.pathname !== '/token') return reply(404, { error: 'not_found' })

      if (req.method === 'GET') {
        // No credentials at all is an anonymous client: it gets a token that grants nothing.
        const user = findUser(basicUser)
        if (header && (!user || user.password !== basicPassword)) {
          return reply(401, unauthorized('incorrect username or password'))
        }
        const { granted, body } = issue(user, record.scopes)
        record.granted = granted
        const offline = url.searchParams.get('offline_token') === 'true'
        const refresh =
          user && offline && options.refreshTokens ? newRefreshToken(user.username) : undefined
        return reply(200, refresh ? { ...body, refresh_token: refresh } : body)
      }
      if (req.method === 'POST') {
        const form = new URLSearchParams(await readBody(req))
        record.form = Object.fromEntries([...form].filter(([k]) => !SECRET_FIELDS.has(k)))
        record.scopes = (form.get('scope') ?? '').split(' ').filter((s) => s !== '')
        const grantType = form.get('grant_type')
        let user: TokenUser | undefined
        if (grantType === 'password') {
          user = findUser(form.get('username') ?? undefined)
          if (user) record.account = user.username
          if (!user || user.password !== form.get('password')) user = undefined
        } else if (grantType === 'refresh_token') {
          user = findUser(refreshTokens.get(form.get('refresh_token') ?? ''))
          if (user) record.account = user.username
        } else {
          return reply(400, { error: 'unsupported_grant_type' })
        }
        if (!user) return reply(400, { error: 'invalid_grant' })
        const { granted, body } = issue(user, record.scopes)
        record.granted = granted
        const offline = form.get('access_type') === 'offline' && options.refreshTokens
        return reply(200, {
          access_token: body.access_token,
          scope: record.scopes.join(' '),
          expires_in: body.expires_in,
          issued_at: body.issued_at,
          ...(offline ? { refresh_token: newRefreshToken(user.username) } : {})
        })
      }
      return reply(405, { error: 'method_not_allowed' })
    }

    const server = createServer((req, res) => {
      handle(req, res).catch((e: unknown) => res.writeHead(500).end(String(e)))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanup.add(() => closeServer(server))
    const { port } = server.address() as AddressInfo
    return {
      realm: `http://127.0.0.1:${port}/token`,
      service,
      issuer,
      certPath: identity.certPath,
      identity,
      requests: () => records.map((r) => ({ ...r })),
      clearRequests: () => void records.splice(0),
      stop: () => cleanup.run()
    }
  } catch (e) {
    await cleanup.run()
    throw e
  }
}

/** The part of a requested scope this user may have; nothing for other scope types or foreign repositories. */
function grant(user: TokenUser, scope: string): Access[] {
  const access = parseScope(scope)
  if (!access || access.type !== 'repository') return []
  const patterns = user.repositories ?? ['*']
  if (!patterns.some((p) => globMatches(p, access.name))) return []
  const allowed = user.actions ?? ['pull', 'push']
  const actions = access.actions.filter((a) => allowed.includes(a) || allowed.includes('*'))
  return actions.length > 0 ? [{ ...access, actions }] : []
}

function globMatches(pattern: string, name: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${source.join('.*')}$`).test(name)
}

function splitBasic(encoded: string): [string, string] | [] {
  const text = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = text.indexOf(':')
  return colon < 0 ? [] : [text.slice(0, colon), text.slice(colon + 1)]
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {}
  for (const key of new Set(params.keys())) {
    if (SECRET_FIELDS.has(key)) continue
    const values = params.getAll(key)
    query[key] = values.length === 1 ? (values[0] ?? '') : values
  }
  return query
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

const unauthorized = (message: string) => ({
  errors: [{ code: 'UNAUTHORIZED', message, detail: null }]
})
