import type { LoginStep } from './login-plan.js'
import { providerName } from '../registry/provider.js'

/** What to tell a person whose credentials a registry refused: which input to check. */
export function rejectedMessage(step: LoginStep): string {
  const c = step.credentials
  const who =
    step.provider.kind === 'generic'
      ? step.registry
      : `${providerName(step.provider)} (${step.registry})`
  switch (c.kind) {
    case 'static':
      if (c.from === 'dockerhub-token') {
        return `${step.registry === 'docker.io' ? 'Docker Hub' : who} rejected the credentials for ${c.username}: check dockerhub-token (an access token with Read & Write, not the password)`
      }
      if (c.from === 'azure-client-secret') {
        return `${who} rejected service principal ${c.username}: check azure-client-secret, and that the principal has the AcrPush role on the registry`
      }
      return `${who} rejected the credentials for ${c.username}: check its entry in registry-auth`
    case 'ecr':
      return `${who} rejected the ECR authorization token: check that the AWS identity may push to account ${c.account} in ${c.region}`
    case 'ecr-public':
      return `${who} rejected the ECR Public authorization token: check that the AWS identity may push to it`
    case 'acr-oidc':
      return `${who} rejected the ACR refresh token for client ${c.clientId}: check that it has the AcrPush role on the registry`
    case 'anonymous':
      return `${step.registry} asks for credentials and none were given: add it to registry-auth`
  }
}
