import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.ts'
import { clientIp } from '../lib/negotiate.ts'
import { type RateLimitOptions, rateLimit } from '../middleware/rate-limit/index.ts'
import { emailFingerprint } from './credentials.ts'

// Rate limits on guessing passwords and on asking for reset links. The counters live in Postgres
// (`middleware/rate-limit`), so every isolate and every Worker instance shares them.
//
// Sign-in is limited twice:
// - per IP (any account): one source spraying passwords over many accounts;
// - per account *and* IP: one source guessing one account's password.
// The account limit is keyed by the email together with the IP on purpose. Keyed by the email alone,
// anyone who knows a client's address could send five wrong passwords every fifteen minutes and keep
// that client out for good (a lockout the attacker controls, which ASVS 5.0 6.3.1 forbids). With
// the IP in the key an attacker exhausts only their own counter; the real user, from their own
// network, signs in as usual. Guessing one account from many addresses is bounded by each
// address's limits and by the password policy (no common passwords), not by a lockout.
//
// Reset requests are limited per IP and per email address (any IP). The per-email limit cannot lock
// the owner out: every request it counts sent a working link to the owner's own inbox, and a new
// request does not cancel the older links, so the owner can use one of those. It stops anyone from
// flooding an inbox, and its answer is the same whether or not the address has an account.

/** One limit: `limit` requests per `windowSeconds`. */
export interface LimitSetting {
  limit: number
  windowSeconds: number
}

/** Every auth limit; tests pass smaller ones. */
export interface AuthLimits {
  loginPerIp: LimitSetting
  loginPerAccountAndIp: LimitSetting
  resetPerIp: LimitSetting
  resetPerAccount: LimitSetting
}

export const AUTH_LIMITS: AuthLimits = {
  // A shared office NAT signs in a few people at a time; 30 in ten minutes leaves room for typos.
  loginPerIp: { limit: 30, windowSeconds: 600 },
  loginPerAccountAndIp: { limit: 5, windowSeconds: 900 },
  resetPerIp: { limit: 10, windowSeconds: 900 },
  resetPerAccount: { limit: 3, windowSeconds: 3600 },
}

type Answer = NonNullable<RateLimitOptions['onLimited']>

/** Options shared by the limiters of one route. */
export interface LimiterOptions {
  /** What to answer over a limit (the form page or JSON); the middleware adds `Retry-After`. */
  onLimited: Answer
  /** The clock in milliseconds (tests move it). */
  now?: () => number
}

/**
 * The email field of a form or JSON body, read once (Hono caches the parsed body for the handler).
 * Null when there is none; the per-account limit then does not apply and the per-IP limit still does.
 */
export async function emailInBody(c: Context<AppEnv>): Promise<string | null> {
  try {
    const type = c.req.header('content-type') ?? ''
    const body: unknown = /^application\/json\b/i.test(type) ? await c.req.json() : await c.req.parseBody()
    const email = (body as Record<string, unknown> | null)?.email
    return typeof email === 'string' && email.trim() !== '' ? email : null
  } catch {
    return null
  }
}

/** The shared options without `undefined` values, which would replace `rateLimit`'s defaults. */
function common(options: LimiterOptions): Pick<RateLimitOptions, 'onLimited' | 'now'> {
  return options.now ? { onLimited: options.onLimited, now: options.now } : { onLimited: options.onLimited }
}

/** The limiters of `POST /login` and `POST /api/v1/session`, in the order they run. */
export function signInLimits(limits: AuthLimits, options: LimiterOptions): MiddlewareHandler<AppEnv>[] {
  return [
    rateLimit({ ...limits.loginPerIp, ...common(options), prefix: 'auth:login:ip' }),
    rateLimit({
      ...limits.loginPerAccountAndIp,
      ...common(options),
      prefix: 'auth:login:account-ip',
      key: async (c) => {
        const email = await emailInBody(c)
        return email ? `${emailFingerprint(email)}:${clientIp(c)}` : null
      },
    }),
  ]
}

/** The limiters of `POST /password-reset`, in the order they run. */
export function resetRequestLimits(limits: AuthLimits, options: LimiterOptions): MiddlewareHandler<AppEnv>[] {
  return [
    rateLimit({ ...limits.resetPerIp, ...common(options), prefix: 'auth:reset:ip' }),
    rateLimit({
      ...limits.resetPerAccount,
      ...common(options),
      prefix: 'auth:reset:account',
      key: async (c) => {
        const email = await emailInBody(c)
        return email ? emailFingerprint(email) : null
      },
    }),
  ]
}
