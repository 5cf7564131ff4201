import { outbox, sessions, users } from '@kairo/db'
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { and, desc, eq, gt } from 'drizzle-orm'
import type { Context } from 'hono'
import { recordAudit } from '../audit/record.ts'
import type { AppEnv } from '../env.ts'
import { log } from '../lib/logger.ts'
import { verifyCurrentPassword } from './credentials.ts'
import { hashPassword } from './password.ts'
import { checkNewPassword } from './password-policy.ts'
import { endPasswordResets } from './password-reset.ts'
import { invalidateSession, invalidateUserSessions, SESSION_IDLE_TIMEOUT_MS } from './session.ts'
import { describeUserAgent } from './user-agent.ts'

// What a signed-in person can do to their own account: rename, change their email or password, and
// see and end their sessions. Shared by the profile page (forms) and `/api/v1/me` (JSON); every
// function acts on the signed-in user only, so no id from the request can reach someone else.

/** One active session as the profile lists it. */
export interface SessionView {
  /** An opaque handle for "sign out this session" (not the session id, which is half a token). */
  handle: string
  createdAt: Date
  lastActiveAt: Date
  ip: string | null
  /** "Firefox on Linux". */
  device: string
  /** Whether this is the session making the request. */
  current: boolean
}

/** A refused change: the field at fault and the message to show beside it. */
export interface FieldError {
  ok: false
  field: string
  message: string
}

const WRONG_CURRENT_PASSWORD = 'Your current password is not right'

function signedIn(c: Context<AppEnv>) {
  const auth = c.get('auth')
  if (!auth) throw new Error('account: called without a signed-in user (mount requireUser first)')
  return auth
}

/**
 * The handle a session is listed and ended by: a SHA-256 of its id. The session id is the first half
 * of the cookie's token, so it stays out of pages, URLs and the logs that record URLs.
 */
export function sessionHandle(sessionId: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(`session-handle:${sessionId}`))).slice(0, 32)
}

/** The signed-in user's live sessions, most recently active first (one query). */
export async function listSessions(c: Context<AppEnv>, now: Date = new Date()): Promise<SessionView[]> {
  const { user, session: current } = signedIn(c)
  const rows = await c.var
    .db()
    .db.select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastVerifiedAt: sessions.lastVerifiedAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, user.id),
        gt(sessions.expiresAt, now),
        gt(sessions.lastVerifiedAt, new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS)),
      ),
    )
    .orderBy(desc(sessions.lastVerifiedAt), desc(sessions.createdAt))
  return rows.map((row) => ({
    handle: sessionHandle(row.id),
    createdAt: row.createdAt,
    // The request being answered is activity too, though its row is refreshed only hourly.
    lastActiveAt: row.id === current.id ? now : row.lastVerifiedAt,
    ip: row.ip,
    device: describeUserAgent(row.userAgent),
    current: row.id === current.id,
  }))
}

/** Changes the signed-in user's display name (already validated: 1–120 characters, trimmed). */
export async function renameUser(c: Context<AppEnv>, name: string): Promise<void> {
  const { user } = signedIn(c)
  await c.var.db().db.update(users).set({ name }).where(eq(users.id, user.id))
  user.name = name
}

/**
 * Changes the signed-in user's email after checking their current password. The old address is told
 * (an `auth.email_changed` outbox message), so a hijacked session cannot move the account silently.
 * Refused when another account has the address.
 */
export async function changeEmail(
  c: Context<AppEnv>,
  input: { email: string; currentPassword: string },
): Promise<{ ok: true } | FieldError> {
  const { user } = signedIn(c)
  const { db } = c.var.db()
  if (!(await verifyCurrentPassword(db, user.id, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', message: WRONG_CURRENT_PASSWORD }
  }
  if (input.email === user.email) return { ok: true }
  try {
    await db.transaction(async (tx) => {
      await tx.update(users).set({ email: input.email }).where(eq(users.id, user.id))
      // Links mailed to the old address end with the change.
      await endPasswordResets(tx, user.id)
      await tx.insert(outbox).values({
        kind: 'auth.email_changed',
        payload: { to: user.email, name: user.name, userId: user.id },
      })
      await recordAudit(
        c,
        { action: 'auth.email_changed', companyId: user.companyId, targetType: 'user', targetId: user.id },
        tx,
      )
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, field: 'email', message: 'Another account uses this email address' }
    }
    throw error
  }
  log(c, 'info', 'email changed', { userId: user.id })
  user.email = input.email
  return { ok: true }
}

/**
 * Changes the signed-in user's password: the current one must be right and the new one must pass
 * the policy. Every other session of the user ends (whoever else was signed in is out); the one
 * making the change stays. Audited as `auth.password_changed`, and the user is told by email.
 */
export async function changePassword(
  c: Context<AppEnv>,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true; endedSessions: number } | FieldError> {
  const { user, session } = signedIn(c)
  const { db } = c.var.db()
  const policy = await checkNewPassword(input.newPassword, { email: user.email, name: user.name })
  if (policy) return { ok: false, field: 'newPassword', message: policy }
  if (!(await verifyCurrentPassword(db, user.id, input.currentPassword))) {
    return { ok: false, field: 'currentPassword', message: WRONG_CURRENT_PASSWORD }
  }
  // Hashed before the transaction, so the row locks are not held through a second of CPU.
  const passwordHash = await hashPassword(input.newPassword)
  const endedSessions = await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id))
    // A reset link mailed before the change must not be able to undo it.
    await endPasswordResets(tx, user.id)
    const ended = await invalidateUserSessions(tx, user.id, session.id)
    await tx.insert(outbox).values({
      kind: 'auth.password_changed',
      payload: { to: user.email, name: user.name, userId: user.id },
    })
    await recordAudit(
      c,
      {
        action: 'auth.password_changed',
        companyId: user.companyId,
        targetType: 'user',
        targetId: user.id,
        details: { endedSessions: ended },
      },
      tx,
    )
    return ended
  })
  log(c, 'info', 'password changed', { userId: user.id, endedSessions })
  return { ok: true, endedSessions }
}

/**
 * Ends one of the signed-in user's sessions by its handle. `current` means the request's own session
 * ended (the caller clears the cookie); `not_found` covers handles of other users' sessions too.
 */
export async function endSession(
  c: Context<AppEnv>,
  handle: string,
): Promise<'current' | 'other' | 'not_found'> {
  const { user, session } = signedIn(c)
  const { db } = c.var.db()
  const owned = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id))
  const target = owned.find((row) => sessionHandle(row.id) === handle)
  if (!target) return 'not_found'
  await invalidateSession(db, target.id)
  log(c, 'info', 'session ended', { userId: user.id })
  return target.id === session.id ? 'current' : 'other'
}

/** Ends every session of the signed-in user, this one included ("sign out everywhere"). */
export async function endAllSessions(c: Context<AppEnv>): Promise<number> {
  const { user } = signedIn(c)
  const { db } = c.var.db()
  const ended = await db.transaction(async (tx) => {
    const count = await invalidateUserSessions(tx, user.id)
    await recordAudit(
      c,
      {
        action: 'auth.signed_out_everywhere',
        companyId: user.companyId,
        targetType: 'user',
        targetId: user.id,
        details: { endedSessions: count },
      },
      tx,
    )
    return count
  })
  log(c, 'info', 'signed out everywhere', { userId: user.id, endedSessions: ended })
  return ended
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code ?? (error as { cause?: { code?: unknown } })?.cause?.code
  return code === '23505'
}
