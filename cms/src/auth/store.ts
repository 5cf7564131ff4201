import type { PostgresAdapter } from '@payloadcms/db-postgres'
import type { Payload } from 'payload'

// The counters live in Postgres (`payload.auth_rate_limits`, created by a migration), so every CMS
// process and every serverless instance shares them. Fixed windows: one row per key and window.

/** One counted attempt, kept so a successful sign-in can give it back. */
export interface Hit {
  key: string
  windowStart: Date
}

const pool = (payload: Payload) => (payload.db as unknown as PostgresAdapter).pool

/**
 * Counts one attempt on `key` in the window that holds `now`; resolves to the new count and the
 * window's end. One atomic upsert, so concurrent requests each get a distinct count and no two can
 * both slip under a limit.
 */
export async function countHit(
  payload: Payload,
  key: string,
  windowSeconds: number,
  now: number,
): Promise<{ count: number; hit: Hit; windowEnds: number }> {
  const windowMs = windowSeconds * 1000
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs)
  const { rows } = await pool(payload).query<{ count: number }>(
    `insert into payload.auth_rate_limits (key, window_start, count) values ($1, $2, 1)
     on conflict (key, window_start) do update set count = auth_rate_limits.count + 1
     returning count`,
    [key, windowStart],
  )
  const count = rows[0]?.count
  if (count === undefined) throw new Error('auth-limits: the upsert returned no row')
  // Now and then, drop windows that ended long ago (the longest window is an hour).
  if (Math.random() < 0.01) {
    await pool(payload).query(
      `delete from payload.auth_rate_limits where window_start < now() - interval '1 day'`,
    )
  }
  return { count, hit: { key, windowStart }, windowEnds: windowStart.getTime() + windowMs }
}

/** Gives attempts back (a sign-in that succeeded); never below zero. */
export async function refundHits(payload: Payload, hits: readonly Hit[]): Promise<void> {
  for (const { key, windowStart } of hits) {
    await pool(payload).query(
      `update payload.auth_rate_limits set count = greatest(count - 1, 0)
       where key = $1 and window_start = $2`,
      [key, windowStart],
    )
  }
}
