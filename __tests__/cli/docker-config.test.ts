import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HelperAnswer, HelperCall } from '../../src/cli/credential-helpers.js'
import {
  lookupDockerConfig,
  readDockerConfig,
  type DockerConfig
} from '../../src/cli/docker-config.js'
import { cliLoginSteps, cliRejectedMessage } from '../../src/cli/logins.js'
import { Secrets } from '../../src/cli/secrets.js'
import { parseInputs } from '../../src/inputs/parse.js'

/**
 * The Docker config as the CLI reads it, and the order Docker looks a
 * registry's credentials up in: the host's credHelpers entry, else
 * credsStore; the file's auths when the helper has nothing; else none.
 */
const root = mkdtempSync(join(tmpdir(), 'tagship-docker-config-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))
let n = 0
/** A DOCKER_CONFIG folder holding this config.json. */
const configDir = (doc: unknown): string => {
  const dir = join(root, `c${n++}`)
  mkdirSync(dir)
  writeFileSync(join(dir, 'config.json'), typeof doc === 'string' ? doc : JSON.stringify(doc))
  return dir
}
const b64 = (text: string): string => Buffer.from(text).toString('base64')

/** The config as plain data, for exact comparison. */
const plain = (c: DockerConfig) => ({
  auths: Object.fromEntries(c.auths),
  credHelpers: Object.fromEntries(c.credHelpers),
  credsStore: c.credsStore
})

describe('readDockerConfig', () => {
  test.each([
    ['no file', undefined, { auths: {}, credHelpers: {}, credsStore: undefined }],
    [
      'auths: auth, username and password, identitytoken (which wins), an empty entry',
      {
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
          'ghcr.io': { username: 'octo', password: 'ghp_x' },
          'https://acme.azurecr.io': { auth: b64('acme:'), identitytoken: 'refresh-1' },
          'quay.io': {}
        }
      },
      {
        auths: {
          'docker.io': { username: 'hubuser', password: 'hubpass' },
          'ghcr.io': { username: 'octo', password: 'ghp_x' },
          'acme.azurecr.io': { username: '<token>', password: 'refresh-1' }
        },
        credHelpers: {},
        credsStore: undefined
      }
    ],
    [
      'credsStore and credHelpers, keys normalised',
      {
        credsStore: 'desktop',
        credHelpers: {
          'https://index.docker.io/v1/': 'hub',
          'https://GCR.io/': 'gcloud',
          '123456789012.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login',
          'empty.example.com': ''
        },
        auths: { 'https://index.docker.io/v1/': {} }
      },
      {
        auths: {},
        credHelpers: {
          'docker.io': 'hub',
          'gcr.io': 'gcloud',
          '123456789012.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login'
        },
        credsStore: 'desktop'
      }
    ],
    [
      'an empty credsStore is none',
      { credsStore: '' },
      { auths: {}, credHelpers: {}, credsStore: undefined }
    ]
  ])('%s', (_, doc, expected) => {
    const env =
      doc === undefined ? { DOCKER_CONFIG: join(root, 'none') } : { DOCKER_CONFIG: configDir(doc) }
    expect(plain(readDockerConfig(env))).toEqual(expected)
  })

  test('$DOCKER_CONFIG, else ~/.docker', () => {
    const dir = configDir({})
    expect(readDockerConfig({ DOCKER_CONFIG: dir }).path).toBe(join(dir, 'config.json'))
    expect(readDockerConfig({ HOME: '/home/me' }).path).toBe('/home/me/.docker/config.json')
  })

  test.each([
    [
      'not JSON',
      '{"auths": ',
      (p: string) =>
        `DOCKER_CONFIG: ${p} is not valid JSON: fix it, or point DOCKER_CONFIG at another directory`
    ],
    [
      'a credsStore that is a path',
      { credsStore: '../../tmp/evil' },
      (p: string) =>
        `DOCKER_CONFIG: credsStore in ${p} is "../../tmp/evil", which is no credential helper name: give the part after docker-credential- (osxkeychain, pass, desktop, gcloud, ecr-login)`
    ],
    [
      'a credHelpers entry with a space',
      { credHelpers: { 'ghcr.io': 'gh x' } },
      (p: string) =>
        `DOCKER_CONFIG: credHelpers["ghcr.io"] in ${p} is "gh x", which is no credential helper name: give the part after docker-credential- (osxkeychain, pass, desktop, gcloud, ecr-login)`
    ]
  ])('%s is bad input', (_, doc, message) => {
    const dir = configDir(doc)
    expect(() => readDockerConfig({ DOCKER_CONFIG: dir })).toThrow(
      message(join(dir, 'config.json'))
    )
  })
})

describe('lookupDockerConfig: the order', () => {
  /** Helpers that know these server hosts: helper name -> host -> username. */
  type Known = Record<string, Record<string, string>>
  const PATH = '/home/me/.docker/config.json'
  const config = (
    c: Partial<Omit<DockerConfig, 'path'>> & {
      auths?: ReadonlyMap<string, { username: string; password: string }>
    }
  ): DockerConfig => ({ path: PATH, auths: new Map(), credHelpers: new Map(), ...c })
  const ALICE = { username: 'alice', password: 'file-pass' }
  const asker = (known: Known) => {
    const calls: string[] = []
    const ask = (call: HelperCall): HelperAnswer => {
      calls.push(`${call.helper} ${call.via} ${call.registry}`)
      const username = known[call.helper]?.[call.registry]
      return username === undefined
        ? { kind: 'not found' }
        : { kind: 'found', credentials: { username, password: `${call.helper}-secret` } }
    }
    return { ask, calls }
  }

  test.each([
    [
      'the host credHelpers entry first, credsStore not asked',
      config({
        credsStore: 'desktop',
        credHelpers: new Map([['ghcr.io', 'gh']]),
        auths: new Map([['ghcr.io', ALICE]])
      }),
      { gh: { 'ghcr.io': 'octo' }, desktop: { 'ghcr.io': 'other' } },
      'ghcr.io',
      { from: 'docker-credential-gh', credentials: { username: 'octo', password: 'gh-secret' } },
      ['gh credHelpers ghcr.io']
    ],
    [
      'credsStore for a host with no credHelpers entry',
      config({ credsStore: 'desktop', credHelpers: new Map([['gcr.io', 'gcloud']]) }),
      { desktop: { 'ghcr.io': 'octo' } },
      'ghcr.io',
      {
        from: 'docker-credential-desktop',
        credentials: { username: 'octo', password: 'desktop-secret' }
      },
      ['desktop credsStore ghcr.io']
    ],
    [
      'an identity token from a helper',
      config({ credsStore: 'acr-env' }),
      { 'acr-env': { 'acme.azurecr.io': '<token>' } },
      'acme.azurecr.io',
      {
        from: 'docker-credential-acr-env',
        credentials: { username: '<token>', password: 'acr-env-secret' }
      },
      ['acr-env credsStore acme.azurecr.io']
    ],
    [
      'the helper has nothing: the file auths entry',
      config({ credsStore: 'desktop', auths: new Map([['ghcr.io', ALICE]]) }),
      {},
      'ghcr.io',
      { from: PATH, credentials: ALICE },
      ['desktop credsStore ghcr.io']
    ],
    [
      'the helper has nothing and the file neither: none (anonymous)',
      config({ credsStore: 'desktop', auths: new Map([['quay.io', ALICE]]) }),
      {},
      'ghcr.io',
      undefined,
      ['desktop credsStore ghcr.io']
    ],
    [
      'no helper: the file auths entry, and nothing is run',
      config({
        credHelpers: new Map([['gcr.io', 'gcloud']]),
        auths: new Map([['ghcr.io', ALICE]])
      }),
      { gcloud: { 'ghcr.io': 'x' } },
      'ghcr.io',
      { from: PATH, credentials: ALICE },
      []
    ]
  ])('%s', (_, c, known, registry, expected, calls) => {
    const { ask, calls: made } = asker(known)
    expect(lookupDockerConfig(c, registry, ask)).toEqual(expected)
    expect(made).toEqual(calls)
  })
})

describe('cliLoginSteps: where the Docker config sits among the sources', () => {
  const hosts = ['a.example.com', 'b.example.com', 'c.example.com', 'src.example.com']
  const config = configDir({
    credsStore: 'desktop',
    credHelpers: { 'b.example.com': 'bhelper' },
    auths: { 'c.example.com': { auth: b64('carol:file-secret') } }
  })
  const answers: Record<string, string> = {
    'desktop a.example.com': 'desktop-secret-a',
    'bhelper b.example.com': 'bhelper-secret-b',
    'desktop src.example.com': 'desktop-secret-src',
    'desktop docker.io': 'desktop-secret-hub'
  }
  const run = (raw: Record<string, string>) => {
    const calls: string[] = []
    const ask = (call: HelperCall): HelperAnswer => {
      calls.push(`${call.helper} ${call.registry}`)
      const secret = answers[`${call.helper} ${call.registry}`]
      return secret
        ? { kind: 'found', credentials: { username: 'dev', password: secret } }
        : { kind: 'not found' }
    }
    const secrets = new Secrets()
    const { steps } = cliLoginSteps(
      parseInputs({ push: 'true', source: 'app:ci', ...raw }),
      { DOCKER_CONFIG: config },
      secrets,
      ask
    )
    const described = steps.map((s) => ({
      registry: s.registry,
      credentials:
        s.credentials.kind === 'static'
          ? `${s.credentials.username} from ${s.credentials.from.replace(config, '$DOCKER_CONFIG')}`
          : s.credentials.kind
    }))
    return { described, calls, secrets }
  }

  test('TAGSHIP_REGISTRY_AUTH first; helpers once per registry, for targets and the source', () => {
    const { described, calls, secrets } = run({
      images:
        hosts
          .slice(0, 3)
          .map((h) => `${h}/app`)
          .join('\n') + '\nb.example.com/other\nd.example.com/app',
      source: 'src.example.com/build/app:ci',
      'registry-auth': '- registry: a.example.com\n  username: ci\n  password: input-secret-a\n'
    })
    expect(described).toEqual([
      { registry: 'a.example.com', credentials: 'ci from registry-auth' },
      { registry: 'b.example.com', credentials: 'dev from docker-credential-bhelper' },
      { registry: 'c.example.com', credentials: 'carol from $DOCKER_CONFIG/config.json' },
      { registry: 'd.example.com', credentials: 'anonymous' },
      { registry: 'src.example.com', credentials: 'dev from docker-credential-desktop' }
    ])
    expect(calls).toEqual([
      'bhelper b.example.com',
      'desktop c.example.com',
      'desktop d.example.com',
      'desktop src.example.com'
    ])
    expect(secrets.scrub('bhelper-secret-b desktop-secret-src file-secret')).toBe('*** *** ***')
  })

  test('Docker Hub: the dockerhub inputs win, else the helper', () => {
    expect(run({ images: 'docker.io/acme/app' })).toMatchObject({
      described: [{ registry: 'docker.io', credentials: 'dev from docker-credential-desktop' }],
      calls: ['desktop docker.io']
    })
    expect(
      run({
        images: 'docker.io/acme/app',
        'dockerhub-username': 'acme',
        'dockerhub-token': 'dckr_pat_x'
      })
    ).toMatchObject({
      described: [{ registry: 'docker.io', credentials: 'acme from dockerhub-token' }],
      calls: []
    })
  })

  test('ECR is never asked: it always logs in through the AWS chain', () => {
    expect(run({ images: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app' })).toMatchObject({
      described: [{ registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com', credentials: 'ecr' }],
      calls: []
    })
  })
})

describe('cliRejectedMessage names where the refused credentials came from', () => {
  const step = (username: string, from: string) => ({
    registry: 'ghcr.io',
    provider: { kind: 'generic' as const },
    push: true,
    credentials: { kind: 'static' as const, username, password: 'x', from }
  })
  test.each([
    [
      step('octo', 'docker-credential-desktop'),
      'ghcr.io rejected the credentials for octo from docker-credential-desktop: run docker login ghcr.io again, or set TAGSHIP_REGISTRY_AUTH'
    ],
    [
      step('<token>', 'docker-credential-acr-env'),
      'ghcr.io rejected the identity token from docker-credential-acr-env: run docker login ghcr.io again, or set TAGSHIP_REGISTRY_AUTH'
    ],
    [
      step('<token>', '/home/me/.docker/config.json'),
      'ghcr.io rejected the identity token stored in /home/me/.docker/config.json: run docker login ghcr.io again, or set TAGSHIP_REGISTRY_AUTH'
    ],
    [
      step('octo', '/home/me/.docker/config.json'),
      'ghcr.io rejected the credentials for octo stored in /home/me/.docker/config.json: run docker login ghcr.io again, or set TAGSHIP_REGISTRY_AUTH'
    ]
  ])('%#', (s, message) => {
    expect(cliRejectedMessage(s)).toEqual([message])
  })
})
