import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'

// Request body ceilings, placed in front of whatever reads a body or costs a query: the rate limits
// (each hit is an upsert, and the sign-in limits parse the body for the email), the same-origin
// check's followers and the handlers. Hono's `bodyLimit` refuses by `Content-Length` before a byte is
// read, and counts a body sent without one (chunked) as it streams. Over the ceiling the answer is
// 413 in the one error shape, through `onError`. Uploads are not behind these: they stream into the
// bucket with their own limit (`DELIVERABLE_MAX_BYTES`, `upload/limits.ts`).

/**
 * The dashboard's form posts and the JSON API's writes (the sign-in and reset forms have their own,
 * smaller ceiling: `AUTH_FORM_MAX_BYTES`, routes/auth/login.tsx). The longest text field is 5,000
 * characters (a note, a description, a comment), at most 45,000 bytes URL-encoded (a 3-byte
 * character becomes 9; a 4-byte one counts as two characters); a flow of 50 steps and 100
 * connections is under 40 KB of JSON.
 */
export const FORM_BODY_MAX_BYTES = 64 * 1024

/** A body ceiling of `maxBytes`: 413 `payload_too_large` in the error shape over it. */
export function limitBody(maxBytes: number, message = 'The request body is too large'): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HTTPException(413, { message })
    },
  })
}
