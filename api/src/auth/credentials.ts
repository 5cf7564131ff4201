import { type Database, type User, users } from '@kairo/db'
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { eq, sql } from 'drizzle-orm'
import { ARGON2ID_DEFAULTS, formatPhc, parsePhc, verifyPassword } from './password.ts'
import type { SessionUser } from './session.ts'

// Checking an email and password without telling an outsider which of the two was wrong, by answer
// or by time: every attempt costs exactly one argon2id verification, against the user's hash or,
// when there is no such user (or their stored hash is unusable), against a dummy one.

/**
 * A hash with today's cost parameters that no password matches (its hash bytes are zeros, which
 * argon2id output never is in practice). Built from `ARGON2ID_DEFAULTS`, so raising the cost raises
 * the dummy's with it and unknown emails never become the fast path.
 */
const DUMMY_PHC = formatPhc({ ...ARGON2ID_DEFAULTS, salt: new Uint8Array(16), hash: new Uint8Array(32) })

/** Emails are one account whatever their case or surrounding spaces (see `users_email_lower_key`). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

/**
 * A short, stable fingerprint of an email address (SHA-256, first 16 hex characters) for audit rows
 * and rate-limit keys: it lets the team see many attempts against one address without the address
 * being stored in clear for people who have no account.
 */
export function emailFingerprint(email: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseEmail(email)))).slice(0, 16)
}

/** Why a sign-in was refused (for the audit log; the visitor always sees one message). */
export type CredentialsFailure = 'unknown_email' | 'wrong_password' | 'disabled'

/** The account behind a successful check, or why there is none. */
export type CredentialsResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: CredentialsFailure; userId: string | null; companyId: string | null }

/** The user row a check needs, found case-insensitively through the unique `lower(email)` index. */
export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, normaliseEmail(email)))
  return row
}

/**
 * Checks an email and password. One query, then one argon2id verification whatever the outcome. A
 * disabled account is refused only after its password was verified, so "disabled" costs the same
 * time as any other failure and is never revealed to someone without the password.
 */
export async function checkCredentials(
  db: Database,
  email: string,
  password: string,
): Promise<CredentialsResult> {
  const user = await findUserByEmail(db, email)
  const usable = user !== undefined && parsePhc(user.passwordHash) !== null
  const matches = await verifyPassword(usable ? user.passwordHash : DUMMY_PHC, password)
  if (!user) return { ok: false, reason: 'unknown_email', userId: null, companyId: null }
  const ids = { userId: user.id, companyId: user.companyId }
  if (!matches || !usable) return { ok: false, reason: 'wrong_password', ...ids }
  if (user.disabledAt) return { ok: false, reason: 'disabled', ...ids }
  const { id, name, role, companyId } = user
  return { ok: true, user: { id, email: user.email, name, role, companyId } }
}

/** Verifies the signed-in user's current password (email and password changes ask for it). */
export async function verifyCurrentPassword(
  db: Database,
  userId: string,
  password: string,
): Promise<boolean> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId))
  const usable = row !== undefined && parsePhc(row.hash) !== null
  const matches = await verifyPassword(usable ? row.hash : DUMMY_PHC, password)
  return usable && matches
}
