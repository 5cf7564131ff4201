import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.ts'
import { clientNetwork } from '../lib/client-network.ts'
import { type RateLimitOptions, rateLimit } from '../middleware/rate-limit/index.ts'
import { emailFingerprint } from './credentials.ts'
import { knownDeviceFor, provedAccount } from './known-device.ts'

// Rate limits on guessing passwords and on asking for reset links. The counters live in Postgres
// (`middleware/rate-limit`), so every isolate and every Worker instance shares them. "Address" below
// is `clientNetwork(c)`: an IPv4 address, or an IPv6 client's whole /64 (lib/client-network.ts).
//
// Sign-in is limited per address (any account: one source spraying passwords over many accounts),
// and then by whether this browser has signed in to the account before (a "known device": a signed
// cookie set when the password was right, auth/known-device.ts):
// - an unknown browser counts per account *and* address (one source guessing one account) and per
//   account across every address together (a botnet guessing one account: a cap that no number of
//   addresses gets round);
// - a known browser counts only on its own device counter, so neither cap touches it.
// The account cap and the device counter count wrong passwords: each attempt is counted before the
// password is checked (so a burst cannot slip past together) and taken back when it was right.
// Why not simply per account: anyone who knows a client's address could then send wrong passwords
// every window and keep that client out for good (a lockout the attacker controls, which ASVS 5.0
// 6.3.1 forbids). Here a stranger exhausts only the strangers' allowance: the owner's own browsers
// keep theirs, and a new browser of the owner's can still get in through a password reset, which
// proves the inbox and marks that browser known (routes/auth/password-reset.tsx).
//
// Reset requests are limited per address and per email address (any address). The per-email limit
// cannot lock the owner out: every request it counts sent a working link to the owner's own inbox,
// and a new request does not cancel the older links, so the owner can use one of those. It stops
// anyone from flooding an inbox, and its answer is the same whether or not the address has an account.

/** One limit: `limit` requests per `windowSeconds`. */
export interface LimitSetting {
  limit: number
  windowSeconds: number
}

/** Every auth limit; tests pass smaller ones. */
export interface AuthLimits {
  loginPerIp: LimitSetting
  loginPerAccountAndIp: LimitSetting
  /** Unknown browsers' attempts on one account, from every address together. */
  loginPerAccount: LimitSetting
  /** A known browser's own attempts on the account it is known for. */
  loginPerKnownDevice: LimitSetting
  resetPerIp: LimitSetting
  resetPerAccount: LimitSetting
}

export const AUTH_LIMITS: AuthLimits = {
  // A shared office NAT signs in a few people at a time; 30 in ten minutes leaves room for typos.
  loginPerIp: { limit: 30, windowSeconds: 600 },
  loginPerAccountAndIp: { limit: 5, windowSeconds: 900 },
  // Twice the per-address allowance: a few people mistyping from different places stay under it;
  // forty guesses an hour from any number of addresses do not get far past the password policy.
  loginPerAccount: { limit: 10, windowSeconds: 900 },
  loginPerKnownDevice: { limit: 10, windowSeconds: 900 },
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

/** The attempt's email and, when this browser is known for that account, its device id. */
async function attemptOf(c: Context<AppEnv>) {
  const email = await emailInBody(c)
  return email ? { email, device: knownDeviceFor(c, email) } : null
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
        const attempt = await attemptOf(c)
        return attempt && !attempt.device ? `${emailFingerprint(attempt.email)}:${clientNetwork(c)}` : null
      },
    }),
    // These two count wrong passwords only: a right one takes its hit back (`refundIf`), so people
    // signing in from new browsers do not use up the account's cap.
    rateLimit({
      ...limits.loginPerAccount,
      ...common(options),
      prefix: 'auth:login:account',
      key: async (c) => {
        const attempt = await attemptOf(c)
        return attempt && !attempt.device ? emailFingerprint(attempt.email) : null
      },
      refundIf: provedAccount,
    }),
    rateLimit({
      ...limits.loginPerKnownDevice,
      ...common(options),
      prefix: 'auth:login:device',
      key: async (c) => (await attemptOf(c))?.device ?? null,
      refundIf: provedAccount,
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
