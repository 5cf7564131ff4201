import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { decodeBase32IgnorePadding, encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { normaliseEmail } from './credentials.ts'

// "Known device" cookies, after OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a
// browser that has signed in to an account successfully gets a signed, long-lived cookie saying so.
// Sign-in then has a per-account cap that holds across every address (`auth/limits.ts`) for browsers
// WITHOUT that cookie, while a browser WITH it has an allowance of its own. A stranger who floods
// an account with wrong passwords from a thousand addresses exhausts the cap for strangers only; the
// owner's own browsers keep signing in. A new browser of the owner's during such a flood can still
// get in: a completed password reset proves the inbox and marks that browser known too.
//
// The cookie names no account and holds no session: each entry is `<device>.<expires>.<mac>`, where
// `device` is 80 random bits (the per-device counter's key), `expires` Unix seconds in base 36, and
// `mac` the first 128 bits of HMAC-SHA-256 under `KNOWN_DEVICE_SECRET` over the three and the
// account's normalised email. It proves only "this browser signed in to this email before", so it
// verifies against the email being tried and nothing else; a stolen cookie buys a thief the
// device's own small allowance, never access. Up to {@link MAX_ENTRIES} accounts share one
// browser (a shared office computer); the newest sign-in goes first.

/** The cookie; `__Host-` like the session's (Secure, Path=/, no Domain). */
export const KNOWN_DEVICE_COOKIE = '__Host-device'
/** How long a browser stays known after its last successful sign-in. */
export const KNOWN_DEVICE_LIFETIME_S = 365 * 24 * 60 * 60
/** Accounts remembered per browser; the oldest entry drops off. */
const MAX_ENTRIES = 5

/**
 * The key where `KNOWN_DEVICE_SECRET` is unset: development and tests only. `assertBindings` refuses
 * to run in production without the secret, so no deployed Worker signs with this.
 */
const DEVELOPMENT_KEY = 'kairo-development-known-device-key-not-for-production'

const encoder = new TextEncoder()
const ENTRY = /^([a-z2-7]{16})\.([0-9a-z]{1,10})\.([a-z2-7]{26})$/

function keyOf(c: Context): Uint8Array {
  const secret = (c.env as { KNOWN_DEVICE_SECRET?: string } | undefined)?.KNOWN_DEVICE_SECRET
  return encoder.encode(secret || DEVELOPMENT_KEY)
}

function macOf(key: Uint8Array, device: string, expires: string, email: string): Uint8Array {
  const message = encoder.encode(`kairo-known-device:${device}.${expires}:${normaliseEmail(email)}`)
  return hmac(sha256, key, message).slice(0, 16)
}

interface Entry {
  device: string
  expires: string
  mac: string
}

/** The cookie's well-formed, unexpired entries (a mangled cookie reads as none). */
function entriesOf(c: Context, nowMs: number): Entry[] {
  const value = getCookie(c, KNOWN_DEVICE_COOKIE) ?? ''
  const entries: Entry[] = []
  for (const part of value.split('~').slice(0, MAX_ENTRIES)) {
    const match = ENTRY.exec(part)
    if (!match) continue
    const [, device = '', expires = '', mac = ''] = match
    if (Number.parseInt(expires, 36) * 1000 > nowMs) entries.push({ device, expires, mac })
  }
  return entries
}

function verifies(key: Uint8Array, entry: Entry, email: string): boolean {
  let mac: Uint8Array
  try {
    mac = decodeBase32IgnorePadding(entry.mac.toUpperCase())
  } catch {
    return false
  }
  return constantTimeEqual(mac, macOf(key, entry.device, entry.expires, email))
}

/**
 * The device id of this browser for `email` when it has signed in to that account before (a valid,
 * unexpired entry signed for it), else null. Costs an HMAC per entry, no query.
 */
export function knownDeviceFor(c: Context, email: string, nowMs: number = Date.now()): string | null {
  const key = keyOf(c)
  return entriesOf(c, nowMs).find((entry) => verifies(key, entry, email))?.device ?? null
}

/** The requests in which {@link rememberDevice} ran: their password (or link) was right. */
const remembered = new WeakSet<Context>()

/**
 * Whether this request proved the account (see {@link rememberDevice}): the sign-in limits take back
 * the hits of a sign-in whose password was right, so their caps count wrong passwords only.
 */
export function provedAccount(c: Context): boolean {
  return remembered.has(c)
}

/**
 * Marks this browser as known for `email` (after a right password at sign-in, a completed password
 * reset or an accepted invitation): keeps its device id for that account if it had one, moves the
 * entry first with a new expiry, and keeps the other accounts' entries.
 */
export function rememberDevice(c: Context, email: string, nowMs: number = Date.now()): void {
  remembered.add(c)
  const key = keyOf(c)
  const entries = entriesOf(c, nowMs)
  const mine = entries.find((entry) => verifies(key, entry, email))
  const device = mine?.device ?? encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)))
  const expires = Math.floor(nowMs / 1000 + KNOWN_DEVICE_LIFETIME_S).toString(36)
  const mac = encodeBase32LowerCaseNoPadding(macOf(key, device, expires, email))
  const others = entries.filter((entry) => entry !== mine).slice(0, MAX_ENTRIES - 1)
  const value = [`${device}.${expires}.${mac}`, ...others.map((e) => `${e.device}.${e.expires}.${e.mac}`)]
  setCookie(c, KNOWN_DEVICE_COOKIE, value.join('~'), {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: KNOWN_DEVICE_LIFETIME_S,
  })
}
