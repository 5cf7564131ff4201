import { createDb, type Database, outbox, rateLimits, requestMetrics, webVitals } from '@kairo/db'
import { lt } from 'drizzle-orm'
import { pruneExpiredChallenges } from '../auth/passkeys.ts'
import { pruneExpiredPendingSignIns } from '../auth/pending-sign-in.ts'
import { assertBindings, type Bindings } from '../env.ts'

/** The nightly clean-up's cron (wrangler.toml `[triggers]`); `scheduled()` runs the outbox for any other. */
export const MAINTENANCE_CRON = '17 3 * * *'

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

/** How long a delivered outbox message is kept (for "did they get the e-mail?" questions). */
export const OUTBOX_RETENTION_MS = 30 * 24 * 60 * 60 * 1000

/**
 * Deletes outbox messages delivered over 30 days ago; resolves to how many went. Undelivered and
 * dead rows stay: an admin still has to see them.
 */
export async function pruneDeliveredOutbox(db: Database, now = Date.now()): Promise<number> {
  const deleted = await db
    .delete(outbox)
    .where(lt(outbox.sentAt, new Date(now - OUTBOX_RETENTION_MS)))
    .returning({ id: outbox.id })
  return deleted.length
}

/** How long the operations view's request figures and field vitals are kept (its longest window is 30 days). */
export const OPS_METRICS_RETENTION_MS = 35 * 24 * 60 * 60 * 1000

/** Deletes request figures and vitals rows older than 35 days; resolves to how many went. */
export async function pruneOpsMetrics(db: Database, now = Date.now()): Promise<number> {
  const cutoff = new Date(now - OPS_METRICS_RETENTION_MS)
  const requests = await db
    .delete(requestMetrics)
    .where(lt(requestMetrics.minute, cutoff))
    .returning({ minute: requestMetrics.minute })
  const vitals = await db
    .delete(webVitals)
    .where(lt(webVitals.day, cutoff.toISOString().slice(0, 10)))
    .returning({ day: webVitals.day })
  return requests.length + vitals.length
}

/**
 * The Worker's cron job (wrangler.toml `[triggers]`): removes dead weight the request paths leave
 * behind. One client for the run, closed at the end, like a request's.
 */
export async function runMaintenance(
  env: Bindings,
  now = Date.now(),
): Promise<{ rateLimits: number; outbox: number; signInLeftovers: number; opsMetrics: number }> {
  assertBindings(env)
  const client = createDb(env.HYPERDRIVE.connectionString, { max: 1, connectTimeout: 5 })
  try {
    const pruned = await pruneRateLimits(client.db, now)
    const outboxPruned = await pruneDeliveredOutbox(client.db, now)
    // Second steps never finished and passkey dialogs never answered: expired, and useless to anyone.
    const signInLeftovers =
      (await pruneExpiredPendingSignIns(client.db, new Date(now))) +
      (await pruneExpiredChallenges(client.db, new Date(now)))
    const opsMetrics = await pruneOpsMetrics(client.db, now)
    console.log(
      JSON.stringify({
        level: 'info',
        msg: 'maintenance done',
        rateLimitsPruned: pruned,
        outboxPruned,
        signInLeftoversPruned: signInLeftovers,
        opsMetricsPruned: opsMetrics,
      }),
    )
    return { rateLimits: pruned, outbox: outboxPruned, signInLeftovers, opsMetrics }
  } finally {
    await client.close()
  }
}
