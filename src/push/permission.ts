import type { TokenGrant } from '../distribution/token-claims.js'
import type { Provider } from '../registry/provider.js'
import type { PushPermission } from './preview-result.js'

/** What to grant, in the words of each registry's own settings. */
function fixFor(provider: Provider['kind'] | undefined, path: string): string {
  switch (provider) {
    case 'dockerhub':
      return `use a Docker Hub access token with Read & Write scope, of an account that may push to ${path}`
    case 'ghcr':
      return `give the token packages: write (in a workflow, permissions: packages: write), and its account write access to the package ${path}`
    case 'acr':
      return `assign the identity the AcrPush role on the registry (or a token whose scope map allows content/write on ${path})`
    case 'gar':
      return `grant the identity roles/artifactregistry.writer on the repository of ${path}`
    default:
      return `grant the account push on ${path} at the registry's token service`
  }
}

/**
 * Whether the credentials may push to a target, from the token its reads
 * obtained for `pull,push` (a token service grants what it may of a scope):
 * a JWT's `access` claim says; an opaque token, Basic credentials and ECR
 * (whose answer needs IAM's policy simulation, another permission) say
 * nothing, and that is said, never guessed.
 */
export function pushPermission(
  grant: TokenGrant,
  provider: Provider['kind'] | undefined,
  path: string
): PushPermission {
  if (provider === 'ecr')
    return {
      status: 'unknown',
      detail:
        'Amazon ECR: whether the AWS identity may push (ecr:PutImage and the layer upload actions) is not checked, as that takes IAM policy simulation, another permission'
    }
  switch (grant.kind) {
    case 'no token':
      return {
        status: 'unknown',
        detail:
          'the registry takes Basic credentials (or none), which do not say what they may write'
      }
    case 'opaque':
      return {
        status: 'unknown',
        detail: "the registry's token is opaque: what it grants cannot be read without writing"
      }
    case 'actions': {
      const granted = grant.actions.length > 0 ? grant.actions.join(', ') : 'nothing'
      if (grant.actions.includes('push') || grant.actions.includes('*'))
        return { status: 'granted', detail: `the registry's token grants ${granted} on ${path}` }
      return {
        status: 'denied',
        detail: `the credentials may read ${path} but not push (the registry's token grants ${granted}): ${fixFor(provider, path)}`
      }
    }
  }
}
