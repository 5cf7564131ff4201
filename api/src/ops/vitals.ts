import { type Database, webVitals } from '@kairo/db'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { histogramOf, VITAL_BOUNDS, VITAL_METRICS, type VitalMetric } from './histogram.ts'

// Field Core Web Vitals from the site's optional beacon (site/README.md "Field Core Web Vitals"): one
// report per page view, `{ pageType, lcp, inp, cls }`. What is kept is a count per day, page type,
// metric and histogram bucket: no URL, no address, no time finer than the day, nothing that tells
// one visitor from another.

/** The site's page types (site/src/lib/vitals.ts decides them from the path). */
export const VITAL_PAGE_TYPES = [
  'home',
  'work',
  'case-study',
  'services',
  'service',
  'about',
  'contact',
  'page',
  'not-found',
] as const

/** What one report may say: each metric optional (a page left before an interaction has no INP), one at least. */
export const vitalsReport = z
  .object({
    pageType: z.enum(VITAL_PAGE_TYPES, { error: 'Unknown page type' }),
    // A minute is far past any real LCP or INP; a larger figure is a broken clock, not a page.
    lcp: z.number().min(0).max(60_000).nullish(),
    inp: z.number().min(0).max(60_000).nullish(),
    cls: z.number().min(0).max(100).nullish(),
  })
  .strict()
  .refine((report) => VITAL_METRICS.some((metric) => typeof report[metric] === 'number'), {
    error: 'Report at least one of lcp, inp and cls',
  })

export type VitalsReport = z.infer<typeof vitalsReport>

/** The metrics a report carries, with their values. */
export const measured = (report: VitalsReport): Array<[VitalMetric, number]> =>
  VITAL_METRICS.flatMap((metric) => {
    const value = report[metric]
    return typeof value === 'number' ? [[metric, value] as [VitalMetric, number]] : []
  })

/** Adds one report to today's rows in one statement (a row per metric it carries). */
export async function storeVitals(db: Database, report: VitalsReport, now = new Date()): Promise<void> {
  const day = now.toISOString().slice(0, 10)
  const rows = measured(report).map(([metric, value]) => ({
    day,
    pageType: report.pageType,
    metric,
    samples: 1,
    histogram: histogramOf(value, VITAL_BOUNDS[metric]),
  }))
  if (rows.length === 0) return
  await db
    .insert(webVitals)
    .values(rows)
    .onConflictDoUpdate({
      target: [webVitals.day, webVitals.pageType, webVitals.metric],
      set: {
        samples: sql`web_vitals.samples + excluded.samples`,
        histogram: sql`(select array_agg(a + b order by i) from unnest(web_vitals.histogram, excluded.histogram) with ordinality as u(a, b, i))`,
      },
    })
}

/** Analytics Engine's layout (read by `ops/analytics-engine.ts`): a missing metric is -1. */
export function vitalsDataPoint(report: VitalsReport): AnalyticsEngineDataPoint {
  return {
    indexes: [report.pageType],
    blobs: [report.pageType],
    doubles: VITAL_METRICS.map((metric) => report[metric] ?? -1),
  }
}
