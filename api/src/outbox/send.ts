import { type Database, type OutboxMessage, outbox } from '@kairo/db'
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'

/** Delivers one outbox message (an e-mail provider, a webhook…); throws when delivery failed. */
export interface OutboxSender {
  send: (message: OutboxMessage) => Promise<void>
}

/**
 * A sender for development: logs the kind and id only (payloads hold visitors' names, addresses and
 * messages, which never go to logs). No provider is wired yet; a real one implements the same shape.
 */
export const consoleSender: OutboxSender = {
  async send(message) {
    console.log(`outbox: would deliver ${message.kind} ${message.id}`)
  },
}

/** Options of {@link sendOutbox}. */
export interface SendOutboxOptions {
  /** Messages handled per call (default 20). */
  batchSize?: number
  /** Only these kinds (default all). */
  kinds?: string[]
  /** Messages that failed this many times are left alone for a person to look at (default 5). */
  maxAttempts?: number
}

/**
 * Delivers pending outbox messages, oldest first, through `sender`: a success sets `sentAt`, a
 * failure counts an attempt and keeps the error's message in `lastError`. The batch is locked with
 * `for update skip locked`, so two runners (a cron trigger firing twice) never send a message twice
 * at once. Returns how many were sent and how many failed.
 */
export async function sendOutbox(
  db: Database,
  sender: OutboxSender,
  options: SendOutboxOptions = {},
): Promise<{ sent: number; failed: number }> {
  const { batchSize = 20, kinds, maxAttempts = 5 } = options
  return db.transaction(async (tx) => {
    const pending = await tx
      .select()
      .from(outbox)
      .where(
        and(
          isNull(outbox.sentAt),
          lt(outbox.attempts, maxAttempts),
          kinds ? inArray(outbox.kind, kinds) : undefined,
        ),
      )
      .orderBy(asc(outbox.createdAt))
      .limit(batchSize)
      .for('update', { skipLocked: true })
    let sent = 0
    let failed = 0
    for (const message of pending) {
      try {
        await sender.send(message)
        await tx
          .update(outbox)
          .set({ sentAt: new Date(), attempts: sql`${outbox.attempts} + 1`, lastError: null })
          .where(eq(outbox.id, message.id))
        sent++
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error)
        await tx
          .update(outbox)
          .set({ attempts: sql`${outbox.attempts} + 1`, lastError: reason.slice(0, 500) })
          .where(eq(outbox.id, message.id))
        failed++
      }
    }
    return { sent, failed }
  })
}
