import { InputError, quote } from './errors.js'

/** Split a list input on newlines and commas, dropping blanks and `#` comments. */
export function splitList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

/** Split a multi-line input into its non-blank, non-comment lines, with their line numbers. */
export function splitLines(value: string): { line: number; text: string }[] {
  return value
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, text: text.trim() }))
    .filter((l) => l.text !== '' && !l.text.startsWith('#'))
}

export function parseBoolean(input: string, value: string, fallback: boolean): boolean {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  if (v === 'true') return true
  if (v === 'false') return false
  throw new InputError(input, `${quote(value)} is not a boolean: use true or false`)
}

export function parseInteger(
  input: string,
  value: string,
  fallback: number,
  min: number,
  max: number
): number {
  const v = value.trim()
  if (v === '') return fallback
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    throw new InputError(
      input,
      `${quote(value)} is not a whole number from ${min} to ${max}: use e.g. ${fallback}`
    )
  }
  return Number(v)
}

export function parseChoice<T extends string>(
  input: string,
  value: string,
  choices: readonly T[],
  fallback: T
): T {
  const v = value.trim().toLowerCase()
  if (v === '') return fallback
  const found = choices.find((c) => c === v)
  if (found === undefined) {
    throw new InputError(
      input,
      `${quote(value)} is not one of ${choices.join(', ')}: use one of them`
    )
  }
  return found
}

/** Closest known name to a misspelt one, for "did you mean" hints. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (d < bestDistance) {
      bestDistance = d
      best = candidate
    }
  }
  if (bestDistance <= Math.max(2, Math.floor(name.length / 3))) return best
  // A shortened name (`user` for `username`) is far in edits but plain to a reader.
  const extended = known.filter(
    (k) => name.length >= 3 && k.toLowerCase().startsWith(name.toLowerCase())
  )
  return extended.length === 1 ? extended[0] : undefined
}

/** Edit distance counting a swap of two neighbouring letters as one edit (`sah` → `sha`). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2]![j - 2]! + 1)
      }
      d[i]![j] = best
    }
  }
  return d[a.length]![b.length]!
}

/** `use X` when a close name exists, else the list of valid names. */
export function suggestion(name: string, known: readonly string[]): string {
  const near = closest(name, known)
  return near ? `did you mean ${quote(near)}?` : `use one of ${known.join(', ')}`
}
