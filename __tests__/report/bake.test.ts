import { describe, expect, test } from '@jest/globals'
import { bakeFiles, type BakeContent } from '../../src/report/bake.js'

const RELEASE: BakeContent = {
  target: 'docker-metadata-action',
  tags: ['docker.io/acme/app:1.3.0', 'docker.io/acme/app:latest', 'ghcr.io/acme/app:1.3.0'],
  images: ['docker.io/acme/app', 'ghcr.io/acme/app'],
  version: '1.3.0',
  labels: {
    'org.opencontainers.image.created': '2026-11-23T08:30:00.000Z',
    'org.opencontainers.image.title': 'app',
    'org.opencontainers.image.version': '1.3.0'
  },
  annotations: [
    'manifest:org.opencontainers.image.title=app',
    'index:org.opencontainers.image.title=app'
  ]
}

// metadata-action's layout: {"target": {<bake-target>: {...}}}, two-space
// indent, no final newline; tags and args in the tags file, labels alone,
// annotations alone, and tags, labels, args in the older bake-file.
const TAGS = `{
  "target": {
    "docker-metadata-action": {
      "tags": [
        "docker.io/acme/app:1.3.0",
        "docker.io/acme/app:latest",
        "ghcr.io/acme/app:1.3.0"
      ],
      "args": {
        "DOCKER_META_IMAGES": "docker.io/acme/app,ghcr.io/acme/app",
        "DOCKER_META_VERSION": "1.3.0"
      }
    }
  }
}`
const LABELS = `{
  "target": {
    "docker-metadata-action": {
      "labels": {
        "org.opencontainers.image.created": "2026-11-23T08:30:00.000Z",
        "org.opencontainers.image.title": "app",
        "org.opencontainers.image.version": "1.3.0"
      }
    }
  }
}`
const ANNOTATIONS = `{
  "target": {
    "docker-metadata-action": {
      "annotations": [
        "manifest:org.opencontainers.image.title=app",
        "index:org.opencontainers.image.title=app"
      ]
    }
  }
}`
const BAKE_FILE = `{
  "target": {
    "docker-metadata-action": {
      "tags": [
        "docker.io/acme/app:1.3.0",
        "docker.io/acme/app:latest",
        "ghcr.io/acme/app:1.3.0"
      ],
      "labels": {
        "org.opencontainers.image.created": "2026-11-23T08:30:00.000Z",
        "org.opencontainers.image.title": "app",
        "org.opencontainers.image.version": "1.3.0"
      },
      "args": {
        "DOCKER_META_IMAGES": "docker.io/acme/app,ghcr.io/acme/app",
        "DOCKER_META_VERSION": "1.3.0"
      }
    }
  }
}`

const EMPTY_TAGS = `{
  "target": {
    "meta": {
      "tags": [],
      "args": {
        "DOCKER_META_IMAGES": ""
      }
    }
  }
}`
const EMPTY_LABELS = `{
  "target": {
    "meta": {
      "labels": {}
    }
  }
}`
const EMPTY_ANNOTATIONS = `{
  "target": {
    "meta": {
      "annotations": []
    }
  }
}`
const EMPTY_BAKE_FILE = `{
  "target": {
    "meta": {
      "tags": [],
      "labels": {},
      "args": {
        "DOCKER_META_IMAGES": ""
      }
    }
  }
}`

describe('bakeFiles', () => {
  test.each<[string, BakeContent, string[]]>([
    ['a release to two targets', RELEASE, [TAGS, LABELS, ANNOTATIONS, BAKE_FILE]],
    [
      'no version, no tag, no image, another target name: DOCKER_META_VERSION is left out',
      { target: 'meta', tags: [], images: [], version: '', labels: {}, annotations: [] },
      [EMPTY_TAGS, EMPTY_LABELS, EMPTY_ANNOTATIONS, EMPTY_BAKE_FILE]
    ]
  ])('%s', (_name, content, texts) => {
    expect(bakeFiles(content)).toEqual([
      { output: 'bake-file-tags', name: 'docker-metadata-action-bake-tags.json', json: texts[0] },
      {
        output: 'bake-file-labels',
        name: 'docker-metadata-action-bake-labels.json',
        json: texts[1]
      },
      {
        output: 'bake-file-annotations',
        name: 'docker-metadata-action-bake-annotations.json',
        json: texts[2]
      },
      { output: 'bake-file', name: 'docker-metadata-action-bake.json', json: texts[3] }
    ])
  })
})
