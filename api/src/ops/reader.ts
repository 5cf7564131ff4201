import type { Database } from '@kairo/db'
import { type SQL, sql } from 'drizzle-orm'
import { LATENCY_BOUNDS_MS, percentileOf, VITAL_BOUNDS, type VitalMetric } from './histogram.ts'

// Reading the request figures back for the operations view, the API and the alerts. Two readers
// answer the same questions: Postgres (the local sink's minute rows) and Analytics Engine's SQL API
// (production; `ops/analytics-engine.ts`).

/** Requests in a window: how many, how many failed (5xx), how many could not reach the database, p95. */
export interface Totals {
  requests: number
  errors: number
  dbFailures: number
  /**
   * The 95th percentile latency as the upper bound of its histogram bucket (ms); `Infinity` when it
   * is past the last bound (10 s); null without requests.
   */
  p95Ms: number | null
}

export interface RouteTotals extends Totals {
  route: string
  method: string
}

/** One slot of a chart: an hour of the last 24 hours, or a day of the last 30. */
export interface Slot extends Totals {
  /** The slot's start, ISO 8601 (UTC). */
  start: string
}

export interface MetricsWindow {
  from: Date
  to: Date
  totals: Totals
  /** Sorted by errors, then p95, then requests, most first. */
  routes: RouteTotals[]
  /** Every slot of the window in order, empty ones included (zero requests, p95 null). */
  slots: Slot[]
}

/** The 75th percentile of one Core Web Vital on one page type over the 30 days. */
export interface VitalFigure {
  pageType: string
  metric: VitalMetric
  samples: number
  /** The upper bound of the bucket holding the 75th percentile (ms; CLS unitless); `Infinity` past the last. */
  p75: number | null
}

export interface MetricsFigures {
  day: MetricsWindow
  month: MetricsWindow
  vitals: VitalFigure[]
}

/** Reads the recorded figures. */
export interface MetricsReader {
  /** The last 24 hours (hourly slots) and 30 days (daily slots) up to `now`, and the vitals' p75. */
  figures(now: Date): Promise<MetricsFigures>
  /** The last `minutes` minutes, for the alerts. */
  recent(now: Date, minutes: number): Promise<Totals>
}

export const HOUR_MS = 60 * 60 * 1000
export const DAY_MS = 24 * HOUR_MS

/** The windows for `now`: 24 hourly slots ending with the current hour, 30 daily ones ending today (UTC). */
export function windowsOf(now: Date) {
  const hourStart = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS
  const dayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS
  return {
    dayFrom: new Date(hourStart - 23 * HOUR_MS),
    monthFrom: new Date(dayStart - 29 * DAY_MS),
    to: now,
  }
}

const slotStarts = (from: Date, count: number, step: number) =>
  Array.from({ length: count }, (_, i) => new Date(from.getTime() + i * step).toISOString())

/** Orders a window's routes: most errors first, then the slowest, then the busiest. */
export function byTrouble(a: RouteTotals, b: RouteTotals): number {
  return (
    b.errors - a.errors ||
    (b.p95Ms ?? -1) - (a.p95Ms ?? -1) ||
    b.requests - a.requests ||
    a.route.localeCompare(b.route) ||
    a.method.localeCompare(b.method)
  )
}

const empty = (): Totals => ({ requests: 0, errors: 0, dbFailures: 0, p95Ms: null })

/** Builds both windows from grouped rows (totals, per route, per slot), filling the empty slots. */
export function assembleWindows(
  now: Date,
  rows: Array<{
    win: 'day' | 'month'
    level: 'total' | 'route' | 'slot'
    route?: string | null
    method?: string | null
    slot?: string | null
    totals: Totals
  }>,
): { day: MetricsWindow; month: MetricsWindow } {
  const { dayFrom, monthFrom, to } = windowsOf(now)
  const make = (win: 'day' | 'month', from: Date, count: number, step: number): MetricsWindow => {
    const mine = rows.filter((row) => row.win === win)
    const bySlot = new Map(
      mine
        .filter((row) => row.level === 'slot')
        .map((row) => [new Date(row.slot ?? 0).toISOString(), row.totals]),
    )
    return {
      from,
      to,
      totals: mine.find((row) => row.level === 'total')?.totals ?? empty(),
      routes: mine
        .filter((row) => row.level === 'route')
        .map((row) => ({ route: row.route ?? '', method: row.method ?? '', ...row.totals }))
        .sort(byTrouble),
      slots: slotStarts(from, count, step).map((start) => ({ start, ...(bySlot.get(start) ?? empty()) })),
    }
  }
  return { day: make('day', dayFrom, 24, HOUR_MS), month: make('month', monthFrom, 30, DAY_MS) }
}

const int = (value: unknown) => Number(value ?? 0)
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

interface GroupedRow {
  win: 'day' | 'month'
  level: 'total' | 'route' | 'slot'
  route: string | null
  method: string | null
  slot: string | null
  requests: string | number
  errors: string | number
  db_failures: string | number
  histogram: Array<string | number>
}

/**
 * The local reader: the minute rows of `app.request_metrics` and `app.web_vitals`. `figures` is one
 * statement (one round trip): both windows' totals, routes and slots through grouping sets over the
 * histograms' buckets (each bucket summed across the group, so a group's histogram is the sum of
 * its rows'), and the vitals' histograms per page type and metric, as one JSON value.
 */
export class PostgresMetricsReader implements MetricsReader {
  private readonly db: Database

  constructor(db: Database) {
    this.db = db
  }

  async figures(now: Date): Promise<MetricsFigures> {
    return (await this.figuresWith(now, sql`null`)).figures
  }

  /**
   * {@link figures} with one more JSON value selected in the same statement (`extra`, an SQL
   * expression), so the operations page can read its Postgres-only counts in the same round trip.
   */
  async figuresWith(now: Date, extra: SQL): Promise<{ figures: MetricsFigures; extra: unknown }> {
    const { dayFrom, monthFrom, to } = windowsOf(now)
    const fromDay = monthFrom.toISOString().slice(0, 10)
    const [row] = await this.db.execute<{ metrics: unknown; vitals: unknown; extra: unknown }>(sql`
      with buckets as (
        select w.name as win,
          case when w.name = 'day' then date_trunc('hour', m.minute) else date_trunc('day', m.minute at time zone 'UTC') at time zone 'UTC' end as slot,
          m.route, m.method, m.status_class, m.requests, m.db_failures, u.n, u.ord
        from app.request_metrics m
        cross join (values ('day'), ('month')) as w(name)
        cross join lateral unnest(m.latency_histogram) with ordinality as u(n, ord)
        where m.minute >= ${monthFrom.toISOString()}::timestamptz and m.minute <= ${to.toISOString()}::timestamptz and (w.name = 'month' or m.minute >= ${dayFrom.toISOString()}::timestamptz)
      ),
      per_bucket as (
        select win, slot, route, method, grouping(slot, route, method) as g, ord, sum(n) as n,
          coalesce(sum(requests) filter (where ord = 1), 0) as requests,
          coalesce(sum(requests) filter (where ord = 1 and status_class = 5), 0) as errors,
          coalesce(sum(db_failures) filter (where ord = 1), 0) as db_failures
        from buckets
        group by grouping sets ((win, ord), (win, route, method, ord), (win, slot, ord))
      ),
      grouped as (
        select win, case g when 7 then 'total' when 4 then 'route' else 'slot' end as level,
          route, method, slot, sum(requests) as requests, sum(errors) as errors,
          sum(db_failures) as db_failures, array_agg(n order by ord) as histogram
        from per_bucket group by win, g, route, method, slot
      ),
      vital_buckets as (
        select v.page_type, v.metric, u.ord, sum(u.n) as n, sum(v.samples) filter (where u.ord = 1) as samples
        from app.web_vitals v cross join lateral unnest(v.histogram) with ordinality as u(n, ord)
        where v.day >= ${fromDay}::date
        group by v.page_type, v.metric, u.ord
      ),
      vitals as (
        select page_type, metric, sum(samples) as samples, array_agg(n order by ord) as histogram
        from vital_buckets group by page_type, metric
      )
      select (select coalesce(json_agg(grouped), '[]') from grouped) as metrics,
        (select coalesce(json_agg(vitals order by page_type, metric), '[]') from vitals) as vitals,
        ${extra} as extra`)
    const metrics = json<GroupedRow[]>(row?.metrics ?? [])
    const vitals = json<
      Array<{ page_type: string; metric: VitalMetric; samples: number; histogram: number[] }>
    >(row?.vitals ?? [])
    const figures: MetricsFigures = {
      ...assembleWindows(
        now,
        metrics.map((m) => ({
          win: m.win,
          level: m.level,
          route: m.route,
          method: m.method,
          slot: m.slot,
          totals: totalsOf(m),
        })),
      ),
      vitals: vitals
        .filter((v) => v.metric in VITAL_BOUNDS)
        .map((v) => ({
          pageType: v.page_type,
          metric: v.metric,
          samples: int(v.samples),
          p75: percentileOf(v.histogram.map(int), VITAL_BOUNDS[v.metric], 0.75),
        })),
    }
    return { figures, extra: json(row?.extra ?? null) }
  }

  async recent(now: Date, minutes: number): Promise<Totals> {
    const from = new Date(Math.floor((now.getTime() - minutes * 60_000) / 60_000) * 60_000)
    const [row] = await this.db.execute<Omit<GroupedRow, 'win' | 'level' | 'route' | 'method' | 'slot'>>(sql`
      with per_bucket as (
        select u.ord, sum(u.n) as n,
          coalesce(sum(m.requests) filter (where u.ord = 1), 0) as requests,
          coalesce(sum(m.requests) filter (where u.ord = 1 and m.status_class = 5), 0) as errors,
          coalesce(sum(m.db_failures) filter (where u.ord = 1), 0) as db_failures
        from app.request_metrics m cross join lateral unnest(m.latency_histogram) with ordinality as u(n, ord)
        where m.minute >= ${from.toISOString()}::timestamptz and m.minute <= ${now.toISOString()}::timestamptz
        group by u.ord
      )
      select coalesce(sum(requests), 0) as requests, coalesce(sum(errors), 0) as errors,
        coalesce(sum(db_failures), 0) as db_failures,
        to_json(coalesce(array_agg(n order by ord) filter (where ord is not null), '{}')) as histogram
      from per_bucket`)
    // The histogram comes as JSON: without the driver's type lookup (Hyperdrive) an array would be text.
    return row ? totalsOf({ ...row, histogram: json<Array<string | number>>(row.histogram) }) : empty()
  }
}

function totalsOf(row: Pick<GroupedRow, 'requests' | 'errors' | 'db_failures' | 'histogram'>): Totals {
  return {
    requests: int(row.requests),
    errors: int(row.errors),
    dbFailures: int(row.db_failures),
    p95Ms: percentileOf((row.histogram ?? []).map(int), LATENCY_BOUNDS_MS, 0.95),
  }
}
