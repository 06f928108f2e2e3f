/**
 * docker/metadata-action's bake definition files, for docker/bake-action: a
 * target (inherited by the user's own targets) holding the tags, labels or
 * annotations. Written as metadata-action writes them (two-space indent, no
 * final newline), so a workflow that reads them needs no change.
 */

/** What the bake files hold: the outputs' values, before any separator. */
export interface BakeContent {
  /** The target's name (`bake-target`). */
  readonly target: string
  /** Full references, as the `tags` output lists them. */
  readonly tags: readonly string[]
  /** The target repositories, for the `DOCKER_META_IMAGES` build argument. */
  readonly images: readonly string[]
  readonly version: string
  readonly labels: Readonly<Record<string, string>>
  readonly annotations: readonly string[]
}

export interface BakeFile {
  /** The action output that gives its path. */
  readonly output: 'bake-file-tags' | 'bake-file-labels' | 'bake-file-annotations' | 'bake-file'
  /** Its file name, as metadata-action names it. */
  readonly name: string
  readonly json: string
}

/** The four bake files: tags (with the build arguments), labels, annotations, and tags with labels. */
export function bakeFiles(content: BakeContent): BakeFile[] {
  const tags = { tags: content.tags }
  const labels = { labels: content.labels }
  const args = {
    args: {
      DOCKER_META_IMAGES: content.images.join(','),
      ...(content.version !== '' ? { DOCKER_META_VERSION: content.version } : {})
    }
  }
  const file = (output: BakeFile['output'], suffix: string, body: object): BakeFile => ({
    output,
    name: `docker-metadata-action-bake${suffix}.json`,
    json: JSON.stringify({ target: { [content.target]: body } }, null, 2)
  })
  return [
    file('bake-file-tags', '-tags', { ...tags, ...args }),
    file('bake-file-labels', '-labels', labels),
    file('bake-file-annotations', '-annotations', { annotations: content.annotations }),
    file('bake-file', '', { ...tags, ...labels, ...args })
  ]
}
