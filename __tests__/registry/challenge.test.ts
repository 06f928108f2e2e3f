import { describe, expect, test } from '@jest/globals'
import { parseChallenge } from '../../src/distribution/challenge.js'
import { isLoopbackHost, registryBaseUrl } from '../../src/distribution/endpoint.js'

describe('parseChallenge', () => {
  test.each([
    ['Basic realm="basic-realm"', { scheme: 'basic', params: { realm: 'basic-realm' } }],
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:acme/app:pull,push"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:acme/app:pull,push'
        }
      }
    ],
    [
      'bearer Realm="http://127.0.0.1:1/token", service=reg, error="insufficient_scope"',
      {
        scheme: 'bearer',
        params: { realm: 'http://127.0.0.1:1/token', service: 'reg', error: 'insufficient_scope' }
      }
    ],
    ['Bearer realm="a\\"b"', { scheme: 'bearer', params: { realm: 'a"b' } }],
    ['Negotiate abc', undefined],
    ['', undefined],
    [null, undefined]
  ])('%j', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected)
  })
})

describe('registry endpoints', () => {
  test.each([
    ['docker.io', 'https://registry-1.docker.io', false],
    ['ghcr.io', 'https://ghcr.io', false],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000', true],
    ['localhost:5000', 'http://localhost:5000', true],
    ['[::1]:5000', 'http://[::1]:5000', true],
    ['127.evil.com', 'https://127.evil.com', false]
  ])('%s is %s', (host, url, loopback) => {
    expect(registryBaseUrl(host)).toBe(url)
    expect(isLoopbackHost(host)).toBe(loopback)
  })
})
