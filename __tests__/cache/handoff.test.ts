import { describe, expect, test } from '@jest/globals'
import { defaultSaveKey, restorePrefix } from '../../src/inputs/cache.js'
import { parseInputs } from '../../src/inputs/parse.js'

const ID = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
const SHA = '860c1904a1ce19322e91ac35af1ab07466440c37'

describe('cache and cache-key inputs', () => {
  test('save: a local source, no images needed, the key given or empty', () => {
    expect(parseInputs({ cache: 'save', source: ID })).toMatchObject({
      cache: { mode: 'save', key: '' },
      images: []
    })
    expect(parseInputs({ cache: 'Save', source: 'app:ci', 'cache-key': 'k-1' }).cache).toEqual({
      mode: 'save',
      key: 'k-1'
    })
  })

  test('restore: images and no source; the cache supplies the image', () => {
    const inputs = parseInputs({ cache: 'restore', images: 'ghcr.io/acme/app' })
    expect(inputs.cache).toEqual({ mode: 'restore', key: '' })
    expect(inputs.source).toBeUndefined()
  })

  test('no cache: no hand-off', () => {
    expect(parseInputs({ source: ID, images: 'ghcr.io/acme/app' }).cache).toBeUndefined()
  })

  test.each([
    [
      { cache: 'stash', source: ID, images: 'ghcr.io/acme/app' },
      'cache: "stash" is not a hand-off mode: use save or restore'
    ],
    [
      { 'cache-key': 'k', source: ID, images: 'ghcr.io/acme/app' },
      'cache-key: "k" is set but cache is empty: set cache to save or restore, or remove cache-key'
    ],
    [
      { cache: 'save', source: ID, push: 'false' },
      'cache: save needs the Docker daemon and the Actions cache, but push is false (no daemon, no network): remove push: false'
    ],
    [
      { cache: 'save' },
      'source: is empty but cache is save: give the built local image (e.g. the imageid output of docker/build-push-action) or an OCI archive (oci-archive:PATH)'
    ],
    [
      { cache: 'save', source: 'ghcr.io/acme/app:1' },
      `source: "ghcr.io/acme/app:1" is a registry reference, but cache: save stores a local image or an OCI archive: give the built image's ID or name, or oci-archive:PATH`
    ],
    [
      { cache: 'save', source: 'oci:./layout' },
      'source: "oci:./layout" is not stored by cache: save, which takes a local image or an OCI archive: give oci-archive:PATH (build-push-action outputs: type=oci,dest=PATH)'
    ],
    [
      { cache: 'restore', source: ID, images: 'ghcr.io/acme/app' },
      'source: is set, but cache: restore takes the image from the Actions cache: remove source'
    ],
    [
      { cache: 'restore' },
      'images: is empty: list the target repositories, one per line (e.g. docker.io/acme/app); a plan with no images (push: false, or tagship plan) gives the bare tags'
    ],
    [
      { cache: 'save', source: ID, 'cache-key': 'a,b' },
      'cache-key: "a,b" contains a comma, which the Actions cache refuses: remove it'
    ],
    [
      { cache: 'save', source: ID, 'cache-key': 'a b' },
      'cache-key: "a b" contains whitespace: remove it'
    ],
    [
      { cache: 'save', source: ID, 'cache-key': 'k'.repeat(513) },
      `cache-key: "${'k'.repeat(200)}…" is 513 characters long: the Actions cache allows at most 512`
    ]
  ])('%j is refused', (raw, message) => {
    expect(() => parseInputs(raw)).toThrow(message)
  })
})

describe('keys', () => {
  test('a saved image: the commit and the first 12 hex digits of the image ID', () => {
    expect(defaultSaveKey(SHA, ID)).toBe(`tagship-image-${SHA}-0123456789ab`)
  })

  test('a restore looks for every image saved for the commit', () => {
    expect(restorePrefix(SHA)).toBe(`tagship-image-${SHA}-`)
    expect(defaultSaveKey(SHA, ID).startsWith(restorePrefix(SHA))).toBe(true)
  })
})
