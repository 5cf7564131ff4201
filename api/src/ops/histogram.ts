// Fixed-bucket histograms: a request's latency, or a page's LCP, INP or CLS, is counted in the first
// bucket whose upper bound it does not exceed, the last bucket taking everything above. Histograms of
// the same bounds add up element by element, so minute rows sum to an hour, a day or 30 days without
// keeping a single sample, and a percentile over any window is read off the summed counts. The price
// is precision: a percentile is reported as its bucket's upper bound ("95% took at most 250 ms"),
// which is what the alert asks anyway (more than 5% of requests over 1 s is exactly "p95 > 1 s" when
// 1 s is a bound).

/** Latency bounds in milliseconds (the alert's 1000 ms is one of them). */
export const LATENCY_BOUNDS_MS = [10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000] as const

/** The Core Web Vitals' bounds, with the "good" and "poor" thresholds of web.dev among them. */
export const VITAL_BOUNDS = {
  /** Largest Contentful Paint, ms (good ≤ 2500, poor > 4000). */
  lcp: [500, 1000, 1500, 2000, 2500, 3000, 4000, 6000, 10_000, 20_000],
  /** Interaction to Next Paint, ms (good ≤ 200, poor > 500). */
  inp: [50, 100, 150, 200, 300, 500, 750, 1000, 2000, 5000],
  /** Cumulative Layout Shift, unitless (good ≤ 0.1, poor > 0.25). */
  cls: [0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2, 5],
} as const

export type VitalMetric = keyof typeof VITAL_BOUNDS
export const VITAL_METRICS = Object.keys(VITAL_BOUNDS) as VitalMetric[]

/** The bucket `value` falls in: one per bound, then one for everything above the last. */
export function bucketOf(value: number, bounds: readonly number[]): number {
  const index = bounds.findIndex((bound) => value <= bound)
  return index === -1 ? bounds.length : index
}

/** A histogram with one sample of `value`. */
export function histogramOf(value: number, bounds: readonly number[]): number[] {
  const counts = new Array<number>(bounds.length + 1).fill(0)
  counts[bucketOf(value, bounds)] = 1
  return counts
}

/** Adds `more` into `into` element by element (both of the same bounds). */
export function addInto(into: number[], more: readonly number[]): number[] {
  for (let i = 0; i < more.length; i++) into[i] = (into[i] ?? 0) + (more[i] ?? 0)
  return into
}

/**
 * The `share` percentile (0.95 for p95) of a summed histogram: the upper bound of the bucket where
 * the cumulative count reaches that share; `Infinity` when it is past the last bound; null for an
 * empty histogram. The same rule as the SQL in `ops/postgres-metrics.ts`.
 */
export function percentileOf(
  counts: readonly number[],
  bounds: readonly number[],
  share: number,
): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0)
  if (total === 0) return null
  let seen = 0
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i] ?? 0
    if (seen >= share * total) return bounds[i] ?? Number.POSITIVE_INFINITY
  }
  return Number.POSITIVE_INFINITY
}
