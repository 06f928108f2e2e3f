import { describe, expect, test } from '@jest/globals'
import type { TokenGrant } from '../../src/distribution/token-claims.js'
import { pushPermission } from '../../src/push/permission.js'
import type { PushPermission } from '../../src/push/preview-result.js'
import type { Provider } from '../../src/registry/provider.js'

const actions = (...a: string[]): TokenGrant => ({ kind: 'actions', actions: a })
const denied = (grants: string, fix: string): PushPermission => ({
  status: 'denied',
  detail: `the credentials may read acme/app but not push (the registry's token grants ${grants}): ${fix}`
})

describe('pushPermission', () => {
  test.each<[string, TokenGrant, Provider['kind'] | undefined, PushPermission]>([
    [
      'a token with push',
      actions('pull', 'push'),
      'generic',
      { status: 'granted', detail: "the registry's token grants pull, push on acme/app" }
    ],
    [
      'a token with every action',
      actions('*'),
      'acr',
      { status: 'granted', detail: "the registry's token grants * on acme/app" }
    ],
    [
      'a pull-only token on a registry of its own',
      actions('pull'),
      'generic',
      denied('pull', "grant the account push on acme/app at the registry's token service")
    ],
    [
      'a pull-only token on Docker Hub',
      actions('pull'),
      'dockerhub',
      denied(
        'pull',
        'use a Docker Hub access token with Read & Write scope, of an account that may push to acme/app'
      )
    ],
    [
      'a token for nothing on GHCR',
      actions(),
      'ghcr',
      denied(
        'nothing',
        'give the token packages: write (in a workflow, permissions: packages: write), and its account write access to the package acme/app'
      )
    ],
    [
      'ACR',
      actions('pull'),
      'acr',
      denied(
        'pull',
        'assign the identity the AcrPush role on the registry (or a token whose scope map allows content/write on acme/app)'
      )
    ],
    [
      'Artifact Registry',
      actions('pull'),
      'gar',
      denied(
        'pull',
        'grant the identity roles/artifactregistry.writer on the repository of acme/app'
      )
    ],
    [
      'an opaque token',
      { kind: 'opaque' },
      'ghcr',
      {
        status: 'unknown',
        detail: "the registry's token is opaque: what it grants cannot be read without writing"
      }
    ],
    [
      'Basic credentials',
      { kind: 'no token' },
      undefined,
      {
        status: 'unknown',
        detail:
          'the registry takes Basic credentials (or none), which do not say what they may write'
      }
    ],
    [
      'ECR, whatever the client sent',
      actions('pull'),
      'ecr',
      {
        status: 'unknown',
        detail:
          'Amazon ECR: whether the AWS identity may push (ecr:PutImage and the layer upload actions) is not checked, as that takes IAM policy simulation, another permission'
      }
    ]
  ])('%s', (_why, grant, provider, expected) => {
    expect(pushPermission(grant, provider, 'acme/app')).toEqual(expected)
  })
})
