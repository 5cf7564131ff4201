import { type Database, pendingSignIns, users } from '@kairo/db'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { and, eq, lt, sql } from 'drizzle-orm'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { hashSecret, parseToken, randomToken, type SessionUser, SIGN_IN_USER_COLUMNS } from './session.ts'

// The state between the password and the second factor. A correct password for an account that has
// (or must have) a second factor makes no session: it makes a pending sign-in, a row built like a
// session (`id.secret` in a cookie, only the SHA-256 of the secret stored) that names the user, lasts
// five minutes, ends after a few wrong codes, and is deleted by the step that makes the session, so it
// is used at most once. Every session is thereby made with both factors.

/** How long the second step may take after the password. */
export const PENDING_SIGN_IN_LIFETIME_MS = 5 * 60 * 1000
/** Wrong codes one pending sign-in takes before it ends (the password must then be entered again). */
export const PENDING_SIGN_IN_MAX_FAILURES = 5
/** The cookie; `__Host-` for the same reasons as the session's (auth/cookie.ts). */
export const PENDING_COOKIE = '__Host-pending-sign-in'

const COOKIE_OPTIONS = { path: '/', secure: true, httpOnly: true, sameSite: 'Lax' } as const

/** What the second step waits for: a code or passkey (`verify`), or a first factor (`enrol`). */
export type PendingStep = 'verify' | 'enrol'

/** A live pending sign-in with its user. */
export interface PendingSignIn {
  id: string
  step: PendingStep
  failedAttempts: number
  expiresAt: Date
  user: SessionUser
}

/** Starts a pending sign-in for `userId` and sets its cookie. */
export async function startPendingSignIn(
  c: Context,
  db: Database,
  userId: string,
  step: PendingStep,
  now: Date = new Date(),
): Promise<void> {
  const id = randomToken(16)
  const secret = randomToken(32)
  const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_LIFETIME_MS)
  await db
    .insert(pendingSignIns)
    .values({ id, userId, secretHash: hashSecret(secret), step, createdAt: now, expiresAt })
  setCookie(c, PENDING_COOKIE, `${id}.${secret}`, { ...COOKIE_OPTIONS, expires: expiresAt })
}

/**
 * The browser's pending sign-in, or null when it has none, it is unknown, its secret is wrong, it
 * has expired (the row is then deleted) or its user was disabled meanwhile. One query.
 */
export async function readPendingSignIn(
  c: Context,
  db: Database,
  now: Date = new Date(),
): Promise<PendingSignIn | null> {
  const token = getCookie(c, PENDING_COOKIE)
  const parsed = token ? parseToken(token) : null
  if (!parsed) return null
  const [row] = await db
    .select({
      id: pendingSignIns.id,
      secretHash: pendingSignIns.secretHash,
      step: pendingSignIns.step,
      failedAttempts: pendingSignIns.failedAttempts,
      expiresAt: pendingSignIns.expiresAt,
      user: SIGN_IN_USER_COLUMNS,
    })
    .from(pendingSignIns)
    .innerJoin(users, eq(users.id, pendingSignIns.userId))
    .where(eq(pendingSignIns.id, parsed.id))
  if (!row || !constantTimeEqual(hashSecret(parsed.secret), row.secretHash)) return null
  const { disabledAt, ...user } = row.user
  if (disabledAt || now.getTime() >= row.expiresAt.getTime()) {
    await db.delete(pendingSignIns).where(eq(pendingSignIns.id, row.id))
    return null
  }
  return { id: row.id, step: row.step, failedAttempts: row.failedAttempts, expiresAt: row.expiresAt, user }
}

/**
 * Counts a wrong code against the pending sign-in; true when that was the last one allowed (the row
 * is then gone and the person starts again from the password).
 */
export async function failPendingSignIn(db: Database, id: string): Promise<boolean> {
  const [row] = await db
    .update(pendingSignIns)
    .set({ failedAttempts: sql`${pendingSignIns.failedAttempts} + 1` })
    .where(eq(pendingSignIns.id, id))
    .returning({ failedAttempts: pendingSignIns.failedAttempts })
  if (row && row.failedAttempts < PENDING_SIGN_IN_MAX_FAILURES) return false
  await db.delete(pendingSignIns).where(eq(pendingSignIns.id, id))
  return true
}

/**
 * Uses the pending sign-in up: deletes its row and answers whether this call did (of two concurrent
 * completions exactly one gets true). Call in the transaction that creates the session.
 */
export async function consumePendingSignIn(
  tx: Database,
  id: string,
  now: Date = new Date(),
): Promise<boolean> {
  const deleted = await tx
    .delete(pendingSignIns)
    .where(
      and(eq(pendingSignIns.id, id), sql`${pendingSignIns.expiresAt} > ${now.toISOString()}::timestamptz`),
    )
    .returning({ id: pendingSignIns.id })
  return deleted.length === 1
}

/** Forgets the pending sign-in in this browser (after the session was made, or when it ended). */
export function clearPendingCookie(c: Context): void {
  deleteCookie(c, PENDING_COOKIE, COOKIE_OPTIONS)
}

/** Deletes pending sign-ins that expired before `now` (the nightly clean-up). */
export async function pruneExpiredPendingSignIns(db: Database, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .delete(pendingSignIns)
    .where(lt(pendingSignIns.expiresAt, now))
    .returning({ id: pendingSignIns.id })
  return deleted.length
}
