import { sql } from 'drizzle-orm'
import { index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'

/**
 * Messages to send after a transaction commits (the transactional outbox): a row is written in the
 * same transaction as the change it announces, and a sender delivers it later. `sentAt` null means
 * pending; `attempts` and `lastError` record failed deliveries so a sender can back off or give up.
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
  },
  (t) => [
    // Serves "pending messages, oldest first" without indexing the ever-growing sent rows.
    index('outbox_pending_created_at_idx').on(t.createdAt).where(sql`${t.sentAt} is null`),
    index('outbox_kind_idx').on(t.kind),
  ],
)

export type OutboxMessage = typeof outbox.$inferSelect
export type NewOutboxMessage = typeof outbox.$inferInsert
