import type { Context } from 'hono'
import { ANALYTICS_PERIODS, type StudioAnalytics } from '../../data/analytics.ts'
import type { AppEnv } from '../../env.ts'
import { formatDateTime } from '../kit/date-time.tsx'
import { SelectField } from '../kit/field.tsx'
import { AnalyticsCharts } from './analytics-charts.tsx'
import { DashboardLayout } from './layout.tsx'

/** The period choices, as the selector offers them. */
export const PERIOD_OPTIONS = ANALYTICS_PERIODS.map((weeks) => ({
  value: String(weeks),
  label: `Last ${weeks} weeks`,
}))

/**
 * `/dashboard/analytics`: the period selector (a plain GET form, so each period has its own address)
 * and the period's charts with their tables.
 */
export function AnalyticsPage({ c, analytics }: { c: Context<AppEnv>; analytics: StudioAnalytics }) {
  return (
    <DashboardLayout c={c} title="Analytics" active="analytics">
      <form class="actions dash-section" method="get" action="/dashboard/analytics">
        <SelectField
          form="analytics-period"
          name="weeks"
          label="Period"
          value={String(analytics.weeks)}
          options={PERIOD_OPTIONS}
        />
        <button class="button button--quiet" type="submit">
          Show
        </button>
      </form>
      <p>
        From Monday {formatDateTime(new Date(`${analytics.since}T00:00:00.000Z`), true)} to now (
        {formatDateTime(new Date(analytics.until))}). Weeks run Monday to Sunday, in UTC.
      </p>
      <AnalyticsCharts analytics={analytics} />
    </DashboardLayout>
  )
}
