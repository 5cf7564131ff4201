import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding'

// TOTP secrets at rest. Unlike a password, the server needs the secret itself to check a code, so it
// is encrypted, not hashed: AES-256-GCM under a key derived (HKDF-SHA-256) from the Worker secret
// `TOTP_ENCRYPTION_KEY`, with the user's id as associated data, so a row copied onto another user
// does not open. A database leak without the Worker secret yields no secret.
//
// Sealed form: `v1.<iv>.<ciphertext and tag>`, base64url. WebCrypto only, so the e2e fixtures (Node)
// seal secrets exactly as the Worker does (`@kairo/api/secret-box`).

/** The key used where `TOTP_ENCRYPTION_KEY` is unset: development and tests only (see env.ts). */
const DEVELOPMENT_KEY = 'kairo-development-totp-key-not-for-production'
const VERSION = 'v1'
const IV_BYTES = 12
const encoder = new TextEncoder()

/** The key material from the Worker's variables (see {@link DEVELOPMENT_KEY}). */
export function totpKeyOf(vars: { TOTP_ENCRYPTION_KEY?: string }): string {
  return vars.TOTP_ENCRYPTION_KEY || DEVELOPMENT_KEY
}

// Derived keys per key string: an isolate answers many requests with one Worker secret.
const derived = new Map<string, Promise<CryptoKey>>()

function aesKey(material: string): Promise<CryptoKey> {
  let key = derived.get(material)
  if (!key) {
    key = (async () => {
      const base = await crypto.subtle.importKey('raw', encoder.encode(material), 'HKDF', false, [
        'deriveKey',
      ])
      return crypto.subtle.deriveKey(
        { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode('kairo-totp-secret') },
        base,
        { name: 'AES-GCM', length: 256 },
        false,
        ['encrypt', 'decrypt'],
      )
    })()
    derived.set(material, key)
  }
  return key
}

/** Encrypts `secret` for `userId` (a fresh random IV each time). */
export async function sealSecret(material: string, userId: string, secret: Uint8Array): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(userId) },
    await aesKey(material),
    // A copy on a plain ArrayBuffer: WebCrypto's types refuse a view that may sit on shared memory.
    Uint8Array.from(secret),
  )
  return `${VERSION}.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(new Uint8Array(sealed))}`
}

/**
 * Decrypts a sealed secret of `userId`; null when it is malformed, was sealed for another user or
 * under another key, or was tampered with (GCM's tag fails).
 */
export async function openSecret(
  material: string,
  userId: string,
  sealed: string,
): Promise<Uint8Array | null> {
  const [version, ivText, bodyText, ...rest] = sealed.split('.')
  if (version !== VERSION || !ivText || !bodyText || rest.length > 0) return null
  try {
    const opened = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: Uint8Array.from(decodeBase64urlIgnorePadding(ivText)),
        additionalData: encoder.encode(userId),
      },
      await aesKey(material),
      Uint8Array.from(decodeBase64urlIgnorePadding(bodyText)),
    )
    return new Uint8Array(opened)
  } catch {
    return null
  }
}
