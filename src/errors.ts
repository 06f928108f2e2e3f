/**
 * An error in what the user gave us. Its message is one line that names the
 * input, the value and the fix, so it can be shown as it is.
 */
export class InputError extends Error {
  readonly input: string

  constructor(input: string, message: string) {
    super(`${input}: ${message}`)
    this.name = 'InputError'
    this.input = input
  }
}

/** Quote a user value for an error message, keeping it on one line. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)
}
