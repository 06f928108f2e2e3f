import { describe, expect, jest, test } from '@jest/globals'
import { serviceAccountKeyFile } from '../../__fixtures__/gcp-key.js'
import { gcpKeyCredentials, keySecrets } from '../../src/credentials/gcp-key.js'
import { parseGcpKey } from '../../src/inputs/gcp.js'

const key = serviceAccountKeyFile()
const json = key.text.trim()
const base64 = Buffer.from(key.text).toString('base64')
const pemLines = key.privateKey.trim().split('\n')
const body = pemLines.slice(1, -1)
/** The private key as the JSON file spells it: `\n` escapes, on one line. */
const escaped = JSON.stringify(key.privateKey).slice(1, -1)

describe('keySecrets', () => {
  test('a JSON key: the file, the private key whole and escaped, and each of its body lines', () => {
    expect(pemLines[0]).toBe('-----BEGIN PRIVATE KEY-----')
    expect(body.length).toBeGreaterThan(5)
    expect(keySecrets(parseGcpKey(json))).toEqual([json, key.privateKey.trim(), escaped, ...body])
  })

  test('a base64 key: the base64 and the JSON it holds too', () => {
    expect(keySecrets(parseGcpKey(base64))).toEqual([
      base64,
      json,
      key.privateKey.trim(),
      escaped,
      ...body
    ])
  })

  test('every line of the key file that holds key material is one of them', () => {
    // What a log line could show: a line of the file, or of the private key printed parsed.
    const secrets = keySecrets(parseGcpKey(json))
    const leaky = [...key.text.split('\n'), ...key.privateKey.split('\n')].filter(
      (line) => body.some((b) => line.includes(b)) && !secrets.some((s) => line.includes(s))
    )
    expect(leaky).toEqual([])
  })
})

describe('gcpKeyCredentials', () => {
  test.each([
    ['JSON', json, '_json_key', json],
    ['base64', base64, '_json_key_base64', base64]
  ])('a %s key logs in as %s, masked before it is returned', (_form, text, username, password) => {
    const parsed = parseGcpKey(text)
    const mask = jest.fn<(s: string) => void>()

    expect(gcpKeyCredentials(parsed, { mask })).toEqual({ username, password })
    expect(mask.mock.calls.map(([s]) => s)).toEqual(keySecrets(parsed))
  })
})
