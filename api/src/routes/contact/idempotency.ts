import type { ContactInput } from './schema.ts'

/** How long a derived key stays the same for the same content from the same IP. */
export const DERIVED_KEY_BUCKET_MS = 10 * 60 * 1000

const normalise = (value: string | null) => (value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()

/**
 * The idempotency key of a submission. A key sent by the caller (the JS enhancement puts a random
 * UUID in it) is used as it is. The static no-JS page cannot carry a per-visitor key, so without one
 * the key is a SHA-256 of the IP, the normalised fields and the current 10-minute bucket: a double
 * click or a resent form within the bucket stores one lead, while the same text sent again later,
 * or by someone else, is a new lead.
 *
 * Note: two identical submissions that straddle a bucket boundary store two leads; that is rare and
 * harmless (the studio sees a duplicate), whereas a longer bucket would swallow a genuine resend.
 */
export async function idempotencyKeyFor(input: ContactInput, ip: string, now = Date.now()): Promise<string> {
  if (input.idempotencyKey) return `client:${input.idempotencyKey.toLowerCase()}`
  const material = JSON.stringify([
    ip,
    normalise(input.name).toLowerCase(),
    normalise(input.email).toLowerCase(),
    normalise(input.company).toLowerCase(),
    normalise(input.message),
    Math.floor(now / DERIVED_KEY_BUCKET_MS),
  ])
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(material))
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
  return `derived:${hex}`
}
