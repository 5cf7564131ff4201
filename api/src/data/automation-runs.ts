import {
  type AutomationRunOutcome,
  type AutomationStatus,
  automationRuns,
  automations,
  companies,
  type Database,
} from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'
import { notify } from '../notifications/index.ts'
import { isoTime, queueWebhookEvent } from '../webhooks/outgoing/events.ts'

// Runs reported by an automation's engine through the run webhook (routes/hooks/). Each report is ONE
// statement: it finds the automation by its webhook key id and inserts or finishes the run, keyed by
// the engine's own execution id, so a retried, replayed or concurrent twin report changes nothing.
// Only a report that makes a run newly failed adds a second statement, the notification, in the same
// transaction; its outgoing webhook (`automation_run.failed`) is a CTE of the report's statement. No audit entry: this is machine traffic, and the run row is its own record.

/** What an engine reports about one execution (validated by routes/hooks/schema.ts). */
export interface RunReport {
  /** The engine's execution id. */
  runId: string
  event: 'started' | 'finished'
  /** Required when finished. */
  outcome?: 'success' | 'failure'
  startedAt?: Date
  finishedAt?: Date
  message?: string
}

/** What {@link recordRunReport} did. */
export type RunReportResult =
  /** No automation has this key id (never made, or rotated away). */
  | { outcome: 'unknown_key' }
  /** The automation is a draft: it does not run yet, so nothing is recorded. */
  | { outcome: 'draft'; automationId: string }
  | {
      outcome: 'recorded'
      automationId: string
      /** The stored run: its id and outcome after this report; duplicate when the report changed nothing. */
      run: { id: string; outcome: AutomationRunOutcome; duplicate: boolean }
      /** Whether this report made the run fail (and the people concerned were told). */
      newlyFailed: boolean
    }

interface ReportRow extends Record<string, unknown> {
  automationId: string
  companyId: string
  title: string
  status: AutomationStatus
  runId: string | null
  runOutcome: AutomationRunOutcome | null
  written: boolean
}

const timestamp = (value: Date | undefined) => sql`${value?.toISOString() ?? null}::timestamptz`

/** Milliseconds between two timestamps, as the integer column holds them (never negative). */
const millisBetween = (from: SQL, to: SQL) =>
  sql`least(greatest(round(extract(epoch from (${to} - ${from})) * 1000), 0), 2147483647)::int`

/**
 * The insert (or finish) of the run, as `insert … select` from the automation found by key id, for
 * active and paused automations (an engine may be mid-run when the automation is paused).
 * - started: a new run `running`; an existing one, whatever its state, is left as it is.
 * - finished: a new run already finished, or a `running` one finished; a finished one is left alone,
 *   so the first finish wins and a repeat is a duplicate. Its duration needs a known start: the
 *   stored one, or `startedAt`; a first report at the finish without `startedAt` has none.
 * Rows come back only when written, which is what makes "newly failed" exact under concurrency: two
 * reports of the same run meet on the unique index, and the second sees the first's committed row.
 */
function writeRun(report: RunReport): SQL {
  const startedAt = timestamp(report.startedAt)
  const finishedAt = sql`coalesce(${timestamp(report.finishedAt)}, now())`
  if (report.event === 'started') {
    return sql`insert into ${automationRuns} as r (automation_id, engine_run_id, started_at, message)
      select t.id, ${report.runId}, coalesce(${startedAt}, now()), ${report.message ?? null}
      from target t where t.status <> 'draft'
      on conflict (automation_id, engine_run_id) do nothing
      returning r.id, r.outcome`
  }
  // The route's schema requires it; a caller without one is a programmer error, not a default.
  if (!report.outcome) throw new Error('recordRunReport: a finished report needs an outcome')
  const outcome = sql`${report.outcome}::app.automation_run_outcome`
  return sql`insert into ${automationRuns} as r
      (automation_id, engine_run_id, started_at, finished_at, outcome, duration_ms, message)
    select t.id, ${report.runId}, coalesce(${startedAt}, ${finishedAt}), ${finishedAt}, ${outcome},
      case when ${startedAt} is not null then ${millisBetween(startedAt, finishedAt)} end,
      ${report.message ?? null}
    from target t where t.status <> 'draft'
    on conflict (automation_id, engine_run_id) do update set
      started_at = coalesce(${startedAt}, r.started_at),
      finished_at = excluded.finished_at,
      outcome = excluded.outcome,
      duration_ms = ${millisBetween(sql`coalesce(${startedAt}, r.started_at)`, sql`excluded.finished_at`)},
      message = coalesce(excluded.message, r.message)
    where r.outcome = 'running'
    returning r.id, r.outcome, r.engine_run_id, r.started_at, r.finished_at, r.duration_ms, r.message`
}

/**
 * The one statement of a report: the automation (by key id), the write, and the run as it stood
 * before (`existing`, for a duplicate's answer). `existing` reads the statement's snapshot, so a twin
 * committed while this statement waited on the unique index is not in it; see {@link storedRun}.
 */
function reportStatement(keyId: string, report: RunReport, origin: string): SQL {
  return sql`with target as (
      select a.id, a.company_id, a.title, a.status from ${automations} a where a.webhook_key_id = ${keyId}
    ),
    written as (${writeRun(report)}),${
      report.event === 'finished' && report.outcome === 'failure'
        ? sql`
    hooks as (${failedRunWebhook(origin)}),`
        : sql``
    }
    existing as (
      select r.id, r.outcome from ${automationRuns} r
      where r.automation_id = (select id from target) and r.engine_run_id = ${report.runId}
    )
    select t.id as "automationId", t.company_id as "companyId", t.title, t.status,
      coalesce(w.id, e.id) as "runId", coalesce(w.outcome, e.outcome) as "runOutcome",
      w.id is not null as "written"
    from target t left join written w on true left join existing e on true`
}

/**
 * The `automation_run.failed` outgoing webhook of a failure report, as a CTE of its statement: a row
 * comes back from `written` only when this report wrote the run, so, as with the notification, only
 * the report that made the run fail queues it, and the report stays one statement.
 */
function failedRunWebhook(origin: string): SQL {
  return queueWebhookEvent({
    type: 'automation_run.failed',
    eventId: crypto.randomUUID(),
    from: sql`written w, target t, ${companies} c`,
    where: sql`w.outcome = 'failure' and c.id = t.company_id`,
    data: sql`jsonb_build_object(
      'company', jsonb_build_object('id', c.id, 'name', c.name),
      'automation', jsonb_build_object('id', t.id, 'title', t.title),
      'run', jsonb_build_object('id', w.id, 'engineRunId', w.engine_run_id,
        'startedAt', ${isoTime(sql`w.started_at`)}, 'finishedAt', ${isoTime(sql`w.finished_at`)},
        'durationMs', w.duration_ms, 'message', w.message),
      'url', ${`${origin}/dashboard/automations/`}::text || t.id::text)`,
  })
}

/** The stored run of an engine execution, read after a twin report committed it. */
async function storedRun(db: Database, automationId: string, runId: string) {
  const [row] = await db.execute<{ id: string; outcome: AutomationRunOutcome }>(
    sql`select id, outcome from ${automationRuns} where automation_id = ${automationId} and engine_run_id = ${runId}`,
  )
  if (!row) throw new Error('recordRunReport: a conflicting run is not visible after its commit')
  return row
}

/**
 * Records one report for the automation whose webhook key id is `keyId`. A finished failure runs in a
 * transaction, so that a run which newly failed and its `automation_failed` notification (the
 * company's client users and the owner; `origin` for the e-mailed link) are committed together; any
 * other report is a single statement, one round trip. Safe to repeat: a second identical report is a
 * duplicate, and a run's failure is announced only by the report that made it fail.
 */
export async function recordRunReport(
  db: Database,
  keyId: string,
  report: RunReport,
  origin: string,
): Promise<RunReportResult> {
  const record = async (tx: Database): Promise<RunReportResult> => {
    const [row] = await tx.execute<ReportRow>(reportStatement(keyId, report, origin))
    if (!row) return { outcome: 'unknown_key' }
    if (row.status === 'draft') return { outcome: 'draft', automationId: row.automationId }
    const run =
      row.runId && row.runOutcome
        ? { id: row.runId, outcome: row.runOutcome }
        : await storedRun(tx, row.automationId, report.runId)
    const newlyFailed = row.written && run.outcome === 'failure'
    if (newlyFailed) {
      await notify(tx, {
        kind: 'automation_failed',
        companyId: row.companyId,
        actorId: null,
        automationId: row.automationId,
        automationTitle: row.title,
        excerpt: report.message ?? null,
        link: `/dashboard/automations/${row.automationId}`,
        origin,
      })
    }
    return {
      outcome: 'recorded',
      automationId: row.automationId,
      run: { ...run, duplicate: !row.written },
      newlyFailed,
    }
  }
  const mayFail = report.event === 'finished' && report.outcome === 'failure'
  return mayFail ? db.transaction((tx) => record(tx)) : record(db)
}
