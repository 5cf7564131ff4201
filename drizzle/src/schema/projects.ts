import { index, integer, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { companies } from './companies.ts'

export const projectStatus = app.enum('project_status', ['planning', 'in_progress', 'review', 'done'])

/** A piece of client work the studio delivers to one company. */
export const projects = app.table(
  'projects',
  {
    id: uuid().primaryKey().defaultRandom(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    status: projectStatus().notNull().default('planning'),
    description: text().notNull().default(''),
    startedAt: timestamp({ withTimezone: true }),
    dueAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_company_id_idx').on(t.companyId),
    index('projects_status_idx').on(t.status),
    index('projects_due_at_idx').on(t.dueAt),
  ],
)

/** Ordered checkpoints of a project; `doneAt` null means still open. */
export const projectMilestones = app.table(
  'project_milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    dueAt: timestamp({ withTimezone: true }),
    doneAt: timestamp({ withTimezone: true }),
    position: integer().notNull().default(0),
  },
  // Serves both the foreign key and "milestones of a project in order".
  (t) => [index('project_milestones_project_id_position_idx').on(t.projectId, t.position)],
)

export type Project = typeof projects.$inferSelect
export type NewProject = typeof projects.$inferInsert
export type ProjectStatus = (typeof projectStatus.enumValues)[number]
export type ProjectMilestone = typeof projectMilestones.$inferSelect
export type NewProjectMilestone = typeof projectMilestones.$inferInsert
