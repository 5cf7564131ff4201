import { createHash } from 'node:crypto'

/** SHA-256 in hex of strings and bytes, in order. */
export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part)
  return hash.digest('hex')
}

/** The short content hash put into output file names. */
export function shortHash(bytes: Uint8Array): string {
  return sha256(bytes).slice(0, 16)
}
