import { AWS_REGION } from '../registry/provider.js'
import { InputError, quote } from '../shared/errors.js'
import type { Provider } from '../registry/provider.js'
import { normaliseHost } from './registry-auth.js'
import { splitLines } from '../shared/values.js'

const INPUT = 'registry-providers'
const FORMS = 'dockerhub, ecr:<account>:<region>, ecr-public, acr:<name>, gar, ghcr or generic'

/** Parse `registry-providers`: `host=provider` lines overriding detection from the host name. */
export function parseProviders(text: string): Map<string, Provider> {
  const providers = new Map<string, Provider>()
  for (const { line, text: entry } of splitLines(text)) {
    const eq = entry.indexOf('=')
    if (eq <= 0)
      throw new InputError(
        INPUT,
        `line ${line} ${quote(entry)} is not host=provider: write e.g. registry.internal:5000=acr:acme`
      )
    const host = normaliseHost(entry.slice(0, eq))
    const spec = entry.slice(eq + 1).trim()
    const provider = parseProvider(spec)
    if (!provider)
      throw new InputError(INPUT, `line ${line}: ${quote(spec)} is not a provider: use ${FORMS}`)
    if (providers.has(host))
      throw new InputError(INPUT, `line ${line}: ${host} is listed twice: keep one line per host`)
    providers.set(host, provider)
  }
  return providers
}

function parseProvider(spec: string): Provider | undefined {
  const [kind, ...args] = spec.split(':')
  switch (kind) {
    case 'dockerhub':
    case 'ecr-public':
    case 'gar':
    case 'ghcr':
    case 'generic':
      return args.length === 0 ? { kind } : undefined
    case 'ecr':
      return args.length === 2 &&
        /^\d{12}$/.test(args[0]!) &&
        new RegExp(`^${AWS_REGION}$`).test(args[1]!)
        ? { kind: 'ecr', account: args[0]!, region: args[1]! }
        : undefined
    case 'acr':
      return args.length === 1 && /^[a-z0-9]{1,50}$/.test(args[0]!)
        ? { kind: 'acr', name: args[0]! }
        : undefined
    default:
      return undefined
  }
}
