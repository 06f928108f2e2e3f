import { readFileSync } from 'node:fs'
import { InputError, quote } from '../shared/errors.js'

/** The subset of a GitHub event payload tagship reads. */
export interface EventPayload {
  readonly repository?: {
    readonly default_branch?: string
    readonly name?: string
    readonly description?: string | null
    readonly html_url?: string
    readonly license?: { readonly spdx_id?: string | null } | null
  }
  readonly pull_request?: {
    readonly number?: number
    readonly head?: { readonly ref?: string; readonly sha?: string }
    readonly base?: { readonly ref?: string }
  }
  readonly number?: number
  readonly head_commit?: { readonly timestamp?: string } | null
  /** On a tag push: the branch the tag was pushed from (`refs/heads/main`), when GitHub knows it. */
  readonly base_ref?: string | null
  /** On a `release` event: the release, with GitHub's pre-release and draft flags. */
  readonly release?: {
    readonly tag_name?: string
    readonly prerelease?: boolean
    readonly draft?: boolean
  }
}

/** Read the event payload file; a missing path means no payload (e.g. outside Actions). */
export function readPayload(path: string | undefined): EventPayload {
  if (path === undefined || path === '') return {}
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    throw new InputError(
      'GITHUB_EVENT_PATH',
      `${quote(path)} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}): point it at the event payload file or unset it`
    )
  }
  try {
    return JSON.parse(text) as EventPayload
  } catch {
    throw new InputError(
      'GITHUB_EVENT_PATH',
      `${quote(path)} is not valid JSON: point it at the event payload file`
    )
  }
}
