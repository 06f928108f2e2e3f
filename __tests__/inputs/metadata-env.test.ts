import { describe, expect, test } from '@jest/globals'
import { parseContextSource } from '../../src/inputs/context-source.js'
import { withMetadataEnv } from '../../src/inputs/metadata-env.js'
import { parseInputs } from '../../src/inputs/parse.js'

type Row = [
  string,
  Record<string, string>,
  Record<string, string | undefined>,
  Record<string, string>
]

describe('withMetadataEnv: docker/metadata-action variables stand in for empty inputs', () => {
  test.each<Row>([
    ['nothing set: nothing changes', {}, {}, {}],
    [
      'PR_HEAD_SHA=true is head',
      {},
      { DOCKER_METADATA_PR_HEAD_SHA: 'true' },
      { 'sha-pr-commit': 'head' }
    ],
    [
      'PR_HEAD_SHA=false is merge',
      {},
      { DOCKER_METADATA_PR_HEAD_SHA: 'false' },
      { 'sha-pr-commit': 'merge' }
    ],
    [
      'PR_HEAD_SHA in capitals, with spaces',
      {},
      { DOCKER_METADATA_PR_HEAD_SHA: ' FALSE ' },
      { 'sha-pr-commit': 'merge' }
    ],
    ['PR_HEAD_SHA empty: as unset', {}, { DOCKER_METADATA_PR_HEAD_SHA: ' ' }, {}],
    [
      'the input wins over PR_HEAD_SHA',
      { 'sha-pr-commit': 'head' },
      { DOCKER_METADATA_PR_HEAD_SHA: 'false' },
      { 'sha-pr-commit': 'head' }
    ],
    [
      'an empty input is no input',
      { 'sha-pr-commit': '' },
      { DOCKER_METADATA_PR_HEAD_SHA: 'false' },
      { 'sha-pr-commit': 'merge' }
    ],
    ['SHORT_SHA_LENGTH=12', {}, { DOCKER_METADATA_SHORT_SHA_LENGTH: '12' }, { 'sha-length': '12' }],
    [
      'SHORT_SHA_LENGTH at the bounds: 7',
      {},
      { DOCKER_METADATA_SHORT_SHA_LENGTH: '7' },
      { 'sha-length': '7' }
    ],
    [
      'SHORT_SHA_LENGTH at the bounds: 40',
      {},
      { DOCKER_METADATA_SHORT_SHA_LENGTH: '40' },
      { 'sha-length': '40' }
    ],
    [
      'the input wins over SHORT_SHA_LENGTH',
      { 'sha-length': '9' },
      { DOCKER_METADATA_SHORT_SHA_LENGTH: '12' },
      { 'sha-length': '9' }
    ],
    [
      'both variables, other inputs untouched',
      { images: 'acme/app' },
      { DOCKER_METADATA_PR_HEAD_SHA: 'true', DOCKER_METADATA_SHORT_SHA_LENGTH: '10' },
      { images: 'acme/app', 'sha-pr-commit': 'head', 'sha-length': '10' }
    ]
  ])('%s', (_name, raw, env, expected) => {
    expect(withMetadataEnv(raw, env)).toEqual(expected)
  })

  test.each([
    [
      { DOCKER_METADATA_PR_HEAD_SHA: '1' },
      'DOCKER_METADATA_PR_HEAD_SHA: "1" is not a boolean: use true (tag the pull request\'s head commit) or false (the merge commit)'
    ],
    [
      { DOCKER_METADATA_PR_HEAD_SHA: 'yes' },
      'DOCKER_METADATA_PR_HEAD_SHA: "yes" is not a boolean: use true (tag the pull request\'s head commit) or false (the merge commit)'
    ],
    [
      { DOCKER_METADATA_SHORT_SHA_LENGTH: '6' },
      'DOCKER_METADATA_SHORT_SHA_LENGTH: "6" is not a whole number from 7 to 40: use e.g. 7'
    ],
    [
      { DOCKER_METADATA_SHORT_SHA_LENGTH: '41' },
      'DOCKER_METADATA_SHORT_SHA_LENGTH: "41" is not a whole number from 7 to 40: use e.g. 7'
    ],
    [
      { DOCKER_METADATA_SHORT_SHA_LENGTH: 'eight' },
      'DOCKER_METADATA_SHORT_SHA_LENGTH: "eight" is not a whole number from 7 to 40: use e.g. 7'
    ]
  ])('%j is an error naming the variable', (env, message) => {
    expect(() => withMetadataEnv({}, env)).toThrow(message)
  })

  test('a bad variable the input overrides is not read', () => {
    expect(
      withMetadataEnv(
        { 'sha-pr-commit': 'merge', 'sha-length': '8' },
        { DOCKER_METADATA_PR_HEAD_SHA: 'yes', DOCKER_METADATA_SHORT_SHA_LENGTH: '99' }
      )
    ).toEqual({ 'sha-pr-commit': 'merge', 'sha-length': '8' })
  })

  test('the variables reach the parsed strategy options', () => {
    const raw = withMetadataEnv(
      { images: 'acme/app', push: 'false' },
      { DOCKER_METADATA_PR_HEAD_SHA: 'false', DOCKER_METADATA_SHORT_SHA_LENGTH: '12' }
    )
    const { shaLength, shaPullRequestCommit } = parseInputs(raw).tags.strategyOptions
    expect({ shaLength, shaPullRequestCommit }).toEqual({
      shaLength: 12,
      shaPullRequestCommit: 'merge'
    })
  })
})

describe('parseContextSource: the context input', () => {
  test.each([
    ['', 'workflow'],
    ['workflow', 'workflow'],
    ['git', 'git'],
    [' Git ', 'git']
  ])('%j is %s', (value, source) => {
    expect(parseContextSource(value)).toBe(source)
  })

  test.each(['checkout', 'github', 'local'])('%j is an error listing workflow and git', (value) => {
    expect(() => parseContextSource(value)).toThrow(
      `context: "${value}" is not a context: use workflow (the event's ref and commit) or git (those of the local checkout)`
    )
  })

  test('parseInputs carries it', () => {
    expect(parseInputs({ images: 'acme/app', push: 'false', context: 'git' }).context).toBe('git')
    expect(parseInputs({ images: 'acme/app', push: 'false' }).context).toBe('workflow')
  })
})
