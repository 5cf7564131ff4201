import type { RunDay, RunStats } from '../../data/run-stats.ts'
import { DataTable } from '../kit/data-table.tsx'
import { formatDateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import {
  CHART_COLOURS,
  Chart,
  formatPercent,
  Key,
  Axes as KitAxes,
  labelledSlots,
  linePath,
  MedianPercentileKey,
  niceCeiling,
  plural,
  SERIES_AREA,
  slotWidth,
  slotX,
  valueY,
} from '../kit/svg-chart.tsx'
import { formatDuration } from './format.ts'

// An automation's last 30 days as three server-drawn SVG charts (no script): runs per day by
// outcome, the success rate per day, and the median and 95th-percentile duration per day. Each chart
// is `role="img"`, named by its <title> and described by a <desc> that says its figures in words;
// the totals are written out above them and every day's figures are in a table below, so nothing is
// only in the picture. Outcomes differ by pattern as well as colour (failures hatched, running
// dotted), and the two duration lines by dash and marker shape. The frame, axes and legend are the
// dashboard's chart kit (`../kit/svg-chart.tsx`).

const AREA = SERIES_AREA
const COLOURS = CHART_COLOURS

const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
const dateOf = (day: string) => new Date(`${day}T00:00:00.000Z`)
/** "4 Mar" (on the axis). */
const shortDay = (day: string) => SHORT_DAY.format(dateOf(day))
/** "4 Mar 2026" (in sentences and the table). */
const longDay = (day: string) => formatDateTime(dateOf(day), true)

/** Successes among finished runs; null when none finished. */
export function successRate({ success, failure }: Pick<RunDay, 'success' | 'failure'>): number | null {
  return success + failure === 0 ? null : success / (success + failure)
}

const runsOf = (d: Pick<RunDay, 'success' | 'failure' | 'running'>) => d.success + d.failure + d.running

const xOf = (index: number, count: number) => slotX(AREA, index, count)
const yOf = (value: number, top: number) => valueY(AREA, value, top)

/** The kit's axes, with the days under the plot (the first, every 7th, the last). */
function Axes({
  days,
  top,
  whole,
  label,
}: {
  days: RunDay[]
  top: number
  whole: boolean
  label: (v: number) => string
}) {
  const slots = labelledSlots(days.length, 7).map((index) => ({
    index,
    text: shortDay(days[index]?.day ?? ''),
  }))
  return <KitAxes top={top} whole={whole} label={label} slots={slots} count={days.length} />
}

/** Hatched (failure) and dotted (running) fills, shared by the bars and the legend's swatches. */
function Patterns() {
  return (
    <defs>
      <pattern
        id="runs-hatch"
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" fill={COLOURS.failure} />
        <line x1="0" y1="0" x2="0" y2="6" stroke={COLOURS.background} stroke-width="2.5" />
      </pattern>
      <pattern id="runs-dots" width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill={COLOURS.background} />
        <circle cx="2.5" cy="2.5" r="1.4" fill={COLOURS.running} />
      </pattern>
    </defs>
  )
}

const FILL = { success: COLOURS.success, failure: 'url(#runs-hatch)', running: 'url(#runs-dots)' }

function RunsChart({ stats }: { stats: RunStats }) {
  const { days, totals } = stats
  const busiest = days.reduce((best, d) => (runsOf(d) > runsOf(best) ? d : best), days[0] as RunDay)
  const top = niceCeiling(runsOf(busiest))
  const slot = slotWidth(AREA, days.length)
  const barWidth = Math.max(4, Math.min(14, slot - 4))
  const total = runsOf(totals)
  const desc =
    `${plural(total, 'run')}: ${totals.success} succeeded, ${totals.failure} failed, ${totals.running} still running. ` +
    `Most in one day: ${runsOf(busiest)}, on ${longDay(busiest.day)}. Every day's figures are in the table below the charts.`
  return (
    <Chart id="runs-chart" title="Runs per day over the last 30 days, by outcome" desc={desc}>
      <Patterns />
      <Axes days={days} top={top} whole label={(v) => String(v)} />
      {days.map((d, i) => {
        if (runsOf(d) === 0) return null
        let base = 0
        const x = xOf(i, days.length) - barWidth / 2
        return (
          <g>
            <title>{`${longDay(d.day)}: ${plural(runsOf(d), 'run')} (${d.success} succeeded, ${d.failure} failed, ${d.running} running)`}</title>
            {(['success', 'failure', 'running'] as const).map((outcome) => {
              const count = d[outcome]
              if (count === 0) return null
              const y = yOf(base + count, top)
              const height = yOf(base, top) - y
              base += count
              return (
                <rect
                  x={x}
                  y={y}
                  width={barWidth}
                  height={height}
                  fill={FILL[outcome]}
                  stroke={outcome === 'success' ? undefined : COLOURS[outcome]}
                  stroke-width={outcome === 'success' ? undefined : 1}
                />
              )
            })}
          </g>
        )
      })}
    </Chart>
  )
}

function RateChart({ stats }: { stats: RunStats }) {
  const { days, totals } = stats
  const rates = days.map(successRate)
  const overall = successRate(totals)
  let desc = 'No run finished in the last 30 days, so there is no success rate yet.'
  if (overall !== null) {
    const lowest = days.reduce<RunDay | null>((low, d) => {
      const rate = successRate(d)
      return rate !== null && (low === null || rate < (successRate(low) ?? 1)) ? d : low
    }, null)
    desc = `${formatPercent(overall)} of the finished runs succeeded over the 30 days.`
    if (lowest) desc += ` Lowest day: ${formatPercent(successRate(lowest) ?? 0)}, on ${longDay(lowest.day)}.`
  }
  return (
    <Chart id="rate-chart" title="Success rate per day over the last 30 days" desc={desc}>
      <Axes days={days} top={100} whole={false} label={(v) => `${v}%`} />
      <path
        d={linePath(
          AREA,
          rates.map((r) => (r === null ? null : r * 100)),
          100,
        )}
        fill="none"
        stroke={COLOURS.running}
        stroke-width="2"
      />
      {rates.map((rate, i) =>
        rate === null ? null : (
          <circle cx={xOf(i, days.length)} cy={yOf(rate * 100, 100)} r="3.5" fill={COLOURS.running}>
            <title>{`${longDay(days[i]?.day ?? '')}: ${formatPercent(rate)} succeeded`}</title>
          </circle>
        ),
      )}
    </Chart>
  )
}

function DurationChart({ stats }: { stats: RunStats }) {
  const { days, totals } = stats
  const slowest = days.reduce<RunDay | null>(
    (slow, d) => (d.p95Ms !== null && (slow === null || d.p95Ms > (slow.p95Ms ?? 0)) ? d : slow),
    null,
  )
  const top = niceCeiling(slowest?.p95Ms ?? 0)
  let desc = 'No finished run with a known duration in the last 30 days.'
  if (totals.medianMs !== null && totals.p95Ms !== null && slowest) {
    desc =
      `Over the 30 days the median run took ${formatDuration(totals.medianMs)} and 95% finished within ` +
      `${formatDuration(totals.p95Ms)}. Slowest day: 95th percentile ${formatDuration(slowest.p95Ms ?? 0)}, on ${longDay(slowest.day)}.`
  }
  const median = days.map((d) => d.medianMs)
  const p95 = days.map((d) => d.p95Ms)
  return (
    <Chart
      id="duration-chart"
      title="Run duration per day over the last 30 days: median and 95th percentile"
      desc={desc}
    >
      <Axes days={days} top={top} whole={false} label={(v) => (v === 0 ? '0' : formatDuration(v))} />
      <path
        d={linePath(AREA, p95, top)}
        fill="none"
        stroke={COLOURS.p95}
        stroke-width="2"
        stroke-dasharray="6 4"
      />
      <path d={linePath(AREA, median, top)} fill="none" stroke={COLOURS.median} stroke-width="2" />
      {days.map((d, i) => {
        const x = xOf(i, days.length)
        if (d.medianMs === null || d.p95Ms === null) return null
        return (
          <g>
            <title>{`${longDay(d.day)}: median ${formatDuration(d.medianMs)}, 95th percentile ${formatDuration(d.p95Ms)}`}</title>
            <rect x={x - 3.5} y={yOf(d.p95Ms, top) - 3.5} width="7" height="7" fill={COLOURS.p95} />
            <circle cx={x} cy={yOf(d.medianMs, top)} r="3.5" fill={COLOURS.median} />
          </g>
        )
      })}
    </Chart>
  )
}

/** The whole window's figures, in words. */
function Totals({ stats }: { stats: RunStats }) {
  const { totals } = stats
  const rate = successRate(totals)
  return (
    <dl class="meta run-totals">
      <dt>Runs</dt>
      <dd>{runsOf(totals)}</dd>
      <dt>Succeeded</dt>
      <dd>{totals.success}</dd>
      <dt>Failed</dt>
      <dd>{totals.failure}</dd>
      <dt>Still running</dt>
      <dd>{totals.running}</dd>
      <dt>Success rate</dt>
      <dd>{rate === null ? <NoValue /> : formatPercent(rate)}</dd>
      <dt>Median duration</dt>
      <dd>{totals.medianMs === null ? <NoValue /> : formatDuration(totals.medianMs)}</dd>
      <dt>95th percentile duration</dt>
      <dd>{totals.p95Ms === null ? <NoValue /> : formatDuration(totals.p95Ms)}</dd>
    </dl>
  )
}

const durationCell = (ms: number | null) => (ms === null ? <NoValue /> : formatDuration(ms))

/**
 * The last 30 days of an automation's runs: the totals, three charts and a table of every day that
 * had runs. Without any run in the window it says so instead.
 */
export function RunCharts({ stats }: { stats: RunStats }) {
  const period = `${longDay(stats.firstDay)} to ${longDay(stats.lastDay)}, UTC`
  if (runsOf(stats.totals) === 0) {
    return <p class="empty">No runs in the last 30 days ({period}).</p>
  }
  const active = stats.days.filter((d) => runsOf(d) > 0)
  return (
    <>
      <p>The last 30 days ({period}):</p>
      <Totals stats={stats} />
      <div class="charts">
        <div class="chart-figure">
          <h3 id="runs-chart-heading">Runs per day</h3>
          <RunsChart stats={stats} />
          <ul class="chart-key">
            <Key label="Succeeded">
              <rect x="4" y="1" width="14" height="12" fill={FILL.success} />
            </Key>
            <Key label="Failed (hatched)">
              <rect x="4" y="1" width="14" height="12" fill={FILL.failure} stroke={COLOURS.failure} />
            </Key>
            <Key label="Still running (dotted)">
              <rect x="4" y="1" width="14" height="12" fill={FILL.running} stroke={COLOURS.running} />
            </Key>
          </ul>
        </div>
        <div class="chart-figure">
          <h3 id="rate-chart-heading">Success rate</h3>
          <RateChart stats={stats} />
          <p class="chart-note">Succeeded runs among the finished runs of each day.</p>
        </div>
        <div class="chart-figure">
          <h3 id="duration-chart-heading">Duration</h3>
          <DurationChart stats={stats} />
          <MedianPercentileKey percentile="95th" />
        </div>
      </div>
      <details class="chart-figures">
        <summary>Figures per day</summary>
        <DataTable
          caption="Runs per day over the last 30 days (days without runs left out)"
          head={
            <>
              <th scope="col">Day</th>
              <th scope="col" class="num">
                Succeeded
              </th>
              <th scope="col" class="num">
                Failed
              </th>
              <th scope="col" class="num">
                Running
              </th>
              <th scope="col" class="num">
                Success rate
              </th>
              <th scope="col" class="num">
                Median
              </th>
              <th scope="col" class="num">
                95th percentile
              </th>
            </>
          }
        >
          {active.map((d) => {
            const rate = successRate(d)
            return (
              <tr>
                <th scope="row">
                  <time datetime={d.day}>{longDay(d.day)}</time>
                </th>
                <td class="num">{d.success}</td>
                <td class="num">{d.failure}</td>
                <td class="num">{d.running}</td>
                <td class="num">{rate === null ? <NoValue /> : formatPercent(rate)}</td>
                <td class="num">{durationCell(d.medianMs)}</td>
                <td class="num">{durationCell(d.p95Ms)}</td>
              </tr>
            )
          })}
        </DataTable>
      </details>
    </>
  )
}
