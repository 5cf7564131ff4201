import {
  type AutomationFlow,
  type AutomationRunOutcome,
  type AutomationStatus,
  automationRuns,
  automations,
  companies,
  type Database,
  users,
} from '@kairo/db'
import { and, eq, sql } from 'drizzle-orm'
import { jsonDate } from './dates.ts'
import { type AuditWriter, isUuid } from './rows.ts'
import { type RunStats, runStatsJson } from './run-stats.ts'
import { inScope, type Scope } from './scope.ts'

// Automations and their runs, always read and changed through a Scope: another company's automation
// matches no row, so it can be neither seen nor paused. Reads are one statement each.

/** How many runs the detail page and the API show by default. */
export const RUN_HISTORY_LIMIT = 20
/** The most runs one API call may ask for. */
export const RUN_HISTORY_MAX = 100

export interface RunView {
  id: string
  startedAt: Date
  finishedAt: Date | null
  outcome: AutomationRunOutcome
  durationMs: number | null
  message: string | null
}

/** An automation as lists and the overview show it, with its latest run. */
export interface AutomationSummary {
  id: string
  title: string
  description: string
  status: AutomationStatus
  companyName: string
  updatedAt: Date
  lastRun: Pick<RunView, 'startedAt' | 'outcome' | 'durationMs'> | null
}

/** An automation with its flow and latest runs (newest first). */
export interface AutomationDetail extends AutomationSummary {
  companyId: string
  ownerId: string | null
  ownerName: string | null
  flow: AutomationFlow
  runs: RunView[]
  /** Since when its run webhook's key id exists; null without one. For the studio's eyes only. */
  webhookCreatedAt: Date | null
  /** The version of its title, description, state and owner, for an edit's stale check. */
  version: string
  /** The version of its flow, for a flow edit's stale check. */
  flowVersion: string
  /** The last 30 days in figures; null unless asked for (`stats`). */
  stats: RunStats | null
}

/**
 * The version of an automation's own fields: a hash of exactly what the studio's edit form sets, so a
 * form opened before another change to them is refused (a "stale" answer), while a change elsewhere
 * (a run, the flow, the webhook) leaves it valid. A client pausing it changes the state, so it counts.
 */
export const detailsVersion = sql<string>`md5(jsonb_build_array(${automations.title}, ${automations.description}, ${automations.status}, ${automations.ownerId})::text)`

/** The version of an automation's flow: a hash of the stored jsonb (whose text form is canonical). */
export const flowVersion = sql<string>`md5(${automations.flow}::text)`

type RunJson = {
  id: string
  startedAt: string
  finishedAt: string | null
  outcome: AutomationRunOutcome
  durationMs: number | null
  message: string | null
}
type LastRunJson = Pick<RunJson, 'startedAt' | 'outcome' | 'durationMs'> | null

// The outer automation's id for correlated subqueries, spelled out in full: Drizzle writes a bare column
// in a select field as just `"id"` when the query has no join, which inside the subquery would mean
// the run's own id.
const outerAutomationId = sql`${automations}.${sql.identifier('id')}`

const lastRun = sql<LastRunJson>`(
  select json_build_object('startedAt', r.started_at, 'outcome', r.outcome, 'durationMs', r.duration_ms)
  from ${automationRuns} r where r.automation_id = ${outerAutomationId}
  order by r.started_at desc limit 1
)`

/** The latest `limit` runs of the outer automation row, as a json array. */
function runsOf(limit: number) {
  return sql<RunJson[]>`coalesce((
    select json_agg(json_build_object('id', r.id, 'startedAt', r.started_at, 'finishedAt', r.finished_at,
      'outcome', r.outcome, 'durationMs', r.duration_ms, 'message', r.message) order by r.started_at desc)
    from (
      select * from ${automationRuns} ar where ar.automation_id = ${outerAutomationId}
      order by ar.started_at desc limit ${limit}
    ) r
  ), '[]'::json)`
}

const summaryColumns = {
  id: automations.id,
  title: automations.title,
  description: automations.description,
  status: automations.status,
  companyName: companies.name,
  updatedAt: automations.updatedAt,
  lastRun,
}

const toRun = (run: RunJson): RunView => ({
  ...run,
  startedAt: new Date(run.startedAt),
  finishedAt: jsonDate(run.finishedAt),
})

function toSummary<T extends { lastRun: LastRunJson }>(row: T) {
  const last = row.lastRun
  return { ...row, lastRun: last ? { ...last, startedAt: new Date(last.startedAt) } : null }
}

// Running ones first, then paused, then drafts; a client looks for what is live.
const byState = sql`array_position(array['active', 'paused', 'draft']::text[], ${automations.status}::text)`

/** The automations in scope, live ones first. */
export async function listAutomations(db: Database, scope: Scope): Promise<AutomationSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(automations)
    .innerJoin(companies, eq(companies.id, automations.companyId))
    .where(inScope(scope, automations.companyId))
    .orderBy(byState, automations.title)
  return rows.map(toSummary)
}

/**
 * One automation with its flow and its latest `runLimit` runs, and with `stats` its last 30 days in
 * figures, all in one statement; null when absent or not in scope.
 */
export async function getAutomation(
  db: Database,
  scope: Scope,
  id: string,
  runLimit = RUN_HISTORY_LIMIT,
  { stats = false }: { stats?: boolean } = {},
): Promise<AutomationDetail | null> {
  if (!isUuid(id)) return null
  const [row] = await db
    .select({
      ...summaryColumns,
      companyId: automations.companyId,
      ownerId: automations.ownerId,
      ownerName: users.name,
      flow: automations.flow,
      runs: runsOf(runLimit),
      webhookCreatedAt: automations.webhookKeyCreatedAt,
      version: detailsVersion,
      flowVersion,
      stats: stats ? runStatsJson(outerAutomationId) : sql<RunStats | null>`null`,
    })
    .from(automations)
    .innerJoin(companies, eq(companies.id, automations.companyId))
    .leftJoin(users, eq(users.id, automations.ownerId))
    .where(and(eq(automations.id, id), inScope(scope, automations.companyId)))
  if (!row) return null
  return { ...toSummary(row), runs: row.runs.map(toRun) }
}

/** The latest `limit` runs of an automation in scope, newest first; null when it is not in scope. */
export async function listRuns(
  db: Database,
  scope: Scope,
  id: string,
  limit = RUN_HISTORY_LIMIT,
): Promise<RunView[] | null> {
  if (!isUuid(id)) return null
  const [row] = await db
    .select({ runs: runsOf(limit) })
    .from(automations)
    .where(and(eq(automations.id, id), inScope(scope, automations.companyId)))
  return row ? row.runs.map(toRun) : null
}

/** What a client may do to an automation's state. */
export type StateChange = 'pause' | 'resume'

const TRANSITIONS: Record<StateChange, { from: AutomationStatus; to: AutomationStatus; action: string }> = {
  pause: { from: 'active', to: 'paused', action: 'automation.paused' },
  resume: { from: 'paused', to: 'active', action: 'automation.resumed' },
}

/** What {@link changeAutomationState} did. */
export type StateChangeResult =
  | { outcome: 'changed'; title: string; status: AutomationStatus }
  /** It already was in the target state: nothing written. */
  | { outcome: 'unchanged'; title: string; status: AutomationStatus }
  /** A draft is neither running nor paused: the studio publishes it first. */
  | { outcome: 'not_allowed'; title: string; status: AutomationStatus }
  | { outcome: 'not_found' }

/**
 * Pauses or resumes an automation in scope, and writes `automation.paused`/`automation.resumed` in
 * the same transaction (the change and its audit line exist together or not at all). Only
 * active → paused and paused → active change anything; the row is locked, so two concurrent
 * requests cannot both record a change.
 */
export async function changeAutomationState(
  db: Database,
  scope: Scope,
  id: string,
  change: StateChange,
  audit: AuditWriter,
): Promise<StateChangeResult> {
  if (!isUuid(id)) return { outcome: 'not_found' }
  const { from, to, action } = TRANSITIONS[change]
  return db.transaction(async (tx): Promise<StateChangeResult> => {
    const [current] = await tx
      .select({ title: automations.title, status: automations.status, companyId: automations.companyId })
      .from(automations)
      .where(and(eq(automations.id, id), inScope(scope, automations.companyId)))
      .for('update')
    if (!current) return { outcome: 'not_found' }
    const { title, status, companyId } = current
    if (status === to) return { outcome: 'unchanged', title, status }
    if (status !== from) return { outcome: 'not_allowed', title, status }
    await tx.update(automations).set({ status: to }).where(eq(automations.id, id))
    await audit(
      { action, companyId, targetType: 'automation', targetId: id, details: { from, to, title } },
      tx,
    )
    return { outcome: 'changed', title, status: to }
  })
}
