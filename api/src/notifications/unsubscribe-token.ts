import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import {
  decodeBase32IgnorePadding,
  decodeHex,
  encodeBase32LowerCaseNoPadding,
  encodeHexLowerCase,
} from '@oslojs/encoding'
import type { NotificationKind } from './kinds.ts'

// One-click unsubscribe links (RFC 8058) without a table: the token names a user and a scope and
// carries an HMAC-SHA-256 of both under `UNSUBSCRIBE_SECRET`, so only the Worker can make one and a
// changed user or scope no longer verifies. A token never expires: an unsubscribe link in an old
// e-mail must keep working (RFC 8058 asks for that), and all it can do is stop e-mail. The scope is
// a kind, or `digest` for the daily digest (it turns off every kind set to digest).
//
// Shape: `<subject>.<mac>`, both lower-case base32 like the session and reset tokens (`id.secret`):
// the subject is the user id's 16 bytes and one scope byte, the MAC its first 128 bits. The request
// log masks the second half of such a pair (auth/redact.ts), so the MAC never reaches a log.

/** What a token may turn off: one kind's e-mails, or the digest. */
export type UnsubscribeScope = NotificationKind | 'digest'

export interface UnsubscribeTarget {
  userId: string
  scope: UnsubscribeScope
}

/**
 * The key used where `UNSUBSCRIBE_SECRET` is unset: development and tests only. `assertBindings`
 * refuses to run in production without the secret, so no deployed Worker signs with this.
 */
const DEVELOPMENT_KEY = 'kairo-development-unsubscribe-key-not-for-production'

/** The signing key from the Worker's variables (see {@link DEVELOPMENT_KEY}). */
export function unsubscribeKeyOf(vars: { UNSUBSCRIBE_SECRET?: string }): string {
  return vars.UNSUBSCRIBE_SECRET || DEVELOPMENT_KEY
}

/**
 * The scope's byte in a token. Append only: a byte must keep its meaning for as long as e-mails
 * carrying it may be opened.
 */
const SCOPES: readonly UnsubscribeScope[] = [
  'version_uploaded',
  'version_approved',
  'changes_requested',
  'comment_added',
  'automation_failed',
  'digest',
]

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
// 128 bits of the MAC: enough against forgery, and a shorter link.
const MAC_BYTES = 16
const encoder = new TextEncoder()

const PURPOSE = encoder.encode('kairo-unsubscribe:')

function macOf(key: string, subject: Uint8Array): Uint8Array {
  const message = new Uint8Array(PURPOSE.length + subject.length)
  message.set(PURPOSE)
  message.set(subject, PURPOSE.length)
  return hmac(sha256, encoder.encode(key), message).slice(0, MAC_BYTES)
}

/** The token of an unsubscribe link for `userId` and `scope`. */
export function signUnsubscribeToken(key: string, target: UnsubscribeTarget): string {
  if (!UUID.test(target.userId)) throw new Error('unsubscribe: the user id must be a uuid')
  const subject = new Uint8Array(17)
  subject.set(decodeHex(target.userId.replaceAll('-', '')))
  subject[16] = SCOPES.indexOf(target.scope)
  return `${encodeBase32LowerCaseNoPadding(subject)}.${encodeBase32LowerCaseNoPadding(macOf(key, subject))}`
}

/** What a token unsubscribes, or null for anything malformed or not signed with `key`. */
export function verifyUnsubscribeToken(key: string, token: string): UnsubscribeTarget | null {
  const match = /^([a-z2-7]{28})\.([a-z2-7]{26})$/.exec(token)
  if (!match) return null
  let subject: Uint8Array
  let mac: Uint8Array
  try {
    subject = decodeBase32IgnorePadding(match[1]?.toUpperCase() ?? '')
    mac = decodeBase32IgnorePadding(match[2]?.toUpperCase() ?? '')
  } catch {
    return null
  }
  const scope = SCOPES[subject[16] ?? -1]
  if (subject.length !== 17 || !scope || !constantTimeEqual(mac, macOf(key, subject))) return null
  const hex = encodeHexLowerCase(subject.slice(0, 16))
  const userId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
  return { userId, scope }
}

/** The absolute unsubscribe URL for an e-mail. */
export function unsubscribeUrl(key: string, origin: string, target: UnsubscribeTarget): string {
  return `${origin}/unsubscribe/${signUnsubscribeToken(key, target)}`
}
