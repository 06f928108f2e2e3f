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
