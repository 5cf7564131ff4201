import type { Context } from 'hono'
import { clearSessionCookie } from '../../auth/cookie.ts'
import { type AuthLimits, emailInBody, signInLimits } from '../../auth/limits.ts'
import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from '../../auth/next-path.ts'
import { invalidateSession } from '../../auth/session.ts'
import { signIn } from '../../auth/sign-in.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { parseWith, readFormFields } from '../../lib/form.ts'
import { log } from '../../lib/logger.ts'
import { limitBody } from '../../middleware/body-limit/index.ts'
import { rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { setFlash, takeFlash } from '../../views/dashboard/flash.ts'
import { LoginPage, SIGN_IN_FAILED } from './pages.tsx'
import { signInSchema } from './schema.ts'

/** The largest sign-in or reset form accepted; the fields fit in a few hundred bytes. */
export const AUTH_FORM_MAX_BYTES = 8 * 1024

/** Options of the auth routers (tests pass small limits and a clock). */
export interface AuthRoutesOptions {
  limits: AuthLimits
  now?: () => number
}

/** In front of the sign-in and reset limiters, which read the body for the email. */
export const formBodyLimit = () => limitBody(AUTH_FORM_MAX_BYTES, 'The form is too large')

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60))

/**
 * `GET /login` (the form; a signed-in visitor goes straight on), `POST /login` (sign in: 303 to
 * `next` or the dashboard, or to the second step for an account with a second factor; 401 with the form and one message for any wrong email or password; 422
 * for empty fields; 429 over a limit) and `POST /logout` (ends the session, 303 to `/login`).
 */
export function loginRoutes({ limits, now }: AuthRoutesOptions) {
  const limited = async (c: Context<AppEnv>, retryAfter: number) => {
    const message = `Too many sign-in attempts. Wait ${minutes(retryAfter)} minute(s), then try again.`
    const email = (await emailInBody(c)) ?? ''
    const next = safeNextPath(await formValue(c, 'next'))
    return c.html(
      <LoginPage nonce={c.var.secureHeadersNonce} email={email} next={next} errors={{ form: message }} />,
      429,
    )
  }

  return createRouter()
    .get('/login', (c) => {
      const next = safeNextPath(c.req.query('next'))
      if (c.var.auth) return c.redirect(next ?? DEFAULT_AFTER_SIGN_IN, 303)
      c.header('Cache-Control', 'no-store')
      return c.html(<LoginPage nonce={c.var.secureHeadersNonce} next={next} flash={takeFlash(c)} />)
    })
    .post(
      '/login',
      sameOrigin(),
      formBodyLimit(),
      ...signInLimits(limits, { onLimited: limited, now }),
      async (c) => {
        c.header('Cache-Control', 'no-store')
        const form = await readFormFields(c, ['email', 'password', 'next'])
        const next = safeNextPath(form.next)
        const parsed = parseWith(signInSchema, form)
        const nonce = c.var.secureHeadersNonce
        if (!parsed.ok) {
          return c.html(
            <LoginPage nonce={nonce} email={form.email} next={next} errors={parsed.fields} />,
            422,
          )
        }
        const result = await signIn(c, parsed.data)
        if (result.secondFactor) {
          // The password was right; the second step's pages take it from here (no session yet).
          const query = next ? `?next=${encodeURIComponent(next)}` : ''
          const step = result.secondFactor === 'enrol' ? '/enrol' : ''
          return c.redirect(`/login/second-factor${step}${query}`, 303)
        }
        if (!result.ok) {
          return c.html(
            <LoginPage nonce={nonce} email={form.email} next={next} errors={{ form: SIGN_IN_FAILED }} />,
            401,
          )
        }
        return c.redirect(next ?? DEFAULT_AFTER_SIGN_IN, 303)
      },
    )
    .post(
      '/logout',
      sameOrigin(),
      formBodyLimit(),
      rateLimit({ prefix: 'auth:logout:ip', limit: 60, windowSeconds: 600, ...(now ? { now } : {}) }),
      async (c) => {
        const auth = c.var.auth
        if (auth) {
          await invalidateSession(c.var.db().db, auth.session.id)
          log(c, 'info', 'signed out', { userId: auth.user.id })
        }
        clearSessionCookie(c)
        setFlash(c, { tone: 'success', message: 'You have signed out.' })
        return c.redirect('/login', 303)
      },
    )
}

/** One text field of a form body (cached by Hono), or null. */
async function formValue(c: Context<AppEnv>, name: string): Promise<string | null> {
  try {
    const value = (await c.req.parseBody())[name]
    return typeof value === 'string' ? value : null
  } catch {
    return null
  }
}
