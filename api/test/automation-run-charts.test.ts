import { automationRuns, automations, type NewAutomationRun } from '@kairo/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatDateTime } from '../src/views/kit/date-time.tsx'
import { Fixtures } from './support/session.ts'
import { countedPage } from './team-support.ts'

// The automation page draws its last 30 days on the server: runs per day by outcome, the success
// rate and the durations (median, 95th percentile), as SVG charts whose figures are also in words
// and in a table. A seeded month of runs must come out as these exact figures, in the page's one
// statement; no runs and a single run must read sensibly too.

const fx = new Fixtures()
const db = fx.db
const DAY = 86_400_000
let clientCookie: string
let teamCookie: string
let strangerCookie: string
let busyId: string
let quietId: string
let onceId: string

/** Midnight UTC `daysAgo` days before today, plus `minutes`. */
function at(daysAgo: number, minutes = 60): Date {
  const today = new Date()
  today.setUTCHours(0, 0, 0, 0)
  return new Date(today.getTime() - daysAgo * DAY + minutes * 60_000)
}
const dayName = (daysAgo: number) => formatDateTime(at(daysAgo, 0), true)

function run(
  automationId: string,
  daysAgo: number,
  outcome: 'success' | 'failure' | 'running',
  durationMs: number | null,
  minutes = 60,
): NewAutomationRun {
  const startedAt = at(daysAgo, minutes)
  return {
    automationId,
    startedAt,
    outcome,
    durationMs: outcome === 'running' ? null : durationMs,
    finishedAt: outcome === 'running' ? null : new Date(startedAt.getTime() + (durationMs ?? 0)),
  }
}

beforeAll(async () => {
  const companyId = await fx.company('Chart Co')
  const otherId = await fx.company('Other Chart Co')
  clientCookie = await fx.cookie((await fx.user('client', companyId)).id)
  strangerCookie = await fx.cookie((await fx.user('client', otherId)).id)
  teamCookie = await fx.cookie((await fx.user('team', null)).id)
  const [busy, quiet, once] = await db
    .insert(automations)
    .values([
      { companyId, title: 'Busy sync', status: 'active' },
      { companyId, title: 'Quiet sync', status: 'active' },
      { companyId, title: 'Once sync', status: 'active' },
    ])
    .returning({ id: automations.id })
  busyId = busy?.id ?? ''
  quietId = quiet?.id ?? ''
  onceId = once?.id ?? ''
  await db.insert(automationRuns).values([
    // Today: two successes (1.0 s, 3.0 s) and one still running.
    run(busyId, 0, 'success', 1000, 10),
    run(busyId, 0, 'success', 3000, 20),
    run(busyId, 0, 'running', null, 30),
    // Yesterday: a failure (0.5 s) and a success (1.6 s).
    run(busyId, 1, 'failure', 500),
    run(busyId, 1, 'success', 1600, 90),
    // Five days ago: three quick successes.
    run(busyId, 5, 'success', 100, 10),
    run(busyId, 5, 'success', 200, 20),
    run(busyId, 5, 'success', 300, 30),
    // The window's first day: a failure reported only at its end (no duration): counted, not timed.
    run(busyId, 29, 'failure', null),
    // A day before the window: not counted.
    run(busyId, 30, 'success', 99_000),
    // A quiet automation's only run is older than the window.
    run(quietId, 45, 'success', 700),
    run(onceId, 3, 'success', 1200),
  ])
})

afterAll(() => fx.cleanup())

/** The text of the element with `id` (its first text, tags stripped). */
function textOf(html: string, id: string): string {
  const match = html.match(new RegExp(`id="${id}"[^>]*>([^<]*)<`))
  return match?.[1] ?? ''
}

/** A cell's words as a screen reader reads them (the dash of an empty cell is hidden; "none" is not). */
const spoken = (cell: string) =>
  cell.replace(/<span[^>]*aria-hidden="true">[^<]*<\/span>/g, '').replace(/<[^>]+>/g, '')

/** The totals' description list as `{ term: value }`. */
function totals(html: string): Record<string, string> {
  const list = html.match(/<dl class="meta run-totals">([\s\S]*?)<\/dl>/)?.[1] ?? ''
  const entries = [...list.matchAll(/<dt>([^<]*)<\/dt><dd>([\s\S]*?)<\/dd>/g)]
  return Object.fromEntries(entries.map((m) => [m[1], spoken(m[2] ?? '')]))
}

describe('the run history charts', () => {
  it('show the month’s counts, success rate and durations, in the page’s one statement', async () => {
    const { response, queries } = await countedPage(`/dashboard/automations/${busyId}`, clientCookie)
    expect(response.status).toBe(200)
    // The session's statement and the page's: the charts add no round trip.
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(html).toContain(`The last 30 days (${dayName(29)} to ${dayName(0)}, UTC):`)
    expect(totals(html)).toEqual({
      Runs: '9',
      Succeeded: '6',
      Failed: '2',
      'Still running': '1',
      'Success rate': '75%',
      'Median duration': '500 ms',
      '95th percentile duration': '2.6 s',
    })
    // Each chart is an image with a name and a description that says its figures.
    for (const id of ['runs-chart', 'rate-chart', 'duration-chart']) {
      expect(html).toContain(`role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc"`)
    }
    expect(textOf(html, 'runs-chart-desc')).toBe(
      `9 runs: 6 succeeded, 2 failed, 1 still running. Most in one day: 3, on ${dayName(5)}. ` +
        'Every day&#39;s figures are in the table below the charts.',
    )
    expect(textOf(html, 'rate-chart-desc')).toBe(
      `75% of the finished runs succeeded over the 30 days. Lowest day: 0%, on ${dayName(29)}.`,
    )
    expect(textOf(html, 'duration-chart-desc')).toBe(
      'Over the 30 days the median run took 500 ms and 95% finished within 2.6 s. ' +
        `Slowest day: 95th percentile 2.9 s, on ${dayName(0)}.`,
    )
    // One bar per day with runs, its segments stacked by outcome (failures hatched, running dotted).
    expect(html).toContain(`<title>${dayName(0)}: 3 runs (2 succeeded, 0 failed, 1 running)</title>`)
    expect(html).toContain(`<title>${dayName(5)}: 3 runs (3 succeeded, 0 failed, 0 running)</title>`)
    expect(html).toContain(`<title>${dayName(29)}: 1 run (0 succeeded, 1 failed, 0 running)</title>`)
    // The run of the day before the window is in the latest runs' table, not in the charts.
    const charts = html.slice(0, html.indexOf('id="latest-runs-heading"'))
    expect(charts).not.toMatch(new RegExp(`[^0-9]${dayName(30)}`))
    const start = html.indexOf('id="runs-chart-title"')
    const runsChart = html.slice(start, html.indexOf('</svg>', start))
    expect(runsChart.match(/fill="url\(#runs-hatch\)"/g)).toHaveLength(2)
    expect(runsChart.match(/fill="url\(#runs-dots\)"/g)).toHaveLength(1)
    expect(html).toContain(`<title>${dayName(5)}: median 200 ms, 95th percentile 290 ms</title>`)
    // The legend says which mark is which in words, not by colour alone.
    expect(html).toContain('Failed (hatched)')
    expect(html).toContain('95th percentile (dashed line, squares)')
  })

  it('list every day with runs in a table, figures per column', async () => {
    const { response } = await countedPage(`/dashboard/automations/${busyId}`, teamCookie)
    const html = await response.text()
    const table = html.slice(html.indexOf('<details class="chart-figures">'), html.indexOf('</details>'))
    const rows = [
      ...table.matchAll(/<tr><th scope="row"><time[^>]*>([^<]*)<\/time><\/th>([\s\S]*?)<\/tr>/g),
    ].map((m) => [
      m[1],
      [...(m[2] ?? '').matchAll(/<td class="num">([\s\S]*?)<\/td>/g)].map((c) => spoken(c[1] ?? '')),
    ])
    expect(rows).toEqual([
      [dayName(29), ['0', '1', '0', '0%', 'none', 'none']],
      [dayName(5), ['3', '0', '0', '100%', '200 ms', '290 ms']],
      [dayName(1), ['1', '1', '0', '50%', '1.1 s', '1.5 s']],
      [dayName(0), ['2', '0', '1', '100%', '2.0 s', '2.9 s']],
    ])
  })

  it('say there were no runs when the month is empty, and draw a single run sensibly', async () => {
    const quiet = await (await countedPage(`/dashboard/automations/${quietId}`, clientCookie)).response.text()
    expect(quiet).toContain(`No runs in the last 30 days (${dayName(29)} to ${dayName(0)}, UTC).`)
    expect(quiet).not.toContain('aria-labelledby="runs-chart-title"')
    const once = await (await countedPage(`/dashboard/automations/${onceId}`, clientCookie)).response.text()
    expect(totals(once)).toMatchObject({ Runs: '1', 'Success rate': '100%', 'Median duration': '1.2 s' })
    expect(textOf(once, 'runs-chart-desc')).toContain(
      `1 run: 1 succeeded, 0 failed, 0 still running. Most in one day: 1, on ${dayName(3)}.`,
    )
    expect(textOf(once, 'duration-chart-desc')).toContain(
      'the median run took 1.2 s and 95% finished within 1.2 s',
    )
    // One dot on the rate chart, no line to draw.
    const rate = once.slice(once.indexOf('id="rate-chart-title"'), once.indexOf('id="duration-chart-title"'))
    expect(rate.match(/<circle /g)).toHaveLength(1)
    expect(rate).toContain('<path d="" fill="none"')
  })

  it('are another company’s client’s 404, like the page', async () => {
    const { response } = await countedPage(`/dashboard/automations/${busyId}`, strangerCookie)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('Busy sync')
  })
})
