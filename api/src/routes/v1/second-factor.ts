import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { clearPendingCookie } from '../../auth/pending-sign-in.ts'
import {
  checkSecondStep,
  pendingSignIn,
  SECOND_STEP_LIMITS,
  type SecondStepLimits,
  secondStepGuards,
} from '../../auth/second-step.ts'
import type { AppEnv } from '../../env.ts'
import { errorBody } from '../../lib/errors.ts'
import { formBodyLimit } from '../auth/login.tsx'
import { MeSchema } from './auth.ts'
import { createV1Router, ErrorSchema } from './router.ts'

// `POST /api/v1/session/second-factor`: the API's second step, after `POST /session` answered
// `second_factor_required`. It works on the pending sign-in that answer's cookie names, with the same
// checks, limits and audit entries as the sign-in page (auth/second-step.ts). Mounted before the v1
// router's `requireUser()`: there is no session yet.

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } })

const SecondFactorSchema = z
  .object({
    code: z.string().max(20).optional().openapi({ description: 'The 6 digits the authenticator app shows' }),
    recoveryCode: z
      .string()
      .max(40)
      .optional()
      .openapi({ description: 'One of the recovery codes (each works once), instead of `code`' }),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    path: ['code'],
    message: 'Send either code or recoveryCode',
  })
  .openapi('SecondFactor')

const expired = (c: Context<AppEnv>) => {
  clearPendingCookie(c)
  return c.json(
    errorBody(
      'sign_in_expired',
      'No sign-in waits for a second step (it took over five minutes, or ended); sign in again',
    ),
    401,
  )
}

const limited = (c: Context<AppEnv>, retryAfter: number) =>
  c.json(
    errorBody(
      'rate_limited',
      `Too many tries; sign in again in ${Math.max(1, Math.ceil(retryAfter / 60))} minute(s)`,
    ),
    429,
  )

/** Options of {@link createV1SecondFactorRoutes} (tests pass small limits and a clock). */
export interface V1SecondFactorOptions {
  limits?: Partial<SecondStepLimits>
  now?: () => number
}

export function createV1SecondFactorRoutes(options: V1SecondFactorOptions = {}) {
  const limits = { ...SECOND_STEP_LIMITS, ...options.limits }
  const route = createRoute({
    method: 'post',
    path: '/session/second-factor',
    tags: ['Session'],
    summary: 'Sign in: the second step',
    description:
      'Completes a sign-in that answered `second_factor_required`: send the cookie that answer set and a code ' +
      'from the authenticator app (or a recovery code). Right: the session starts (the `__Host-session` cookie). ' +
      'Each code works once; five wrong ones end the sign-in. Limited per address and per account (429).',
    middleware: [
      formBodyLimit(),
      ...secondStepGuards({ limits, onMissing: expired, onLimited: limited, now: options.now }),
    ],
    request: { body: { content: json(SecondFactorSchema), required: true } },
    responses: {
      200: {
        description: 'Signed in; the session cookie is set',
        content: json(z.object({ user: MeSchema })),
      },
      401: {
        description: 'Wrong code (`invalid_code`), or no sign-in waiting (`sign_in_expired`)',
        content: json(ErrorSchema),
      },
      422: { description: 'Invalid input', content: json(ErrorSchema) },
      429: { description: 'Too many tries', content: json(ErrorSchema) },
    },
  })

  return createV1Router().openapi(route, async (c) => {
    const body = c.req.valid('json')
    const kind = body.code !== undefined ? 'totp' : 'recovery_code'
    const now = new Date(options.now ? options.now() : Date.now())
    const { user } = pendingSignIn(c)
    const outcome = await checkSecondStep(c, kind, body.code ?? body.recoveryCode ?? '', now)
    if (outcome.status === 'expired') return expired(c)
    if (outcome.status === 'wrong') {
      if (outcome.ended) clearPendingCookie(c)
      const message = outcome.ended
        ? 'That code is not right, and that was the last try: sign in again'
        : 'That code is not right, or was used already'
      return c.json(errorBody('invalid_code', message), 401)
    }
    const { id, email, name, role, companyId } = user
    return c.json({ user: { id, email, name, role, companyId } }, 200)
  })
}

export const v1SecondFactor = createV1SecondFactorRoutes()
