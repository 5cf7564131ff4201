import { encodeBase64urlNoPadding } from '@oslojs/encoding'

// The run webhook's credentials without a secret in the database. An automation stores only a random
// public key id (the last segment of its webhook URL); the signing secret the engine holds is derived
// from that id under the Worker's `WEBHOOK_SIGNING_KEY`:
//
//   secret = base64url(HMAC-SHA256(WEBHOOK_SIGNING_KEY, "kairo-automation-webhook:" + keyId))
//
// so a database leak reveals no secret, the Worker can recompute one on every request without a
// query, and rotating means storing a new key id: the old id matches no automation, and its secret
// signs for nothing.

/** The path the engines post to; the key id follows. Under `/api/*`, so the Worker runs first. */
export const WEBHOOK_PATH = '/api/hooks/automation-runs'

/** Random bytes per key id: 128 bits, 22 base64url characters. */
const KEY_ID_BYTES = 16
/** What a key id looks like (base64url, no padding); anything else is refused before any query. */
const KEY_ID = /^[A-Za-z0-9_-]{22,64}$/
/** Separates this derivation from any other use of the same signing key. */
const PURPOSE = 'kairo-automation-webhook:'

const encoder = new TextEncoder()

/** A new random key id (22 base64url characters from 16 random bytes). */
export function newWebhookKeyId(): string {
  return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(KEY_ID_BYTES)))
}

/** Whether `value` has the shape of a key id (says nothing about whether one exists). */
export function isWebhookKeyId(value: string): boolean {
  return KEY_ID.test(value)
}

/** The signing key from the Worker's variables; null when webhooks are not configured. */
export function webhookSigningKeyOf(vars: { WEBHOOK_SIGNING_KEY?: string }): string | null {
  return vars.WEBHOOK_SIGNING_KEY || null
}

/** The HMAC-SHA-256 of `message` under `key` (WebCrypto). */
export async function hmacSha256(key: string, message: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey(
    'raw',
    encoder.encode(key),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, message))
}

/** The signing secret of `keyId` (43 base64url characters), the one the engine signs with. */
export async function webhookSecret(signingKey: string, keyId: string): Promise<string> {
  return encodeBase64urlNoPadding(await hmacSha256(signingKey, encoder.encode(PURPOSE + keyId)))
}

/** The webhook's full URL on `origin` (`publicOrigin(c)`). */
export function webhookUrl(origin: string, keyId: string): string {
  return `${origin}${WEBHOOK_PATH}/${keyId}`
}
