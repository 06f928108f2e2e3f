import type { GcpKey } from '../inputs/gcp.js'
import type { BasicCredentials, MaskSecret } from '../distribution/credentials.js'

/**
 * A service-account key as Google's registries take it: user `_json_key`
 * with the key file's JSON, or `_json_key_base64` with its base64. Masked
 * first, piece by piece (see keySecrets).
 */
export function gcpKeyCredentials(key: GcpKey, options: { mask: MaskSecret }): BasicCredentials {
  for (const secret of keySecrets(key)) options.mask(secret)
  return { username: key.username, password: key.password }
}

/**
 * Every form in which a key could reach a log line. A mask hides a value
 * only where a line holds it whole, and a key file spans lines: so the
 * private key is masked as a whole, as the JSON file spells it (`\n`
 * escapes), and line by line (its armour lines are no secret).
 */
export function keySecrets(key: GcpKey): string[] {
  const pem = key.privateKey
  const lines = pem
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^-----(?:BEGIN|END) [A-Z ]*-----$/.test(line))
  const json =
    key.username === '_json_key_base64'
      ? Buffer.from(key.password, 'base64').toString('utf8').trim()
      : undefined
  return [
    ...new Set([
      key.password,
      ...(json === undefined ? [] : [json]),
      pem.trim(),
      JSON.stringify(pem).slice(1, -1),
      ...lines
    ])
  ]
}
