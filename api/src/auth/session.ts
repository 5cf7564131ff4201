import { type Database, dataVersion, notifications, sessions, type User, users } from '@kairo/db'
import { sha256 } from '@oslojs/crypto/sha2'
import { constantTimeEqual } from '@oslojs/crypto/subtle'
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding'
import { and, eq, ne, sql } from 'drizzle-orm'

// Sessions in the style of Lucia's replacement (lucia-auth.com "Basic session API"): the token the
// browser holds is `<id>.<secret>`; the database keeps the id and only the SHA-256 of the secret, so a
// leaked table yields no usable token. The id finds the row; the secret is compared in constant time.

const MINUTE = 60 * 1000
const HOUR = 60 * MINUTE

/**
 * Lifetimes, chosen for a client portal that shows project data but moves no money (ASVS 5.0 7.3:
 * both an inactivity timeout and an absolute maximum):
 * - idle: a session unused for 12 hours ends (a laptop left open overnight signs out);
 * - absolute: no session lives longer than 7 days, however active (re-authenticate weekly);
 * - refresh: `lastVerifiedAt` is written at most once an hour, so a page view normally costs a
 *   single read, and the idle timeout is exact to within that hour.
 */
export const SESSION_IDLE_TIMEOUT_MS = 12 * HOUR
export const SESSION_ABSOLUTE_LIFETIME_MS = 7 * 24 * HOUR
export const SESSION_REFRESH_INTERVAL_MS = HOUR

/** What a valid session token resolves to. */
export interface SessionUser {
  id: string
  email: string
  name: string
  role: User['role']
  companyId: string | null
}

/** The session row as the app uses it (no secret hash). */
export interface SessionInfo {
  id: string
  userId: string
  createdAt: Date
  lastVerifiedAt: Date
  expiresAt: Date
  ip: string | null
  userAgent: string | null
}

export interface ValidatedSession {
  session: SessionInfo
  user: SessionUser
  /**
   * The database's data version when the session was read (`app.data_version`, raised by triggers on
   * every write to what the dashboard shows). Read in the session's own statement, so a page can check
   * a cached read against it without another round trip (`src/data/read-cache.ts`). Absent for a
   * session created during this request (sign-in), whose reads then go to the database.
   */
  dataVersion?: string
  /**
   * How many of the user's notifications are unread, for the dashboard's nav; read in the session's
   * own statement (a scalar subquery on `notifications_unread_idx`), so no page pays a round trip
   * for it. Absent for a session created during this request.
   */
  unreadNotifications?: number
}

/** Where the session came from, recorded so "active sessions" can tell them apart. */
export interface SessionOrigin {
  ip?: string | null
  userAgent?: string | null
}

/** Random bytes as lower-case base32 (no padding): URL- and cookie-safe, case-insensitive. */
export function randomToken(bytes: number): string {
  const buffer = new Uint8Array(bytes)
  crypto.getRandomValues(buffer)
  return encodeBase32LowerCaseNoPadding(buffer)
}

/** SHA-256 of a token's secret half, as stored. */
export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret))
}

/**
 * Splits `<id>.<secret>`; null for anything else. Lengths are checked so a megabyte-long cookie is
 * refused before it is hashed or sent to the database.
 */
export function parseToken(token: string): { id: string; secret: string } | null {
  const match = /^([a-z2-7]{16,64})\.([a-z2-7]{26,128})$/.exec(token)
  return match ? { id: match[1] as string, secret: match[2] as string } : null
}

/**
 * Creates a session for `userId` and returns it with its token (the only time the secret exists in
 * clear). The id carries 128 random bits and the secret 256: either alone is unguessable.
 * Call on every sign-in, so a session id fixed before sign-in is never promoted (no fixation).
 */
export async function createSession(
  db: Database,
  userId: string,
  origin: SessionOrigin = {},
  now: Date = new Date(),
): Promise<{ token: string; session: SessionInfo }> {
  const id = randomToken(16)
  const secret = randomToken(32)
  const [row] = await db
    .insert(sessions)
    .values({
      id,
      userId,
      secretHash: hashSecret(secret),
      createdAt: now,
      lastVerifiedAt: now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_LIFETIME_MS),
      ip: origin.ip ?? null,
      userAgent: origin.userAgent?.slice(0, 300) ?? null,
    })
    .returning()
  if (!row) throw new Error('session: the insert returned no row')
  return { token: `${id}.${secret}`, session: toInfo(row) }
}

/** The current data version, as a scalar subquery of the session statement. */
const currentDataVersion = sql<string>`(select version from ${dataVersion})`.mapWith(String)

/**
 * The user's unread notifications, as a scalar subquery of the session statement. The partial index
 * `notifications_unread_idx` holds only unread rows, so the count reads just those (an index-only scan).
 */
const unreadNotifications =
  sql<number>`(select count(*) from ${notifications} n where n.user_id = ${sql.identifier('sessions')}.${sql.identifier('user_id')} and n.read_at is null)`.mapWith(
    Number,
  )

/**
 * The user a session, a pending sign-in or a passkey names, as a sign-in reads it: what
 * {@link SessionUser} holds, and whether the account is disabled (which ends every way in).
 */
export const SIGN_IN_USER_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  companyId: users.companyId,
  disabledAt: users.disabledAt,
}

/**
 * Resolves a token to its session and user in one query, or null when the token is malformed,
 * unknown, has the wrong secret, has expired (idle or absolute), or its user is disabled. An expired
 * session is deleted. `lastVerifiedAt` is moved forward at most once per refresh interval.
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  now: Date = new Date(),
): Promise<ValidatedSession | null> {
  const parsed = parseToken(token)
  if (!parsed) return null
  const [row] = await db
    .select({
      session: sessions,
      user: SIGN_IN_USER_COLUMNS,
      dataVersion: currentDataVersion,
      unreadNotifications,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, parsed.id))
  if (!row) return null
  if (!constantTimeEqual(hashSecret(parsed.secret), row.session.secretHash)) return null
  const { disabledAt, ...user } = row.user
  const idleDeadline = row.session.lastVerifiedAt.getTime() + SESSION_IDLE_TIMEOUT_MS
  if (disabledAt || now.getTime() >= row.session.expiresAt.getTime() || now.getTime() >= idleDeadline) {
    await invalidateSession(db, row.session.id)
    return null
  }
  const session = toInfo(row.session)
  if (now.getTime() - session.lastVerifiedAt.getTime() >= SESSION_REFRESH_INTERVAL_MS) {
    await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, session.id))
    session.lastVerifiedAt = now
  }
  return { session, user, dataVersion: row.dataVersion, unreadNotifications: row.unreadNotifications }
}

/** Ends one session (sign out). */
export async function invalidateSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId))
}

/**
 * Ends every session of a user ("sign out everywhere", a disabled account), or every one but
 * `exceptSessionId` (a password change keeps the session that made it). Returns how many ended.
 */
export async function invalidateUserSessions(
  db: Database,
  userId: string,
  exceptSessionId?: string,
): Promise<number> {
  const where = exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
    : eq(sessions.userId, userId)
  const ended = await db.delete(sessions).where(where).returning({ id: sessions.id })
  return ended.length
}

function toInfo(row: typeof sessions.$inferSelect): SessionInfo {
  const { secretHash: _secretHash, ...info } = row
  return info
}
