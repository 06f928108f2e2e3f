import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { cliName, secretInputs } from '../../src/cli/secrets.js'
import { githubTokenCredentials } from '../../src/credentials/ghcr.js'
import { describeCredentials, planLogins } from '../../src/credentials/login-plan.js'
import { describeRegistryError } from '../../src/distribution/errors.js'
import { parseAuthInputs } from '../../src/inputs/auth.js'
import { withDockerhubOidcEnv } from '../../src/inputs/dockerhub.js'
import { parseProviders } from '../../src/inputs/providers.js'
import { render, wordsOf } from '../../src/shared/words.js'

const CONNECTION = '3f0c9a52-7d1e-4b6a-9c2f-5e8d1a4b7c90'

/** The plan of one registry from the inputs and variables, as the action reads them. */
function plan(
  registry: string,
  push: boolean,
  inputs: Record<string, string>,
  env: Record<string, string> = {}
) {
  const raw = withDockerhubOidcEnv(inputs, env)
  const auth = parseAuthInputs((name) => raw[name] ?? '')
  return planLogins([{ registry, push }], auth)[0]!.credentials
}

describe('Docker Hub and GHCR credentials, by inputs and variables', () => {
  test.each([
    [
      'a Docker Hub token',
      'docker.io',
      true,
      { 'dockerhub-username': 'acme', 'dockerhub-token': 'dckr_pat_x' },
      {},
      { kind: 'static', username: 'acme', password: 'dckr_pat_x', from: 'dockerhub-token' }
    ],
    [
      'a Docker Hub OIDC connection',
      'docker.io',
      true,
      { 'dockerhub-username': 'acme', 'dockerhub-oidc-connection-id': CONNECTION },
      {},
      { kind: 'dockerhub-oidc', username: 'acme', connectionId: CONNECTION }
    ],
    [
      'DOCKERHUB_OIDC_CONNECTIONID with a username',
      'docker.io',
      true,
      { 'dockerhub-username': 'acme' },
      { DOCKERHUB_OIDC_CONNECTIONID: ` ${CONNECTION} ` },
      { kind: 'dockerhub-oidc', username: 'acme', connectionId: CONNECTION }
    ],
    [
      'the input over DOCKERHUB_OIDC_CONNECTIONID',
      'docker.io',
      true,
      { 'dockerhub-username': 'acme', 'dockerhub-oidc-connection-id': CONNECTION },
      { DOCKERHUB_OIDC_CONNECTIONID: '00000000-0000-4000-8000-000000000000' },
      { kind: 'dockerhub-oidc', username: 'acme', connectionId: CONNECTION }
    ],
    [
      'a token, with DOCKERHUB_OIDC_CONNECTIONID set for another step',
      'docker.io',
      true,
      { 'dockerhub-username': 'acme', 'dockerhub-token': 'dckr_pat_x' },
      { DOCKERHUB_OIDC_CONNECTIONID: CONNECTION },
      { kind: 'static', username: 'acme', password: 'dckr_pat_x', from: 'dockerhub-token' }
    ],
    [
      'a Docker Hub source, only read, with nothing given (DOCKERHUB_OIDC_CONNECTIONID alone)',
      'docker.io',
      false,
      {},
      { DOCKERHUB_OIDC_CONNECTIONID: CONNECTION },
      { kind: 'anonymous' }
    ],
    [
      'a GHCR target with github-token',
      'ghcr.io',
      true,
      { 'github-token': 'ghs_x' },
      {},
      { kind: 'github-token', token: 'ghs_x' }
    ],
    [
      'a GHCR source, only read, with github-token: anonymous as before',
      'ghcr.io',
      false,
      { 'github-token': 'ghs_x' },
      {},
      { kind: 'anonymous' }
    ],
    [
      'a GHCR target in registry-auth',
      'ghcr.io',
      true,
      {
        'github-token': 'ghs_x',
        'registry-auth': '- registry: ghcr.io\n  username: bot\n  password: ghp_y'
      },
      {},
      { kind: 'static', username: 'bot', password: 'ghp_y', from: 'registry-auth' }
    ],
    [
      'a loopback registry made GHCR by registry-providers',
      '127.0.0.1:5000',
      true,
      { 'github-token': 'ghs_x', 'registry-providers': '127.0.0.1:5000=ghcr' },
      {},
      { kind: 'github-token', token: 'ghs_x' }
    ]
  ])('%s', (_, registry, push, inputs, env, credentials) => {
    expect(plan(registry, push, inputs, env)).toEqual(credentials)
  })

  test.each([
    [
      'docker.io',
      {
        'dockerhub-username': 'acme',
        'dockerhub-token': 'x',
        'dockerhub-oidc-connection-id': CONNECTION
      },
      {},
      'dockerhub-oidc-connection-id: is set together with dockerhub-token: choose one (the OIDC connection needs no stored token)'
    ],
    [
      'docker.io',
      { 'dockerhub-username': 'acme', 'dockerhub-oidc-connection-id': 'acme-connection' },
      {},
      'dockerhub-oidc-connection-id: "acme-connection" is not an OIDC connection ID: copy the UUID Docker Home shows under OIDC connections'
    ],
    [
      'docker.io',
      { 'dockerhub-oidc-connection-id': CONNECTION },
      {},
      'dockerhub-username: is empty but dockerhub-oidc-connection-id is set: give the Docker Hub organisation the connection belongs to'
    ],
    [
      'docker.io',
      { 'dockerhub-username': 'acme' },
      { DOCKERHUB_OIDC_CONNECTIONID: 'not-a-uuid' },
      'DOCKERHUB_OIDC_CONNECTIONID: "not-a-uuid" is not an OIDC connection ID: copy the UUID Docker Home shows under OIDC connections'
    ],
    [
      'docker.io',
      {},
      { DOCKERHUB_OIDC_CONNECTIONID: CONNECTION },
      'images: docker.io is Docker Hub and no credentials were given for it: set dockerhub-username and dockerhub-token (an access token with Read & Write) or dockerhub-oidc-connection-id (GitHub OIDC, with permissions: id-token: write), or add it to registry-auth'
    ],
    [
      'ghcr.io',
      {},
      {},
      "images: ghcr.io is GitHub Container Registry and no credentials were given for it: set github-token (the job's GITHUB_TOKEN, with permissions: packages: write), or add it to registry-auth"
    ]
  ])(
    'pushing to %s with %j and %j fails before any network call',
    (registry, inputs, env, message) => {
      expect(messageOf(() => plan(registry, true, inputs, env))).toBe(message)
    }
  )

  test.each([
    [
      { kind: 'dockerhub-oidc', username: 'acme', connectionId: CONNECTION } as const,
      `acme with GitHub OIDC, exchanged at Docker for OIDC connection ${CONNECTION}`
    ],
    [
      { kind: 'github-token', token: 'ghs_x' } as const,
      "the workflow's actor (GITHUB_ACTOR) with github-token"
    ]
  ])('the log describes %j without its secret', (credentials, text) => {
    expect(describeCredentials(credentials)).toBe(text)
  })

  test('registry-providers takes ghcr', () => {
    expect([...parseProviders('ghcr.internal:5000=ghcr')]).toEqual([
      ['ghcr.internal:5000', { kind: 'ghcr' }]
    ])
  })
})

describe("GHCR's login as the workflow's actor", () => {
  test('GITHUB_ACTOR with github-token, the token masked first', () => {
    const masked: string[] = []
    const credentials = githubTokenCredentials('ghcr.io', 'ghs_x', {
      mask: (s) => void masked.push(s),
      env: { GITHUB_ACTOR: 'octocat' }
    })
    expect([credentials, masked]).toEqual([{ username: 'octocat', password: 'ghs_x' }, ['ghs_x']])
  })

  test.each([
    [
      (name: string) => name,
      "ghcr.io: github-token logs in as the workflow's actor, and GITHUB_ACTOR is not set: outside GitHub Actions, add ghcr.io to registry-auth with the token's user"
    ],
    [
      cliName,
      "ghcr.io: GITHUB_TOKEN logs in as the workflow's actor, and GITHUB_ACTOR is not set: outside GitHub Actions, add ghcr.io to TAGSHIP_REGISTRY_AUTH with the token's user"
    ]
  ])('no GITHUB_ACTOR: one line, in each edge’s names', (names, line) => {
    let thrown: unknown
    try {
      githubTokenCredentials('ghcr.io', 'ghs_x', { mask: () => undefined, env: {} })
    } catch (e) {
      thrown = e
    }
    expect(render(wordsOf(thrown), names)).toBe(line)
  })

  test('the CLI reads github-token from GITHUB_TOKEN, never from a flag', () => {
    expect([secretInputs({ GITHUB_TOKEN: 'ghs_x' }), cliName('github-token')]).toEqual([
      { 'github-token': 'ghs_x' },
      'GITHUB_TOKEN'
    ])
  })
})

describe("GHCR's refusal of a write", () => {
  const context = {
    registry: 'ghcr.io',
    repository: 'acme/app',
    reference: 'sha256:abc',
    action: 'uploading blob',
    write: true,
    provider: 'ghcr' as const
  }
  const denied = (message: string) => ({ status: 403, code: 'DENIED', message, retries: 0 })

  test.each([
    [
      'no packages: write',
      context,
      denied('installation not allowed to Write organization package'),
      "uploading blob ghcr.io/acme/app@sha256:abc failed: DENIED (HTTP 403): GHCR refused to write the package ghcr.io/acme/app (installation not allowed to Write organization package): the job's GITHUB_TOKEN may not write packages: add permissions: packages: write to the job"
    ],
    [
      'a package not granted to the repository',
      context,
      denied('permission_denied: write_package'),
      "uploading blob ghcr.io/acme/app@sha256:abc failed: DENIED (HTTP 403): GHCR refused to write the package ghcr.io/acme/app (permission_denied: write_package): the package does not grant the workflow's repository Write access: in the package's settings, Manage Actions access, add the repository with the Write role (and give the job permissions: packages: write)"
    ],
    [
      'another refusal of a write',
      { ...context, action: 'pushing manifest', reference: '1.2.3' },
      { status: 403, retries: 0 },
      "pushing manifest ghcr.io/acme/app:1.2.3 failed: HTTP 403: GHCR refused to write the package ghcr.io/acme/app: give the job permissions: packages: write, and the workflow's repository Write access in the package's settings (Manage Actions access)"
    ],
    [
      'a read GHCR refuses: the usual words',
      { ...context, action: 'reading manifest', write: false },
      denied('permission_denied: read_package'),
      'reading manifest ghcr.io/acme/app@sha256:abc failed: DENIED (HTTP 403): the credentials may not pull from acme/app: grant them read access to it'
    ],
    [
      'the same words from a registry not known as GHCR: the usual words',
      { ...context, provider: 'generic' as const },
      denied('permission_denied: write_package'),
      'uploading blob ghcr.io/acme/app@sha256:abc failed: DENIED (HTTP 403): the credentials may not push to acme/app: grant them write access to it'
    ]
  ])('%s', (_, ctx, answer, line) => {
    expect(describeRegistryError(ctx, answer)).toBe(line)
  })
})
