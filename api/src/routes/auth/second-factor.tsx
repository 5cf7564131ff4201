import type { Context } from 'hono'
import { finishSignIn } from '../../auth/finish-sign-in.ts'
import { DEFAULT_AFTER_SIGN_IN, safeNextPath } from '../../auth/next-path.ts'
import { clearPendingCookie, failPendingSignIn } from '../../auth/pending-sign-in.ts'
import { normaliseRecoveryCode } from '../../auth/recovery-codes.ts'
import {
  beginTotpSetup,
  confirmTotpSetup,
  countFactors,
  recoveryCodesLeft,
} from '../../auth/second-factor.ts'
import {
  checkSecondStep,
  pendingGuard,
  pendingSignIn,
  SECOND_STEP_LIMITS,
  type SecondStepLimits,
  secondStepGuards,
} from '../../auth/second-step.ts'
import { normaliseTotpCode } from '../../auth/totp.ts'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { readFormFields } from '../../lib/form.ts'
import { sameOrigin } from '../../middleware/same-origin/index.ts'
import { setFlash } from '../../views/dashboard/flash.ts'
import { formBodyLimit } from './login.tsx'
import { type CodeForm, EnrolledPage, EnrolPage, SecondFactorPage } from './second-factor-pages.tsx'

// The second step of a sign-in, as pages (see auth/second-step.ts): every route here works on the
// browser's pending sign-in, never on a session, and makes the session only when the step succeeds.

/** Options of {@link secondFactorRoutes}. */
export interface SecondFactorRoutesOptions {
  limits?: Partial<SecondStepLimits>
  /** The clock in milliseconds (tests move it past a step, or past the pending sign-in's life). */
  now?: () => number
}

const EXPIRED = 'Your sign-in timed out before the second step. Enter your password again.'
const TOO_MANY = 'Too many wrong codes. Enter your password again to get new tries.'
const SIX_DIGITS = 'Enter the 6 digits your authenticator app shows'

/** Back to the password, with a message, when there is no live pending sign-in. */
function restart(c: Context<AppEnv>, message: string) {
  clearPendingCookie(c)
  setFlash(c, { tone: 'error', message })
  return c.redirect('/login', 303)
}

/** `?next=` for a redirect between the step's pages. */
const nextQuery = (next: string | null) => (next ? `?next=${encodeURIComponent(next)}` : '')

/**
 * `GET /login/second-factor` (the code, recovery-code and passkey forms), `POST` (a code from the
 * app), `POST …/recovery` (a recovery code), `GET|POST …/enrol` (a role that must have a second
 * factor and has none sets up the app, then sees its recovery codes, signed in). Without a live
 * pending sign-in each sends the browser back to `/login`. Wrong codes are audited, count against
 * the pending sign-in (five end it) and against the per-address and per-account limits.
 */
export function secondFactorRoutes(options: SecondFactorRoutesOptions = {}) {
  const limits = { ...SECOND_STEP_LIMITS, ...options.limits }
  const clock = () => new Date(options.now ? options.now() : Date.now())
  const onMissing = (c: Context<AppEnv>) => restart(c, EXPIRED)
  const onLimited = (c: Context<AppEnv>, retryAfter: number) =>
    restart(
      c,
      `Too many tries. Wait ${Math.max(1, Math.ceil(retryAfter / 60))} minute(s), then sign in again.`,
    )
  const guards = secondStepGuards({ limits, onMissing, onLimited, now: options.now })
  const posts = [sameOrigin(), formBodyLimit(), ...guards] as const
  const viewGuard = pendingGuard(onMissing, clock)

  /** The step's page, with what went wrong in one of its forms. */
  async function codePage(
    c: Context<AppEnv>,
    next: string | null,
    form?: CodeForm,
    errors = {},
    status = 200,
  ) {
    const { user } = pendingSignIn(c)
    const factors = await countFactors(c.var.db().db, user.id)
    c.header('Cache-Control', 'no-store')
    const page = (
      <SecondFactorPage
        nonce={c.var.secureHeadersNonce}
        email={user.email}
        hasTotp={factors.totp}
        hasPasskey={factors.passkeys > 0}
        next={next}
        form={form}
        errors={errors}
      />
    )
    return c.html(page, status as 200)
  }

  /** After a code was checked: on to `next`, the page again with a message, or back to the password. */
  async function answer(c: Context<AppEnv>, next: string | null, form: CodeForm, code: string) {
    const kind = form === 'code' ? 'totp' : 'recovery_code'
    const outcome = await checkSecondStep(c, kind, code, clock())
    if (outcome.status === 'expired') return restart(c, EXPIRED)
    if (outcome.status === 'wrong') {
      if (outcome.ended) return restart(c, TOO_MANY)
      return form === 'code'
        ? codePage(
            c,
            next,
            form,
            { code: 'That code is not right, or was used already. Enter the code the app shows now.' },
            401,
          )
        : codePage(
            c,
            next,
            form,
            { recoveryCode: 'That recovery code is not one of yours, or was used already.' },
            401,
          )
    }
    if (kind === 'recovery_code') {
      const left = await recoveryCodesLeft(c.var.db().db, pendingSignIn(c).user.id)
      setFlash(c, {
        tone: left < 3 ? 'error' : 'info',
        message: `You signed in with a recovery code; ${left} of them ${left === 1 ? 'is' : 'are'} left. Make new ones on your profile before you run out.`,
      })
    }
    return c.redirect(next ?? DEFAULT_AFTER_SIGN_IN, 303)
  }

  /** The enrolment page, for a pending sign-in that must set up a factor and has none. */
  async function enrolPage(c: Context<AppEnv>, next: string | null, errors = {}, status = 200) {
    const { user } = pendingSignIn(c)
    const setup = await beginTotpSetup(c, c.var.db().db, user.id)
    if (setup.status === 'enabled') return c.redirect(`/login/second-factor${nextQuery(next)}`, 303)
    c.header('Cache-Control', 'no-store')
    const page = (
      <EnrolPage
        nonce={c.var.secureHeadersNonce}
        email={user.email}
        secret={setup.secret}
        next={next}
        errors={errors}
      />
    )
    return c.html(page, status as 200)
  }

  /**
   * Whether this pending sign-in may set up a factor: it was started for that, and none exists yet.
   * Checked on every enrolment request, so a sign-in that waits for an existing factor can never
   * add a new one instead of proving the old.
   */
  async function mayEnrol(c: Context<AppEnv>): Promise<boolean> {
    const { step, user } = pendingSignIn(c)
    if (step !== 'enrol') return false
    const factors = await countFactors(c.var.db().db, user.id)
    return !factors.totp && factors.passkeys === 0
  }

  return createRouter()
    .get('/login/second-factor', viewGuard, async (c) => {
      const next = safeNextPath(c.req.query('next'))
      const factors = await countFactors(c.var.db().db, pendingSignIn(c).user.id)
      if (!factors.totp && factors.passkeys === 0) {
        return c.redirect(`/login/second-factor/enrol${nextQuery(next)}`, 303)
      }
      return codePage(c, next)
    })
    .post('/login/second-factor', ...posts, async (c) => {
      const form = await readFormFields(c, ['code', 'next'])
      const next = safeNextPath(form.next)
      // A typo that cannot be a code costs no try.
      if (!normaliseTotpCode(form.code)) return codePage(c, next, 'code', { code: SIX_DIGITS }, 422)
      return answer(c, next, 'code', form.code)
    })
    .post('/login/second-factor/recovery', ...posts, async (c) => {
      const form = await readFormFields(c, ['recoveryCode', 'next'])
      const next = safeNextPath(form.next)
      if (!normaliseRecoveryCode(form.recoveryCode)) {
        const message = 'Enter a recovery code: 16 letters and digits, like abcd-efgh-ijkl-mnop'
        return codePage(c, next, 'recovery', { recoveryCode: message }, 422)
      }
      return answer(c, next, 'recovery', form.recoveryCode)
    })
    .get('/login/second-factor/enrol', viewGuard, async (c) => {
      const next = safeNextPath(c.req.query('next'))
      if (!(await mayEnrol(c))) return c.redirect(`/login/second-factor${nextQuery(next)}`, 303)
      return enrolPage(c, next)
    })
    .post('/login/second-factor/enrol', ...posts, async (c) => {
      const form = await readFormFields(c, ['code', 'next'])
      const next = safeNextPath(form.next)
      if (!(await mayEnrol(c))) return c.redirect(`/login/second-factor${nextQuery(next)}`, 303)
      if (!normaliseTotpCode(form.code)) return enrolPage(c, next, { code: SIX_DIGITS }, 422)
      const { id, user } = pendingSignIn(c)
      const { db } = c.var.db()
      const confirmed = await confirmTotpSetup(c, db, user, form.code, clock())
      if (!confirmed.ok && confirmed.reason !== 'wrong_code') {
        return c.redirect(`/login/second-factor${nextQuery(next)}`, 303)
      }
      if (!confirmed.ok) {
        if (await failPendingSignIn(db, id)) return restart(c, TOO_MANY)
        const message = 'That code is not right. Check the key in the app and enter the code it shows now.'
        return enrolPage(c, next, { code: message }, 401)
      }
      if (!(await finishSignIn(c, user, 'password+enrolment', id, clock()))) return restart(c, EXPIRED)
      c.header('Cache-Control', 'no-store')
      return c.html(
        <EnrolledPage
          nonce={c.var.secureHeadersNonce}
          codes={confirmed.recoveryCodes}
          next={next ?? DEFAULT_AFTER_SIGN_IN}
        />,
      )
    })
}
