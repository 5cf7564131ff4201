import { sql } from 'drizzle-orm'
import { check, index, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { companies } from './companies.ts'

export const leadStatus = app.enum('lead_status', ['new', 'contacted', 'qualified', 'closed'])

/** A message from the public contact form. */
export const leads = app.table(
  'leads',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    email: text().notNull(),
    company: text(),
    message: text().notNull(),
    source: text().notNull().default('contact_form'),
    status: leadStatus().notNull().default('new'),
    // A resubmitted form (double click, retried request) carries the same key and inserts nothing.
    idempotencyKey: text().notNull().unique('leads_idempotency_key_key'),
    ip: text(),
    // The path of the site page whose form sent it (`/contact`, `/services/3d`) and the service the
    // sender picked, a CMS slug. Both null on leads from before migration 0010 and whenever the Worker
    // dropped a value it did not trust: a lead is never lost over its analytics.
    sourcePage: text(),
    service: text(),
    // Set when the team makes the lead a client: the company it became (or was linked to) and when.
    // A deleted company leaves `convertedAt`, so the conversion still counts in the analytics.
    companyId: uuid().references(() => companies.id, { onDelete: 'set null' }),
    convertedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leads_status_idx').on(t.status),
    index('leads_created_at_idx').on(t.createdAt),
    index('leads_company_id_idx').on(t.companyId),
    // Conversions per week read only converted leads.
    index('leads_converted_at_idx').on(t.convertedAt).where(sql`${t.convertedAt} is not null`),
    check('leads_source_page_path', sql`${t.sourcePage} is null or ${t.sourcePage} ~ '^/'`),
  ],
)

export type Lead = typeof leads.$inferSelect
export type NewLead = typeof leads.$inferInsert
export type LeadStatus = (typeof leadStatus.enumValues)[number]
