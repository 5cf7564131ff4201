import { automationRuns } from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'

// An automation's last 30 days of runs in figures, for the charts on its page: per day (UTC, as
// every date on the dashboard) the runs by outcome and the median and 95th percentile of the
// finished runs' durations, and the same over the whole window. Computed by Postgres as one json
// subquery of the page's own statement, so the charts cost no round trip of their own.

/** How many days the charts cover: today (UTC) and the 29 before it. */
export const RUN_STATS_DAYS = 30

/** One day's runs. Percentiles are null on a day without a finished run that has a duration. */
export interface RunDay {
  /** The day, `2026-03-04` (UTC). */
  day: string
  success: number
  failure: number
  running: number
  medianMs: number | null
  p95Ms: number | null
}

/** The window's runs in figures. */
export interface RunStats {
  /** The window's first and last day (`2026-02-03`, `2026-03-04`). */
  firstDay: string
  lastDay: string
  /** Every day of the window, oldest first, runs or not. */
  days: RunDay[]
  totals: Omit<RunDay, 'day'>
}

/**
 * The window's figures for the automation whose id is `automationId` (a column of the outer
 * statement), as json. The runs are read once through `automation_runs_automation_id_started_at_idx`;
 * the day series makes empty days rows of zeros, so the charts need no gap-filling of their own.
 * Durations are `percentile_cont` over finished runs (a running one has none yet; a run reported
 * only at its end has none either, and is counted but not measured).
 */
export function runStatsJson(automationId: SQL): SQL<RunStats> {
  // A constant of this module, written into the statement (a parameter would leave `date - $1` untyped).
  const span = sql.raw(String(RUN_STATS_DAYS - 1))
  const measured = sql`filter (where r.outcome <> 'running')`
  const figures = sql`
    'success', count(r.outcome) filter (where r.outcome = 'success'),
    'failure', count(r.outcome) filter (where r.outcome = 'failure'),
    'running', count(r.outcome) filter (where r.outcome = 'running'),
    'medianMs', round(percentile_cont(0.5) within group (order by r.duration_ms) ${measured})::int,
    'p95Ms', round(percentile_cont(0.95) within group (order by r.duration_ms) ${measured})::int`
  return sql<RunStats>`(
    with w as (select (now() at time zone 'UTC')::date as last_day),
    r as (
      select (ar.started_at at time zone 'UTC')::date as day, ar.outcome, ar.duration_ms
      from ${automationRuns} ar, w
      where ar.automation_id = ${automationId}
        and ar.started_at >= (w.last_day - ${span})::timestamp at time zone 'UTC'
        and ar.started_at < (w.last_day + 1)::timestamp at time zone 'UTC'
    ),
    d as (
      select w.last_day - ${span} + g.n as day,
        json_build_object('day', w.last_day - ${span} + g.n, ${figures}) as item
      from w cross join generate_series(0, ${span}) as g(n)
      left join r on r.day = w.last_day - ${span} + g.n
      group by g.n, w.last_day
    )
    select json_build_object(
      'firstDay', (select last_day - ${span} from w),
      'lastDay', (select last_day from w),
      'days', (select json_agg(d.item order by d.day) from d),
      'totals', (select json_build_object(${figures}) from r)
    )
  )`
}
