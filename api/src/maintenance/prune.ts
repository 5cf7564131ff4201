import { createDb, type Database, rateLimits } from '@kairo/db'
import { lt } from 'drizzle-orm'
import { assertBindings, type Bindings } from '../env.ts'

/** How long a finished rate-limit window is kept (for looking into abuse after the fact). */
export const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60 * 1000

/** Deletes rate-limit rows whose window started over a day ago; resolves to how many went. */
export async function pruneRateLimits(db: Database, now = Date.now()): Promise<number> {
  const deleted = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now - RATE_LIMIT_RETENTION_MS)))
    .returning({ key: rateLimits.key })
  return deleted.length
}

/**
 * The Worker's cron job (wrangler.toml `[triggers]`): removes dead weight the request paths leave
 * behind. One client for the run, closed at the end, like a request's.
 */
export async function runMaintenance(env: Bindings, now = Date.now()): Promise<{ rateLimits: number }> {
  assertBindings(env)
  const client = createDb(env.HYPERDRIVE.connectionString, { max: 1, connectTimeout: 5 })
  try {
    const pruned = await pruneRateLimits(client.db, now)
    console.log(JSON.stringify({ level: 'info', msg: 'maintenance done', rateLimitsPruned: pruned }))
    return { rateLimits: pruned }
  } finally {
    await client.close()
  }
}
