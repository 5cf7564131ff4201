import type { AnalyticsApiSettings } from './config.ts'
import {
  LATENCY_BOUNDS_MS,
  percentileOf,
  VITAL_BOUNDS,
  VITAL_METRICS,
  type VitalMetric,
} from './histogram.ts'
import {
  assembleWindows,
  DAY_MS,
  type MetricsFigures,
  type MetricsReader,
  type Totals,
  type VitalFigure,
  windowsOf,
} from './reader.ts'

// The production reader: Workers Analytics Engine's SQL API
// (https://developers.cloudflare.com/analytics/analytics-engine/sql-api/), a POST of the query text to
// `/accounts/<id>/analytics_engine/sql` with a bearer token, answered with `{ meta, data, rows }`
// (`FORMAT JSON`). Analytics Engine samples busy datasets, so every count is a sum of
// `_sample_interval` (each kept point stands for that many). The queries build the same fixed-bucket
// histograms as the Postgres reader (a cumulative count per bound), so a p95 means the same in both.
// The datasets' layout is the one `ops/record.ts` and `ops/vitals.ts` write.

export const REQUESTS_DATASET = 'kairo_requests'
export const VITALS_DATASET = 'kairo_vitals'

/** The API refused the query or could not be reached; the message never holds the token. */
export class AnalyticsApiError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'AnalyticsApiError'
  }
}

const at = (date: Date) => `toDateTime(${Math.floor(date.getTime() / 1000)})`

/** Cumulative counts per latency bound, then the total: `le0, le1, …, total` over `double1`. */
const latencyColumns = [
  ...LATENCY_BOUNDS_MS.map((bound, i) => `SUM(IF(double1 <= ${bound}, _sample_interval, 0)) AS le${i}`),
  'SUM(_sample_interval) AS requests',
  `SUM(IF(blob3 = '5', _sample_interval, 0)) AS errors`,
  'SUM(_sample_interval * double2) AS db_failures',
].join(', ')

type Row = Record<string, string | number | null>
const num = (value: unknown) => Number(value ?? 0)

/** A histogram from cumulative counts (`prefix0…prefixN-1` per bound, and the total). */
function histogramFromCumulative(
  row: Row,
  prefix: string,
  bounds: readonly number[],
  total: number,
): number[] {
  const counts: number[] = []
  let before = 0
  bounds.forEach((_, i) => {
    const upTo = num(row[`${prefix}${i}`])
    counts.push(Math.max(0, upTo - before))
    before = upTo
  })
  counts.push(Math.max(0, total - before))
  return counts
}

function totalsOf(row: Row): Totals {
  const requests = num(row.requests)
  return {
    requests,
    errors: num(row.errors),
    dbFailures: num(row.db_failures),
    p95Ms: percentileOf(
      histogramFromCumulative(row, 'le', LATENCY_BOUNDS_MS, requests),
      LATENCY_BOUNDS_MS,
      0.95,
    ),
  }
}

/** Sums rows' cumulative counts (routes into a window's total, hours into a day). */
function sumRows(rows: Row[]): Row {
  const sum: Row = {}
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (/^(le\d+|requests|errors|db_failures)$/.test(key)) sum[key] = num(sum[key]) + num(value)
    }
  }
  return sum
}

/** `2026-12-03 06:00:00` (the API's DateTime) as an ISO instant. */
const isoOf = (value: unknown) => new Date(`${String(value).replace(' ', 'T')}Z`).toISOString()

export class AnalyticsEngineReader implements MetricsReader {
  private readonly settings: AnalyticsApiSettings
  private readonly fetcher: typeof fetch

  // `fetch` is wrapped: called as a method of this object, workerd's fetch throws "Illegal invocation".
  constructor(settings: AnalyticsApiSettings, fetcher: typeof fetch = (input, init) => fetch(input, init)) {
    this.settings = settings
    this.fetcher = fetcher
  }

  /** Runs one query; resolves to its rows. */
  async query(text: string): Promise<Row[]> {
    const url = `${this.settings.apiUrl.replace(/\/$/, '')}/accounts/${this.settings.accountId}/analytics_engine/sql`
    let response: Response
    try {
      response = await this.fetcher(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.settings.apiToken}`, 'content-type': 'text/plain' },
        body: `${text} FORMAT JSON`,
        signal: AbortSignal.timeout(10_000),
      })
    } catch (error) {
      throw new AnalyticsApiError(`Analytics Engine could not be reached (${(error as Error).name})`)
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new AnalyticsApiError(`Analytics Engine answered ${response.status}`)
    }
    const body = (await response.json()) as { data?: unknown }
    if (!Array.isArray(body.data)) throw new AnalyticsApiError('Analytics Engine answered without data')
    return body.data as Row[]
  }

  async figures(now: Date): Promise<MetricsFigures> {
    const { dayFrom, monthFrom } = windowsOf(now)
    const within = `timestamp >= ${at(monthFrom)} AND timestamp <= ${at(now)}`
    const [routes, hours, vitals] = await Promise.all([
      // Per route and method, split at the start of the 24-hour window: the day is the recent part,
      // the month both parts together (cumulative counts add up).
      this.query(
        `SELECT blob1 AS route, blob2 AS method, IF(timestamp >= ${at(dayFrom)}, 1, 0) AS recent, ${latencyColumns} ` +
          `FROM ${REQUESTS_DATASET} WHERE ${within} GROUP BY route, method, recent`,
      ),
      this.query(
        `SELECT toStartOfInterval(timestamp, INTERVAL '1' HOUR) AS slot, ${latencyColumns} ` +
          `FROM ${REQUESTS_DATASET} WHERE ${within} GROUP BY slot ORDER BY slot`,
      ),
      this.vitals(monthFrom, now),
    ])
    const grouped: Parameters<typeof assembleWindows>[1] = []
    const routeKey = (row: Row) => `${row.method} ${row.route}`
    const byRoute = new Map<string, Row[]>()
    for (const row of routes) byRoute.set(routeKey(row), [...(byRoute.get(routeKey(row)) ?? []), row])
    for (const rows of byRoute.values()) {
      const first = rows[0] as Row
      const recent = rows.filter((row) => num(row.recent) === 1)
      const names = { route: String(first.route), method: String(first.method) }
      grouped.push({ win: 'month', level: 'route', ...names, totals: totalsOf(sumRows(rows)) })
      if (recent.length > 0)
        grouped.push({ win: 'day', level: 'route', ...names, totals: totalsOf(sumRows(recent)) })
    }
    grouped.push({ win: 'month', level: 'total', totals: totalsOf(sumRows(routes)) })
    grouped.push({
      win: 'day',
      level: 'total',
      totals: totalsOf(sumRows(routes.filter((row) => num(row.recent) === 1))),
    })
    const days = new Map<string, Row[]>()
    for (const row of hours) {
      const start = isoOf(row.slot)
      if (start >= dayFrom.toISOString())
        grouped.push({ win: 'day', level: 'slot', slot: start, totals: totalsOf(row) })
      const day = new Date(Math.floor(Date.parse(start) / DAY_MS) * DAY_MS).toISOString()
      days.set(day, [...(days.get(day) ?? []), row])
    }
    for (const [day, rows] of days)
      grouped.push({ win: 'month', level: 'slot', slot: day, totals: totalsOf(sumRows(rows)) })
    return { ...assembleWindows(now, grouped), vitals }
  }

  /** The vitals' p75 per page type: a metric missing from a beacon was written as -1 and is left out. */
  private async vitals(from: Date, to: Date): Promise<VitalFigure[]> {
    const columns = VITAL_METRICS.flatMap((metric, m) => {
      const value = `double${m + 1}`
      return [
        `SUM(IF(${value} >= 0, _sample_interval, 0)) AS ${metric}_samples`,
        ...VITAL_BOUNDS[metric].map(
          (bound, i) =>
            `SUM(IF(${value} >= 0 AND ${value} <= ${bound}, _sample_interval, 0)) AS ${metric}_le${i}`,
        ),
      ]
    })
    const rows = await this.query(
      `SELECT blob1 AS page_type, ${columns.join(', ')} FROM ${VITALS_DATASET} ` +
        `WHERE timestamp >= ${at(from)} AND timestamp <= ${at(to)} GROUP BY page_type ORDER BY page_type`,
    )
    return rows.flatMap((row) =>
      VITAL_METRICS.map((metric: VitalMetric) => {
        const samples = num(row[`${metric}_samples`])
        const histogram = histogramFromCumulative(row, `${metric}_le`, VITAL_BOUNDS[metric], samples)
        return {
          pageType: String(row.page_type),
          metric,
          samples,
          p75: percentileOf(histogram, VITAL_BOUNDS[metric], 0.75),
        }
      }).filter((figure) => figure.samples > 0),
    )
  }

  async recent(now: Date, minutes: number): Promise<Totals> {
    const from = new Date(now.getTime() - minutes * 60_000)
    const [row] = await this.query(
      `SELECT ${latencyColumns} FROM ${REQUESTS_DATASET} WHERE timestamp >= ${at(from)} AND timestamp <= ${at(now)}`,
    )
    return totalsOf(row ?? {})
  }
}
