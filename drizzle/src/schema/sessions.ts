import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app, bytea } from './app-schema.ts'
import { users } from './users.ts'

/**
 * Sessions in the style of Lucia's replacement: the token is `id.secret`; only the SHA-256 of the
 * secret is stored, so a database leak does not leak usable tokens.
 */
export const sessions = app.table(
  'sessions',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Idle expiry is measured from here; absolute expiry is `expiresAt`.
    lastVerifiedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId), index('sessions_expires_at_idx').on(t.expiresAt)],
)

export type Session = typeof sessions.$inferSelect
export type NewSession = typeof sessions.$inferInsert
