import { index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { companies } from './companies.ts'
import { users } from './users.ts'

/**
 * What happened, by whom, to what: sign-ins (and failed ones), role changes, automation state
 * changes, invitations, password changes. Append-only; `details` never holds a secret, token or
 * password. `companyId` lets the team filter a client's history and a client see its own.
 */
export const auditLog = app.table(
  'audit_log',
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Null for an anonymous actor (a failed sign-in for an unknown email, a password-reset request).
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // e.g. `auth.sign_in`, `auth.sign_in_failed`, `user.role_changed`, `automation.paused`.
    action: text().notNull(),
    companyId: uuid().references(() => companies.id, { onDelete: 'set null' }),
    targetType: text(),
    targetId: text(),
    ip: text(),
    requestId: text(),
    details: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc()),
    index('audit_log_company_id_at_idx').on(t.companyId, t.at.desc()),
    index('audit_log_actor_id_idx').on(t.actorId),
  ],
)

export type AuditEntry = typeof auditLog.$inferSelect
export type NewAuditEntry = typeof auditLog.$inferInsert
