import { describe, expect, test } from '@jest/globals'
import { jwtPayload, parseJsonObject } from '../../src/shared/json.js'
import { keptSecrets } from '../../src/shared/scrub.js'

describe('parseJsonObject', () => {
  test.each<[string, unknown]>([
    ['{"a":1}', { a: 1 }],
    ['[1,2]', undefined],
    ['null', undefined],
    ['"text"', undefined],
    ['not json', undefined],
    ['', undefined]
  ])('%j', (text, expected) => {
    expect(parseJsonObject(text)).toEqual(expected)
  })
})

describe('jwtPayload', () => {
  const jwt = (claims: object) =>
    `eyJhbGciOiJub25lIn0.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`
  test.each<[string, unknown]>([
    [jwt({ sub: 'repo:acme/app', exp: 1 }), { sub: 'repo:acme/app', exp: 1 }],
    ['opaque-token', undefined],
    ['a..b', undefined],
    [`x.${Buffer.from('[1]').toString('base64url')}.y`, undefined]
  ])('%s', (token, expected) => {
    expect(jwtPayload(token)).toEqual(expected)
  })
})

describe('keptSecrets', () => {
  test('masks each secret as it is kept, and scrubs every one kept so far', () => {
    const masked: string[] = []
    const kept = keptSecrets((s) => masked.push(s))
    expect(kept.keep('first-secret')).toBe('first-secret')
    expect(kept.scrub('a first-secret and a second-secret')).toBe('a *** and a second-secret')
    kept.keep('second-secret')
    expect(kept.scrub('a first-secret and a second-secret')).toBe('a *** and a ***')
    expect(masked).toEqual(['first-secret', 'second-secret'])
  })
})
