import type { Context, MiddlewareHandler } from 'hono'
import { recordAudit } from '../audit/record.ts'
import type { AppEnv } from '../env.ts'
import { log } from '../lib/logger.ts'
import { type RateLimitOptions, rateLimit } from '../middleware/rate-limit/index.ts'
import { finishSignIn } from './finish-sign-in.ts'
import { failPendingSignIn, type PendingSignIn, readPendingSignIn } from './pending-sign-in.ts'
import { useRecoveryCode } from './recovery-codes.ts'
import { verifyTotp } from './second-factor.ts'

// The second step of a sign-in as both the form (`/login/second-factor`) and the API
// (`/api/v1/session/second-factor`) run it: load the browser's pending sign-in, limit the tries per
// address and per account, check a code or a recovery code, and either make the session or count the
// failure (five end the pending sign-in).

/** The limits of the second step; tests pass smaller ones. */
export interface SecondStepLimits {
  /** Codes tried from one address, whatever the account. */
  perIp: { limit: number; windowSeconds: number }
  /**
   * Codes tried against one account, across addresses and pending sign-ins. Only someone who knew
   * the password gets here, and six digits are guessable at scale, so this one holds across
   * addresses: it can delay the owner only for someone who already has the password.
   */
  perAccount: { limit: number; windowSeconds: number }
}

export const SECOND_STEP_LIMITS: SecondStepLimits = {
  perIp: { limit: 30, windowSeconds: 600 },
  perAccount: { limit: 10, windowSeconds: 900 },
}

// The request's pending sign-in, read once by the guard and used by the limiter and the handler.
const pendingOf = new WeakMap<Context, PendingSignIn>()

/** The pending sign-in the guard of {@link secondStepGuards} loaded for this request. */
export function pendingSignIn(c: Context<AppEnv>): PendingSignIn {
  const found = pendingOf.get(c)
  if (!found) throw new Error('second-step: handler ran without secondStepGuards')
  return found
}

/** Options of {@link secondStepGuards}. */
export interface SecondStepGuardOptions {
  limits: SecondStepLimits
  /** The answer when the browser has no live pending sign-in. */
  onMissing: (c: Context<AppEnv>) => Response | Promise<Response>
  onLimited: NonNullable<RateLimitOptions['onLimited']>
  now?: () => number
}

/** The per-address limit, the pending sign-in's guard, and the per-account limit, in that order. */
export function secondStepGuards(options: SecondStepGuardOptions): MiddlewareHandler<AppEnv>[] {
  const clock = () => new Date(options.now ? options.now() : Date.now())
  const common = { onLimited: options.onLimited, ...(options.now ? { now: options.now } : {}) }
  const guard = pendingGuard(options.onMissing, clock)
  return [
    rateLimit({ ...options.limits.perIp, ...common, prefix: 'auth:2fa:ip' }),
    guard,
    rateLimit({
      ...options.limits.perAccount,
      ...common,
      prefix: 'auth:2fa:account',
      key: (c) => pendingOf.get(c)?.user.id ?? null,
    }),
  ]
}

/** Loads the pending sign-in for the handler (pages that only show it need no limits). */
export function pendingGuard(
  onMissing: SecondStepGuardOptions['onMissing'],
  clock: () => Date = () => new Date(),
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const found = await readPendingSignIn(c, c.var.db().db, clock())
    if (!found) return onMissing(c)
    pendingOf.set(c, found)
    await next()
  }
}

/** What a code did: a session was made, or the code was wrong (and whether that ended the sign-in). */
export type SecondStepOutcome =
  | { status: 'signed_in' }
  | { status: 'wrong'; ended: boolean }
  | { status: 'expired' }

/**
 * Checks a code from the app (`totp`) or a recovery code against the pending sign-in's user. Right:
 * the session is made (finish-sign-in.ts). Wrong: audited as `auth.second_factor_failed` and counted
 * against the pending sign-in. `expired` when another request used the pending sign-in first.
 */
export async function checkSecondStep(
  c: Context<AppEnv>,
  kind: 'totp' | 'recovery_code',
  code: string,
  now: Date = new Date(),
): Promise<SecondStepOutcome> {
  const { id, user } = pendingSignIn(c)
  const { db } = c.var.db()
  const right =
    kind === 'totp' ? await verifyTotp(c, db, user.id, code, now) : await useRecoveryCode(db, user.id, code)
  if (right) {
    const method = kind === 'totp' ? 'password+totp' : 'password+recovery_code'
    return (await finishSignIn(c, user, method, id, now)) ? { status: 'signed_in' } : { status: 'expired' }
  }
  const ended = await failPendingSignIn(db, id)
  await recordAudit(c, {
    action: 'auth.second_factor_failed',
    actorId: user.id,
    companyId: user.companyId,
    targetType: 'user',
    targetId: user.id,
    details: { method: kind, ended },
  })
  log(c, 'warn', 'second factor refused', { userId: user.id, method: kind, ended })
  return { status: 'wrong', ended }
}
