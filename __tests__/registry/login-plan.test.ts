import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { parseAuthInputs } from '../../src/inputs/auth.js'
import { describeCredentials, planLogins } from '../../src/credentials/login-plan.js'

const auth = (inputs: Record<string, string>) => parseAuthInputs((n) => inputs[n] ?? '')
const push = (...registries: string[]) => registries.map((registry) => ({ registry, push: true }))
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'

describe('planLogins', () => {
  test('each registry once, with where its credentials come from', () => {
    const steps = planLogins(
      [
        ...push('docker.io', ECR, 'public.ecr.aws', 'acme.azurecr.io', 'ghcr.io', '127.0.0.1:5000'),
        { registry: 'docker.io', push: false }
      ],
      auth({
        'dockerhub-username': 'acme',
        'dockerhub-token': 'hub-token',
        'azure-client-id': 'client',
        'azure-tenant-id': 'tenant',
        'registry-auth': '- registry: ghcr.io\n  username: octocat\n  password: gh-token'
      })
    )
    expect(
      steps.map((s) => [s.registry, s.provider.kind, describeCredentials(s.credentials)])
    ).toEqual([
      ['docker.io', 'dockerhub', 'acme (from dockerhub-token)'],
      [ECR, 'ecr', 'an ECR authorization token (account 123456789012, eu-west-1)'],
      ['public.ecr.aws', 'ecr-public', 'an ECR Public authorization token (us-east-1)'],
      [
        'acme.azurecr.io',
        'acr',
        'GitHub OIDC for Entra ID client client, exchanged for an ACR refresh token'
      ],
      ['ghcr.io', 'ghcr', 'octocat (from registry-auth)'],
      ['127.0.0.1:5000', 'generic', 'no credentials (anonymous)']
    ])
  })

  test('registry-auth wins over provider credentials (an ACR admin user)', () => {
    const [step] = planLogins(
      push('acme.azurecr.io'),
      auth({
        'azure-client-id': 'c',
        'azure-tenant-id': 't',
        'registry-auth': '- registry: acme.azurecr.io\n  username: acme\n  password: admin'
      })
    )
    expect(step!.credentials).toEqual({
      kind: 'static',
      username: 'acme',
      password: 'admin',
      from: 'registry-auth'
    })
  })

  test('a service principal logs in to ACR with Basic credentials', () => {
    const [step] = planLogins(
      push('acme.azurecr.io'),
      auth({ 'azure-client-id': 'c', 'azure-client-secret': 's' })
    )
    expect(step!.credentials).toEqual({
      kind: 'static',
      username: 'c',
      password: 's',
      from: 'azure-client-secret'
    })
  })

  test('registry-providers makes a loopback registry an ECR registry', () => {
    const [step] = planLogins(
      push('127.0.0.1:5001'),
      auth({ 'registry-providers': '127.0.0.1:5001=ecr:123456789012:eu-west-1' })
    )
    expect(step).toEqual({
      registry: '127.0.0.1:5001',
      provider: { kind: 'ecr', account: '123456789012', region: 'eu-west-1' },
      credentials: { kind: 'ecr', account: '123456789012', region: 'eu-west-1' },
      push: true
    })
  })

  test('a source registry that is only read may be anonymous', () => {
    expect(planLogins([{ registry: 'docker.io', push: false }], auth({}))[0]!.credentials).toEqual({
      kind: 'anonymous'
    })
  })

  test.each([
    [
      'docker.io',
      {},
      'images: docker.io is Docker Hub and no credentials were given for it: set dockerhub-username and dockerhub-token (an access token with Read & Write) or dockerhub-oidc-connection-id (GitHub OIDC, with permissions: id-token: write), or add it to registry-auth'
    ],
    [
      'acme.azurecr.io',
      {},
      'images: acme.azurecr.io is Azure Container Registry acme and no credentials were given for it: set azure-client-id and azure-tenant-id (GitHub OIDC, with permissions: id-token: write), add azure-client-secret for a service principal, or add it to registry-auth (admin user or repository token)'
    ],
    [
      'acme.azurecr.io',
      { 'azure-client-id': 'c' },
      'azure-tenant-id: is empty: GitHub OIDC login to acme.azurecr.io needs the Entra ID tenant of azure-client-id (or set azure-client-secret to use a service principal)'
    ]
  ])('pushing to %s with %j fails before any network call', (registry, inputs, message) => {
    expect(messageOf(() => planLogins(push(registry), auth(inputs)))).toBe(message)
  })
})
