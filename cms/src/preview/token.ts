import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Signed, short-lived preview links. A token is `<expiry>.<mac>`: the expiry in Unix seconds and an
 * HMAC-SHA256 (base64url) over the collection, the document id and that expiry, keyed with
 * `PREVIEW_SECRET`. Nothing is stored: whoever holds a valid token may read that one document's latest
 * draft until it expires, and nothing else.
 */

/** How long a preview link works after the admin made it, at least. */
export const PREVIEW_TOKEN_TTL_MS = 60 * 60 * 1000

/**
 * Expiries are rounded up to this step, so every link made within it is the same URL. The live
 * preview recomputes its URL on every autosave (Payload does, for URLs that depend on the document),
 * and the panel reloads its frame whenever the URL changes: a fresh expiry per save would reload the
 * preview every 1.5 s while the editor types, and lose its scroll position.
 */
export const PREVIEW_TOKEN_STEP_MS = 10 * 60 * 1000

/** The one document a token opens. */
export interface PreviewTarget {
  collection: string
  id: string | number
}

/** Why a token was refused: an expected failure, returned as a value. */
export type PreviewTokenCheck = { ok: true } | { ok: false; reason: 'malformed' | 'invalid' | 'expired' }

const TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/

// A versioned, newline-separated message: no two targets can produce the same bytes.
function mac(target: PreviewTarget, expires: number, secret: string): string {
  return createHmac('sha256', secret)
    .update(`kairo-preview:v1\n${target.collection}\n${String(target.id)}\n${expires}`)
    .digest('base64url')
}

/** Signs a token for `target`, valid for at least `ttlMs` from `now` (up to one `stepMs` more). */
export function signPreviewToken(
  target: PreviewTarget,
  secret: string,
  {
    now = Date.now(),
    ttlMs = PREVIEW_TOKEN_TTL_MS,
    stepMs = PREVIEW_TOKEN_STEP_MS,
  }: { now?: number; ttlMs?: number; stepMs?: number } = {},
): string {
  const expires = Math.ceil((now + ttlMs) / stepMs) * (stepMs / 1000)
  return `${expires}.${mac(target, expires, secret)}`
}

/**
 * Checks a token against the document it is presented for. The MAC is compared in constant time
 * before the expiry is looked at, so a forged token learns nothing, and an expired one is told so.
 */
export function verifyPreviewToken(
  token: string | null | undefined,
  target: PreviewTarget,
  secret: string,
  now = Date.now(),
): PreviewTokenCheck {
  const match = TOKEN.exec(token ?? '')
  if (!match?.[1] || !match[2]) return { ok: false, reason: 'malformed' }
  const expires = Number(match[1])
  // Compared as text, not decoded bytes: base64url ignores a last character's spare bits, and a
  // token that decodes alike but reads differently must not pass.
  const given = Buffer.from(match[2])
  const expected = Buffer.from(mac(target, expires, secret))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'invalid' }
  }
  if (expires * 1000 <= now) return { ok: false, reason: 'expired' }
  return { ok: true }
}
