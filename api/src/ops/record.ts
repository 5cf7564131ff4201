import { createDb, requestMetrics } from '@kairo/db'
import { sql } from 'drizzle-orm'
import type { Context, MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import type { AppEnv, Bindings } from '../env.ts'
import { isTransientDatabaseError } from '../lib/transient.ts'
import { readOpsConfig } from './config.ts'
import { addInto, histogramOf, LATENCY_BOUNDS_MS } from './histogram.ts'

// The Worker's request figures: per request, its route pattern, method, status class, duration and
// whether the database was out of reach, handed to a `MetricsSink`. In production the sink is
// Workers Analytics Engine (one `writeDataPoint` per request, which returns at once and costs the
// request nothing); everywhere else Postgres, through a per-isolate buffer of minute rows that is
// written in the background (`waitUntil`), so a request never waits on a round trip for it.

/** One request as recorded. */
export interface RequestSample {
  at: number
  /** The matched route's pattern (`/dashboard/projects/:id`), never the URL with its ids. */
  route: string
  method: string
  /** 2 for 2xx, 5 for 5xx... */
  statusClass: number
  durationMs: number
  dbFailure: boolean
}

/** Where request samples go. */
export interface MetricsSink {
  record(sample: RequestSample): void
}

/** The route label of a request that matched no route (a 404 from `notFound`). */
export const UNMATCHED_ROUTE = '(no route)'

/**
 * Analytics Engine's data point layout, shared with the reader (`ops/analytics-engine.ts`): the route
 * is the sampling index, so a busy route cannot crowd the quiet ones out of the sample.
 */
export function requestDataPoint(sample: RequestSample): AnalyticsEngineDataPoint {
  return {
    indexes: [sample.route.slice(0, 96)],
    blobs: [sample.route, sample.method, String(sample.statusClass)],
    doubles: [sample.durationMs, sample.dbFailure ? 1 : 0],
  }
}

export class AnalyticsEngineSink implements MetricsSink {
  private readonly dataset: AnalyticsEngineDataset

  constructor(dataset: AnalyticsEngineDataset) {
    this.dataset = dataset
  }
  record(sample: RequestSample): void {
    this.dataset.writeDataPoint(requestDataPoint(sample))
  }
}

interface BufferedRow {
  minute: Date
  route: string
  method: string
  statusClass: number
  requests: number
  dbFailures: number
  latencyHistogram: number[]
}

/** Write once this many distinct minute rows are waiting... */
export const FLUSH_ROWS = 50
/** ...or the oldest waiting sample is this old. */
export const FLUSH_AGE_MS = 5_000
/**
 * While the database is down the rows wait in memory for the next flush; past this many the oldest
 * are dropped, so an outage cannot grow an isolate's memory without bound.
 */
const MAX_WAITING_ROWS = 2_000

const keyOf = (row: Pick<BufferedRow, 'minute' | 'route' | 'method' | 'statusClass'>) =>
  `${row.minute.getTime()} ${row.method} ${row.statusClass} ${row.route}`

/**
 * The local sink: samples summed per minute, route, method and status class in this isolate's
 * memory, and written in one statement per flush (`flushRequestMetrics`).
 */
export class PostgresMetricsBuffer implements MetricsSink {
  private rows = new Map<string, BufferedRow>()
  private oldest: number | null = null
  private flushing: Promise<void> | null = null

  record(sample: RequestSample): void {
    const minute = new Date(Math.floor(sample.at / 60_000) * 60_000)
    this.add({
      minute,
      route: sample.route,
      method: sample.method,
      statusClass: sample.statusClass,
      requests: 1,
      dbFailures: sample.dbFailure ? 1 : 0,
      latencyHistogram: histogramOf(sample.durationMs, LATENCY_BOUNDS_MS),
    })
    this.oldest ??= sample.at
  }

  private add(row: BufferedRow): void {
    const key = keyOf(row)
    const existing = this.rows.get(key)
    if (existing) {
      existing.requests += row.requests
      existing.dbFailures += row.dbFailures
      addInto(existing.latencyHistogram, row.latencyHistogram)
      return
    }
    if (this.rows.size >= MAX_WAITING_ROWS) {
      const first = this.rows.keys().next().value
      if (first !== undefined) this.rows.delete(first)
    }
    this.rows.set(key, { ...row, latencyHistogram: [...row.latencyHistogram] })
  }

  /** Whether a flush is due (enough rows, or old enough) and none is running. */
  due(now: number): boolean {
    if (this.flushing || this.rows.size === 0) return false
    return this.rows.size >= FLUSH_ROWS || (this.oldest !== null && now - this.oldest >= FLUSH_AGE_MS)
  }

  /**
   * Writes every waiting row with one upsert (counts added, histograms added element by element), on
   * a connection of its own. On failure the rows go back into the buffer for the next flush.
   */
  flush(connectionString: string): Promise<void> {
    if (this.flushing) return this.flushing
    if (this.rows.size === 0) return Promise.resolve()
    const batch = [...this.rows.values()]
    this.rows = new Map()
    this.oldest = null
    this.flushing = writeRows(connectionString, batch)
      .catch((error: unknown) => {
        for (const row of batch) this.add(row)
        this.oldest ??= Date.now()
        console.warn(
          JSON.stringify({
            level: 'warn',
            msg: 'request metrics: flush failed; kept for the next one',
            rows: batch.length,
            transient: isTransientDatabaseError(error),
          }),
        )
      })
      .finally(() => {
        this.flushing = null
      })
    return this.flushing
  }

  /** How many minute rows are waiting (for tests). */
  get waiting(): number {
    return this.rows.size
  }
}

async function writeRows(connectionString: string, rows: BufferedRow[]): Promise<void> {
  const client = createDb(connectionString, { max: 1, connectTimeout: 3 })
  try {
    await client.db
      .insert(requestMetrics)
      .values(rows)
      .onConflictDoUpdate({
        target: [
          requestMetrics.minute,
          requestMetrics.route,
          requestMetrics.method,
          requestMetrics.statusClass,
        ],
        set: {
          requests: sql`request_metrics.requests + excluded.requests`,
          dbFailures: sql`request_metrics.db_failures + excluded.db_failures`,
          latencyHistogram: sql`(select array_agg(a + b order by i) from unnest(request_metrics.latency_histogram, excluded.latency_histogram) with ordinality as u(a, b, i))`,
        },
      })
  } finally {
    await client.close()
  }
}

/** This isolate's buffer (the local sink). */
export const localMetrics = new PostgresMetricsBuffer()

/**
 * The sink chosen for each bindings object. Workers hands every request of an isolate the same `env`,
 * so the settings are read once per isolate rather than on every request; a test's own bindings
 * object gets its own entry.
 */
const sinks = new WeakMap<Bindings, MetricsSink | null>()

/** The sink the settings choose, or null when recording is off. */
export function metricsSinkFor(env: Bindings): MetricsSink | null {
  const known = sinks.get(env)
  if (known !== undefined) return known
  const config = readOpsConfig(env)
  const sink = !config.recording
    ? null
    : config.analyticsEngine && env.OPS_METRICS
      ? new AnalyticsEngineSink(env.OPS_METRICS)
      : localMetrics
  sinks.set(env, sink)
  return sink
}

/** Writes the local buffer now (the every-minute cron, and tests). */
export function flushRequestMetrics(env: Bindings): Promise<void> {
  return localMetrics.flush(env.HYPERDRIVE.connectionString)
}

/** A `use()` middleware's entry among the matched routes (`ALL` on a wildcard path), not a route. */
const isMiddleware = (route: { method: string; path: string }) =>
  route.method === 'ALL' && route.path.endsWith('*')

/**
 * The route pattern of the request: the route that answered, or, when a middleware answered or threw
 * before it (a guard's 404, the session lookup's 503), the first route after that middleware, the one
 * that would have answered. A request that matched no route at all (a `notFound` answer) is
 * {@link UNMATCHED_ROUTE} rather than its raw path, which could carry ids or whatever a scanner tries.
 */
export function routeOf(c: Context): string {
  const routes = matchedRoutes(c)
  const answered = routes[c.req.routeIndex]
  if (answered && !isMiddleware(answered)) return answered.path
  const next = routes.slice(c.req.routeIndex + 1).find((route) => !isMiddleware(route))
  return next?.path ?? UNMATCHED_ROUTE
}

/** `waitUntil` when the request has an execution context (a bare `app.request()` in a test has none). */
function inBackground(c: Context, work: Promise<void>): boolean {
  try {
    c.executionCtx.waitUntil(work)
    return true
  } catch {
    return false
  }
}

/**
 * Records every request that passes through it (mounted first in `app.ts`, so it sees the final
 * status, after `onError` turned an exception into a 500 or a 503). `REQUEST_METRICS=off` skips it.
 */
export function recordRequests(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = Date.now()
    try {
      await next()
    } finally {
      const sink = metricsSinkFor(c.env)
      if (sink) {
        const now = Date.now()
        sink.record({
          at: now,
          route: routeOf(c),
          method: c.req.method,
          statusClass: Math.floor(c.res.status / 100),
          durationMs: now - started,
          dbFailure:
            c.get('databaseFailed') === true || (c.error !== undefined && isTransientDatabaseError(c.error)),
        })
        if (sink === localMetrics && localMetrics.due(now)) {
          const flush = localMetrics.flush(c.env.HYPERDRIVE.connectionString)
          if (!inBackground(c, flush)) void flush
        }
      }
    }
  }
}
