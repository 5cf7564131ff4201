import { type Database, type OutboxMessage, outbox } from '@kairo/db'
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import { composeMessage, secretKeysOf } from '../mail/compose.ts'
import type { MailConfig } from '../mail/config.ts'
import { MailError, type MailTransport } from '../mail/transport.ts'
import { backoffMs } from './backoff.ts'

// Delivering the outbox, at least once. Why no transaction spans a send: a batch locked with
// `for update` for the length of its SMTP conversations would hold row locks (and a connection) for
// as long as the slowest server takes, up to the timeouts times the batch, and a crash mid-batch
// would roll back the "sent" marks of messages that did leave. Instead a short statement *claims*
// due rows: it counts the attempt and moves `next_attempt_at` one lease ahead, so an overlapping run
// (the cron firing while a slow run still works) finds them not due and skips them, while a run that
// died leaves them due again once the lease runs out. Each message is then sent outside any
// transaction and its outcome written by its own statement. A repeat can only follow a crash between
// the server's "accepted" and that statement; the Message-ID (and Resend's idempotency key) is the
// row's id, so the repeat is recognisable as the same message.

/** Options of {@link deliverOutbox}. */
export interface DeliverOptions {
  config: Pick<MailConfig, 'from' | 'leadsTo' | 'retryBaseMs' | 'maxAttempts'>
  /** Rows claimed per statement (default 10). */
  batchSize?: number
  /** How long a claim keeps other runs off a row; must outlast a batch's sends (default 5 min). */
  leaseMs?: number
  /** No new batch is claimed after this long (default 50 s, inside a one-minute cron). */
  budgetMs?: number
  /** Only these rows (tests share a database with other tests' messages). Default: every due row. */
  ids?: string[]
  /** The clock (tests move it). */
  now?: () => Date
}

/** What one run did. */
export interface DeliveryReport {
  sent: number
  failed: number
  dead: number
}

/**
 * Claims up to `limit` due rows (not sent, not dead, `next_attempt_at` passed), oldest due first,
 * counting an attempt on each and leasing them for `leaseMs`. Rows another run has locked are
 * skipped, not waited for.
 */
export async function claimDue(
  db: Database,
  options: { limit: number; leaseMs: number; now: Date; ids?: string[] },
): Promise<OutboxMessage[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        isNull(outbox.deadAt),
        lte(outbox.nextAttemptAt, options.now),
        options.ids ? inArray(outbox.id, options.ids) : undefined,
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(options.limit)
    .for('update', { skipLocked: true })
  const claimed = await db
    .update(outbox)
    .set({
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: new Date(options.now.getTime() + options.leaseMs),
    })
    .where(inArray(outbox.id, due))
    .returning()
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
}

/** Marks a row delivered and removes its secrets (reset and invitation links) from the payload. */
export async function markSent(
  db: Database,
  row: Pick<OutboxMessage, 'id' | 'kind'>,
  now: Date,
): Promise<void> {
  const keys = secretKeysOf(row.kind)
  await db
    .update(outbox)
    .set({
      sentAt: now,
      lastError: null,
      ...(keys.length > 0
        ? {
            payload: sql`${outbox.payload} - array[${sql.join(
              keys.map((key) => sql`${key}`),
              sql`, `,
            )}]::text[]`,
          }
        : {}),
    })
    .where(eq(outbox.id, row.id))
}

/**
 * Records a failed attempt: the next one after the backoff, or dead when the failure is permanent
 * or this was the last allowed attempt. Returns whether the row is now dead.
 */
export async function markFailed(
  db: Database,
  row: Pick<OutboxMessage, 'id' | 'attempts'>,
  failure: { reason: string; permanent: boolean },
  options: { now: Date; retryBaseMs: number; maxAttempts: number },
): Promise<boolean> {
  const dead = failure.permanent || row.attempts >= options.maxAttempts
  await db
    .update(outbox)
    .set({
      lastError: failure.reason.slice(0, 500),
      nextAttemptAt: new Date(options.now.getTime() + backoffMs(row.attempts, options.retryBaseMs)),
      deadAt: dead ? options.now : null,
    })
    .where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)))
  return dead
}

/**
 * Delivers due outbox messages through `transport` until none is due or the time budget is spent,
 * then closes the transport. Never throws for a message's failure (it is recorded on the row); a
 * database failure does throw, and the claimed rows come due again when their lease ends.
 */
export async function deliverOutbox(
  db: Database,
  transport: MailTransport,
  options: DeliverOptions,
): Promise<DeliveryReport> {
  const { config, batchSize = 10, leaseMs = 5 * 60_000, budgetMs = 50_000, ids } = options
  const clock = options.now ?? (() => new Date())
  const started = Date.now()
  const report: DeliveryReport = { sent: 0, failed: 0, dead: 0 }
  try {
    while (Date.now() - started < budgetMs) {
      const claimed = await claimDue(db, { limit: batchSize, leaseMs, now: clock(), ids })
      if (claimed.length === 0) break
      for (const row of claimed) {
        const composed = composeMessage(row, config)
        let failure: { reason: string; permanent: boolean } | null = null
        if (!composed.ok) failure = { reason: composed.reason, permanent: true }
        else {
          try {
            await transport.send(composed.message)
          } catch (error) {
            failure = {
              reason: error instanceof Error ? error.message : String(error),
              permanent: error instanceof MailError && error.permanent,
            }
          }
        }
        if (!failure) {
          await markSent(db, row, clock())
          report.sent++
          continue
        }
        const dead = await markFailed(db, row, failure, { ...config, now: clock() })
        if (dead) report.dead++
        else report.failed++
        // Ids and counts only: the reason can quote an address, the payload holds links.
        console.warn(
          JSON.stringify({
            level: 'warn',
            msg: dead ? 'outbox message dead' : 'outbox delivery failed',
            id: row.id,
            kind: row.kind,
            attempt: row.attempts,
            transport: transport.name,
          }),
        )
      }
      if (claimed.length < batchSize) break
    }
  } finally {
    await transport.close()
  }
  return report
}
