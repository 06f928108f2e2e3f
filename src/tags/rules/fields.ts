/**
 * Split one rule line into its comma-separated fields. Double quotes keep
 * commas inside a field (`"value=a,b"`); `""` inside quotes is one quote.
 * Returns undefined when a quote is left open.
 */
export function splitFields(line: string): string[] | undefined {
  const fields: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"'
        i++
      } else if (c === '"') quoted = false
      else current += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      fields.push(current.trim())
      current = ''
    } else current += c
  }
  if (quoted) return undefined
  fields.push(current.trim())
  return fields
}

/** Split `key=value` at the first `=`; a field without `=` has no key. */
export function splitField(field: string): { key?: string; value: string } {
  const eq = field.indexOf('=')
  if (eq === -1) return { value: field }
  return { key: field.slice(0, eq).trim().toLowerCase(), value: field.slice(eq + 1).trim() }
}
