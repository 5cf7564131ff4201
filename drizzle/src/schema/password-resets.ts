import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app, bytea } from './app-schema.ts'
import { users } from './users.ts'

/**
 * A password-reset link (`id.secret` in the emailed URL): single use (`usedAt`), expiring, and only
 * the SHA-256 of the secret at rest, so a database leak cannot reset anyone's password.
 */
export const passwordResets = app.table(
  'password_resets',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    secretHash: bytea().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('password_resets_user_id_idx').on(t.userId)],
)

export type PasswordReset = typeof passwordResets.$inferSelect
export type NewPasswordReset = typeof passwordResets.$inferInsert
