import type { Context } from 'hono'
import { recordAudit } from '../../audit/record.ts'
import { writeSessionCookie } from '../../auth/cookie.ts'
import { rememberDevice } from '../../auth/known-device.ts'
import { hashPassword } from '../../auth/password.ts'
import { checkNewPassword } from '../../auth/password-policy.ts'
import { startPendingSignIn } from '../../auth/pending-sign-in.ts'
import { roleRequiresSecondFactor } from '../../auth/second-factor-policy.ts'
import { createSession, invalidateSession } from '../../auth/session.ts'
import { sessionOrigin } from '../../auth/sign-in.ts'
import { acceptInvitation, findInvitationByToken } from '../../data/invitations.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { parseWith, readForm } from '../../lib/form.ts'
import { log } from '../../lib/logger.ts'
import { type RateLimitOptions, rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { formBodyLimit } from '../auth/login.tsx'
import { InvitePage, type InviteProblem, InviteProblemPage } from './page.tsx'
import { acceptInput } from './schema.ts'

/** Where a new account lands. */
export const AFTER_ACCEPT = '/dashboard'

const STATUS: Record<InviteProblem, 404 | 409 | 410> = {
  not_found: 404,
  expired: 410,
  revoked: 410,
  accepted: 410,
  account_exists: 409,
}

function problemPage(c: Context<AppEnv>, problem: InviteProblem) {
  c.header('Cache-Control', 'no-store')
  return c.html(<InviteProblemPage nonce={c.var.secureHeadersNonce} problem={problem} />, STATUS[problem])
}

/** Options of {@link createInviteRoutes} (tests pass a small limit). */
export interface InviteRoutesOptions {
  rateLimit?: Pick<RateLimitOptions, 'limit' | 'windowSeconds' | 'now'>
}

/**
 * `GET /invite/<token>` shows the invitation (email, company, role) and a name + password form;
 * `POST` creates the account, marks the invitation accepted (one transaction), signs the new user in
 * with a fresh session and redirects (303) to the dashboard; a role that must have a second factor
 * (admin, team by default) goes to set one up first, and gets its session there. A link that is unknown (404), expired,
 * revoked or used (410), or whose email already has an account (409) gets a page that says so.
 * Posts must come from this origin and are limited per IP (each costs a password hash).
 */
export function createInviteRoutes(options: InviteRoutesOptions = {}) {
  return createRouter()
    .get('/invite/:token', async (c) => {
      const token = c.req.param('token')
      const invitation = await findInvitationByToken(c.var.db().db, token)
      if (!invitation) return problemPage(c, 'not_found')
      if (invitation.status !== 'pending') return problemPage(c, invitation.status)
      c.header('Cache-Control', 'no-store')
      return c.html(<InvitePage nonce={c.var.secureHeadersNonce} token={token} invitation={invitation} />)
    })
    .post(
      '/invite/:token',
      sameOrigin(),
      // Before the limiter, so an oversized body costs neither a count nor a query.
      formBodyLimit(),
      rateLimit({ limit: 10, windowSeconds: 600, ...options.rateLimit, prefix: 'invite:ip' }),
      async (c) => {
        const token = c.req.param('token')
        const { db } = c.var.db()
        // Checked before the (costly) hash, so a dead link never costs a hash.
        const invitation = await findInvitationByToken(db, token)
        if (!invitation) return problemPage(c, 'not_found')
        if (invitation.status !== 'pending') return problemPage(c, invitation.status)

        const form = await readForm(c)
        const parsed = parseWith(acceptInput, form)
        const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.fields }
        // The password is judged even when the name is missing, so one round shows every problem.
        const problem = errors.password
          ? null
          : await checkNewPassword(form.password ?? '', { email: invitation.email, name: form.name?.trim() })
        if (problem) errors.password = problem
        if (!parsed.ok || problem) {
          c.header('Cache-Control', 'no-store')
          const nonce = c.var.secureHeadersNonce
          const page = (
            <InvitePage nonce={nonce} token={token} invitation={invitation} values={form} errors={errors} />
          )
          return c.html(page, 422)
        }

        const passwordHash = await hashPassword(parsed.data.password)
        const result = await acceptInvitation(
          db,
          token,
          { name: parsed.data.name, passwordHash },
          (event, tx) => recordAudit(c, event, tx),
        )
        if (!result.ok) return problemPage(c, result.reason)

        // A role that must have a second factor sets one up before its first session exists: the
        // sign-in's enrolment step takes over (auth/pending-sign-in.ts), then makes the session.
        if (roleRequiresSecondFactor(c.env, result.user.role)) {
          await startPendingSignIn(c, db, result.user.id, 'enrol')
          rememberDevice(c, invitation.email)
          log(c, 'info', 'invitation accepted, second factor next', {
            userId: result.user.id,
            role: result.user.role,
          })
          return c.redirect('/login/second-factor/enrol', 303)
        }

        // A brand-new session for the new account; one the browser already had (someone else's,
        // or planted) is ended, never carried over.
        const previous = c.get('auth')?.session.id
        if (previous) await invalidateSession(db, previous)
        const { token: sessionToken, session } = await createSession(db, result.user.id, sessionOrigin(c))
        writeSessionCookie(c, sessionToken, session.expiresAt)
        rememberDevice(c, invitation.email)
        log(c, 'info', 'invitation accepted', { userId: result.user.id, role: result.user.role })
        return c.redirect(AFTER_ACCEPT, 303)
      },
    )
}

/** The invitation routes with their production settings. */
export const invite = createInviteRoutes()
