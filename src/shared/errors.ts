import { named, WordedError, wordsOf, type Words } from './words.js'

/**
 * An error in what the user gave us. Its message is one line that names the
 * input, the value and the fix, so it can be shown as it is; its `words`
 * name the inputs, so the CLI shows its own names for them.
 */
export class InputError extends WordedError {
  readonly input: string

  constructor(input: string, message: string | Words) {
    super([named(input), ': ', ...(typeof message === 'string' ? [message] : message)])
    this.name = 'InputError'
    this.input = input
  }
}

/** `…; nothing was pushed` after what went wrong, its words kept. */
export function nothingPushed(e: unknown): WordedError {
  return new WordedError([...wordsOf(e), '; nothing was pushed'], { cause: e })
}

/** Quote a user value for an error message, keeping it on one line. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)
}

/**
 * The message of anything thrown. Duck-typed rather than `instanceof Error`:
 * errors from another realm (Node's fetch seen from a vm context, as under
 * Jest) fail that check. The one place that knows about realms.
 */
export function messageOf(e: unknown): string {
  const message = (e as { message?: unknown } | null)?.message
  return typeof message === 'string' ? message : String(e)
}

/** What an error says it was caused by, if anything. */
export function causeOf(e: unknown): unknown {
  return (e as { cause?: unknown } | null)?.cause
}

/** A message as one log line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** What an error says of itself, read by shape (see messageOf). */
export interface ErrorShape {
  readonly message?: string
  readonly code?: string
  readonly name?: string
}

/**
 * An error and each error it says it was caused by, outermost first, read
 * by shape: undici nests the reason a fetch failed (`ECONNREFUSED`, a
 * certificate error) in its causes.
 */
export function errorChain(e: unknown): ErrorShape[] {
  const chain: ErrorShape[] = []
  for (let at = e; at && typeof at === 'object' && chain.length < 16; at = causeOf(at)) {
    const o = at as { message?: unknown; code?: unknown; name?: unknown }
    chain.push({
      ...(typeof o.message === 'string' ? { message: o.message } : {}),
      ...(typeof o.code === 'string' ? { code: o.code } : {}),
      ...(typeof o.name === 'string' ? { name: o.name } : {})
    })
  }
  return chain
}

/** Rewrite a thrown error's message in place (a scrubber, say), whatever realm it comes from. */
export function rewriteMessage(e: unknown, rewrite: (message: string) => string): void {
  const o = e as { message?: unknown } | null
  if (o && typeof o === 'object' && typeof o.message === 'string') o.message = rewrite(o.message)
}
