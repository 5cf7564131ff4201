import {
  type Database,
  type WebhookEventType,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
} from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'
import { backoffMs } from '../../outbox/backoff.ts'
import { type AttemptResult, type OutgoingDelivery, sendDelivery } from './send.ts'

// Delivering outgoing webhooks, at least once, the way the mail outbox is delivered (see
// outbox/deliver.ts for why no transaction spans a send): one short statement *claims* due rows,
// counting the attempt and moving `next_attempt_at` a lease ahead, so an overlapping tick finds them
// not due, and a tick that died leaves them due again once the lease runs out; rows another tick is
// claiming right now are skipped (`for update skip locked`), never sent twice at once. Each row is
// then sent outside any transaction, and its outcome and the attempt's log line are written by one
// statement. A tick with nothing due costs that one claim and nothing else.

/** Retries back off from this (30 s, 1, 2, 4… min, at most an hour apart; outbox/backoff.ts). */
export const WEBHOOK_RETRY_BASE_MS = 30_000
/**
 * Attempts before a delivery is dead: with the backoff above, the last one comes about five hours
 * after the event, long enough to ride out a receiver's deploy or outage.
 */
export const WEBHOOK_MAX_ATTEMPTS = 12

export interface DeliverWebhooksOptions {
  signingKey: string
  production: boolean
  /** Rows claimed per statement (default 10); they are sent at once, each with its own timeout. */
  batchSize?: number
  /** How long a claim keeps other ticks off a row; must outlast a batch's sends (default 5 min). */
  leaseMs?: number
  /** No new batch is claimed after this long (default 50 s, inside a one-minute cron). */
  budgetMs?: number
  retryBaseMs?: number
  maxAttempts?: number
  timeoutMs?: number
  /** Only these endpoints' rows (tests share a database). Default: every due row. */
  endpointIds?: string[]
  now?: () => Date
}

export interface WebhookDeliveryReport {
  delivered: number
  failed: number
  dead: number
}

/** A claimed row: what to send, and how many attempts it has had, this one included. */
export interface ClaimedDelivery extends OutgoingDelivery {
  attempts: number
}

interface ClaimedRow extends Record<string, unknown> {
  id: string
  eventId: string
  eventType: WebhookEventType
  payload: Record<string, unknown>
  createdAt: string
  attempts: number
  url: string
  secretKeyId: string
}

const timestamp = (date: Date) => sql`${date.toISOString()}::timestamptz`

/**
 * Claims up to `limit` due deliveries (not delivered, not dead, due, of an endpoint not paused),
 * oldest due first, in one statement; rows locked by another tick are skipped.
 */
export async function claimDueDeliveries(
  db: Database,
  options: { limit: number; leaseMs: number; now: Date; endpointIds?: string[] },
): Promise<ClaimedDelivery[]> {
  const only: SQL = options.endpointIds
    ? sql`and d2.endpoint_id in (${sql.join(
        options.endpointIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``
  const rows = await db.execute<ClaimedRow>(sql`
    update ${webhookDeliveries} d
    set attempts = d.attempts + 1, next_attempt_at = ${timestamp(new Date(options.now.getTime() + options.leaseMs))}
    from ${webhookEndpoints} e
    where e.id = d.endpoint_id and d.id in (
      select d2.id from ${webhookDeliveries} d2
      join ${webhookEndpoints} e2 on e2.id = d2.endpoint_id
      where d2.delivered_at is null and d2.dead_at is null and e2.paused_at is null
        and d2.next_attempt_at <= ${timestamp(options.now)} ${only}
      order by d2.next_attempt_at, d2.created_at
      limit ${options.limit}::int
      for update of d2 skip locked
    )
    returning d.id, d.event_id as "eventId", d.event_type as "eventType", d.payload,
      d.created_at as "createdAt", d.attempts, e.url, e.secret_key_id as "secretKeyId"`)
  return rows
    .map((row) => ({ ...row, createdAt: new Date(row.createdAt) }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

/**
 * Writes one attempt's outcome on its delivery and the attempt's line in the log, in one statement.
 * The cron's attempt (`manual` false) schedules the next one after the backoff, or marks the row dead
 * when the failure is permanent or this was the last allowed attempt; a "send again" (`manual`) only
 * marks a success delivered and leaves the schedule alone. A row deleted meanwhile (its endpoint went)
 * writes nothing. Returns whether the row is now dead.
 */
export async function recordAttempt(
  db: Database,
  delivery: { id: string; attempts: number },
  result: AttemptResult,
  options: { now: Date; manual: boolean; retryBaseMs?: number; maxAttempts?: number },
): Promise<boolean> {
  const maxAttempts = options.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS
  const dead = !options.manual && !result.ok && (result.permanent || delivery.attempts >= maxAttempts)
  const now = timestamp(options.now)
  const next = timestamp(
    new Date(
      options.now.getTime() + backoffMs(delivery.attempts, options.retryBaseMs ?? WEBHOOK_RETRY_BASE_MS),
    ),
  )
  const error = result.ok
    ? null
    : (result.statusCode !== null ? `HTTP ${result.statusCode}: ` : '') + result.excerpt
  const schedule =
    options.manual || result.ok
      ? sql``
      : sql`, next_attempt_at = ${next}, dead_at = case when d.delivered_at is null and ${dead}::boolean then ${now} else d.dead_at end`
  await db.execute(sql`
    with updated as (
      update ${webhookDeliveries} d set
        delivered_at = case when ${result.ok}::boolean then coalesce(d.delivered_at, ${now}) else d.delivered_at end,
        last_status_code = ${result.statusCode}::int,
        last_error = ${error?.slice(0, 500) ?? null}::text
        ${schedule}
      where d.id = ${delivery.id}
      returning d.id
    )
    insert into ${webhookDeliveryAttempts} (delivery_id, at, manual, ok, status_code, excerpt, duration_ms)
    select updated.id, ${now}, ${options.manual}::boolean, ${result.ok}::boolean, ${result.statusCode}::int,
      ${result.excerpt}::text, ${Math.round(result.durationMs)}::int
    from updated`)
  return dead
}

/**
 * Delivers due webhooks until none is due or the time budget is spent. Never throws for a receiver's
 * failure (it is recorded); a database failure throws, and the claimed rows come due again when
 * their lease ends.
 */
export async function deliverWebhooks(
  db: Database,
  options: DeliverWebhooksOptions,
): Promise<WebhookDeliveryReport> {
  const { batchSize = 10, leaseMs = 5 * 60_000, budgetMs = 50_000, endpointIds } = options
  const clock = options.now ?? (() => new Date())
  const started = Date.now()
  const report: WebhookDeliveryReport = { delivered: 0, failed: 0, dead: 0 }
  while (Date.now() - started < budgetMs) {
    const claimed = await claimDueDeliveries(db, { limit: batchSize, leaseMs, now: clock(), endpointIds })
    if (claimed.length === 0) break
    // A batch's sends run together: one slow receiver must not hold up the others' deliveries.
    await Promise.all(
      claimed.map(async (delivery) => {
        const result = await sendDelivery(delivery, {
          signingKey: options.signingKey,
          production: options.production,
          timeoutMs: options.timeoutMs,
          now: clock(),
        })
        const dead = await recordAttempt(db, delivery, result, {
          now: clock(),
          manual: false,
          retryBaseMs: options.retryBaseMs,
          maxAttempts: options.maxAttempts,
        })
        if (result.ok) report.delivered++
        else if (dead) report.dead++
        else report.failed++
        if (!result.ok) {
          // Ids and numbers only: the URL can hold a token, the answer can quote anything.
          console.warn(
            JSON.stringify({
              level: 'warn',
              msg: dead ? 'webhook delivery dead' : 'webhook delivery failed',
              id: delivery.id,
              event: delivery.eventType,
              attempt: delivery.attempts,
              status: result.statusCode,
            }),
          )
        }
      }),
    )
    if (claimed.length < batchSize) break
  }
  return report
}
