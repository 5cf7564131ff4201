import { sql } from 'drizzle-orm'
import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app, bytea } from './app-schema.ts'
import { companies } from './companies.ts'
import { userRole, users } from './users.ts'

/**
 * An invitation a team member sends to an email address. The link carries `id.secret`; only the
 * SHA-256 of the secret is stored (as for sessions). It works once (`acceptedAt`), expires
 * (`expiresAt`) and can be revoked (`revokedAt`).
 */
export const invitations = app.table(
  'invitations',
  {
    id: text().primaryKey(),
    email: text().notNull(),
    role: userRole().notNull().default('client'),
    // The client company the new user joins; null for studio staff.
    companyId: uuid().references(() => companies.id, { onDelete: 'cascade' }),
    secretHash: bytea().notNull(),
    invitedById: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('invitations_email_lower_idx').on(sql`lower(${t.email})`),
    index('invitations_company_id_idx').on(t.companyId),
  ],
)

export type Invitation = typeof invitations.$inferSelect
export type NewInvitation = typeof invitations.$inferInsert
