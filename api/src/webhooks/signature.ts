import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { decodeHex, encodeHexLowerCase } from '@oslojs/encoding'
import { hmacSha256 } from './keys.ts'

// The run webhook's request signature, in the manner of Stripe's, so that curl, n8n or a few lines
// of any language can make one:
//
//   Kairo-Timestamp: <unix seconds>
//   Kairo-Signature: v1=<lower-case hex HMAC-SHA256(secret, timestamp + "." + raw body)>
//
// The timestamp is signed with the body, so a captured request stops working once it falls outside
// the window; inside it, the run id makes a replay a duplicate that changes nothing.

export const TIMESTAMP_HEADER = 'Kairo-Timestamp'
export const SIGNATURE_HEADER = 'Kairo-Signature'
/** How far (either way, in seconds) a request's timestamp may be from the Worker's clock. */
export const SIGNATURE_WINDOW_SECONDS = 300

const SIGNATURE = /^v1=([0-9a-fA-F]{64})$/
const TIMESTAMP = /^[0-9]{1,12}$/
const encoder = new TextEncoder()

/** Why a request's signature was refused; expected failures are values, not exceptions. */
export type SignatureProblem = 'missing' | 'malformed' | 'outside_window' | 'mismatch'

export interface SignedRequest {
  /** The `Kairo-Timestamp` header as sent (undefined when absent). */
  timestamp: string | undefined
  /** The `Kairo-Signature` header as sent. */
  signature: string | undefined
  /** The body exactly as received: a re-serialised JSON would not verify. */
  body: Uint8Array
}

/** The bytes that are signed: `<timestamp>.<body>`. */
function signedBytes(timestamp: string, body: Uint8Array): Uint8Array {
  const prefix = encoder.encode(`${timestamp}.`)
  const bytes = new Uint8Array(prefix.length + body.length)
  bytes.set(prefix)
  bytes.set(body, prefix.length)
  return bytes
}

/** The `v1` signature (lower-case hex) of `body` sent at `timestamp`, under `secret`. */
export async function signWebhookBody(secret: string, timestamp: string, body: Uint8Array): Promise<string> {
  return encodeHexLowerCase(await hmacSha256(secret, signedBytes(timestamp, body)))
}

/**
 * Checks a request's signature under `secret`: both headers present and well-formed, the timestamp
 * within {@link SIGNATURE_WINDOW_SECONDS} of `now`, and the HMAC equal, compared in constant time.
 * Returns null when it verifies, else the problem.
 */
export async function webhookSignatureProblem(
  secret: string,
  request: SignedRequest,
  now: Date = new Date(),
): Promise<SignatureProblem | null> {
  const timestamp = request.timestamp?.trim()
  const signature = request.signature?.trim()
  if (!timestamp || !signature) return 'missing'
  const presented = SIGNATURE.exec(signature)?.[1]
  if (!TIMESTAMP.test(timestamp) || !presented) return 'malformed'
  // Whole seconds on both sides, so the window's edge does not depend on milliseconds.
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp))
  if (skew > SIGNATURE_WINDOW_SECONDS) return 'outside_window'
  const expected = await hmacSha256(secret, signedBytes(timestamp, request.body))
  return constantTimeEqual(expected, decodeHex(presented.toLowerCase())) ? null : 'mismatch'
}
