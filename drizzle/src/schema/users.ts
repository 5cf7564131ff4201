import { sql } from 'drizzle-orm'
import { index, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { companies } from './companies.ts'

/** `admin` and `team` are studio staff; `client` users see only their company's data. */
export const userRole = app.enum('user_role', ['admin', 'team', 'client'])

/** Dashboard users (not CMS editors: those live in Payload's `payload` schema). */
export const users = app.table(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    role: userRole().notNull().default('client'),
    // Nullable: studio staff belong to no client company.
    companyId: uuid().references(() => companies.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Set when an admin disables the account: sign-in refuses it and its sessions are ended.
    disabledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Case-insensitive uniqueness: `Ann@x.io` and `ann@x.io` are one account. Look users up with
    // `lower(email) = lower($1)` so this index serves the query.
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_company_id_idx').on(t.companyId),
    index('users_role_idx').on(t.role),
  ],
)

export type User = typeof users.$inferSelect
export type NewUser = typeof users.$inferInsert
export type UserRole = (typeof userRole.enumValues)[number]
