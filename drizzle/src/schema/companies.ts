import { sql } from 'drizzle-orm'
import { check, index, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'

/** A client company. Client users, projects and automations belong to one. */
export const companies = app.table(
  'companies',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    slug: text().notNull().unique('companies_slug_key'),
    // The company's own site, shown to the team; null until someone enters it. Only https addresses:
    // the API validates the URL, the constraint keeps other writers (scripts, psql) to the same rule.
    website: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('companies_created_at_idx').on(t.createdAt),
    check('companies_website_https', sql`${t.website} is null or ${t.website} ~ '^https://'`),
  ],
)

export type Company = typeof companies.$inferSelect
export type NewCompany = typeof companies.$inferInsert
