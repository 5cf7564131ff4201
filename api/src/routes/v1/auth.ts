import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { clearSessionCookie } from '../../auth/cookie.ts'
import { AUTH_LIMITS, type AuthLimits, signInLimits } from '../../auth/limits.ts'
import { invalidateSession } from '../../auth/session.ts'
import { signIn } from '../../auth/sign-in.ts'
import type { AppEnv } from '../../env.ts'
import { errorBody } from '../../lib/errors.ts'
import { log } from '../../lib/logger.ts'
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
      '(Secure, HttpOnly, SameSite=Lax). A wrong email and a wrong password get the same 401. Limited per IP ' +
      'and per account and IP (429 with Retry-After).',
    middleware: signInLimits(limits, { onLimited: limitedAnswer, now: options.now }),
    request: { body: { content: json(signInSchema), required: true } },
    responses: {
      200: {
        description: 'Signed in; the session cookie is set',
        content: json(z.object({ user: MeSchema })),
      },
      401: { description: 'Wrong email or password', content: json(ErrorSchema) },
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
