/**
 * The JSON object `text` holds, or undefined (not JSON, or not an object):
 * for answers of token services, whose fields callers check one by one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseJsonObject(text: string): Record<string, any> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined
  } catch {
    return undefined
  }
}

/** A JWT's claims, read (never verified: the service that issued it checks it), or undefined. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jwtPayload(token: string): Record<string, any> | undefined {
  const payload = token.split('.')[1]
  if (payload === undefined || payload === '') return undefined
  return parseJsonObject(Buffer.from(payload, 'base64url').toString('utf8'))
}
