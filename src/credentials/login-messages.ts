import { named, words, type Words } from '../shared/words.js'
import type { LoginStep } from './login-plan.js'
import { providerName } from '../registry/provider.js'

/** What to tell a person whose credentials a registry refused: which input to check. */
export function rejectedMessage(step: LoginStep): Words {
  const c = step.credentials
  const who =
    step.provider.kind === 'generic'
      ? step.registry
      : `${providerName(step.provider)} (${step.registry})`
  switch (c.kind) {
    case 'static':
      if (c.from === 'dockerhub-token') {
        return words`${step.registry === 'docker.io' ? 'Docker Hub' : who} rejected the credentials for ${c.username}: check ${named('dockerhub-token')} (an access token with Read & Write, not the password)`
      }
      if (c.from === 'azure-client-secret') {
        return words`${who} rejected service principal ${c.username}: check ${named('azure-client-secret')}, and that the principal has the AcrPush role on the registry`
      }
      return words`${who} rejected the credentials for ${c.username}: check its entry in ${named('registry-auth')}`
    case 'ecr':
      return words`${who} rejected the ECR authorization token: check that the AWS identity may push to account ${c.account} in ${c.region}`
    case 'ecr-public':
      return words`${who} rejected the ECR Public authorization token: check that the AWS identity may push to it`
    case 'acr-oidc':
      return words`${who} rejected the ACR refresh token for client ${c.clientId}: check that it has the AcrPush role on the registry`
    case 'gcp-oidc':
      return c.serviceAccount
        ? words`${who} rejected the access token of ${c.serviceAccount}: grant it roles/artifactregistry.writer on the repository (or its project)`
        : words`${who} rejected the federated access token of ${c.workloadIdentityProvider}: grant the pool's principal roles/artifactregistry.writer on the repository, or set ${named('gcp-service-account')} to impersonate an account that has it`
    case 'gcp-key':
      return words`${who} rejected the key of ${c.key.clientEmail}: check ${named('gcp-credentials-json')} (a deleted or disabled key is refused) and that the account has roles/artifactregistry.writer`
    case 'dockerhub-oidc':
      return words`${step.registry === 'docker.io' ? 'Docker Hub' : who} rejected the access token Docker issued to ${c.username} for OIDC connection ${c.connectionId}: check that ${named('dockerhub-username')} is the organisation the connection belongs to`
    case 'github-token':
      return words`${who} rejected ${named('github-token')}: give it the job's GITHUB_TOKEN (with permissions: packages: write), or a token with the write:packages scope`
    case 'anonymous':
      return words`${step.registry} asks for credentials and none were given: add it to ${named('registry-auth')}`
  }
}
