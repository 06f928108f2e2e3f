/** The registry refused the credentials (a 401 after answering its challenge). */
export class CredentialsRejectedError extends Error {
  constructor(
    readonly registry: string,
    readonly detail: string
  ) {
    super(`${registry} rejected the credentials: ${detail}`)
    this.name = 'CredentialsRejectedError'
  }
}

/** The registry could not be reached (DNS, refused connection, TLS, timeout). */
export class RegistryUnreachableError extends Error {
  constructor(
    readonly registry: string,
    readonly detail: string
  ) {
    super(`${registry} could not be reached: ${detail}`)
    this.name = 'RegistryUnreachableError'
  }
}

/** `{"errors":[{"code","message"}]}` from a registry, as one short line. */
export async function registryErrorText(response: Response): Promise<string> {
  const text = await response.text().catch(() => '')
  try {
    const body = JSON.parse(text) as {
      errors?: { code?: string; message?: string }[]
      details?: string
    }
    const first = body.errors?.[0]
    if (first) return [first.code, first.message].filter(Boolean).join(': ')
  } catch {
    // not JSON: fall through to the status line
  }
  return `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`
}

/** Why a fetch failed, from undici's nested causes: `ECONNREFUSED 127.0.0.1:5000`. */
export function networkErrorText(error: unknown): string {
  // Duck-typed: errors from fetch can come from another realm (as under Jest),
  // where `instanceof Error` is false.
  type Failure = { message?: unknown; code?: unknown; cause?: unknown }
  let e = error as Failure
  while (e && typeof e === 'object' && e.cause && typeof e.cause === 'object')
    e = e.cause as Failure
  if (e && typeof e === 'object' && typeof e.message === 'string') {
    const code = typeof e.code === 'string' ? e.code : undefined
    return code
      ? `${code} ${e.message.replace(code, '').replace(/\s+/g, ' ').trim()}`.trim()
      : e.message
  }
  return String(error)
}
