import { date, integer, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core'
import { app } from './app-schema.ts'

/**
 * The Worker's request figures where Workers Analytics Engine is not used (locally, offline): one row
 * per minute, route pattern (`/dashboard/projects/:id`, never a raw URL), method and status class
 * (2 for 2xx...). `latencyHistogram` counts the requests per fixed latency bucket (the bounds live in
 * `api/src/ops/histogram.ts`), so a percentile over any window is a sum of histograms and a scan of
 * the cumulative counts, in SQL. The Worker writes batches (`insert … on conflict` adding the counts
 * and the histograms element by element); the nightly clean-up deletes rows past 35 days.
 */
export const requestMetrics = app.table(
  'request_metrics',
  {
    minute: timestamp({ withTimezone: true }).notNull(),
    route: text().notNull(),
    method: text().notNull(),
    statusClass: smallint().notNull(),
    requests: integer().notNull(),
    /** Requests that failed to reach the database (the 503 "busy" answer). */
    dbFailures: integer().notNull().default(0),
    latencyHistogram: integer().array().notNull(),
  },
  // The key leads with the minute, so it also serves the reads of a window and the clean-up.
  (t) => [
    primaryKey({ name: 'request_metrics_pkey', columns: [t.minute, t.route, t.method, t.statusClass] }),
  ],
)

/**
 * Field Core Web Vitals (the site's optional beacon), per day, page type (`home`, `case-study`...:
 * never a URL) and metric (`lcp`, `inp`, `cls`): how many samples and a fixed-bucket histogram of
 * their values, so the 75th percentile of any range of days is computed the same way as the request
 * latency's. Nothing in a row identifies a visitor.
 */
export const webVitals = app.table(
  'web_vitals',
  {
    day: date({ mode: 'string' }).notNull(),
    pageType: text().notNull(),
    metric: text().notNull(),
    samples: integer().notNull(),
    histogram: integer().array().notNull(),
  },
  // The key leads with the day, so it also serves the reads of a range of days and the clean-up.
  (t) => [primaryKey({ name: 'web_vitals_pkey', columns: [t.day, t.pageType, t.metric] })],
)

export type RequestMetricRow = typeof requestMetrics.$inferSelect
export type WebVitalRow = typeof webVitals.$inferSelect
