import type { Context } from 'hono'
import { recordAudit } from '../audit/record.ts'
import type { AppEnv } from '../env.ts'
import { log } from '../lib/logger.ts'
import { clientIp } from '../lib/negotiate.ts'
import { writeSessionCookie } from './cookie.ts'
import { checkCredentials, emailFingerprint } from './credentials.ts'
import { createSession, invalidateSession, type SessionUser } from './session.ts'

// The one sign-in path behind `POST /login` (form) and `POST /api/v1/session` (JSON): check the
// credentials, record the attempt, and on success start a brand-new session.

/** What {@link signIn} did; a refusal carries no reason, so no caller can leak one. */
export type SignInResult = { ok: true; user: SessionUser } | { ok: false }

/** Where a session came from, as stored on its row for the "active sessions" list. */
export function sessionOrigin(c: Context<AppEnv>) {
  const ip = clientIp(c)
  return { ip: ip === 'unknown' ? null : ip, userAgent: c.req.header('user-agent') ?? null }
}

/**
 * Signs in with an email and password. On success a new session is created and its cookie set; a
 * session the browser already had is ended, whoever it belonged to, and never reused, so a token
 * planted before sign-in (session fixation) is worth nothing after it. Every attempt writes an audit
 * entry (`auth.sign_in` or `auth.sign_in_failed` with the user's id when the account exists and an
 * email fingerprint, never the address) and a log line without the email.
 */
export async function signIn(
  c: Context<AppEnv>,
  credentials: { email: string; password: string },
): Promise<SignInResult> {
  const { db } = c.var.db()
  const result = await checkCredentials(db, credentials.email, credentials.password)
  if (!result.ok) {
    await recordAudit(c, {
      action: 'auth.sign_in_failed',
      companyId: result.companyId,
      targetType: result.userId ? 'user' : null,
      targetId: result.userId,
      details: { reason: result.reason, email: emailFingerprint(credentials.email) },
    })
    log(c, 'warn', 'sign-in failed', { reason: result.reason, userId: result.userId })
    return { ok: false }
  }
  const { user } = result
  const previous = c.get('auth')?.session.id
  const { token, session } = await db.transaction(async (tx) => {
    if (previous) await invalidateSession(tx, previous)
    const created = await createSession(tx, user.id, sessionOrigin(c))
    await recordAudit(
      c,
      {
        action: 'auth.sign_in',
        actorId: user.id,
        companyId: user.companyId,
        targetType: 'user',
        targetId: user.id,
      },
      tx,
    )
    return created
  })
  writeSessionCookie(c, token, session.expiresAt)
  c.set('auth', { user, session })
  log(c, 'info', 'signed in', { userId: user.id })
  return { ok: true, user }
}
