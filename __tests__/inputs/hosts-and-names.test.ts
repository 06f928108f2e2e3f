import { expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { parseInputs } from '../../src/inputs/parse.js'

// A registry host with a port no server can have is one line naming the
// input, the value and the fix, wherever it is written.
test.each([
  [
    { images: '127.0.0.1:99999/app', push: 'false' },
    'images: "127.0.0.1:99999/app" has an invalid port 99999 in "127.0.0.1:99999": a port is a number from 1 to 65535'
  ],
  [
    { images: 'acme/app', source: '127.0.0.1:0/src/app:1' },
    'source: "127.0.0.1:0/src/app" has an invalid port 0 in "127.0.0.1:0": a port is a number from 1 to 65535'
  ],
  [
    {
      images: 'acme/app',
      push: 'false',
      'registry-auth': '- registry: 127.0.0.1:70000\n  username: u\n  password: p\n'
    },
    'registry-auth: entry 1: an invalid port 70000 in "127.0.0.1:70000": a port is a number from 1 to 65535'
  ]
])('%j', (raw, message) => {
  expect(messageOf(() => parseInputs(raw))).toBe(message)
})

test('ports 1 and 65535 are fine', () => {
  expect(
    parseInputs({ images: 'localhost:1/a\nlocalhost:65535/b', push: 'false' }).images.map(
      (r) => r.registry
    )
  ).toEqual(['localhost:1', 'localhost:65535'])
})

test('a repository written with capitals is lowercased, with one notice each, as metadata-action does', () => {
  const inputs = parseInputs({
    images: 'ghcr.io/Acme/App\ndocker.io/acme/app',
    source: 'ghcr.io/Acme/App-Build:sha-1',
    push: 'true'
  })
  expect(inputs.images.map((r) => r.name)).toEqual(['ghcr.io/acme/app', 'docker.io/acme/app'])
  expect(inputs.source).toMatchObject({
    repository: { name: 'ghcr.io/acme/app-build' },
    tag: 'sha-1'
  })
  expect(inputs.notices).toEqual([
    'images: "ghcr.io/Acme/App" is used as "ghcr.io/acme/app" (repository names are lowercase)',
    'source: "ghcr.io/Acme/App-Build" is used as "ghcr.io/acme/app-build" (repository names are lowercase)'
  ])
  expect(parseInputs({ images: 'ghcr.io/acme/app', push: 'false' }).notices).toEqual([])
})

test('images lines with metadata-action attributes: name= and enable= switch an image per event', () => {
  const inputs = parseInputs({
    images:
      'name=ghcr.io/acme/app,enable=true\nname=docker.io/acme/app,enable=false\nname=Quay.io/Acme/App\nacme/other',
    push: 'false'
  })
  expect(inputs.images.map((r) => r.name)).toEqual([
    'ghcr.io/acme/app',
    'quay.io/acme/app',
    'docker.io/acme/other'
  ])
  expect(inputs.notices).toEqual([
    'images: "Quay.io/Acme/App" is used as "quay.io/acme/app" (repository names are lowercase)'
  ])
  // Every image switched off: no target, nothing to publish.
  expect(
    parseInputs({ images: 'name=ghcr.io/acme/app,enable=false', push: 'false' }).images
  ).toEqual([])
})
