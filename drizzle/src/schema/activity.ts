import { boolean, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { companies } from './companies.ts'
import { projects } from './projects.ts'
import { users } from './users.ts'

/**
 * A company's activity feed: what happened in its work, in words a client reads (a version
 * uploaded, approved, changes requested, a reply). Written in the same transaction as the change
 * it tells of. `clientVisible` false keeps the team's internal steps (an internal comment) off the
 * client's feed. The audit log records the same steps for accountability; this is for people.
 */
export const activityEvents = app.table(
  'activity_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    projectId: uuid().references(() => projects.id, { onDelete: 'cascade' }),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    // e.g. `version.uploaded`, `version.approved`, `version.changes_requested`, `comment.added`.
    kind: text().notNull(),
    // The deliverable, version or comment it is about, as the kind says.
    subjectId: uuid(),
    // What the feed shows without a join: titles, version numbers. Never a secret.
    details: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    clientVisible: boolean().notNull().default(true),
  },
  (t) => [
    index('activity_events_company_id_at_idx').on(t.companyId, t.at.desc()),
    index('activity_events_project_id_at_idx').on(t.projectId, t.at.desc()),
  ],
)

export type ActivityEvent = typeof activityEvents.$inferSelect
export type NewActivityEvent = typeof activityEvents.$inferInsert
