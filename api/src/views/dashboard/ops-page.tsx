import type { Context } from 'hono'
import type { AppEnv } from '../../env.ts'
import { CONDITION_NAMES, type Incident } from '../../ops/alerts.ts'
import { readOpsConfig } from '../../ops/config.ts'
import type { OpsFigures } from '../../ops/figures.ts'
import type { VitalMetric } from '../../ops/histogram.ts'
import type { MetricsWindow, Slot, Totals, VitalFigure } from '../../ops/reader.ts'
import { DataTable } from '../kit/data-table.tsx'
import { formatDateTime } from '../kit/date-time.tsx'
import { NoValue } from '../kit/no-value.tsx'
import {
  Axes,
  Bars,
  CHART_COLOURS,
  Chart,
  labelledSlots,
  linePath,
  niceCeiling,
  SERIES_AREA,
  slotX,
  valueY,
} from '../kit/svg-chart.tsx'
import { DashboardLayout } from './layout.tsx'

// `/dashboard/ops` (admins): how the Worker is doing over the last 24 hours and 30 days — requests,
// error rate, 95th percentile latency, database failures, failed sign-ins, dead e-mail — with two
// server-drawn charts per window, the routes in trouble first, an open alert incident, and the field
// Core Web Vitals' 75th percentiles per page type once the site's beacon has sent any.

/** A share as "2.5 %"; null (no requests) as no value. */
export function formatRate(totals: Pick<Totals, 'errors' | 'requests'>): string | null {
  if (totals.requests === 0) return null
  const value = Math.round((totals.errors / totals.requests) * 1000) / 10
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)} %`
}

/** A histogram percentile in words: "≤ 250 ms", "over 10 s". */
export function formatBound(value: number, unit: 'ms' | ''): string {
  if (value === Number.POSITIVE_INFINITY) return unit === 'ms' ? 'over 10 s' : 'over 5'
  if (unit === 'ms') return value >= 1000 ? `≤ ${value / 1000} s` : `≤ ${value} ms`
  return `≤ ${value}`
}

const HOUR_LABEL = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })
const DAY_LABEL = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

interface WindowSpec {
  id: 'day' | 'month'
  heading: string
  slotName: string
  label: (start: string) => string
  every: number
  failedSignIns: number
}

const p95Cell = (p95: number | null) => (p95 === null ? <NoValue /> : formatBound(p95, 'ms'))
const rateCell = (totals: Totals) => formatRate(totals) ?? <NoValue />

const AREA = SERIES_AREA

/** The window's slot labels under the plot. */
function SlotAxes({
  window,
  spec,
  top,
  whole,
  label,
}: {
  window: MetricsWindow
  spec: WindowSpec
  top: number
  whole: boolean
  label: (value: number) => string
}) {
  const count = window.slots.length
  const slots = labelledSlots(count, spec.every).map((index) => ({
    index,
    text: spec.label(window.slots[index]?.start ?? ''),
  }))
  return <Axes top={top} whole={whole} label={label} slots={slots} count={count} />
}

function RequestsChart({ window, spec }: { window: MetricsWindow; spec: WindowSpec }) {
  const top = niceCeiling(Math.max(...window.slots.map((s) => s.requests)))
  const busiest = window.slots.reduce(
    (best, s) => (s.requests > best.requests ? s : best),
    window.slots[0] as Slot,
  )
  const desc =
    `${window.totals.requests} requests, ${window.totals.errors} failed. ` +
    (busiest.requests > 0
      ? `Busiest ${spec.slotName}: ${busiest.requests}, at ${spec.label(busiest.start)}. `
      : '') +
    'The figures per route are in the table below.'
  const title = (slot: Slot) => `${spec.label(slot.start)}: ${slot.requests} requests, ${slot.errors} failed`
  return (
    <Chart
      id={`${spec.id}-requests-chart`}
      title={`Requests per ${spec.slotName}, ${spec.heading}`}
      desc={desc}
    >
      <defs>
        <pattern
          id={`${spec.id}-errors`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill={CHART_COLOURS.failure} />
          <line x1="0" y1="0" x2="0" y2="6" stroke={CHART_COLOURS.background} stroke-width="2.5" />
        </pattern>
      </defs>
      <SlotAxes window={window} spec={spec} top={top} whole label={String} />
      <Bars top={top} values={window.slots.map((s) => ({ value: s.requests, title: title(s) }))} />
      <Bars
        top={top}
        fill={`url(#${spec.id}-errors)`}
        stroke={CHART_COLOURS.failure}
        values={window.slots.map((s) => ({ value: s.errors, title: title(s) }))}
      />
    </Chart>
  )
}

function LatencyChart({ window, spec }: { window: MetricsWindow; spec: WindowSpec }) {
  const count = window.slots.length
  // Past the last bucket (10 s) the mark sits at the top of a 10-second axis.
  const values = window.slots.map((s) => (s.p95Ms === null ? null : Math.min(s.p95Ms, 10_000)))
  const top = niceCeiling(Math.max(0, ...values.map((v) => v ?? 0)))
  const slowest = window.slots.reduce<Slot | null>(
    (slow, s) => (s.p95Ms !== null && (slow === null || s.p95Ms > (slow.p95Ms ?? 0)) ? s : slow),
    null,
  )
  const desc =
    window.totals.p95Ms === null
      ? 'No requests, so no latency.'
      : `95% of the requests answered in ${formatBound(window.totals.p95Ms, 'ms')}.` +
        (slowest
          ? ` Slowest ${spec.slotName}: ${formatBound(slowest.p95Ms ?? 0, 'ms')}, at ${spec.label(slowest.start)}.`
          : '')
  return (
    <Chart
      id={`${spec.id}-latency-chart`}
      title={`95th percentile latency per ${spec.slotName}, ${spec.heading}`}
      desc={desc}
    >
      <SlotAxes
        window={window}
        spec={spec}
        top={top}
        whole={false}
        label={(v) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`)}
      />
      <path d={linePath(AREA, values, top)} fill="none" stroke={CHART_COLOURS.p95} stroke-width="2" />
      {window.slots.map((s, i) => {
        const value = values[i]
        return value === null || value === undefined ? null : (
          <rect
            x={slotX(AREA, i, count) - 3.5}
            y={valueY(AREA, value, top) - 3.5}
            width="7"
            height="7"
            fill={CHART_COLOURS.p95}
          >
            <title>{`${spec.label(s.start)}: ${formatBound(s.p95Ms ?? 0, 'ms')}`}</title>
          </rect>
        )
      })}
    </Chart>
  )
}

function WindowPanel({
  window,
  spec,
  deadLetters,
}: {
  window: MetricsWindow
  spec: WindowSpec
  deadLetters: number
}) {
  const { totals } = window
  return (
    <section aria-labelledby={`${spec.id}-heading`}>
      <h2 id={`${spec.id}-heading`}>{spec.heading[0]?.toUpperCase() + spec.heading.slice(1)}</h2>
      <p class="muted">
        {formatDateTime(window.from)} to {formatDateTime(window.to)}
      </p>
      <dl class="meta run-totals">
        <dt>Requests</dt>
        <dd>{totals.requests}</dd>
        <dt>Error rate (5xx)</dt>
        <dd>{rateCell(totals)}</dd>
        <dt>95th percentile latency</dt>
        <dd>{p95Cell(totals.p95Ms)}</dd>
        <dt>Database failures</dt>
        <dd>{totals.dbFailures}</dd>
        <dt>Failed sign-ins</dt>
        <dd>{spec.failedSignIns}</dd>
        <dt>Dead e-mail</dt>
        <dd>
          <a href="/dashboard/outbox">
            {deadLetters}
            <span class="visually-hidden"> dead e-mail messages, in the undelivered e-mail view</span>
          </a>
        </dd>
      </dl>
      {totals.requests > 0 && (
        <div class="charts">
          <div class="chart-figure">
            <h3>Requests per {spec.slotName}</h3>
            <RequestsChart window={window} spec={spec} />
            <p class="chart-note">All requests in blue; the failed ones (5xx) hatched red, in front.</p>
          </div>
          <div class="chart-figure">
            <h3>95th percentile latency</h3>
            <LatencyChart window={window} spec={spec} />
            <p class="chart-note">The upper bound of the latency bucket that holds the 95th percentile.</p>
          </div>
        </div>
      )}
      <DataTable
        empty={`No requests recorded ${spec.heading}.`}
        caption={`Routes ${spec.heading}: most errors first, then the slowest`}
        head={
          <>
            <th scope="col">Route</th>
            <th scope="col">Method</th>
            <th scope="col" class="num">
              Requests
            </th>
            <th scope="col" class="num">
              Errors
            </th>
            <th scope="col" class="num">
              Error rate
            </th>
            <th scope="col" class="num">
              95th percentile
            </th>
            <th scope="col" class="num">
              Database failures
            </th>
          </>
        }
      >
        {window.routes.map((route) => (
          <tr>
            <th scope="row">
              <code>{route.route}</code>
            </th>
            <td>{route.method}</td>
            <td class="num">{route.requests}</td>
            <td class="num">{route.errors}</td>
            <td class="num">{rateCell(route)}</td>
            <td class="num">{p95Cell(route.p95Ms)}</td>
            <td class="num">{route.dbFailures}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  )
}

const VITAL_NAMES: Record<VitalMetric, string> = {
  lcp: 'Largest Contentful Paint',
  inp: 'Interaction to Next Paint',
  cls: 'Cumulative Layout Shift',
}

function VitalsSection({ vitals }: { vitals: VitalFigure[] }) {
  const pageTypes = [...new Set(vitals.map((v) => v.pageType))]
  const cell = (pageType: string, metric: VitalMetric) => {
    const figure = vitals.find((v) => v.pageType === pageType && v.metric === metric)
    if (!figure || figure.p75 === null) return <NoValue />
    return (
      <>
        {formatBound(figure.p75, metric === 'cls' ? '' : 'ms')}
        <span class="muted"> ({figure.samples})</span>
      </>
    )
  }
  return (
    <section aria-labelledby="vitals-heading">
      <h2 id="vitals-heading">Field Core Web Vitals, last 30 days</h2>
      <DataTable
        empty="No reports yet. The site sends them only when Field Core Web Vitals is on in the CMS's site settings."
        caption="75th percentile per page type (number of reports in brackets)"
        head={
          <>
            <th scope="col">Page type</th>
            {(['lcp', 'inp', 'cls'] as const).map((metric) => (
              <th scope="col" class="num">
                <abbr title={VITAL_NAMES[metric]}>{metric.toUpperCase()}</abbr>
              </th>
            ))}
          </>
        }
      >
        {pageTypes.map((pageType) => (
          <tr>
            <th scope="row">{pageType}</th>
            <td class="num">{cell(pageType, 'lcp')}</td>
            <td class="num">{cell(pageType, 'inp')}</td>
            <td class="num">{cell(pageType, 'cls')}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  )
}

export function OpsPage({
  c,
  figures,
  incident,
}: {
  c: Context<AppEnv>
  figures: OpsFigures
  incident: Incident | null
}) {
  const { metrics } = figures
  const { thresholds } = readOpsConfig(c.env)
  const windows: Array<[MetricsWindow, WindowSpec]> = metrics
    ? [
        [
          metrics.day,
          {
            id: 'day',
            heading: 'the last 24 hours',
            slotName: 'hour',
            label: (start) => HOUR_LABEL.format(new Date(start)),
            every: 6,
            failedSignIns: figures.failedSignIns.day,
          },
        ],
        [
          metrics.month,
          {
            id: 'month',
            heading: 'the last 30 days',
            slotName: 'day',
            label: (start) => DAY_LABEL.format(new Date(start)),
            every: 7,
            failedSignIns: figures.failedSignIns.month,
          },
        ],
      ]
    : []
  return (
    <DashboardLayout c={c} title="Operations" active="ops">
      <p class="muted">
        Every request to the Worker, by route (times in UTC). An e-mail goes to the admins when over{' '}
        {Math.round(thresholds.errorRate * 1000) / 10} % of the last 5 minutes' requests fail or their 95th
        percentile passes {thresholds.p95Ms} ms (with at least {thresholds.minRequests} requests), or when the
        database cannot be reached; once per incident, and once more when it is over.
      </p>
      {incident && (
        <div class="flash flash--error">
          <p>
            <strong>Open incident</strong> since {formatDateTime(new Date(incident.openedAt))}:{' '}
            {incident.conditions.map((condition) => CONDITION_NAMES[condition]).join(', ')}. Last seen{' '}
            {formatDateTime(new Date(incident.lastSeenAt))}.
          </p>
        </div>
      )}
      {!metrics && (
        <>
          <p class="empty">
            The request figures are in Workers Analytics Engine, and no API token is set to read them: set
            OPS_ANALYTICS_ACCOUNT_ID and the OPS_ANALYTICS_API_TOKEN secret (api/README.md "Operations and
            alerts").
          </p>
          <dl class="meta run-totals">
            <dt>Failed sign-ins, the last 24 hours</dt>
            <dd>{figures.failedSignIns.day}</dd>
            <dt>Failed sign-ins, the last 30 days</dt>
            <dd>{figures.failedSignIns.month}</dd>
            <dt>Dead e-mail</dt>
            <dd>
              <a href="/dashboard/outbox">
                {figures.deadLetters}
                <span class="visually-hidden"> dead e-mail messages, in the undelivered e-mail view</span>
              </a>
            </dd>
          </dl>
        </>
      )}
      {windows.map(([window, spec]) => (
        <WindowPanel window={window} spec={spec} deadLetters={figures.deadLetters} />
      ))}
      {metrics && <VitalsSection vitals={metrics.vitals} />}
    </DashboardLayout>
  )
}
