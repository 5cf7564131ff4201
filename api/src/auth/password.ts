import { argon2id } from '@noble/hashes/argon2.js'
import { randomBytes } from '@noble/hashes/utils.js'

// Password hashing with argon2id at the OWASP Password Storage Cheat Sheet minimums
// (m = 19 MiB, t = 2, p = 1). Pure JavaScript (@noble/hashes) so it runs the same in Node (the seed)
// and workerd (login); Workers' WebCrypto caps PBKDF2 below OWASP's minimum, hence not PBKDF2.

/** The cost parameters new hashes are made with. */
export const ARGON2ID_DEFAULTS = { m: 19_456, t: 2, p: 1 } as const

const SALT_BYTES = 16
const HASH_BYTES = 32
// Hashes are read from our own database, but a bound keeps a tampered row from costing a Worker's
// whole CPU budget (or 4 GiB of memory) on one login.
const MAX_MEMORY_KIB = 65_536
const MAX_TIME_COST = 10

/** The parts of a `$argon2id$v=19$m=…,t=…,p=…$salt$hash` PHC string. */
export interface Argon2idPhc {
  m: number
  t: number
  p: number
  salt: Uint8Array
  hash: Uint8Array
}

/**
 * Hashes `password` with argon2id and a fresh random 16-byte salt, and returns the PHC string
 * (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, unpadded base64) to store in `users.password_hash`.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const { m, t, p } = ARGON2ID_DEFAULTS
  const hash = argon2id(password, salt, { m, t, p, dkLen: HASH_BYTES })
  return formatPhc({ m, t, p, salt, hash })
}

/**
 * Checks `password` against a stored PHC string in constant time. Returns `false` for a wrong
 * password and for a hash it cannot read (malformed, another algorithm, parameters out of bounds),
 * so a login handler has one failure path to handle. Hashes made with other argon2id costs verify
 * with their own parameters, so raising the defaults later does not lock anyone out.
 */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  const parsed = parsePhc(phc)
  if (!parsed) return false
  const { m, t, p, salt, hash } = parsed
  const candidate = argon2id(password, salt, { m, t, p, dkLen: hash.length })
  return constantTimeEqual(candidate, hash)
}

/** Serializes the parts of an argon2id hash as a PHC string. */
export function formatPhc({ m, t, p, salt, hash }: Argon2idPhc): string {
  return `$argon2id$v=19$m=${m},t=${t},p=${p}$${toBase64(salt)}$${toBase64(hash)}`
}

/** Parses an argon2id PHC string; `null` when it is not one this module can verify. */
export function parsePhc(phc: string): Argon2idPhc | null {
  const match =
    /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(phc)
  if (!match) return null
  const [, mText, tText, pText, saltText, hashText] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ]
  const m = Number(mText)
  const t = Number(tText)
  const p = Number(pText)
  if (p < 1 || t < 1 || t > MAX_TIME_COST || m < 8 * p || m > MAX_MEMORY_KIB) return null
  const salt = fromBase64(saltText)
  const hash = fromBase64(hashText)
  if (!salt || !hash || salt.length < 8 || hash.length < 16) return null
  return { m, t, p, salt, hash }
}

/** Compares two byte strings without an early exit, so timing does not reveal the matching prefix. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number)
  return diff === 0
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/=+$/, '')
}

function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  try {
    const binary = atob(text + '='.repeat((4 - (text.length % 4)) % 4))
    return Uint8Array.from(binary, (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}
