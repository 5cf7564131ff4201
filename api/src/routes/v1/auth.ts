import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { clearSessionCookie } from '../../auth/cookie.ts'
import { AUTH_LIMITS, type AuthLimits, signInLimits } from '../../auth/limits.ts'
import { invalidateSession } from '../../auth/session.ts'
import { signIn } from '../../auth/sign-in.ts'
import type { AppEnv } from '../../env.ts'
import { errorBody } from '../../lib/errors.ts'
import { log } from '../../lib/logger.ts'
import { formBodyLimit } from '../auth/login.tsx'
import { SIGN_IN_FAILED } from '../auth/pages.tsx'
import { signInSchema } from '../auth/schema.ts'
import { createV1Router, ErrorSchema } from './router.ts'

// `/api/v1/session`: sign in and out as JSON. The API authenticates with the same `__Host-session`
// cookie as the pages (a browser `fetch` sends it; other clients keep it like any cookie), so there
// is one kind of credential to protect, revoke and list. Mounted before the v1 router's
// `requireUser()`: signing in cannot require being signed in.

/** The signed-in user as the API shows it. */
export const MeSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'team', 'client']),
    companyId: z.uuid().nullable(),
  })
  .openapi('Me')

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } })

const SECOND_FACTOR_REQUIRED =
  'Enter a code from your authenticator app (or a recovery code): POST /api/v1/session/second-factor'
const SECOND_FACTOR_SETUP_REQUIRED =
  'Your account must use two-step sign-in: sign in once at /login in a browser to set it up'

const limitedAnswer = (c: Context<AppEnv>, retryAfter: number) =>
  c.json(
    errorBody(
      'rate_limited',
      `Too many sign-in attempts; try again in ${Math.max(1, Math.ceil(retryAfter / 60))} minute(s)`,
    ),
    429,
  )

/** Options of {@link createV1AuthRoutes} (tests pass small limits and a clock). */
export interface V1AuthOptions {
  limits?: Partial<AuthLimits>
  now?: () => number
}

export function createV1AuthRoutes(options: V1AuthOptions = {}) {
  const limits = { ...AUTH_LIMITS, ...options.limits }
  const signInRoute = createRoute({
    method: 'post',
    path: '/session',
    tags: ['Session'],
    summary: 'Sign in',
    description:
      'Checks the email and password and starts a new session: the answer sets the `__Host-session` cookie ' +
      '(Secure, HttpOnly, SameSite=Lax) and marks this client as a known device for the account (`__Host-device`). ' +
      'A wrong email and a wrong password get the same 401. Limited per address (IPv6 by /64), and per account: ' +
      "a known device has its own allowance, other clients share the account's (429 with Retry-After).",
    // The sign-in form's own ceiling, in front of the limiters (they read the body for the email).
    middleware: [formBodyLimit(), ...signInLimits(limits, { onLimited: limitedAnswer, now: options.now })],
    request: { body: { content: json(signInSchema), required: true } },
    responses: {
      200: {
        description: 'Signed in; the session cookie is set',
        content: json(z.object({ user: MeSchema })),
      },
      401: {
        description:
          'Wrong email or password (`invalid_credentials`); or the password was right and the account has a ' +
          'second factor (`second_factor_required`): no session yet, send a code to POST /session/second-factor ' +
          'within five minutes, with the cookie this answer set',
        content: json(ErrorSchema),
      },
      403: {
        description:
          'The password was right, but the account must set up a second factor first ' +
          '(`second_factor_setup_required`): sign in once in a browser at /login',
        content: json(ErrorSchema),
      },
      422: { description: 'Invalid input', content: json(ErrorSchema) },
      429: { description: 'Too many attempts', content: json(ErrorSchema) },
    },
  })

  const signOutRoute = createRoute({
    method: 'delete',
    path: '/session',
    tags: ['Session'],
    summary: 'Sign out',
    description: 'Ends the session of the cookie sent, if any, and clears the cookie. Always 204.',
    responses: { 204: { description: 'Signed out' } },
  })

  return createV1Router()
    .openapi(signInRoute, async (c) => {
      const result = await signIn(c, c.req.valid('json'))
      if (result.secondFactor === 'verify') {
        return c.json(errorBody('second_factor_required', SECOND_FACTOR_REQUIRED), 401)
      }
      if (result.secondFactor === 'enrol') {
        return c.json(errorBody('second_factor_setup_required', SECOND_FACTOR_SETUP_REQUIRED), 403)
      }
      if (!result.ok) return c.json(errorBody('invalid_credentials', SIGN_IN_FAILED), 401)
      const { id, email, name, role, companyId } = result.user
      return c.json({ user: { id, email, name, role, companyId } }, 200)
    })
    .openapi(signOutRoute, async (c) => {
      const auth = c.var.auth
      if (auth) {
        await invalidateSession(c.var.db().db, auth.session.id)
        log(c, 'info', 'signed out', { userId: auth.user.id })
      }
      clearSessionCookie(c)
      return c.body(null, 204)
    })
}

export const v1Auth = createV1AuthRoutes()
