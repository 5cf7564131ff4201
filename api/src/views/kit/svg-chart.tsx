import type { Child } from 'hono/jsx'

// The dashboard's chart kit: server-drawn SVG (no script). A chart is `role="img"`, named by its
// <title> and described by a <desc> that says its figures in words; the page writes the figures out
// too (totals, a table), so nothing is only in the picture. Used by the automations' run charts
// (views/dashboard/run-charts.tsx), the operations view (views/dashboard/ops-page.tsx) and the
// studio analytics (views/dashboard/analytics-charts.tsx).

/** The drawing area of a chart: its size and the margins around the plot. */
export interface ChartArea {
  width: number
  height: number
  left: number
  right: number
  top: number
  bottom: number
}

/** The dashboard's series charts: one slot per day or hour along the x axis. */
export const SERIES_AREA: ChartArea = { width: 640, height: 190, left: 52, right: 12, top: 14, bottom: 30 }

export const CHART_COLOURS = {
  success: '#7ee2a8',
  failure: '#ff9b9b',
  running: '#8fd3ff',
  median: '#8fd3ff',
  p95: '#ffe08a',
  grid: '#27305a',
  axis: '#aab3d9',
  background: '#0f1530',
}

/** A share as "92.7%" (whole numbers without decimals). */
export function formatPercent(share: number): string {
  const value = Math.round(share * 1000) / 10
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`
}

/** "1 run", "3 runs". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** The smallest of 1, 2, 5 × 10ⁿ at or above `value` (the top of an axis). */
export function niceCeiling(value: number): number {
  if (value <= 0) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power
  return 10 * power
}

const plotWidth = (area: ChartArea) => area.width - area.left - area.right
const plotHeight = (area: ChartArea) => area.height - area.top - area.bottom

/** The width of one of `count` slots. */
export const slotWidth = (area: ChartArea, count: number) => plotWidth(area) / count
/** The x of the middle of slot `index` of `count`. */
export const slotX = (area: ChartArea, index: number, count: number) =>
  area.left + slotWidth(area, count) * (index + 0.5)
/** The y of `value` on an axis from 0 to `top` (a value past the top sits on it). */
export const valueY = (area: ChartArea, value: number, top: number) =>
  area.top + plotHeight(area) - (Math.min(value, top) / top) * plotHeight(area)

/**
 * The slots that get a label under the plot: the first, every `every`-th and the last, leaving out
 * the one before the last when they would crowd each other.
 */
export function labelledSlots(count: number, every: number): number[] {
  const marked = Array.from({ length: count }, (_, i) => i).filter((i) => i % every === 0 || i === count - 1)
  return marked.filter(
    (i, n) => !(n === marked.length - 2 && (marked.at(-1) ?? i) - i < Math.ceil(every / 2)),
  )
}

/** Straight segments between neighbouring slots that both have a value (a lone value is its marker's). */
export function linePath(area: ChartArea, values: Array<number | null>, top: number): string {
  const count = values.length
  const parts: string[] = []
  values.forEach((value, i) => {
    const before = values[i - 1]
    if (value === null || before === null || before === undefined) return
    parts.push(
      `M${slotX(area, i - 1, count)} ${valueY(area, before, top)} L${slotX(area, i, count)} ${valueY(area, value, top)}`,
    )
  })
  return parts.join(' ')
}

/** Gridlines at 0, the middle (when it is whole, for counts) and the top, with their labels, and the slots' labels. */
export function Axes({
  top,
  whole,
  label,
  slots,
  count,
  area = SERIES_AREA,
}: {
  top: number
  whole: boolean
  label: (value: number) => string
  /** The labelled slots (see {@link labelledSlots}) and their text. */
  slots: Array<{ index: number; text: string }>
  count: number
  area?: ChartArea
}) {
  const middle = top / 2
  const ticks = whole && !Number.isInteger(middle) ? [0, top] : [0, middle, top]
  return (
    <g font-size="11" fill={CHART_COLOURS.axis}>
      {ticks.map((tick) => (
        <g>
          <line
            x1={area.left}
            x2={area.width - area.right}
            y1={valueY(area, tick, top)}
            y2={valueY(area, tick, top)}
            stroke={CHART_COLOURS.grid}
          />
          <text x={area.left - 6} y={valueY(area, tick, top) + 4} text-anchor="end">
            {label(tick)}
          </text>
        </g>
      ))}
      {slots.map((slot) => (
        <text x={slotX(area, slot.index, count)} y={area.height - 10} text-anchor="middle">
          {slot.text}
        </text>
      ))}
    </g>
  )
}

/** The frame every chart shares: size, name and description, and what it draws. */
export function Chart({
  id,
  title,
  desc,
  children,
  area = SERIES_AREA,
}: {
  id: string
  title: string
  desc: string
  children: Child
  area?: ChartArea
}) {
  return (
    <svg
      class="chart"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      viewBox={`0 0 ${area.width} ${area.height}`}
      width={area.width}
      height={area.height}
      font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      {children}
    </svg>
  )
}

/** A legend entry: a small picture of the mark (hidden from assistive technology) and its words. */
export function Key({ children, label }: { children: Child; label: string }) {
  return (
    <li>
      <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true" focusable="false">
        {children}
      </svg>
      {label}
    </li>
  )
}

/**
 * The key of a chart with a median line and an upper-percentile line: solid with circles, dashed
 * with squares, so the two read apart without colour.
 */
export function MedianPercentileKey({ percentile }: { percentile: string }) {
  return (
    <ul class="chart-key">
      <Key label="Median (solid line, circles)">
        <line x1="0" y1="7" x2="22" y2="7" stroke={CHART_COLOURS.median} stroke-width="2" />
        <circle cx="11" cy="7" r="3.5" fill={CHART_COLOURS.median} />
      </Key>
      <Key label={`${percentile} percentile (dashed line, squares)`}>
        <line
          x1="0"
          y1="7"
          x2="22"
          y2="7"
          stroke={CHART_COLOURS.p95}
          stroke-width="2"
          stroke-dasharray="6 4"
        />
        <rect x="7.5" y="3.5" width="7" height="7" fill={CHART_COLOURS.p95} />
      </Key>
    </ul>
  )
}

/**
 * One bar per slot from 0 to its value, each with its words as a tooltip (`title`); a zero draws
 * nothing. `fill` may be a pattern (`url(#…)`) so a series differs by more than colour.
 */
export function Bars({
  values,
  top,
  fill = CHART_COLOURS.running,
  stroke,
  area = SERIES_AREA,
}: {
  values: Array<{ value: number; title: string }>
  top: number
  fill?: string
  stroke?: string
  area?: ChartArea
}) {
  const count = values.length
  const width = Math.max(3, Math.min(14, slotWidth(area, count) - 4))
  return (
    <g>
      {values.map(({ value, title }, i) =>
        value <= 0 ? null : (
          <rect
            x={slotX(area, i, count) - width / 2}
            y={valueY(area, value, top)}
            width={width}
            height={valueY(area, 0, top) - valueY(area, value, top)}
            fill={fill}
            stroke={stroke}
            stroke-width={stroke ? 1 : undefined}
          >
            <title>{title}</title>
          </rect>
        ),
      )}
    </g>
  )
}

/** One row of a {@link HorizontalBarChart}. */
export interface HorizontalBar {
  label: string
  value: number
  /** The row in words (its tooltip). */
  title: string
}

const ROW_HEIGHT = 26
const LABEL_WIDTH = 200

/** A ranking: one labelled horizontal bar per row, longest first as given, with its value at its end. */
export function HorizontalBarChart({
  id,
  title,
  desc,
  rows,
}: {
  id: string
  title: string
  desc: string
  rows: HorizontalBar[]
}) {
  const width = SERIES_AREA.width
  const area: ChartArea = {
    width,
    height: rows.length * ROW_HEIGHT + 8,
    left: LABEL_WIDTH,
    right: 48,
    top: 4,
    bottom: 4,
  }
  const top = niceCeiling(Math.max(0, ...rows.map((row) => row.value)))
  const plot = width - area.left - area.right
  // Long labels are cut to fit the column; the table under the chart has them whole.
  const cut = (label: string) => (label.length > 28 ? `${label.slice(0, 27)}…` : label)
  return (
    <Chart id={id} title={title} desc={desc} area={area}>
      <g font-size="12" fill={CHART_COLOURS.axis}>
        {rows.map((row, i) => {
          const y = area.top + i * ROW_HEIGHT
          const length = (row.value / top) * plot
          return (
            <g>
              <title>{row.title}</title>
              <text x={area.left - 8} y={y + ROW_HEIGHT / 2 + 4} text-anchor="end">
                {cut(row.label)}
              </text>
              <rect
                x={area.left}
                y={y + 4}
                width={Math.max(length, 1)}
                height={ROW_HEIGHT - 8}
                fill={CHART_COLOURS.running}
              />
              <text x={area.left + length + 6} y={y + ROW_HEIGHT / 2 + 4}>
                {row.value}
              </text>
            </g>
          )
        })}
      </g>
    </Chart>
  )
}
