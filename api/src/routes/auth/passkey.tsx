import type { Context } from 'hono'
import { recordAudit } from '../../audit/record.ts'
import { finishSignIn } from '../../auth/finish-sign-in.ts'
import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from '../../auth/next-path.ts'
import { parseAuthenticationResponse } from '../../auth/passkey-response.ts'
import { passkeySignInOptions, verifyPasskeySignIn } from '../../auth/passkeys.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { readFormFields } from '../../lib/form.ts'
import { log } from '../../lib/logger.ts'
import { rateLimit } from '../../middleware/rate-limit/index.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { formBodyLimit } from './login.tsx'
import { LoginPage } from './pages.tsx'

// Signing in with a passkey (the sign-in page's "Sign in with a passkey", and the second step's):
// the page's script fetches options (`POST /login/passkey/options`, JSON), the browser's dialog signs
// the challenge, and the form posts the answer to `POST /login/passkey`. A passkey with user
// verification is both factors, so a verified answer makes the session directly.

/** What a refused passkey shows (one message: which check failed is for the log). */
export const PASSKEY_FAILED =
  'That passkey could not be verified. Try again, or sign in with your email and password.'

/** Options of {@link passkeySignInRoutes}. */
export interface PasskeySignInRoutesOptions {
  /** Options and answers per address and window (tests pass small ones). */
  perIp?: { limit: number; windowSeconds: number }
  now?: () => number
}

/**
 * `POST /login/passkey/options` (JSON in, JSON out: the options for `navigator.credentials.get()`,
 * with a fresh one-time challenge) and `POST /login/passkey` (a form with the browser's answer in
 * `response`: 303 to `next` or the dashboard, signed in; 401 with the sign-in page otherwise).
 * Both are limited per address; refusals are audited.
 */
export function passkeySignInRoutes(options: PasskeySignInRoutesOptions = {}) {
  const perIp = options.perIp ?? { limit: 30, windowSeconds: 600 }
  const withNow = options.now ? { now: options.now } : {}
  const clock = () => new Date(options.now ? options.now() : Date.now())
  return createRouter()
    .post(
      '/login/passkey/options',
      rateLimit({ ...perIp, ...withNow, prefix: 'auth:passkey-options:ip' }),
      async (c) => {
        // JSON only: a cross-site page can send JSON only after a CORS preflight, which never passes.
        if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
          return c.json(errorBody('unsupported_media_type', 'Send the request as application/json'), 415)
        }
        c.header('Cache-Control', 'no-store')
        return c.json(await passkeySignInOptions(c, c.var.db().db, clock()))
      },
    )
    .post(
      '/login/passkey',
      sameOrigin(),
      formBodyLimit(),
      rateLimit({ ...perIp, ...withNow, prefix: 'auth:passkey:ip' }),
      async (c) => {
        c.header('Cache-Control', 'no-store')
        const form = await readFormFields(c, ['response', 'next'])
        const next = safeNextPath(form.next)
        const response = parseAuthenticationResponse(form.response)
        const user = response ? await verifyPasskeySignIn(c, c.var.db().db, response, clock()) : null
        if (!user) return refused(c, next)
        await finishSignIn(c, user, 'passkey', null, clock())
        return c.redirect(next ?? DEFAULT_AFTER_SIGN_IN, 303)
      },
    )
}

async function refused(c: Context<AppEnv>, next: string | null) {
  await recordAudit(c, { action: 'auth.sign_in_failed', details: { reason: 'passkey' } })
  log(c, 'warn', 'passkey sign-in failed')
  return c.html(
    <LoginPage nonce={c.var.secureHeadersNonce} next={next} errors={{ form: PASSKEY_FAILED }} />,
    401,
  )
}
