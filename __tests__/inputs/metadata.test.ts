import { describe, expect, test } from '@jest/globals'
import { messageOf } from '../../__fixtures__/errors.js'
import { fixtureContext, PR_HEAD_SHA, PR_MERGE_SHA, SHA } from '../../__fixtures__/runner.js'
import { parseAnnotationLevels, parseMetadata } from '../../src/inputs/metadata.js'
import { parseInputs } from '../../src/inputs/parse.js'
import { buildPlan } from '../../src/push/plan.js'
import { labelLines } from '../../src/tags/labels.js'

const get =
  (inputs: Record<string, string>) =>
  (name: string): string =>
    inputs[name] ?? ''

/** The release fixture's computed metadata, one line each, sorted as metadata-action sorts them. */
const CREATED = 'org.opencontainers.image.created=2026-11-23T08:30:00.000Z'
const DESCRIPTION = 'org.opencontainers.image.description=The Acme app'
const LICENSES = 'org.opencontainers.image.licenses=MIT'
const REVISION = `org.opencontainers.image.revision=${SHA}`
const SOURCE = 'org.opencontainers.image.source=https://github.com/acme/app'
const TITLE = 'org.opencontainers.image.title=app'
const URL = 'org.opencontainers.image.url=https://github.com/acme/app'
const VERSION = 'org.opencontainers.image.version=1.3.0'
const OCI = [CREATED, DESCRIPTION, LICENSES, REVISION, SOURCE, TITLE, URL, VERSION]
const at = (level: string, lines: readonly string[]): string[] => lines.map((l) => `${level}:${l}`)

/** The plan's labels (as lines, in order) and annotations for the release fixture. */
function metadataOf(
  inputs: Record<string, string>,
  levels?: string
): { labels: string[]; annotations: readonly string[] } {
  const parsed = parseInputs({ images: 'acme/app', push: 'false', ...inputs })
  const withLevels =
    levels === undefined
      ? parsed
      : {
          ...parsed,
          metadata: {
            ...parsed.metadata,
            annotationLevels: parseAnnotationLevels('DOCKER_METADATA_ANNOTATIONS_LEVELS', levels)
          }
        }
  const plan = buildPlan(fixtureContext('release'), withLevels)
  return { labels: labelLines(plan.labels), annotations: plan.annotations }
}

describe('parseMetadata', () => {
  test.each([
    [
      'nothing given: no lines, manifest level, the default bake target',
      {},
      {
        labels: [],
        annotations: [],
        annotationLevels: ['manifest'],
        bakeTarget: 'docker-metadata-action'
      }
    ],
    [
      'one key=value per line; comments and blank lines skipped; a value may hold "="',
      {
        labels: '# ours\nmaintainer=Acme\n\n  com.acme.query = a=b  \nempty=',
        'bake-target': ' meta '
      },
      {
        labels: [
          { key: 'maintainer', value: 'Acme', line: 2, text: 'maintainer=Acme' },
          { key: 'com.acme.query', value: 'a=b', line: 4, text: 'com.acme.query = a=b' },
          { key: 'empty', value: '', line: 5, text: 'empty=' }
        ],
        annotations: [],
        annotationLevels: ['manifest'],
        bakeTarget: 'meta'
      }
    ],
    [
      'annotation lines with and without levels; a ":" after the "=" is in the value',
      {
        annotations:
          'manifest,index:org.opencontainers.image.vendor=Acme\nindex-descriptor:a=1\nurl=https://acme.test\nmanifest[linux/amd64]:b=2'
      },
      {
        labels: [],
        annotations: [
          {
            key: 'org.opencontainers.image.vendor',
            value: 'Acme',
            line: 1,
            text: 'manifest,index:org.opencontainers.image.vendor=Acme',
            levels: ['manifest', 'index']
          },
          {
            key: 'a',
            value: '1',
            line: 2,
            text: 'index-descriptor:a=1',
            levels: ['index-descriptor']
          },
          { key: 'url', value: 'https://acme.test', line: 3, text: 'url=https://acme.test' },
          {
            key: 'b',
            value: '2',
            line: 4,
            text: 'manifest[linux/amd64]:b=2',
            levels: ['manifest[linux/amd64]']
          }
        ],
        annotationLevels: ['manifest'],
        bakeTarget: 'docker-metadata-action'
      }
    ]
  ])('%s', (_name, inputs, expected) => {
    expect(parseMetadata(get(inputs))).toEqual(expected)
  })

  test.each([
    [
      { labels: 'maintainer=Acme\nvendor Acme' },
      'labels: line 2 "vendor Acme" has no "=": write one key=value per line (e.g. org.opencontainers.image.vendor=Acme)'
    ],
    [
      { labels: '=Acme' },
      'labels: line 1 "=Acme" has an empty key: write one key=value per line (e.g. org.opencontainers.image.vendor=Acme)'
    ],
    [
      { annotations: 'index:vendor' },
      'annotations: line 1 "index:vendor" has no "=": write one key=value per line (e.g. org.opencontainers.image.vendor=Acme)'
    ],
    [
      { annotations: 'index:=Acme' },
      'annotations: line 1 "index:=Acme" has an empty key: write one key=value per line (e.g. org.opencontainers.image.vendor=Acme)'
    ],
    [
      { annotations: 'manifest,indx:vendor=Acme' },
      'annotations: line 1 "manifest,indx:vendor=Acme" has the unknown annotation level "indx": use manifest, index, manifest-descriptor or index-descriptor, comma-separated'
    ],
    [
      { annotations: ':vendor=Acme' },
      'annotations: line 1 ":vendor=Acme" starts with ":" but names no level: write the levels before it (manifest,index:key=value), or remove the ":"'
    ],
    [
      { annotations: 'index[linux/amd64]:vendor=Acme' },
      'annotations: line 1 "index[linux/amd64]:vendor=Acme": the level "index[linux/amd64]" names a platform, which only manifest and manifest-descriptor take: write index alone'
    ],
    [
      { annotations: 'manifest[amd64]:vendor=Acme' },
      'annotations: line 1 "manifest[amd64]:vendor=Acme": "amd64" in "manifest[amd64]" is not a platform: write os/arch, e.g. manifest[linux/amd64]'
    ]
  ])('%j fails: %s', (inputs, message) => {
    expect(messageOf(() => parseMetadata(get(inputs)))).toBe(message)
  })
})

describe('parseAnnotationLevels', () => {
  test.each([
    ['', ['manifest']],
    ['index', ['index']],
    [' manifest , index,manifest ', ['manifest', 'index']],
    ['manifest-descriptor,index-descriptor', ['manifest-descriptor', 'index-descriptor']],
    ['manifest[linux/arm64/v8]', ['manifest[linux/arm64/v8]']]
  ])('%j is %j', (value, levels) => {
    expect(parseAnnotationLevels('DOCKER_METADATA_ANNOTATIONS_LEVELS', value)).toEqual(levels)
  })

  test('an unknown level names the variable, the value and the four levels', () => {
    expect(
      messageOf(() => parseAnnotationLevels('DOCKER_METADATA_ANNOTATIONS_LEVELS', 'manifest,image'))
    ).toBe(
      'DOCKER_METADATA_ANNOTATIONS_LEVELS: "manifest,image" has the unknown annotation level "image": use manifest, index, manifest-descriptor or index-descriptor, comma-separated'
    )
  })
})

describe('labels and annotations of the plan', () => {
  test.each([
    [
      'computed only: eight keys, sorted; annotations at the manifest level',
      {},
      undefined,
      { labels: OCI, annotations: at('manifest', OCI) }
    ],
    [
      'user labels win over computed ones; new keys are sorted in; the last of two lines wins',
      {
        labels:
          'org.opencontainers.image.title=Acme App\nmaintainer=ops@acme.test\norg.opencontainers.image.vendor=Acme\nmaintainer=team@acme.test',
        annotations: 'org.opencontainers.image.description='
      },
      undefined,
      {
        labels: [
          'maintainer=team@acme.test',
          CREATED,
          DESCRIPTION,
          LICENSES,
          REVISION,
          SOURCE,
          'org.opencontainers.image.title=Acme App',
          URL,
          'org.opencontainers.image.vendor=Acme',
          VERSION
        ],
        annotations: at('manifest', [
          CREATED,
          'org.opencontainers.image.description=',
          LICENSES,
          REVISION,
          SOURCE,
          TITLE,
          URL,
          VERSION
        ])
      }
    ],
    [
      'expressions in values are rendered, as metadata-action renders them',
      { labels: "com.acme.built={{date 'YYYYMMDD'}}-{{sha}}\ncom.acme.tag={{tag}}" },
      undefined,
      {
        labels: ['com.acme.built=20261123-860c190', 'com.acme.tag=v1.3.0', ...OCI],
        annotations: at('manifest', OCI)
      }
    ],
    [
      'DOCKER_METADATA_ANNOTATIONS_LEVELS: every computed key at each level, level by level',
      {},
      'manifest,index',
      { labels: OCI, annotations: [...at('manifest', OCI), ...at('index', OCI)] }
    ],
    [
      'a line without levels goes to the default levels; a line with levels only to those',
      {
        annotations:
          'org.opencontainers.image.vendor=Acme\nindex,index-descriptor:com.acme.index=yes\nmanifest:org.opencontainers.image.title=Acme App'
      },
      'index,manifest',
      {
        labels: OCI,
        annotations: [
          ...at('index', [
            'com.acme.index=yes',
            CREATED,
            DESCRIPTION,
            LICENSES,
            REVISION,
            SOURCE,
            TITLE,
            URL,
            'org.opencontainers.image.vendor=Acme',
            VERSION
          ]),
          ...at('manifest', [
            CREATED,
            DESCRIPTION,
            LICENSES,
            REVISION,
            SOURCE,
            'org.opencontainers.image.title=Acme App',
            URL,
            'org.opencontainers.image.vendor=Acme',
            VERSION
          ]),
          'index-descriptor:com.acme.index=yes'
        ]
      }
    ]
  ])('%s', (_name, inputs, levels, expected) => {
    expect(metadataOf(inputs, levels)).toEqual(expected)
  })

  test.each([
    ['head', PR_HEAD_SHA],
    ['merge', PR_MERGE_SHA]
  ])(
    'on a pull request the revision is the commit the sha tag names (sha-pr-commit: %s)',
    (commit, revision) => {
      const inputs = parseInputs({ images: 'acme/app', push: 'false', 'sha-pr-commit': commit })
      const plan = buildPlan(fixtureContext('pull-request'), inputs)
      expect(plan.labels['org.opencontainers.image.revision']).toBe(revision)
    }
  )

  test('an unknown expression in a label value names the input and the line', () => {
    expect(messageOf(() => metadataOf({ labels: 'a=b\ncom.acme.ref={{ref}}' }))).toBe(
      'labels: line 2 "com.acme.ref={{ref}}": unknown expression "{{ref}}": use one of {{branch}}, {{tag}}, {{sha}}, {{base_ref}}, {{is_default_branch}}, {{is_not_default_branch}}, {{date}}, {{commit_date}}'
    )
  })
})
