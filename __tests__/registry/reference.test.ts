import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { parseRepository } from '../../src/registry/reference.js'
import { parseSource } from '../../src/registry/source.js'

const DIGEST = `sha256:${'ab'.repeat(32)}`

describe('parseRepository', () => {
  test.each([
    ['acme/app', 'docker.io', 'acme/app'],
    ['nginx', 'docker.io', 'library/nginx'],
    ['docker.io/nginx', 'docker.io', 'library/nginx'],
    ['index.docker.io/acme/app', 'docker.io', 'acme/app'],
    ['registry-1.docker.io/acme/app', 'docker.io', 'acme/app'],
    ['ghcr.io/acme/app', 'ghcr.io', 'acme/app'],
    ['GHCR.io/acme/app', 'ghcr.io', 'acme/app'],
    [
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      'team/app'
    ],
    ['acme.azurecr.io/app', 'acme.azurecr.io', 'app'],
    ['localhost:5000/app', 'localhost:5000', 'app'],
    ['localhost/app', 'localhost', 'app'],
    ['127.0.0.1:5000/a/b/c', '127.0.0.1:5000', 'a/b/c'],
    ['[::1]:5000/app', '[::1]:5000', 'app'],
    ['acme/my_app', 'docker.io', 'acme/my_app'],
    ['acme/my__app', 'docker.io', 'acme/my__app'],
    ['acme/my--app.v2', 'docker.io', 'acme/my--app.v2'],
    // Repository names are lowercase: a name with capitals is lowercased.
    ['Acme/App', 'docker.io', 'acme/app'],
    ['GHCR.io/Acme-Corp/App', 'ghcr.io', 'acme-corp/app']
  ])('%s is %s / %s', (text, registry, path) => {
    expect(parseRepository('images', text)).toEqual({ registry, path, name: `${registry}/${path}` })
  })

  test.each([
    [
      'acme/app:1.0',
      'images: "acme/app:1.0" has a tag: give the repository only, e.g. "acme/app" (tags are computed)'
    ],
    [
      `acme/app@${DIGEST}`,
      `images: "acme/app@${DIGEST}" has a digest: give the repository only (tags are computed)`
    ],
    [
      'acme/-app',
      `images: "acme/-app" is not a valid repository name: path component "-app" must be lowercase letters and digits, separated by '.', '_', '__' or '-'`
    ],
    [
      'acme//app',
      `images: "acme//app" is not a valid repository name: path component "" must be lowercase letters and digits, separated by '.', '_', '__' or '-'`
    ],
    [
      'acme/app/',
      `images: "acme/app/" is not a valid repository name: path component "" must be lowercase letters and digits, separated by '.', '_', '__' or '-'`
    ],
    ['acme/my app', 'images: "acme/my app" contains whitespace: give one repository per line'],
    ['bad_host.io/app', 'images: "bad_host.io/app" has an invalid registry host "bad_host.io"'],
    [
      `ghcr.io/${'a'.repeat(250)}`,
      `images: "ghcr.io/${'a'.repeat(192)}…" is longer than 255 characters: shorten the repository name`
    ]
  ])('%s is rejected', (text, message) => {
    expect(messageOf(() => parseRepository('images', text))).toBe(message)
  })
})

describe('parseSource', () => {
  test.each([
    ['acme/app:build', { kind: 'local', image: 'acme/app:build' }],
    ['app', { kind: 'local', image: 'app' }],
    [DIGEST, { kind: 'local', image: DIGEST }],
    ['0123456789ab', { kind: 'local', image: '0123456789ab' }],
    [
      'ghcr.io/acme/app:1.2.3',
      {
        kind: 'registry',
        repository: { registry: 'ghcr.io', path: 'acme/app', name: 'ghcr.io/acme/app' },
        tag: '1.2.3',
        text: 'ghcr.io/acme/app:1.2.3'
      }
    ],
    [
      `localhost:5000/app@${DIGEST}`,
      {
        kind: 'registry',
        repository: { registry: 'localhost:5000', path: 'app', name: 'localhost:5000/app' },
        digest: DIGEST,
        text: `localhost:5000/app@${DIGEST}`
      }
    ],
    [
      `acme/app@${DIGEST}`,
      {
        kind: 'registry',
        repository: { registry: 'docker.io', path: 'acme/app', name: 'docker.io/acme/app' },
        digest: DIGEST,
        text: `acme/app@${DIGEST}`
      }
    ]
  ])('%s', (text, expected) => {
    expect(parseSource(text)).toEqual(expected)
  })

  test.each([
    ['oci-archive:image.tar', { kind: 'oci-archive', path: 'image.tar' }],
    [
      'oci-archive:/tmp/x/image.tar:v1',
      { kind: 'oci-archive', path: '/tmp/x/image.tar', ref: 'v1' }
    ],
    ['oci:./layout', { kind: 'oci', path: './layout' }],
    ['oci:./layout:app:1.2', { kind: 'oci', path: './layout', ref: 'app:1.2' }],
    ['docker-archive:saved.tar', { kind: 'docker-archive', path: 'saved.tar' }],
    [
      'docker-archive:saved.tar:acme/app:ci',
      { kind: 'docker-archive', path: 'saved.tar', ref: 'acme/app:ci' }
    ],
    ['docker-archive:saved.tar:@1', { kind: 'docker-archive', path: 'saved.tar', ref: '@1' }]
  ])('a file, as skopeo names it: %s', (text, expected) => {
    expect(parseSource(text)).toEqual({ ...expected, text })
  })

  test('docker:latest is an image name, not a transport', () => {
    expect(parseSource('docker:latest')).toEqual({ kind: 'local', image: 'docker:latest' })
  })

  test.each([
    [
      'oci-archive:',
      'source: "oci-archive:" names no file: write oci-archive:PATH, e.g. oci-archive:./image.tar'
    ],
    ['oci:', 'source: "oci:" names no folder: write oci:DIR, e.g. oci:./image'],
    [
      'oci-archive:image.tar:',
      'source: "oci-archive:image.tar:" ends with an empty reference after ":": drop the ":" or name the image to publish'
    ],
    [
      'docker://ghcr.io/acme/app:1',
      'source: "docker://ghcr.io/acme/app:1" uses the transport "docker", which tagship does not read: give a local image (name:tag or image ID), a registry reference (host/repo:tag), or a file as oci-archive:PATH, oci:DIR or docker-archive:PATH'
    ],
    [
      'containers-storage:app',
      'source: "containers-storage:app" uses the transport "containers-storage", which tagship does not read: give a local image (name:tag or image ID), a registry reference (host/repo:tag), or a file as oci-archive:PATH, oci:DIR or docker-archive:PATH'
    ]
  ])('a file source that cannot be read: %s', (text, message) => {
    expect(() => parseSource(text)).toThrow(message)
  })

  test.each([
    ['sha256:abc', 'source: "sha256:abc" is not a full image ID: give sha256: and 64 hex digits'],
    [
      'ghcr.io/acme/app@sha256:xyz',
      'source: "ghcr.io/acme/app@sha256:xyz" has an invalid digest "sha256:xyz": use @sha256: followed by 64 lowercase hex digits'
    ],
    [
      'ghcr.io/acme/app:-bad',
      `source: "ghcr.io/acme/app:-bad" has an invalid tag "-bad": it starts with '-'; a tag must start with a letter, digit or '_'`
    ]
  ])('%s is rejected', (text, message) => {
    expect(messageOf(() => parseSource(text))).toBe(message)
  })
})
