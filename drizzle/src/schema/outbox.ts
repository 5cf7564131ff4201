import { sql } from 'drizzle-orm'
import { index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'

/**
 * Messages to send after a transaction commits (the transactional outbox): a row is written in the
 * same transaction as the change it announces, and the Worker's scheduled job delivers it later.
 * `sentAt` null means not delivered; `nextAttemptAt` is when a delivery may next be tried (a claim
 * pushes it forward for the length of a lease, a failure by the backoff); `deadAt` is set when the
 * job gave up, until an admin retries it. `attempts` counts claims, so a run that died mid-send
 * still counts one.
 */
export const outbox = app.table(
  'outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    // What the payload is, e.g. `lead.notification`; the sender picks a template by it.
    kind: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    attempts: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    deadAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Serves "pending messages, oldest first" without indexing the ever-growing sent rows.
    index('outbox_pending_created_at_idx').on(t.createdAt).where(sql`${t.sentAt} is null`),
    // Serves the delivery job's claim: due, not delivered, not dead.
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.deadAt} is null`),
    // Serves pruning delivered rows after 30 days.
    index('outbox_sent_at_idx').on(t.sentAt).where(sql`${t.sentAt} is not null`),
    index('outbox_kind_idx').on(t.kind),
  ],
)

export type OutboxMessage = typeof outbox.$inferSelect
export type NewOutboxMessage = typeof outbox.$inferInsert
