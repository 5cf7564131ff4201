import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { webVitals } from '@kairo/db'
import { and, eq, gte } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { createApp } from '../src/lib/create-app.ts'
import { PostgresMetricsReader } from '../src/ops/reader.ts'
import { storeVitals } from '../src/ops/vitals.ts'
import { createVitalsRoutes } from '../src/routes/vitals/index.ts'
import { testDb } from './support/session.ts'

// `POST /api/vitals`, the site's optional Core Web Vitals beacon: a text/plain JSON report from the
// site's own pages, validated, limited per address like the contact form, stored as daily
// histograms per page type with no cookie read or set, and read back as the 75th percentile.

const ORIGIN = 'http://kairo.test'
const client = testDb()
const db = client.db
let ipCounter = 0
// One address per request within this file (the rate limiter remembers addresses across tests); the
// first one moves with the clock so a rerun within the limiter's window starts elsewhere.
const firstIp = Date.now() % 200
const nextIp = () => `198.51.100.${firstIp + ipCounter++}`
/** 2097-05-01: the p75 test's own days. */
const FUTURE = new Date('2097-05-01T12:00:00.000Z')

afterAll(async () => {
  await db.delete(webVitals).where(gte(webVitals.day, '2097-01-01'))
  await client.close()
})

async function report(
  body: unknown,
  init: { ip?: string; headers?: Record<string, string> } = {},
  target = app,
) {
  const ctx = createExecutionContext()
  const response = await target.request(
    `${ORIGIN}/api/vitals`,
    {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'text/plain;charset=UTF-8',
        'cf-connecting-ip': init.ip ?? nextIp(),
        ...init.headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    },
    env,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

const today = () => new Date().toISOString().slice(0, 10)

async function samplesToday(pageType: string, metric: string): Promise<number> {
  const [row] = await db
    .select({ samples: webVitals.samples })
    .from(webVitals)
    .where(and(eq(webVitals.day, today()), eq(webVitals.pageType, pageType), eq(webVitals.metric, metric)))
  return row?.samples ?? 0
}

describe('POST /api/vitals', () => {
  it('stores a report from the site as counts for its page type, and sets no cookie', async () => {
    const before = await samplesToday('case-study', 'lcp')
    const beforeInp = await samplesToday('case-study', 'inp')
    const response = await report(
      { pageType: 'case-study', lcp: 1830.5, inp: null, cls: 0.02 },
      { headers: { cookie: 'kairo_session=not-a-session' } },
    )
    expect(response.status).toBe(204)
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(await samplesToday('case-study', 'lcp')).toBe(before + 1)
    // A page left before any interaction has no INP: nothing is counted for it.
    expect(await samplesToday('case-study', 'inp')).toBe(beforeInp)
  })

  it('refuses what is not a report: unknown page types, URLs, figures out of range, nothing measured', async () => {
    for (const [body, field] of [
      [{ pageType: '/work/secret-client/', lcp: 1000 }, 'pageType'],
      [{ pageType: 'home', lcp: -1 }, 'lcp'],
      [{ pageType: 'home', inp: 600_000 }, 'inp'],
      [{ pageType: 'home', cls: 'a lot' }, 'cls'],
      [{ pageType: 'home', lcp: 900, url: 'https://kairo.test/?email=a@b.c' }, '_'],
      [{ pageType: 'home' }, '_'],
    ] as const) {
      const response = await report(body)
      expect(response.status, JSON.stringify(body)).toBe(422)
      const json = (await response.json()) as { error: { code: string; fields: Record<string, string> } }
      expect(json.error.code).toBe('invalid_input')
      expect(Object.keys(json.error.fields)).toContain(field)
    }
    expect((await report('not json')).status).toBe(422)
    expect(
      (
        await report(
          { pageType: 'home', lcp: 900 },
          { headers: { 'content-type': 'application/x-www-form-urlencoded' } },
        )
      ).status,
    ).toBe(415)
  })

  it('refuses a report from another site, and one too large', async () => {
    const crossSite = await report(
      { pageType: 'home', lcp: 900 },
      { headers: { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' } },
    )
    expect(crossSite.status).toBe(403)
    expect((await report(`{"pageType":"home","lcp":1,"pad":"${'x'.repeat(3000)}"}`)).status).toBe(413)
  })

  it('limits the reports per address, like the contact form', async () => {
    const limited = createApp().route(
      '/',
      createVitalsRoutes({ rateLimit: { limit: 2, windowSeconds: 600 } }),
    )
    const ip = nextIp()
    const statuses: number[] = []
    for (let i = 0; i < 3; i++)
      statuses.push((await report({ pageType: 'about', cls: 0 }, { ip }, limited)).status)
    expect(statuses).toEqual([204, 204, 429])
    // Another address is not held up.
    expect((await report({ pageType: 'about', cls: 0 }, {}, limited)).status).toBe(204)
  })
})

describe('the 75th percentile per page type', () => {
  it('is the bucket bound three quarters of the reports stay within', async () => {
    // Eight reports on the home page: LCP 0.4 s … 3.5 s; CLS mostly small.
    const lcps = [400, 800, 1200, 1400, 1800, 2200, 2400, 3500]
    for (const [i, lcp] of lcps.entries()) {
      await storeVitals(db, { pageType: 'home', lcp, cls: i < 6 ? 0.01 : 0.3 }, FUTURE)
    }
    await storeVitals(db, { pageType: 'services', inp: 180 }, FUTURE)
    const figures = await new PostgresMetricsReader(db).figures(new Date(FUTURE.getTime() + 60_000))
    expect(figures.vitals).toEqual([
      { pageType: 'home', metric: 'cls', samples: 8, p75: 0.01 },
      { pageType: 'home', metric: 'lcp', samples: 8, p75: 2_500 },
      { pageType: 'services', metric: 'inp', samples: 1, p75: 200 },
    ])
  })
})
