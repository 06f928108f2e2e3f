import { describe, expect, test } from '@jest/globals'
import { grantOf, type TokenGrant } from '../../src/distribution/token-claims.js'

const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')
/** A JWT with this payload; the signature is never checked, so any bytes do. */
const jwt = (payload: unknown): string =>
  `${part({ alg: 'RS256', typ: 'JWT' })}.${part(payload)}.c2ln`
const bearer = (payload: unknown): string => `Bearer ${jwt(payload)}`
const access = (...entries: unknown[]) => bearer({ sub: 'ci', access: entries })
const repo = (name: string, actions: unknown) => ({ type: 'repository', name, actions })

describe('grantOf', () => {
  test.each<[string, string | undefined, TokenGrant]>([
    [
      'pull and push',
      access(repo('acme/app', ['pull', 'push'])),
      { kind: 'actions', actions: ['pull', 'push'] }
    ],
    ['pull only', access(repo('acme/app', ['pull'])), { kind: 'actions', actions: ['pull'] }],
    ['the wildcard', access(repo('acme/app', ['*'])), { kind: 'actions', actions: ['*'] }],
    [
      'entries for the repository merged, other repositories and types ignored',
      access(
        repo('acme/app', ['pull']),
        repo('acme/other', ['push']),
        { type: 'registry', name: 'catalog', actions: ['*'] },
        repo('acme/app', ['push', 'pull'])
      ),
      { kind: 'actions', actions: ['pull', 'push'] }
    ],
    [
      'nothing for the repository',
      access(repo('acme/other', ['pull', 'push'])),
      { kind: 'actions', actions: [] }
    ],
    ['an empty access claim', access(), { kind: 'actions', actions: [] }],
    [
      'malformed entries skipped',
      access('x', null, repo('acme/app', 'push'), repo('acme/app', ['pull', 7])),
      { kind: 'actions', actions: ['pull'] }
    ],
    ['a JWT without an access claim', bearer({ sub: 'ci' }), { kind: 'opaque' }],
    [
      'an opaque token (GHCR, Artifact Registry)',
      'Bearer djE6YWNtZS9hcHA6MTIzNDU2',
      { kind: 'opaque' }
    ],
    ['three parts that are not JSON', 'Bearer a.b.c', { kind: 'opaque' }],
    [
      'the scheme in any case',
      `bearer ${jwt({ access: [repo('acme/app', ['pull'])] })}`,
      { kind: 'actions', actions: ['pull'] }
    ],
    ['Basic credentials', 'Basic YWxpY2U6c2VjcmV0', { kind: 'no token' }],
    ['no authorization at all', undefined, { kind: 'no token' }]
  ])('%s', (_why, authorization, expected) => {
    expect(grantOf(authorization, 'acme/app')).toEqual(expected)
  })
})
