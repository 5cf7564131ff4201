import { env } from 'cloudflare:workers'
import { requestMetrics } from '@kairo/db'
import { and, eq, gte, like, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { AnalyticsEngineReader } from '../src/ops/analytics-engine.ts'
import { readOpsFigures } from '../src/ops/figures.ts'
import { LATENCY_BOUNDS_MS } from '../src/ops/histogram.ts'
import { PostgresMetricsReader } from '../src/ops/reader.ts'
import {
  flushRequestMetrics,
  PostgresMetricsBuffer,
  type RequestSample,
  UNMATCHED_ROUTE,
} from '../src/ops/record.ts'
import { ANALYTICS_ACCOUNT_ID, ANALYTICS_TOKEN } from './support/analytics-api-server.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import { Fixtures } from './support/session.ts'

// The Worker's request figures (src/ops/): every request through the app is recorded by its route
// pattern, status class, duration and database failure, written in batches to Postgres, and read
// back as the operations view's windows (error rate, p95, per route); `/dashboard/ops` and
// `/api/v1/ops` show them to admins only. Known samples are written at a far-future minute, so the
// figures the test reads are exactly its own whatever else the database holds.

const ORIGIN = 'http://kairo.test'
const fx = new Fixtures()
const db = fx.db
let adminCookie: string
let teamCookie: string
let clientCookie: string

/** Far from any real request: 2099-06-15, 12:30 UTC. */
const FUTURE = new Date('2099-06-15T12:30:00.000Z')

beforeAll(async () => {
  const company = await fx.company('Ops Co')
  adminCookie = await fx.cookie((await fx.user('admin', null)).id)
  teamCookie = await fx.cookie((await fx.user('team', null)).id)
  clientCookie = await fx.cookie((await fx.user('client', company)).id)
})

afterAll(async () => {
  await db.delete(requestMetrics).where(gte(requestMetrics.minute, new Date('2099-01-01T00:00:00Z')))
  await fx.cleanup()
})

async function get(path: string, cookie?: string, bindings: Cloudflare.Env = env) {
  const headers: Record<string, string> = {
    accept: path.startsWith('/api/') ? 'application/json' : 'text/html',
  }
  if (cookie) headers.cookie = cookie
  return requestCountingQueries(`${ORIGIN}${path}`, { headers }, bindings)
}

/** Requests recorded for a route since the start of this test's minute, by status class. */
async function recorded(route: string, since: Date) {
  await flushRequestMetrics(env)
  const rows = await db
    .select({
      statusClass: requestMetrics.statusClass,
      requests: sql<number>`sum(${requestMetrics.requests})::int`,
      dbFailures: sql<number>`sum(${requestMetrics.dbFailures})::int`,
    })
    .from(requestMetrics)
    .where(and(eq(requestMetrics.route, route), gte(requestMetrics.minute, since)))
    .groupBy(requestMetrics.statusClass)
  return Object.fromEntries(rows.map((row) => [row.statusClass, row]))
}

const minuteOf = (date: Date) => new Date(Math.floor(date.getTime() / 60_000) * 60_000)

describe('recording requests', () => {
  it('records each request by its route pattern and status class, never the URL with its id', async () => {
    const since = minuteOf(new Date())
    const before = await recorded('/dashboard/projects/:id', since)
    const id = crypto.randomUUID()
    expect((await get(`/dashboard/projects/${id}`, clientCookie)).response.status).toBe(404)
    expect((await get(`/dashboard/projects/${id}`, clientCookie)).response.status).toBe(404)
    const after = await recorded('/dashboard/projects/:id', since)
    expect((after[4]?.requests ?? 0) - (before[4]?.requests ?? 0)).toBe(2)
    const withId = await db
      .select()
      .from(requestMetrics)
      .where(like(requestMetrics.route, `%${id}%`))
    expect(withId).toEqual([])
  })

  it('records a path no route matches under one label, not its raw path', async () => {
    const since = minuteOf(new Date())
    const before = await recorded(UNMATCHED_ROUTE, since)
    const probe = `/api/no-such-thing-${crypto.randomUUID()}`
    expect((await get(probe)).response.status).toBe(404)
    const after = await recorded(UNMATCHED_ROUTE, since)
    expect((after[4]?.requests ?? 0) - (before[4]?.requests ?? 0)).toBeGreaterThanOrEqual(1)
    expect(
      await db.select().from(requestMetrics).where(like(requestMetrics.route, '%no-such-thing%')),
    ).toEqual([])
  })

  it('counts a request that could not reach the database as a 5xx and a database failure, kept until it can be written', async () => {
    const since = minuteOf(new Date())
    const before = await recorded('/dashboard/ops', since)
    const down = { ...env, HYPERDRIVE: env.HYPERDRIVE_DOWN }
    const { response } = await get('/dashboard/ops', adminCookie, down)
    expect(response.status).toBe(503)
    // The flush on the down database fails; the row waits in the buffer and goes with the next one.
    await flushRequestMetrics(down)
    const after = await recorded('/dashboard/ops', since)
    expect((after[5]?.requests ?? 0) - (before[5]?.requests ?? 0)).toBe(1)
    expect((after[5]?.dbFailures ?? 0) - (before[5]?.dbFailures ?? 0)).toBe(1)
  })

  it('records nothing with REQUEST_METRICS=off', async () => {
    const since = minuteOf(new Date())
    const before = await recorded('/api/v1/ops', since)
    await get('/api/v1/ops', adminCookie, { ...env, REQUEST_METRICS: 'off' })
    const after = await recorded('/api/v1/ops', since)
    expect(after[2]?.requests ?? 0).toBe(before[2]?.requests ?? 0)
  })
})

/** A sample at `FUTURE` plus `minutesLater`. */
const sample = (
  route: string,
  statusClass: number,
  durationMs: number,
  minutesLater = 0,
  dbFailure = false,
): RequestSample => ({
  at: FUTURE.getTime() + minutesLater * 60_000,
  route,
  method: 'GET',
  statusClass,
  durationMs,
  dbFailure,
})

describe('reading the figures back', () => {
  beforeAll(async () => {
    const buffer = new PostgresMetricsBuffer()
    // /fast: 94 quick answers; /slow: 4 slow ones and 2 that failed slowly (5xx, one unreachable database).
    for (let i = 0; i < 94; i++) buffer.record(sample('/fast', 2, 20, i % 3))
    for (let i = 0; i < 4; i++) buffer.record(sample('/slow', 2, 1_500))
    buffer.record(sample('/slow', 5, 3_000))
    buffer.record(sample('/slow', 5, 3_000, 0, true))
    // Two days earlier: in the 30 days, not in the 24 hours.
    for (let i = 0; i < 10; i++) buffer.record(sample('/old', 5, 20, -2 * 24 * 60))
    await buffer.flush(env.HYPERDRIVE.connectionString)
    expect(buffer.waiting).toBe(0)
  })

  it('gives the error rate, the p95 (as its bucket bound) and the database failures of a window', async () => {
    const figures = await new PostgresMetricsReader(db).figures(new Date(FUTURE.getTime() + 5 * 60_000))
    expect(figures.day.totals).toEqual({ requests: 100, errors: 2, dbFailures: 1, p95Ms: 2_500 })
    expect(figures.month.totals).toEqual({ requests: 110, errors: 12, dbFailures: 1, p95Ms: 2_500 })
    // 94 answers took ≤ 25 ms, four 1.5 s: the 95th is in the bucket (1 s, 2.5 s].
    expect(LATENCY_BOUNDS_MS).toContain(2_500)
  })

  it('sorts the routes by errors, then p95, and fills every hour and day of the windows', async () => {
    const figures = await new PostgresMetricsReader(db).figures(new Date(FUTURE.getTime() + 5 * 60_000))
    expect(figures.day.routes.map((r) => [r.route, r.requests, r.errors, r.p95Ms])).toEqual([
      ['/slow', 6, 2, 5_000],
      ['/fast', 94, 0, 25],
    ])
    expect(figures.month.routes.map((r) => r.route)).toEqual(['/old', '/slow', '/fast'])
    expect(figures.day.slots).toHaveLength(24)
    expect(figures.month.slots).toHaveLength(30)
    expect(figures.day.slots.at(-1)).toMatchObject({ start: '2099-06-15T12:00:00.000Z', requests: 100 })
    expect(figures.month.slots.find((s) => s.start === '2099-06-13T00:00:00.000Z')).toMatchObject({
      requests: 10,
      errors: 10,
    })
  })

  it('reads the last minutes for the alerts', async () => {
    const reader = new PostgresMetricsReader(db)
    expect(await reader.recent(new Date(FUTURE.getTime() + 4 * 60_000), 5)).toEqual({
      requests: 100,
      errors: 2,
      dbFailures: 1,
      p95Ms: 2_500,
    })
    expect(await reader.recent(new Date(FUTURE.getTime() + 20 * 60_000), 5)).toEqual({
      requests: 0,
      errors: 0,
      dbFailures: 0,
      p95Ms: null,
    })
  })
})

describe('/dashboard/ops and /api/v1/ops', () => {
  it('shows admins the windows, the routes and the charts, in two round trips (the session, then one statement)', async () => {
    // A request to count first, so the 24-hour window has at least one route to list.
    await get('/dashboard/ops', adminCookie)
    await flushRequestMetrics(env)
    const { response, queries } = await get('/dashboard/ops', adminCookie)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<h1[^>]*>Operations<\/h1>/)
    expect(html).toContain('The last 24 hours')
    expect(html).toContain('The last 30 days')
    expect(html).toContain('<code>/dashboard/ops</code>')
    expect(html).toMatch(/<svg class="chart" role="img" aria-labelledby="day-requests-chart-title"/)
    expect(html).toContain('href="/dashboard/outbox"')
    expect(html).toContain('aria-current="page"')
    expect(queries).toHaveLength(2)
  })

  it('answers 404 to team members and clients, and lists the page in the nav for admins only', async () => {
    for (const cookie of [teamCookie, clientCookie]) {
      expect((await get('/dashboard/ops', cookie)).response.status).toBe(404)
      expect((await get('/api/v1/ops', cookie)).response.status).toBe(404)
      const overview = await (await get('/dashboard', cookie)).response.text()
      expect(overview).not.toContain('href="/dashboard/ops"')
    }
    expect(await (await get('/dashboard', adminCookie)).response.text()).toContain('href="/dashboard/ops"')
  })

  it('gives the same figures as JSON', async () => {
    await get('/api/v1/ops', adminCookie)
    await flushRequestMetrics(env)
    const { response } = await get('/api/v1/ops', adminCookie)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const body = (await response.json()) as {
      source: string
      day: {
        totals: { requests: number }
        routes: Array<{ route: string; method: string }>
        slots: unknown[]
      }
      month: { slots: unknown[] }
      deadLetters: number
    }
    expect(body.source).toBe('postgres')
    expect(body.day.routes).toContainEqual(expect.objectContaining({ route: '/api/v1/ops', method: 'GET' }))
    expect(body.day.slots).toHaveLength(24)
    expect(body.month.slots).toHaveLength(30)
    expect(body.deadLetters).toBeGreaterThanOrEqual(0)
  })
})

describe('the Analytics Engine reader', () => {
  const apiUrl = inject('analyticsApiUrl')
  const control = apiUrl.replace(/\/client\/v4$/, '')
  const now = new Date('2026-12-03T10:20:00.000Z')
  const cumulative = (counts: number[]) => {
    const row: Record<string, string> = {}
    let sum = 0
    counts.forEach((n, i) => {
      sum += n
      row[`le${i}`] = String(sum)
    })
    return row
  }

  it('reads the same figures over the SQL API, with the bearer token', async () => {
    // Route rows: /a in the last 24 hours (100 requests, 6 over 1 s) and before (10); /b before only.
    const recent = {
      route: '/a',
      method: 'GET',
      recent: '1',
      ...cumulative([0, 50, 44, 0, 0, 0, 0, 6, 0, 0]),
      requests: '100',
      errors: '3',
      db_failures: '1',
    }
    const older = {
      route: '/a',
      method: 'GET',
      recent: '0',
      ...cumulative([10, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
      requests: '10',
      errors: '0',
      db_failures: '0',
    }
    const other = {
      route: '/b',
      method: 'POST',
      recent: '0',
      ...cumulative([0, 0, 0, 5, 0, 0, 0, 0, 0, 0]),
      requests: '5',
      errors: '5',
      db_failures: '0',
    }
    const hour = {
      slot: '2026-12-03 10:00:00',
      ...cumulative([0, 50, 44, 0, 0, 0, 0, 6, 0, 0]),
      requests: '100',
      errors: '3',
      db_failures: '1',
    }
    const vitals = {
      page_type: 'home',
      lcp_samples: '4',
      lcp_le0: '0',
      lcp_le1: '1',
      lcp_le2: '2',
      lcp_le3: '3',
      lcp_le4: '4',
      lcp_le5: '4',
      lcp_le6: '4',
      lcp_le7: '4',
      lcp_le8: '4',
      lcp_le9: '4',
      inp_samples: '0',
      cls_samples: '0',
    }
    await fetch(`${control}/_control/script`, {
      method: 'POST',
      body: JSON.stringify({
        rules: [
          { contains: 'kairo_vitals', data: [vitals] },
          { contains: 'toStartOfInterval', data: [hour] },
          { contains: 'GROUP BY route', data: [recent, older, other] },
        ],
      }),
    })
    const reader = new AnalyticsEngineReader({
      accountId: ANALYTICS_ACCOUNT_ID,
      apiToken: ANALYTICS_TOKEN,
      apiUrl,
    })
    const figures = await reader.figures(now)
    expect(figures.day.totals).toEqual({ requests: 100, errors: 3, dbFailures: 1, p95Ms: 2_500 })
    expect(figures.month.totals).toEqual({ requests: 115, errors: 8, dbFailures: 1, p95Ms: 2_500 })
    expect(figures.month.routes.map((r) => [r.method, r.route, r.errors])).toEqual([
      ['POST', '/b', 5],
      ['GET', '/a', 3],
    ])
    expect(figures.day.slots.at(-1)).toMatchObject({ start: '2026-12-03T10:00:00.000Z', requests: 100 })
    expect(figures.vitals).toEqual([{ pageType: 'home', metric: 'lcp', samples: 4, p75: 2_000 }])
    const received = (await (await fetch(`${control}/_control/received`)).json()) as Array<{
      authorization: string
      body: string
    }>
    expect(received).toHaveLength(3)
    for (const request of received) {
      expect(request.authorization).toBe(`Bearer ${ANALYTICS_TOKEN}`)
      expect(request.body).toMatch(/ FORMAT JSON$/)
      expect(request.body).toContain('_sample_interval')
    }
  })

  it('fails with a message that does not carry the token when the API refuses', async () => {
    const reader = new AnalyticsEngineReader({ accountId: ANALYTICS_ACCOUNT_ID, apiToken: 'wrong', apiUrl })
    const error = await reader.recent(now, 5).catch((e: unknown) => e as Error)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toBe('Analytics Engine answered 401')
  })
})

describe('production: Analytics Engine', () => {
  const apiUrl = inject('analyticsApiUrl')
  /** A dataset binding that keeps what is written, and the secrets production requires. */
  const production = (points: AnalyticsEngineDataPoint[]) =>
    ({
      ...env,
      ENVIRONMENT: 'production',
      UNSUBSCRIBE_SECRET: 'u'.repeat(40),
      KNOWN_DEVICE_SECRET: 'k'.repeat(40),
      TOTP_ENCRYPTION_KEY: 't'.repeat(40),
      OPS_METRICS: { writeDataPoint: (point?: AnalyticsEngineDataPoint) => point && points.push(point) },
    }) as Cloudflare.Env

  it('writes one data point per request, by route pattern, instead of a Postgres row', async () => {
    const points: AnalyticsEngineDataPoint[] = []
    const id = crypto.randomUUID()
    await get(`/api/v1/projects/${id}`, undefined, production(points))
    expect(points).toHaveLength(1)
    expect(points[0]).toMatchObject({
      indexes: ['/api/v1/projects/:id'],
      blobs: ['/api/v1/projects/:id', 'GET', '4'],
      doubles: [expect.any(Number), 0],
    })
    expect(JSON.stringify(points)).not.toContain(id)
  })

  it('reads the figures from the SQL API when the account and token are set, and says so when not', async () => {
    const unconfigured = await readOpsFigures(production([]), db)
    expect(unconfigured).toMatchObject({ source: 'unconfigured', metrics: null })
    expect(unconfigured.failedSignIns.month).toBeGreaterThanOrEqual(0)
    const configured = await readOpsFigures(
      {
        ...production([]),
        OPS_ANALYTICS_ACCOUNT_ID: ANALYTICS_ACCOUNT_ID,
        OPS_ANALYTICS_API_TOKEN: ANALYTICS_TOKEN,
        OPS_ANALYTICS_API_URL: apiUrl,
      },
      db,
    )
    expect(configured.source).toBe('analytics-engine')
    expect(configured.metrics?.day.slots).toHaveLength(24)
  })
})
