import type { Context } from 'hono'
import { recordAudit } from '../audit/record.ts'
import type { AppEnv } from '../env.ts'
import { log } from '../lib/logger.ts'
import { clientIp } from '../lib/negotiate.ts'
import { writeSessionCookie } from './cookie.ts'
import { checkCredentials, emailFingerprint } from './credentials.ts'
import { rememberDevice } from './known-device.ts'
import { type PendingStep, startPendingSignIn } from './pending-sign-in.ts'
import { secondStepFor } from './second-factor.ts'
import { createSession, invalidateSession, type SessionUser } from './session.ts'

// The one sign-in path behind `POST /login` (form) and `POST /api/v1/session` (JSON): check the
// credentials, record the attempt, and on success start a brand-new session, or, for an account
// with (or required to have) a second factor, a pending sign-in that finish-sign-in.ts completes.

/**
 * What {@link signIn} did; a refusal carries no reason, so no caller can leak one. `secondFactor`
 * means the password was right but no session was made: a pending sign-in waits for a code or
 * passkey (`verify`) or for a first factor to be set up (`enrol`). It is `ok: false` on purpose, so a
 * caller that does not know the second step treats it as a refusal.
 */
export type SignInResult =
  | { ok: true; user: SessionUser; secondFactor?: undefined }
  | { ok: false; secondFactor?: undefined }
  | { ok: false; secondFactor: PendingStep; user: SessionUser }

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
  // The password was right: this browser leaves the account's cap for unknown devices (known-device.ts).
  rememberDevice(c, user.email)
  // A second factor, had or required: no session yet (auth/pending-sign-in.ts).
  const secondFactor = await secondStepFor(c, db, user)
  if (secondFactor) {
    await startPendingSignIn(c, db, user.id, secondFactor)
    await recordAudit(c, {
      action: 'auth.second_factor_requested',
      actorId: user.id,
      companyId: user.companyId,
      targetType: 'user',
      targetId: user.id,
      details: { step: secondFactor },
    })
    log(c, 'info', 'password accepted, second factor next', { userId: user.id, step: secondFactor })
    return { ok: false, secondFactor, user }
  }
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
