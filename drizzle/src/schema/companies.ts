import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'

/** A client company. Client users, projects and automations belong to one. */
export const companies = app.table(
  'companies',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull().unique('companies_slug_key'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('companies_created_at_idx').on(t.createdAt)],
)

export type Company = typeof companies.$inferSelect
export type NewCompany = typeof companies.$inferInsert
