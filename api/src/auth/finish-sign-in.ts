import type { Context } from 'hono'
import { recordAudit } from '../audit/record.ts'
import type { AppEnv } from '../env.ts'
import { log } from '../lib/logger.ts'
import { writeSessionCookie } from './cookie.ts'
import { clearPendingCookie, consumePendingSignIn } from './pending-sign-in.ts'
import { createSession, invalidateSession, type SessionUser } from './session.ts'
import { sessionOrigin } from './sign-in.ts'

// The last step of a sign-in that needed more than a password: the second factor was checked (a code,
// a recovery code, a passkey), so the pending sign-in is used up and the session made, in one
// transaction. Same guarantees as the password-only path in sign-in.ts: a brand-new session, the
// browser's previous one ended (no fixation), an `auth.sign_in` audit entry.

/** How the person proved who they are, as the audit entry records it. */
export type SignInMethod = 'password+totp' | 'password+recovery_code' | 'password+enrolment' | 'passkey'

/**
 * Makes the session for `user` after `method` succeeded. With `pendingId`, the pending sign-in is
 * consumed in the same transaction and the answer is false (no session) when another request used it
 * first or it expired meanwhile. Sets the session cookie and clears the pending one.
 */
export async function finishSignIn(
  c: Context<AppEnv>,
  user: SessionUser,
  method: SignInMethod,
  pendingId: string | null,
  now: Date = new Date(),
): Promise<boolean> {
  const { db } = c.var.db()
  const previous = c.get('auth')?.session.id
  const created = await db.transaction(async (tx) => {
    if (pendingId && !(await consumePendingSignIn(tx, pendingId, now))) return null
    if (previous) await invalidateSession(tx, previous)
    const made = await createSession(tx, user.id, sessionOrigin(c), now)
    await recordAudit(
      c,
      {
        action: 'auth.sign_in',
        actorId: user.id,
        companyId: user.companyId,
        targetType: 'user',
        targetId: user.id,
        details: { method },
      },
      tx,
    )
    return made
  })
  clearPendingCookie(c)
  if (!created) return false
  writeSessionCookie(c, created.token, created.session.expiresAt)
  c.set('auth', { user, session: created.session })
  log(c, 'info', 'signed in', { userId: user.id, method })
  return true
}
