import type { StudioAnalytics, TurnaroundMonth } from '../../data/analytics.ts'
import { DataTable } from '../kit/data-table.tsx'
import { NoValue } from '../kit/no-value.tsx'
import {
  Axes,
  CHART_COLOURS,
  Chart,
  linePath,
  MedianPercentileKey,
  niceCeiling,
  SERIES_AREA,
  slotX,
  valueY,
} from '../kit/svg-chart.tsx'
import { deliverablePageHref } from './deliverable-page.tsx'

// The analytics' deliverable turnaround: the days from a version's upload to the client's approval
// per month (median and 90th percentile, told apart by dash and marker shape as well as colour),
// with its table, and the current versions waiting longest for a decision.

const AREA = SERIES_AREA

const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: '2-digit', timeZone: 'UTC' })
const LONG_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' })
const dateOf = (day: string) => new Date(`${day}T00:00:00.000Z`)
const shortMonth = (month: string) => SHORT_MONTH.format(dateOf(month))
const longMonth = (month: string) => LONG_MONTH.format(dateOf(month))

/** "3.5 days", "1 day". */
export function formatDays(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'}`
}

/** A number of days, or the dash of "none". */
export const daysCell = (days: number | null) => (days === null ? <NoValue /> : formatDays(days))

function TurnaroundChart({ months }: { months: readonly TurnaroundMonth[] }) {
  const slowest = months.reduce<TurnaroundMonth | null>(
    (slow, m) => (m.p90Days !== null && (slow === null || m.p90Days > (slow.p90Days ?? 0)) ? m : slow),
    null,
  )
  const top = niceCeiling(slowest?.p90Days ?? 0)
  const desc = slowest
    ? `Slowest month: 90% of approvals within ${formatDays(slowest.p90Days ?? 0)}, in ${longMonth(slowest.month)}. ` +
      'Every month is in the table below the chart.'
    : 'No version was approved in the period.'
  const slots = months.map((m, index) => ({ index, text: shortMonth(m.month) }))
  return (
    <Chart
      id="turnaround-chart"
      title="Days from upload to approval, per month: median and 90th percentile"
      desc={desc}
    >
      <Axes top={top} whole={false} label={(v) => `${v} d`} slots={slots} count={months.length} />
      <path
        d={linePath(
          AREA,
          months.map((m) => m.p90Days),
          top,
        )}
        fill="none"
        stroke={CHART_COLOURS.p95}
        stroke-width="2"
        stroke-dasharray="6 4"
      />
      <path
        d={linePath(
          AREA,
          months.map((m) => m.medianDays),
          top,
        )}
        fill="none"
        stroke={CHART_COLOURS.median}
        stroke-width="2"
      />
      {months.map((m, i) => {
        if (m.medianDays === null || m.p90Days === null) return null
        const x = slotX(AREA, i, months.length)
        return (
          <g>
            <title>{`${longMonth(m.month)}: median ${formatDays(m.medianDays)}, 90th percentile ${formatDays(m.p90Days)}`}</title>
            <rect
              x={x - 3.5}
              y={valueY(AREA, m.p90Days, top) - 3.5}
              width="7"
              height="7"
              fill={CHART_COLOURS.p95}
            />
            <circle cx={x} cy={valueY(AREA, m.medianDays, top)} r="3.5" fill={CHART_COLOURS.median} />
          </g>
        )
      })}
    </Chart>
  )
}

/** The turnaround chart with its key and table, and the longest-waiting versions. */
export function TurnaroundSection({ analytics }: { analytics: StudioAnalytics }) {
  return (
    <section class="dash-section" aria-labelledby="analytics-turnaround">
      <h2 id="analytics-turnaround">Deliverable turnaround</h2>
      <p>From a version's upload to the client's approval, by the month of the approval.</p>
      <div class="chart-figure">
        <TurnaroundChart months={analytics.turnaround} />
        <MedianPercentileKey percentile="90th" />
      </div>
      <DataTable
        caption="Approvals per month: how many, and the days from upload to approval"
        head={
          <>
            <th scope="col">Month</th>
            <th scope="col" class="num">
              Approvals
            </th>
            <th scope="col" class="num">
              Median
            </th>
            <th scope="col" class="num">
              90th percentile
            </th>
          </>
        }
      >
        {analytics.turnaround.map((m) => (
          <tr>
            <th scope="row">
              <time datetime={m.month.slice(0, 7)}>{longMonth(m.month)}</time>
            </th>
            <td class="num">{m.approvals}</td>
            <td class="num">{daysCell(m.medianDays)}</td>
            <td class="num">{daysCell(m.p90Days)}</td>
          </tr>
        ))}
      </DataTable>
      <h3 id="analytics-waiting">Waiting longest for the client</h3>
      <DataTable
        empty="No version is waiting for a client's decision."
        caption="Current versions waiting for the client's decision, longest first"
        hiddenCaption
        head={
          <>
            <th scope="col">Deliverable</th>
            <th scope="col">Project</th>
            <th scope="col">Company</th>
            <th scope="col" class="num">
              Waiting
            </th>
          </>
        }
      >
        {analytics.waiting.map((v) => (
          <tr>
            <th scope="row">
              <a href={deliverablePageHref(v.projectId, v.deliverableId)}>
                {v.deliverableTitle}, version {v.number}
              </a>
            </th>
            <td>{v.projectName}</td>
            <td>{v.companyName}</td>
            <td class="num">{formatDays(v.waitingDays)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  )
}
