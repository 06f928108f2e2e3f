import { createHash } from 'node:crypto'

const ALGORITHMS = new Set(['sha256', 'sha512'])

/** `sha256:<64 hex>` or `sha512:<128 hex>`: a content address tagship can check. */
export function isDigest(reference: string): boolean {
  return /^sha256:[a-f0-9]{64}$/.test(reference) || /^sha512:[a-f0-9]{128}$/.test(reference)
}

/** The algorithm part of a digest, when tagship can compute it. */
export function digestAlgorithm(digest: string): string | undefined {
  const algorithm = digest.slice(0, digest.indexOf(':'))
  return ALGORITHMS.has(algorithm) ? algorithm : undefined
}

/** `sha256:…` over exactly these bytes. */
export function digestOf(bytes: Uint8Array, algorithm = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`
}
