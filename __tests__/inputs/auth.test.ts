import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { parseAuthInputs } from '../../src/inputs/auth.js'
import { parseProviders } from '../../src/inputs/providers.js'
import { parseRegistryAuth } from '../../src/inputs/registry-auth.js'

const auth = (inputs: Record<string, string>) => parseAuthInputs((n) => inputs[n] ?? '')
const PASSWORD = 's3cr3t-Pa55'

describe('registry-auth', () => {
  test('a YAML list of registry, username and password', () => {
    const yaml = [
      '- registry: ghcr.io',
      '  username: octocat',
      `  password: ${PASSWORD}`,
      '- registry: https://Quay.io/',
      '  username: robot+ci',
      "  password: '123'",
      '- registry: index.docker.io',
      '  username: acme',
      '  password: 456'
    ].join('\n')
    expect(parseRegistryAuth(yaml)).toEqual([
      { registry: 'ghcr.io', username: 'octocat', password: PASSWORD },
      { registry: 'quay.io', username: 'robot+ci', password: '123' },
      { registry: 'docker.io', username: 'acme', password: '456' }
    ])
  })

  test.each([
    [
      `- registry: ghcr.io\n  username: a\n  password: "${PASSWORD}`,
      'registry-auth: is not valid YAML (line 3, column 25): give a list of {registry, username, password}'
    ],
    [
      `registry: ghcr.io\nusername: a\npassword: ${PASSWORD}`,
      'registry-auth: is not a YAML list: write each registry as "- registry: ghcr.io" with username and password below it'
    ],
    [
      `- ${PASSWORD}`,
      'registry-auth: entry 1 is not a mapping: give registry, username and password'
    ],
    [
      `- registry: ghcr.io\n  user: a\n  password: ${PASSWORD}`,
      'registry-auth: entry 1 has unknown key "user": did you mean "username"?'
    ],
    [
      `- registry: ghcr.io\n  password: ${PASSWORD}`,
      'registry-auth: entry 1 has no username: give registry, username and password'
    ],
    [
      '- registry: ghcr.io\n  username: a\n  password: ""',
      'registry-auth: entry 1 has an empty password: fill it in or remove the entry'
    ],
    [
      `- registry: ghcr.io/acme\n  username: a\n  password: ${PASSWORD}`,
      'registry-auth: entry 1: "ghcr.io/acme" is not a registry host: give e.g. ghcr.io or registry.example.com:5000'
    ],
    [
      `- registry: ghcr.io\n  username: a\n  password: ${PASSWORD}\n- registry: GHCR.IO\n  username: b\n  password: ${PASSWORD}`,
      'registry-auth: entry 2: ghcr.io is listed twice: keep one entry per registry'
    ]
  ])('%j is rejected without showing the password', (yaml, message) => {
    const got = messageOf(() => parseRegistryAuth(yaml))
    expect(got).toBe(message)
    expect(got).not.toContain(PASSWORD)
  })
})

describe('registry-providers', () => {
  test('host=provider lines', () => {
    const text =
      '127.0.0.1:5001=ecr:123456789012:eu-west-1\n127.0.0.1:5002=acr:acme\nhub.internal=dockerhub\nproxy.internal=ecr-public\nghcr.internal=generic'
    expect([...parseProviders(text)]).toEqual([
      ['127.0.0.1:5001', { kind: 'ecr', account: '123456789012', region: 'eu-west-1' }],
      ['127.0.0.1:5002', { kind: 'acr', name: 'acme' }],
      ['hub.internal', { kind: 'dockerhub' }],
      ['proxy.internal', { kind: 'ecr-public' }],
      ['ghcr.internal', { kind: 'generic' }]
    ])
  })

  test.each([
    [
      '127.0.0.1:5001',
      'registry-providers: line 1 "127.0.0.1:5001" is not host=provider: write e.g. registry.internal:5000=acr:acme'
    ],
    [
      'a=ecr:1234:eu-west-1',
      'registry-providers: line 1: "ecr:1234:eu-west-1" is not a provider: use dockerhub, ecr:<account>:<region>, ecr-public, acr:<name>, gar, ghcr or generic'
    ],
    [
      'a=gcr',
      'registry-providers: line 1: "gcr" is not a provider: use dockerhub, ecr:<account>:<region>, ecr-public, acr:<name>, gar, ghcr or generic'
    ],
    [
      'a=generic\na=dockerhub',
      'registry-providers: line 2: a is listed twice: keep one line per host'
    ]
  ])('%j is rejected', (text, message) => {
    expect(messageOf(() => parseProviders(text))).toBe(message)
  })
})

describe('auth inputs', () => {
  test('every credential input, trimmed', () => {
    expect(
      auth({
        'dockerhub-username': 'acme',
        'dockerhub-token': ' dckr_pat_x ',
        'aws-access-key-id': 'AKIAEXAMPLE',
        'aws-secret-access-key': 'secret',
        'aws-session-token': 'session',
        'aws-region': 'eu-west-1',
        'azure-client-id': 'client',
        'azure-tenant-id': 'tenant',
        logout: 'false'
      })
    ).toEqual({
      dockerhub: { username: 'acme', password: 'dckr_pat_x' },
      aws: {
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: 'secret',
        sessionToken: 'session',
        region: 'eu-west-1'
      },
      azure: { clientId: 'client', tenantId: 'tenant' },
      registryAuth: [],
      providers: new Map(),
      logout: false
    })
  })

  test.each([
    [
      { 'dockerhub-username': 'acme' },
      'dockerhub-token: is empty but dockerhub-username is set: set both, or set dockerhub-oidc-connection-id to log in with GitHub OIDC'
    ],
    [
      { 'dockerhub-token': 'x' },
      'dockerhub-username: is empty but dockerhub-token is set: set both, or neither'
    ],
    [
      { 'aws-access-key-id': 'AKIA' },
      'aws-secret-access-key: is empty but aws-access-key-id is set: set both, or neither'
    ],
    [
      { 'aws-session-token': 'x' },
      'aws-session-token: is set without aws-access-key-id and aws-secret-access-key: set all three, or none'
    ],
    [{ 'aws-region': 'Ireland' }, 'aws-region: "Ireland" is not an AWS region: use e.g. eu-west-1'],
    [
      { 'azure-client-secret': 'x' },
      'azure-client-id: is empty but azure-client-secret is set: give the application (client) id of the service principal'
    ],
    [{ logout: 'no' }, 'logout: "no" is not a boolean: use true or false']
  ])('%j is rejected', (inputs, message) => {
    expect(messageOf(() => auth(inputs))).toBe(message)
  })
})
