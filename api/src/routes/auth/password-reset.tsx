import { users } from '@kairo/db'
import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { recordAudit } from '../../audit/record.ts'
import { clearSessionCookie } from '../../auth/cookie.ts'
import { emailFingerprint, findUserByEmail } from '../../auth/credentials.ts'
import { rememberDevice } from '../../auth/known-device.ts'
import { emailInBody, resetRequestLimits } from '../../auth/limits.ts'
import { hashPassword } from '../../auth/password.ts'
import { checkNewPassword } from '../../auth/password-policy.ts'
import { consumePasswordReset, findPasswordReset, requestPasswordReset } from '../../auth/password-reset.ts'
import { invalidateUserSessions } from '../../auth/session.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { parseWith, readFormFields } from '../../lib/form.ts'
import { log } from '../../lib/logger.ts'
import { publicOrigin } from '../../lib/negotiate.ts'
import { rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { setFlash } from '../../views/dashboard/flash.ts'
import { type AuthRoutesOptions, formBodyLimit } from './login.tsx'
import { NewPasswordPage, ResetLinkProblemPage, ResetRequestPage } from './pages.tsx'
import { newPasswordSchema, resetRequestSchema } from './schema.ts'

const PROBLEM_STATUS = { invalid: 404, expired: 410, used: 410 } as const

/**
 * Password reset by emailed link:
 * - `GET /password-reset` asks for the email; `POST` answers with the same page whether or not the
 *   address has an account (303 to `?sent=1`) and, when it has one, stores a link and queues its
 *   email in the outbox;
 * - `GET /password-reset/<id>.<secret>` asks for the new password; `POST` sets it (the policy
 *   applies), uses the link up, ends every session of the account, and sends the person to sign in
 *   with the new password (303 to `/login` with a message). Unknown links answer 404, used or
 *   expired ones 410, each with a way to ask for a new link.
 *
 * Note: a reset does not sign the person in. Sign-in stays a single path (its rate limits, audit
 * entry and fresh session), and the sign-in form is where a password manager saves the new password.
 */
export function passwordResetRoutes({ limits, now }: AuthRoutesOptions) {
  const clock = () => new Date(now ? now() : Date.now())
  const limited = async (c: Context<AppEnv>, retryAfter: number) => {
    const minutes = Math.max(1, Math.ceil(retryAfter / 60))
    const message = `Too many reset requests. Wait ${minutes} minute(s), then try again, or use a link we already sent.`
    const email = (await emailInBody(c)) ?? ''
    return c.html(
      <ResetRequestPage nonce={c.var.secureHeadersNonce} email={email} errors={{ form: message }} />,
      429,
    )
  }

  return createRouter()
    .get('/password-reset', (c) => {
      c.header('Cache-Control', 'no-store')
      return c.html(<ResetRequestPage nonce={c.var.secureHeadersNonce} sent={c.req.query('sent') === '1'} />)
    })
    .post(
      '/password-reset',
      sameOrigin(),
      formBodyLimit(),
      ...resetRequestLimits(limits, { onLimited: limited, now }),
      async (c) => {
        c.header('Cache-Control', 'no-store')
        const form = await readFormFields(c, ['email'])
        const parsed = parseWith(resetRequestSchema, form)
        if (!parsed.ok) {
          return c.html(
            <ResetRequestPage nonce={c.var.secureHeadersNonce} email={form.email} errors={parsed.fields} />,
            422,
          )
        }
        const { db } = c.var.db()
        const user = await findUserByEmail(db, parsed.data.email)
        const eligible = user !== undefined && !user.disabledAt
        if (eligible) await requestPasswordReset(db, user, publicOrigin(c), clock())
        await recordAudit(c, {
          action: 'auth.password_reset_requested',
          companyId: user?.companyId ?? null,
          targetType: eligible ? 'user' : null,
          targetId: eligible ? user.id : null,
          details: { email: emailFingerprint(parsed.data.email), sent: eligible },
        })
        log(c, 'info', 'password reset requested', { userId: eligible ? user.id : null })
        return c.redirect('/password-reset?sent=1', 303)
      },
    )
    .get('/password-reset/:token', async (c) => {
      c.header('Cache-Control', 'no-store')
      const nonce = c.var.secureHeadersNonce
      const token = c.req.param('token')
      const found = await findPasswordReset(c.var.db().db, token, clock())
      if (found.status !== 'valid') {
        return c.html(
          <ResetLinkProblemPage nonce={nonce} problem={found.status} />,
          PROBLEM_STATUS[found.status],
        )
      }
      return c.html(<NewPasswordPage nonce={nonce} token={token} email={found.reset.email} />)
    })
    .post(
      '/password-reset/:token',
      sameOrigin(),
      formBodyLimit(),
      rateLimit({ prefix: 'auth:reset-confirm:ip', limit: 20, windowSeconds: 900, ...(now ? { now } : {}) }),
      async (c) => {
        c.header('Cache-Control', 'no-store')
        const nonce = c.var.secureHeadersNonce
        const token = c.req.param('token')
        const { db } = c.var.db()
        const found = await findPasswordReset(db, token, clock())
        if (found.status !== 'valid') {
          return c.html(
            <ResetLinkProblemPage nonce={nonce} problem={found.status} />,
            PROBLEM_STATUS[found.status],
          )
        }
        const { reset } = found
        const form = await readFormFields(c, ['password'])
        const parsed = parseWith(newPasswordSchema, form)
        const problem = parsed.ok
          ? await checkNewPassword(parsed.data.password, { email: reset.email, name: reset.name })
          : (parsed.fields.password ?? 'Enter a new password')
        if (problem || !parsed.ok) {
          return c.html(
            <NewPasswordPage
              nonce={nonce}
              token={token}
              email={reset.email}
              errors={{ password: problem ?? '' }}
            />,
            422,
          )
        }
        // Hashed before the transaction, so no row stays locked through a second of CPU.
        const passwordHash = await hashPassword(parsed.data.password)
        const ended = await db.transaction(async (tx) => {
          // Two submissions of one link race here; the conditional update lets exactly one win.
          if (!(await consumePasswordReset(tx, reset, clock()))) return null
          await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId))
          const count = await invalidateUserSessions(tx, reset.userId)
          await recordAudit(
            c,
            {
              action: 'auth.password_reset',
              actorId: reset.userId,
              companyId: reset.companyId,
              targetType: 'user',
              targetId: reset.userId,
              details: { endedSessions: count },
            },
            tx,
          )
          return count
        })
        if (ended === null) return c.html(<ResetLinkProblemPage nonce={nonce} problem="used" />, 410)
        log(c, 'info', 'password reset', { userId: reset.userId, endedSessions: ended })
        // This browser's session, if it was one of the account's, has just ended.
        if (c.var.auth?.user.id === reset.userId) clearSessionCookie(c)
        // The link proved the inbox, so this browser counts as the owner's from now on: it can sign in
        // even while strangers hold the account's cap for unknown browsers (auth/limits.ts).
        rememberDevice(c, reset.email)
        setFlash(c, {
          tone: 'success',
          message: 'Your password has been changed. Sign in with your new password.',
        })
        return c.redirect('/login', 303)
      },
    )
}
