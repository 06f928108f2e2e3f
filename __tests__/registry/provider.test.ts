import { describe, expect, test } from '@jest/globals'
import { detectProvider, providerName } from '../../src/registry/provider.js'

describe('detectProvider', () => {
  test.each([
    ['docker.io', { kind: 'dockerhub' }],
    ['index.docker.io', { kind: 'dockerhub' }],
    ['registry-1.docker.io', { kind: 'dockerhub' }],
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      { kind: 'ecr', account: '123456789012', region: 'eu-west-1' }
    ],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
      { kind: 'ecr', account: '123456789012', region: 'cn-north-1' }
    ],
    [
      '123456789012.dkr.ecr.eusc-de-east-1.amazonaws.eu',
      { kind: 'ecr', account: '123456789012', region: 'eusc-de-east-1' }
    ],
    [
      '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com',
      { kind: 'ecr', account: '123456789012', region: 'us-east-1' }
    ],
    [
      '123456789012.dkr.ecr.us-gov-west-1.amazonaws.com',
      { kind: 'ecr', account: '123456789012', region: 'us-gov-west-1' }
    ],
    [
      '123456789012.dkr-ecr.eu-west-1.on.aws',
      { kind: 'ecr', account: '123456789012', region: 'eu-west-1' }
    ],
    ['public.ecr.aws', { kind: 'ecr-public' }],
    ['acme.azurecr.io', { kind: 'acr', name: 'acme' }],
    ['acmeprod.azurecr.cn', { kind: 'acr', name: 'acmeprod' }],
    ['acmegov.azurecr.us', { kind: 'acr', name: 'acmegov' }],
    ['ACME.azurecr.io', { kind: 'acr', name: 'acme' }],
    ['ghcr.io', { kind: 'ghcr' }],
    ['GHCR.io', { kind: 'ghcr' }],
    ['ghcr.io.evil.com', { kind: 'generic' }],
    ['quay.io', { kind: 'generic' }],
    ['registry.gitlab.com', { kind: 'generic' }],
    ['harbor.acme.internal:8443', { kind: 'generic' }],
    ['127.0.0.1:5000', { kind: 'generic' }],
    ['12345.dkr.ecr.eu-west-1.amazonaws.com', { kind: 'generic' }],
    ['acme.azurecr.io.evil.com', { kind: 'generic' }]
  ])('%s is %j', (host, provider) => {
    expect(detectProvider(host)).toEqual(provider)
  })

  test.each([
    [{ kind: 'dockerhub' } as const, 'Docker Hub'],
    [
      { kind: 'ecr', account: '123456789012', region: 'eu-west-1' } as const,
      'Amazon ECR (account 123456789012, eu-west-1)'
    ],
    [{ kind: 'ecr-public' } as const, 'Amazon ECR Public'],
    [{ kind: 'acr', name: 'acme' } as const, 'Azure Container Registry acme'],
    [{ kind: 'ghcr' } as const, 'GitHub Container Registry'],
    [{ kind: 'generic' } as const, 'registry']
  ])('%j is called %s', (provider, name) => {
    expect(providerName(provider)).toBe(name)
  })
})
