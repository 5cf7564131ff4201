import { index, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { leads } from './leads.ts'
import { users } from './users.ts'

/** A team member's note on a lead (a call made, a proposal sent); newest first in the dashboard. */
export const leadNotes = app.table(
  'lead_notes',
  {
    id: uuid().primaryKey().defaultRandom(),
    leadId: uuid()
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_notes_lead_id_created_at_idx').on(t.leadId, t.createdAt.desc())],
)

export type LeadNote = typeof leadNotes.$inferSelect
export type NewLeadNote = typeof leadNotes.$inferInsert
