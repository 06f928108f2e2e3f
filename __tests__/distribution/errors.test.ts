import { describe, expect, test } from '@jest/globals'
import {
  describeRegistryError,
  RegistryRequestError,
  type RequestContext
} from '../../src/distribution/errors.js'

const PUT_TAG: RequestContext = {
  registry: 'registry.example',
  repository: 'team/app',
  reference: '1.0.0',
  action: 'pushing manifest',
  write: true
}
const DIGEST = `sha256:${'a'.repeat(64)}`
const GET_BLOB: RequestContext = {
  registry: 'registry.example',
  repository: 'team/app',
  reference: DIGEST,
  action: 'downloading blob',
  write: false
}
const ECR_IMMUTABLE =
  "The image tag '1.0.0' already exists in the 'app' repository and cannot be overwritten because the repository is immutable."

describe('describeRegistryError: one line with the registry, reference, code and a fix', () => {
  test.each<[RequestContext, number, string | undefined, string | undefined, number, string]>([
    [
      PUT_TAG,
      404,
      'NAME_UNKNOWN',
      'repository name not known to registry',
      0,
      'pushing manifest registry.example/team/app:1.0.0 failed: NAME_UNKNOWN (HTTP 404): the repository does not exist: create it first (on Amazon ECR, set ecr-create-repository: true)'
    ],
    [
      PUT_TAG,
      403,
      'DENIED',
      'requested access to the resource is denied',
      0,
      'pushing manifest registry.example/team/app:1.0.0 failed: DENIED (HTTP 403): the credentials may not push to team/app: grant them write access to it'
    ],
    [
      GET_BLOB,
      403,
      'DENIED',
      undefined,
      0,
      `downloading blob registry.example/team/app@${DIGEST} failed: DENIED (HTTP 403): the credentials may not pull from team/app: grant them read access to it`
    ],
    [
      PUT_TAG,
      429,
      'TOOMANYREQUESTS',
      'rate limit exceeded',
      4,
      'pushing manifest registry.example/team/app:1.0.0 failed: TOOMANYREQUESTS (HTTP 429): rate limited; retried 4 times: wait and run again, or use credentials with a higher limit'
    ],
    [
      PUT_TAG,
      429,
      undefined,
      undefined,
      1,
      'pushing manifest registry.example/team/app:1.0.0 failed: HTTP 429: rate limited; retried 1 time: wait and run again, or use credentials with a higher limit'
    ],
    [
      PUT_TAG,
      400,
      'TAG_INVALID',
      ECR_IMMUTABLE,
      0,
      'pushing manifest registry.example/team/app:1.0.0 failed: TAG_INVALID (HTTP 400): the repository is immutable and the tag already points at another image: publish a new tag, or make team/app mutable'
    ],
    [
      PUT_TAG,
      400,
      'TAG_INVALID',
      'manifest tag did not match URI',
      0,
      'pushing manifest registry.example/team/app:1.0.0 failed: TAG_INVALID (HTTP 400): the registry refused the tag (manifest tag did not match URI)'
    ],
    [
      PUT_TAG,
      400,
      'MANIFEST_BLOB_UNKNOWN',
      'blob unknown to registry',
      0,
      'pushing manifest registry.example/team/app:1.0.0 failed: MANIFEST_BLOB_UNKNOWN (HTTP 400): a blob or child manifest it references is missing from team/app: push those first'
    ],
    [
      PUT_TAG,
      400,
      'MANIFEST_INVALID',
      'manifest invalid',
      0,
      'pushing manifest registry.example/team/app:1.0.0 failed: MANIFEST_INVALID (HTTP 400): the registry refused the manifest as invalid (manifest invalid)'
    ],
    [
      PUT_TAG,
      401,
      'UNAUTHORIZED',
      'authentication required',
      0,
      'pushing manifest registry.example/team/app:1.0.0 failed: UNAUTHORIZED (HTTP 401): the registry refused the credentials for team/app: check them and their access to this repository'
    ],
    [
      PUT_TAG,
      415,
      'UNSUPPORTED',
      'media type not supported',
      0,
      'pushing manifest registry.example/team/app:1.0.0 failed: UNSUPPORTED (HTTP 415): the registry does not support this operation or media type (media type not supported)'
    ],
    [
      PUT_TAG,
      503,
      undefined,
      undefined,
      4,
      'pushing manifest registry.example/team/app:1.0.0 failed: HTTP 503: the registry kept failing; retried 4 times: try again later'
    ],
    [
      { ...GET_BLOB, reference: undefined, action: 'listing tags of' } as RequestContext,
      418,
      undefined,
      undefined,
      0,
      'listing tags of registry.example/team/app failed: HTTP 418: unexpected answer'
    ]
  ])('%#', (context, status, code, message, retries, line) => {
    const answer = { status, retries, ...(code ? { code } : {}), ...(message ? { message } : {}) }
    expect(describeRegistryError(context, answer)).toBe(line)
  })
})

test('RegistryRequestError carries code and status, and tells an immutable tag apart', () => {
  const immutable = new RegistryRequestError(PUT_TAG, {
    status: 400,
    code: 'TAG_INVALID',
    message: ECR_IMMUTABLE,
    retries: 0
  })
  const missing = new RegistryRequestError(PUT_TAG, {
    status: 404,
    code: 'NAME_UNKNOWN',
    retries: 0
  })
  expect([immutable.code, immutable.status, immutable.immutableTag, immutable.name]).toEqual([
    'TAG_INVALID',
    400,
    true,
    'RegistryRequestError'
  ])
  expect([missing.code, missing.status, missing.immutableTag]).toEqual(['NAME_UNKNOWN', 404, false])
  expect(immutable).toBeInstanceOf(Error)
})
