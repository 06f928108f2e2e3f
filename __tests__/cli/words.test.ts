import { expect, test } from '@jest/globals'
import { cliName, cliText } from '../../src/cli/secrets.js'
import { InputError, nothingPushed } from '../../src/shared/errors.js'
import { named, render, words, wordsOf } from '../../src/shared/words.js'

// A message names its inputs as structure, not text: each edge renders the
// same words with its own names, and nothing rewrites a message.
const message = words`set ${named('dockerhub-username')} and ${named('dockerhub-token')}, or add it to ${named('registry-auth')}`

test('the action names inputs as action.yml does; the CLI as its flags and variables', () => {
  expect(render(message)).toBe(
    'set dockerhub-username and dockerhub-token, or add it to registry-auth'
  )
  expect(cliText(message)).toBe(
    'set --dockerhub-username and TAGSHIP_DOCKERHUB_TOKEN, or add it to TAGSHIP_REGISTRY_AUTH'
  )
  expect(cliName('images')).toBe('images')
})

test('an InputError keeps its words, also when a publish wraps it', () => {
  const e = new InputError(
    'dockerhub-token',
    words`is set but ${named('dockerhub-username')} is empty`
  )
  expect(e.message).toBe('dockerhub-token: is set but dockerhub-username is empty')
  expect(cliText(wordsOf(e))).toBe(
    'TAGSHIP_DOCKERHUB_TOKEN: is set but --dockerhub-username is empty'
  )
  const wrapped = nothingPushed(e)
  expect(wrapped.message).toBe(
    'dockerhub-token: is set but dockerhub-username is empty; nothing was pushed'
  )
  expect(cliText(wordsOf(wrapped))).toBe(
    'TAGSHIP_DOCKERHUB_TOKEN: is set but --dockerhub-username is empty; nothing was pushed'
  )
  // Anything else is its message, as it is.
  expect(wordsOf(new Error('plain'))).toEqual(['plain'])
  expect(wordsOf('thrown text')).toEqual(['thrown text'])
})
