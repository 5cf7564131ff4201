import type { AnalyticsRanking, AnalyticsWeek, StudioAnalytics } from '../../data/analytics.ts'
import { DataTable } from '../kit/data-table.tsx'
import { formatDateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import {
  Axes,
  Bars,
  CHART_COLOURS,
  Chart,
  formatPercent,
  type HorizontalBar,
  HorizontalBarChart,
  labelledSlots,
  linePath,
  niceCeiling,
  plural,
  SERIES_AREA,
  slotX,
  valueY,
} from '../kit/svg-chart.tsx'
import { daysCell, TurnaroundSection } from './analytics-turnaround.tsx'

// The studio analytics as server-drawn charts (the dashboard's chart kit, no script): leads per
// week, the top source pages and services, conversions, and (`analytics-turnaround.tsx`) the
// deliverable turnaround. Each chart's <desc> says its main figures in words, and each has a table
// of every figure next to it, so nothing is only in the picture.

const AREA = SERIES_AREA

const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dateOf = (day: string) => new Date(`${day}T00:00:00.000Z`)
/** "14 Sep" (on the axis). */
const shortWeek = (week: string) => SHORT_DAY.format(dateOf(week))
/** "week of 14 Sep 2026" (in sentences and tables). */
const longWeek = (week: string) => `week of ${formatDateTime(dateOf(week), true)}`
/** Of a week's leads, the share that became clients; null for a week without leads. */
export function conversionRate(week: Pick<AnalyticsWeek, 'leads' | 'receivedConverted'>): number | null {
  return week.leads === 0 ? null : week.receivedConverted / week.leads
}

const weekSlots = (weeks: readonly AnalyticsWeek[]) =>
  labelledSlots(weeks.length, weeks.length > 26 ? 8 : 4).map((index) => ({
    index,
    text: shortWeek(weeks[index]?.week ?? ''),
  }))

function LeadsChart({ analytics }: { analytics: StudioAnalytics }) {
  const weeks = analytics.leadsPerWeek
  const busiest = weeks.reduce((best, w) => (w.leads > best.leads ? w : best), weeks[0] as AnalyticsWeek)
  const top = niceCeiling(busiest.leads)
  const empty = weeks.filter((w) => w.leads === 0).length
  const desc =
    `${plural(analytics.totals.leads, 'lead')} over ${analytics.weeks} weeks. ` +
    (busiest.leads > 0 ? `Most in one week: ${busiest.leads}, in the ${longWeek(busiest.week)}. ` : '') +
    `${plural(empty, 'week')} without a lead. Every week's figures are in the table below the chart.`
  return (
    <Chart id="leads-chart" title={`Leads per week over the last ${analytics.weeks} weeks`} desc={desc}>
      <Axes top={top} whole label={String} slots={weekSlots(weeks)} count={weeks.length} />
      <Bars
        top={top}
        values={weeks.map((w) => ({
          value: w.leads,
          title: `${longWeek(w.week)}: ${plural(w.leads, 'lead')}`,
        }))}
      />
    </Chart>
  )
}

function ConversionChart({ analytics }: { analytics: StudioAnalytics }) {
  const weeks = analytics.leadsPerWeek
  const top = niceCeiling(Math.max(...weeks.map((w) => w.converted)))
  const desc =
    `${plural(analytics.totals.converted, 'lead')} became clients over ${analytics.weeks} weeks. ` +
    'Every week is in the table below the charts.'
  return (
    <Chart
      id="conversions-chart"
      title={`Leads that became clients, per week, over the last ${analytics.weeks} weeks`}
      desc={desc}
    >
      <Axes top={top} whole label={String} slots={weekSlots(weeks)} count={weeks.length} />
      <Bars
        top={top}
        fill={CHART_COLOURS.success}
        values={weeks.map((w) => ({
          value: w.converted,
          title: `${longWeek(w.week)}: ${plural(w.converted, 'lead')} became clients`,
        }))}
      />
    </Chart>
  )
}

function RateChart({ analytics }: { analytics: StudioAnalytics }) {
  const weeks = analytics.leadsPerWeek
  const rates = weeks.map(conversionRate)
  const { leads, receivedConverted } = analytics.totals
  const desc =
    leads === 0
      ? 'No leads in the period, so there is no conversion rate.'
      : `${formatPercent(receivedConverted / leads)} of the period's ${plural(leads, 'lead')} have become clients. ` +
        'Weeks without leads have no rate.'
  return (
    <Chart id="rate-chart" title="Conversion rate by the week the lead arrived" desc={desc}>
      <Axes top={100} whole={false} label={(v) => `${v}%`} slots={weekSlots(weeks)} count={weeks.length} />
      <path
        d={linePath(
          AREA,
          rates.map((r) => (r === null ? null : r * 100)),
          100,
        )}
        fill="none"
        stroke={CHART_COLOURS.running}
        stroke-width="2"
      />
      {rates.map((rate, i) =>
        rate === null ? null : (
          <circle
            cx={slotX(AREA, i, weeks.length)}
            cy={valueY(AREA, rate * 100, 100)}
            r="3.5"
            fill={CHART_COLOURS.running}
          >
            <title>{`${longWeek(weeks[i]?.week ?? '')}: ${formatPercent(rate)} became clients`}</title>
          </circle>
        ),
      )}
    </Chart>
  )
}

/** A ranking's rows: the top entries, then "Other (n pages)" when there are more. */
function rankingRows(
  ranking: AnalyticsRanking,
  unknown: string,
  what: [one: string, many: string],
): Array<HorizontalBar & { literal: boolean }> {
  const rows = ranking.top.map((share) => {
    const label = share.key ?? unknown
    return {
      label,
      value: share.leads,
      title: `${label}: ${plural(share.leads, 'lead')}`,
      literal: share.key !== null,
    }
  })
  if (ranking.otherEntries > 0) {
    const label = `Other (${plural(ranking.otherEntries, what[0], what[1])})`
    rows.push({
      label,
      value: ranking.otherLeads,
      title: `${label}: ${plural(ranking.otherLeads, 'lead')}`,
      literal: false,
    })
  }
  return rows
}

/** A ranking as horizontal bars with its table; or a sentence when the period has no leads. */
function Ranking({
  id,
  heading,
  column,
  ranking,
  unknown,
  what,
}: {
  id: string
  heading: string
  column: string
  ranking: AnalyticsRanking
  unknown: string
  what: [one: string, many: string]
}) {
  const rows = rankingRows(ranking, unknown, what)
  if (rows.length === 0) return <p class="empty">No leads in the period.</p>
  const [first] = rows
  const desc = `${rows.length} bars, most leads first. First: ${first?.label}, with ${plural(first?.value ?? 0, 'lead')}. The table below lists every bar.`
  return (
    <>
      <HorizontalBarChart id={id} title={heading} desc={desc} rows={rows} />
      <DataTable
        caption={heading}
        hiddenCaption
        head={
          <>
            <th scope="col">{column}</th>
            <th scope="col" class="num">
              Leads
            </th>
          </>
        }
      >
        {rows.map((row) => (
          <tr>
            <th scope="row">{row.literal ? <code>{row.label}</code> : row.label}</th>
            <td class="num">{row.value}</td>
          </tr>
        ))}
      </DataTable>
    </>
  )
}

/** The period's figures in words, above the charts. */
function Totals({ analytics }: { analytics: StudioAnalytics }) {
  const { totals } = analytics
  return (
    <dl class="meta run-totals">
      <dt>Leads</dt>
      <dd>{totals.leads}</dd>
      <dt>Became clients</dt>
      <dd>{totals.converted}</dd>
      <dt>Conversion rate</dt>
      <dd>{totals.leads === 0 ? <NoValue /> : formatPercent(totals.receivedConverted / totals.leads)}</dd>
      <dt>Versions approved</dt>
      <dd>{totals.approvals}</dd>
      <dt>Median upload to approval</dt>
      <dd>{daysCell(totals.medianDays)}</dd>
      <dt>90th percentile upload to approval</dt>
      <dd>{daysCell(totals.p90Days)}</dd>
    </dl>
  )
}

/** Every chart of `/dashboard/analytics`, each with its figures in a table. */
export function AnalyticsCharts({ analytics }: { analytics: StudioAnalytics }) {
  const weeks = analytics.leadsPerWeek
  return (
    <>
      <Totals analytics={analytics} />
      <section class="dash-section" aria-labelledby="analytics-leads">
        <h2 id="analytics-leads">Leads per week</h2>
        <div class="chart-figure">
          <LeadsChart analytics={analytics} />
        </div>
        <details class="chart-figures">
          <summary>Figures per week</summary>
          <DataTable
            caption={`Leads and conversions per week over the last ${analytics.weeks} weeks (weeks begin on Monday, UTC)`}
            head={
              <>
                <th scope="col">Week</th>
                <th scope="col" class="num">
                  Leads
                </th>
                <th scope="col" class="num">
                  Became clients that week
                </th>
                <th scope="col" class="num">
                  Of the week's leads, clients now
                </th>
              </>
            }
          >
            {weeks.map((w) => {
              const rate = conversionRate(w)
              return (
                <tr>
                  <th scope="row">
                    <time datetime={w.week}>{longWeek(w.week)}</time>
                  </th>
                  <td class="num">{w.leads}</td>
                  <td class="num">{w.converted}</td>
                  <td class="num">
                    {w.receivedConverted}
                    {rate !== null && ` (${formatPercent(rate)})`}
                  </td>
                </tr>
              )
            })}
          </DataTable>
        </details>
      </section>
      <section class="dash-section" aria-labelledby="analytics-pages">
        <h2 id="analytics-pages">Leads by source page</h2>
        <Ranking
          id="pages-chart"
          heading="Leads by the site page their form was on"
          column="Page"
          ranking={analytics.bySourcePage}
          unknown="Not recorded"
          what={['page', 'pages']}
        />
      </section>
      <section class="dash-section" aria-labelledby="analytics-services">
        <h2 id="analytics-services">Leads by service</h2>
        <Ranking
          id="services-chart"
          heading="Leads by the service the sender chose"
          column="Service"
          ranking={analytics.byService}
          unknown="Not given"
          what={['service', 'services']}
        />
      </section>
      <section class="dash-section" aria-labelledby="analytics-conversion">
        <h2 id="analytics-conversion">Leads that became clients</h2>
        <div class="charts">
          <div class="chart-figure">
            <h3>Conversions per week</h3>
            <ConversionChart analytics={analytics} />
          </div>
          <div class="chart-figure">
            <h3>Conversion rate</h3>
            <RateChart analytics={analytics} />
            <p class="chart-note">Of each week's leads, the share that has become a client since.</p>
          </div>
        </div>
        <p class="muted">The figures per week are in the table under “Leads per week”.</p>
      </section>
      <TurnaroundSection analytics={analytics} />
    </>
  )
}
