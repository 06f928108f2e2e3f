import { startAcrExchange, type AcrExchange, type AcrExchangeOptions } from './acr-exchange.js'
import { Cleanup, removeTempDir, tempDir } from './process.js'
import { startRegistry, type Registry } from './registry.js'
import { startTap, type TappedRequest } from './tap.js'
import type { TokenServer } from './token-server.js'
import {
  createSigningIdentity,
  parseScope,
  signRegistryToken,
  type Access
} from './token-signing.js'

/**
 * An Azure Container Registry on loopback, as a client meets one: one host
 * that answers `/oauth2/exchange`, `/oauth2/token` and `/v2/`. A tap holds the
 * host (so its port is known first), the ACR exchange fixture sits behind it,
 * and a Distribution registry with token auth behind that, trusting tokens
 * the exchange signs for `service` = the host, with its realm on the host.
 */
export interface AcrRegistryOptions {
  readonly tenantId: string
  /** Whoever issued the Entra access tokens the exchange accepts. */
  readonly trusts: AcrExchangeOptions['trusts']
  /** Sees every request to the host as it arrives (see startTap). */
  readonly onRequest?: (request: TappedRequest) => void
  readonly refusal?: AcrExchangeOptions['refusal']
}

export interface AcrRegistry {
  /** `127.0.0.1:PORT`: the login server, as in image references and the exchange's `service`. */
  readonly host: string
  readonly exchange: AcrExchange
  /** The Distribution registry behind it, with its request record. */
  readonly registry: Registry
  /** Registry access tokens signed for `/oauth2/token`, in order. */
  readonly signed: readonly string[]
  stop(): Promise<void>
}

const ISSUER = 'tagship-test-acr'

export async function startAcrRegistry(options: AcrRegistryOptions): Promise<AcrRegistry> {
  const cleanup = new Cleanup()
  try {
    const front = await startTap(options.onRequest ?? (() => undefined))
    cleanup.add(front.stop)
    const dir = await tempDir('acr')
    cleanup.add(() => removeTempDir(dir))
    const identity = await createSigningIdentity(dir, 'tagship-test-acr-issuer')
    // The registry reads only realm, service, issuer and certPath from its token server.
    const trust: TokenServer = {
      realm: `${front.url}/oauth2/token`,
      service: front.host,
      issuer: ISSUER,
      certPath: identity.certPath,
      identity,
      requests: () => [],
      clearRequests: () => undefined,
      stop: async () => undefined
    }
    const registry = await startRegistry({ auth: 'token', tokenServer: trust })
    cleanup.add(registry.stop)
    const signed: string[] = []
    const exchange = await startAcrExchange({
      service: front.host,
      tenantId: options.tenantId,
      trusts: options.trusts,
      ...(options.refusal ? { refusal: options.refusal } : {}),
      upstream: registry.url,
      signToken: (scopes) => {
        const access = scopes.map(parseScope).filter((a): a is Access => a !== undefined)
        const token = signRegistryToken(identity, {
          issuer: ISSUER,
          audience: front.host,
          subject: 'acr-refresh-token-principal',
          access
        })
        signed.push(token)
        return token
      }
    })
    cleanup.add(exchange.close)
    front.setTarget(exchange.url)
    return { host: front.host, exchange, registry, signed, stop: () => cleanup.run() }
  } catch (e) {
    await cleanup.run()
    throw e
  }
}
