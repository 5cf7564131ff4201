import { rateLimits } from '@kairo/db'
import { sql } from 'drizzle-orm'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../../env.ts'
import { clientNetwork } from '../../lib/client-network.ts'
import { errorBody } from '../../lib/errors.ts'
import { wantsJson } from '../../lib/negotiate.ts'
import { retryTransient } from '../../lib/transient.ts'

/**
 * Counts one hit of `key` in the window starting at `windowStart` (or takes one back: `delta` -1);
 * resolves to the new count.
 */
export type RateLimitStore = (
  c: Context<AppEnv>,
  key: string,
  windowStart: Date,
  delta?: 1 | -1,
) => Promise<number>

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Requests allowed per window and key (default 60). */
  limit?: number
  /** Window length in seconds (default 60). */
  windowSeconds?: number
  /** Namespaces the key so two limits on one IP do not share a counter (default `global`). */
  prefix?: string
  /**
   * What is limited: default the client's address (`CF-Connecting-IP`; an IPv6 client by its /64, see
   * `lib/client-network.ts`). Return `null` to skip limiting.
   */
  key?: (c: Context<AppEnv>) => string | null | Promise<string | null>
  /** Where counts live; default Postgres (`app.rate_limits`), shared by every isolate. */
  store?: RateLimitStore
  /** The answer over the limit; default JSON or a short HTML page, by `Accept`. */
  onLimited?: (c: Context<AppEnv>, retryAfterSeconds: number) => Response | Promise<Response>
  /** The clock in milliseconds (tests move it). */
  now?: () => number
  /**
   * Asked after the handler: true takes this request's hit back, so the limit counts only requests
   * that did not succeed (a sign-in whose password was right). The hit is still counted before the
   * handler, so a burst of concurrent requests cannot slip past the limit together.
   */
  refundIf?: (c: Context<AppEnv>) => boolean
}

/**
 * The Postgres store: one atomic upsert per hit, so concurrent requests in different isolates (or
 * Workers) each get a distinct count and no two can both slip under the limit.
 */
export const postgresStore: RateLimitStore = async (c, key, windowStart, delta = 1) => {
  // Retried only when the connection failed; a retry after a connection lost mid-query may count one
  // hit twice, which only makes the limit stricter.
  const [row] = await retryTransient(() =>
    c.var
      .db()
      .db.insert(rateLimits)
      .values({ key, windowStart, count: delta })
      .onConflictDoUpdate({
        target: [rateLimits.key, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + ${delta}::integer` },
      })
      .returning({ count: rateLimits.count }),
  )
  if (!row) throw new Error('rate-limit: the upsert returned no row')
  return row.count
}

const defaultOnLimited = (c: Context<AppEnv>, retryAfter: number): Response => {
  const message = `Too many requests; try again in ${Math.ceil(retryAfter / 60)} minute(s)`
  if (wantsJson(c)) return c.json(errorBody('rate_limited', message), 429)
  return c.html(
    `<!doctype html><title>Too many requests</title><h1>Too many requests</h1><p>${message}.</p>`,
    429,
  )
}

const DEFAULTS: Required<Omit<RateLimitOptions, 'refundIf'>> = {
  limit: 60,
  windowSeconds: 60,
  prefix: 'global',
  key: clientNetwork,
  store: postgresStore,
  onLimited: defaultOnLimited,
  now: Date.now,
}

/**
 * A fixed-window rate limit whose state lives only in the store (Postgres by default), so it holds
 * across Worker isolates. Over the limit it answers 429 with `Retry-After` (seconds to the next
 * window) and does not call the handler; under it, sets `RateLimit-Limit`/`RateLimit-Remaining`.
 */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler<AppEnv> {
  const opts = { ...DEFAULTS, ...options }
  const windowMs = opts.windowSeconds * 1000
  return async (c, next) => {
    const subject = await opts.key(c)
    if (subject === null) return next()
    const now = opts.now()
    const windowStart = Math.floor(now / windowMs) * windowMs
    const key = `${opts.prefix}:${subject}`
    const count = await opts.store(c, key, new Date(windowStart))
    if (count > opts.limit) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000))
      const response = await opts.onLimited(c, retryAfter)
      response.headers.set('Retry-After', String(retryAfter))
      return response
    }
    c.header('RateLimit-Limit', String(opts.limit))
    c.header('RateLimit-Remaining', String(opts.limit - count))
    await next()
    if (opts.refundIf?.(c)) await opts.store(c, key, new Date(windowStart), -1)
  }
}
