import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'

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
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('leads_status_idx').on(t.status), index('leads_created_at_idx').on(t.createdAt)],
)

export type Lead = typeof leads.$inferSelect
export type NewLead = typeof leads.$inferInsert
export type LeadStatus = (typeof leadStatus.enumValues)[number]
