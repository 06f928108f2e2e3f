/** An input named in a message: each edge names it its own way. */
export interface InputRef {
  readonly input: string
}

/**
 * A message as text and the inputs it names: the action says
 * `dockerhub-token`, the CLI `TAGSHIP_DOCKERHUB_TOKEN` or `--dockerhub-username`.
 * Each edge renders the same words with its own names; nothing rewrites text.
 */
export type Words = readonly (string | InputRef)[]

/** How an edge names an input. */
export type InputNamer = (input: string) => string

/** The action's names: the inputs as action.yml spells them. */
export const ACTION_NAMES: InputNamer = (input) => input

export const named = (input: string): InputRef => ({ input })

/** `words\`set ${named('dockerhub-token')}\``: text with inputs in it. */
export function words(
  strings: TemplateStringsArray,
  ...values: readonly (string | number | InputRef | Words)[]
): Words {
  const out: (string | InputRef)[] = []
  strings.forEach((text, i) => {
    out.push(text)
    if (i >= values.length) return
    const value = values[i]!
    if (Array.isArray(value)) out.push(...(value as Words))
    else out.push(typeof value === 'object' ? (value as InputRef) : String(value))
  })
  return out.filter((part) => part !== '')
}

export function render(message: Words, name: InputNamer = ACTION_NAMES): string {
  return message.map((part) => (typeof part === 'string' ? part : name(part.input))).join('')
}

/** An error whose message names inputs: `message` in the action's names, `words` for other edges. */
export class WordedError extends Error {
  readonly words: Words

  constructor(message: Words, options?: ErrorOptions) {
    super(render(message), options)
    this.words = message
  }
}

/** The words of anything thrown: its own when it has them, else its message as plain text. */
export function wordsOf(e: unknown): Words {
  const own = (e as { words?: unknown } | null)?.words
  if (Array.isArray(own)) return own as Words
  const message = (e as { message?: unknown } | null)?.message
  return [typeof message === 'string' ? message : String(e)]
}
