import { hmac } from '@oslojs/crypto/hmac'
import { SHA1 } from '@oslojs/crypto/sha1'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding'

// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with the parameters every
// authenticator app understands: HMAC-SHA-1, 6 digits, 30-second steps. A code is accepted for the
// step before and after the current one (a phone's clock a little off, a code typed as it turned), and
// never for a step at or before the last one accepted, so an overheard code cannot be replayed.
// A dozen lines on @oslojs/crypto's HMAC rather than a library: synchronous, the same in workerd and
// Node, and the tests check it against otpauth, an independent implementation.

export const TOTP_PERIOD_SECONDS = 30
export const TOTP_DIGITS = 6
/** Steps accepted on either side of the current one. */
export const TOTP_WINDOW = 1
/** 160 bits, the HMAC-SHA-1 block's natural key size (RFC 4226 section 4 asks for at least 128). */
const SECRET_BYTES = 20

/** What a code looks like: six digits (spaces a person typed are removed before the check). */
const CODE = /^\d{6}$/

/** A new random TOTP secret. */
export function newTotpSecret(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(SECRET_BYTES))
}

/** The 30-second step `nowMs` falls in (the RFC's T). */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS)
}

/** The HOTP value of `counter` (RFC 4226 section 5.3: dynamic truncation, then modulo 10^6). */
export function hotp(secret: Uint8Array, counter: number): string {
  const message = new Uint8Array(8)
  new DataView(message.buffer).setBigUint64(0, BigInt(counter))
  const mac = hmac(SHA1, secret, message)
  const offset = (mac[mac.length - 1] as number) & 0x0f
  const binary = new DataView(mac.buffer, mac.byteOffset).getUint32(offset) & 0x7fffffff
  return (binary % 10 ** TOTP_DIGITS).toString().padStart(TOTP_DIGITS, '0')
}

/** The code of one step. */
export function totpCode(secret: Uint8Array, step: number): string {
  return hotp(secret, step)
}

/** A code as typed, without spaces or dashes ("123 456"), or null when it is not six digits. */
export function normaliseTotpCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '')
  return CODE.test(code) ? code : null
}

/**
 * The step `code` belongs to, within {@link TOTP_WINDOW} steps of `nowMs`, or null. Steps at or
 * before `lastUsedStep` are not tried: a code is good once, and an older one after a newer one never.
 * Every candidate is compared in constant time.
 */
export function matchTotp(
  secret: Uint8Array,
  input: string,
  nowMs: number,
  lastUsedStep: number | null = null,
): number | null {
  const code = normaliseTotpCode(input)
  if (!code) return null
  const expected = new TextEncoder().encode(code)
  const current = totpStep(nowMs)
  let matched: number | null = null
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (lastUsedStep !== null && step <= lastUsedStep) continue
    const candidate = new TextEncoder().encode(totpCode(secret, step))
    if (constantTimeEqual(candidate, expected) && matched === null) matched = step
  }
  return matched
}

/** The secret as authenticator apps take it: base32, upper case, no padding. */
export function encodeTotpSecret(secret: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(secret)
}

/** The base32 secret in groups of four, easier to type into an app by hand. */
export function groupedTotpSecret(secret: Uint8Array): string {
  return (encodeTotpSecret(secret).match(/.{1,4}/g) ?? []).join(' ')
}

/** Decodes a base32 secret (any case, spaces allowed); for tests and fixtures. */
export function decodeTotpSecret(text: string): Uint8Array {
  return decodeBase32IgnorePadding(text.replace(/\s/g, '').toUpperCase())
}

/**
 * The `otpauth://` URI an app scans from the QR code (the Key Uri Format of Google Authenticator,
 * which every app reads): the label is `issuer:account`, and the parameters repeat the defaults so
 * apps that guess otherwise do not.
 */
export function totpUri({
  issuer,
  account,
  secret,
}: {
  issuer: string
  account: string
  secret: Uint8Array
}) {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`
  const params = new URLSearchParams({
    secret: encodeTotpSecret(secret),
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_PERIOD_SECONDS),
  })
  return `otpauth://totp/${label}?${params.toString()}`
}
