import { index, integer, jsonb, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'
import { companies } from './companies.ts'
import { users } from './users.ts'

export const automationStatus = app.enum('automation_status', ['draft', 'active', 'paused'])
export const automationRunOutcome = app.enum('automation_run_outcome', ['success', 'failure', 'running'])

/** A node of an automation's flow graph (what the dashboard draws). */
export interface FlowNode {
  id: string
  type: 'trigger' | 'action' | 'condition'
  label: string
}

/** A directed edge between two flow nodes. */
export interface FlowEdge {
  from: string
  to: string
}

/** The stored shape of `automations.flow`. */
export interface AutomationFlow {
  nodes: FlowNode[]
  edges: FlowEdge[]
}

/** A workflow the studio runs for a client; clients may pause or resume it. */
export const automations = app.table(
  'automations',
  {
    id: uuid().primaryKey().defaultRandom(),
    companyId: uuid()
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    ownerId: uuid().references(() => users.id, { onDelete: 'set null' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    flow: jsonb().$type<AutomationFlow>().notNull().default({ nodes: [], edges: [] }),
    status: automationStatus().notNull().default('draft'),
    /**
     * The public id of the automation's run webhook (`POST /api/hooks/automation-runs/<id>`), random;
     * null while it has none. Its signing secret is derived from it and the Worker's
     * `WEBHOOK_SIGNING_KEY` (api/src/webhooks/), so nothing secret is stored; a new id revokes the old one.
     */
    webhookKeyId: text(),
    webhookKeyCreatedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    index('automations_company_id_idx').on(t.companyId),
    index('automations_owner_id_idx').on(t.ownerId),
    index('automations_status_idx').on(t.status),
    // The webhook finds its automation by this id; unique, so one id never names two.
    uniqueIndex('automations_webhook_key_id_key').on(t.webhookKeyId),
  ],
)

/** One execution of an automation. `finishedAt`/`durationMs` stay null while it is running. */
export const automationRuns = app.table(
  'automation_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    automationId: uuid()
      .notNull()
      .references(() => automations.id, { onDelete: 'cascade' }),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
    outcome: automationRunOutcome().notNull().default('running'),
    durationMs: integer(),
    message: text(),
    /** The engine's own execution id, sent by the run webhook; null for runs recorded otherwise (the seed). */
    engineRunId: text(),
  },
  (t) => [
    // Serves the foreign key and "latest runs of an automation".
    index('automation_runs_automation_id_started_at_idx').on(t.automationId, t.startedAt.desc()),
    index('automation_runs_outcome_idx').on(t.outcome),
    // One run per engine execution: a repeated report (a retry, a replay) meets this and changes
    // nothing. Null ids (seeded runs) never collide.
    uniqueIndex('automation_runs_automation_id_engine_run_id_key').on(t.automationId, t.engineRunId),
  ],
)

export type Automation = typeof automations.$inferSelect
export type NewAutomation = typeof automations.$inferInsert
export type AutomationStatus = (typeof automationStatus.enumValues)[number]
export type AutomationRun = typeof automationRuns.$inferSelect
export type NewAutomationRun = typeof automationRuns.$inferInsert
export type AutomationRunOutcome = (typeof automationRunOutcome.enumValues)[number]
