import { deliverableVersions, type leads, projectDeliverables, projects } from '@kairo/db'
import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readAnalytics, type StudioAnalytics } from '../src/data/analytics.ts'
import { Fixtures } from './support/session.ts'
import { cleanupDomain, countedPage, headings, insertLead, send } from './team-support.ts'

// The studio analytics: the figures from known rows (read "as of" a moment in 2300, where no other
// test file has leads or approvals), and the page and its JSON twin as the team, a client and a
// signed-out visitor get them.

const fx = new Fixtures()
const db = fx.db
const DAY = 24 * 60 * 60 * 1000
const at = (iso: string) => new Date(`${iso}Z`)
// A Wednesday; its week began on Monday 2300-03-12, so 12 weeks begin on Monday 2299-12-25.
const until = at('2300-03-14T12:00:00')
let teamCookie: string
let clientCookie: string
let figures: StudioAnalytics
const versionIds: string[] = []
let oldestWaiting: string
let superseded: string

async function deliverable(projectId: string, title: string) {
  const [row] = await db
    .insert(projectDeliverables)
    .values({ projectId, title })
    .returning({ id: projectDeliverables.id })
  if (!row) throw new Error('test: deliverable not created')
  return row.id
}

async function version(
  deliverableId: string,
  number: number,
  uploaded: string,
  approved: string | null,
): Promise<string> {
  const [row] = await db
    .insert(deliverableVersions)
    .values({
      deliverableId,
      number,
      fileName: 'poster.pdf',
      objectKey: `test/${fx.run}/${deliverableId}/${number}.pdf`,
      contentType: 'application/pdf',
      bytes: 1000,
      uploadedAt: at(uploaded),
      ...(approved ? { reviewState: 'approved' as const, reviewedAt: at(approved) } : {}),
    })
    .returning({ id: deliverableVersions.id })
  if (!row) throw new Error('test: version not created')
  versionIds.push(row.id)
  return row.id
}

beforeAll(async () => {
  const company = await fx.company('Analytics Co')
  const team = await fx.user('team', null)
  const client = await fx.user('client', company)
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)

  const lead = (createdAt: string, values: Partial<typeof leads.$inferInsert> = {}) =>
    insertLead(db, fx, { createdAt: at(createdAt), ...values })
  // The last week (Monday 2300-03-12): two leads, one of them a client since the next day.
  await lead('2300-03-12T09:00:00', { sourcePage: '/contact/', service: 'websites' })
  await lead('2300-03-13T10:00:00', {
    sourcePage: '/contact/',
    service: 'interactive-3d',
    companyId: company,
    convertedAt: at('2300-03-13T15:00:00'),
  })
  // Week 10 of 12: one lead from a service page, without a service.
  await lead('2300-02-27T08:00:00', { sourcePage: '/services/interactive-3d/' })
  // The first week's first instant counts; the instant before it and anything after `until` do not.
  await lead('2299-12-25T00:00:00')
  await lead('2299-12-24T23:59:59', { sourcePage: '/too-early/' })
  await lead('2300-03-14T13:00:00', { sourcePage: '/too-late/' })
  // Received before the period, converted in its third week: a conversion of the period, but not a
  // lead of it.
  await lead('2299-12-01T08:00:00', { convertedAt: at('2300-01-10T08:00:00'), companyId: company })
  // Week 6 of 12: twelve leads from twelve pages, for the top 10 and "other".
  for (let i = 1; i <= 12; i++) {
    await lead(`2300-01-29T0${i % 10}:00:00`, { sourcePage: `/p/${String(i).padStart(2, '0')}/` })
  }

  // One lead now, so the page's own period (up to now) has rankings to draw.
  await insertLead(db, fx, { sourcePage: '/contact/', service: 'websites' })

  const [project] = await db
    .insert(projects)
    .values({ companyId: company, name: 'Analytics launch site' })
    .returning({ id: projects.id })
  if (!project) throw new Error('test: project not created')
  // Approvals: two in January (2 and 4 days), one in February (10 days), one before the period.
  await version(await deliverable(project.id, 'January A'), 1, '2300-01-10T00:00:00', '2300-01-12T00:00:00')
  await version(await deliverable(project.id, 'January B'), 1, '2300-01-20T00:00:00', '2300-01-24T00:00:00')
  await version(await deliverable(project.id, 'February'), 1, '2300-02-01T00:00:00', '2300-02-11T00:00:00')
  await version(await deliverable(project.id, 'December'), 1, '2299-12-01T00:00:00', '2299-12-20T00:00:00')
  // Waiting since 1999: older than any other test's upload, so first in the list.
  oldestWaiting = await version(
    await deliverable(project.id, 'Waiting since 1999'),
    1,
    '1999-01-01T00:00:00',
    null,
  )
  // A waiting version 1 with a newer version 2: it waits for nothing, so it is not listed.
  const replaced = await deliverable(project.id, 'Replaced')
  superseded = await version(replaced, 1, '1998-01-01T00:00:00', null)
  await version(replaced, 2, '2300-03-01T00:00:00', '2300-03-02T00:00:00')

  const read = await readAnalytics(db, { kind: 'all' }, 12, until)
  if (!read) throw new Error('test: no analytics for the studio scope')
  figures = read
})

afterAll(async () => {
  if (versionIds.length > 0)
    await db.delete(deliverableVersions).where(inArray(deliverableVersions.id, versionIds))
  await cleanupDomain(db, fx)
  await fx.cleanup()
})

describe('readAnalytics', () => {
  it('counts the leads of every week of the period, weeks without leads as zero', () => {
    expect(figures.since).toBe('2299-12-25')
    expect(figures.leadsPerWeek).toHaveLength(12)
    expect(figures.leadsPerWeek.map((w) => w.week)).toEqual(
      Array.from({ length: 12 }, (_, i) =>
        new Date(Date.UTC(2299, 11, 25) + i * 7 * DAY).toISOString().slice(0, 10),
      ),
    )
    expect(figures.leadsPerWeek.map((w) => w.leads)).toEqual([1, 0, 0, 0, 0, 12, 0, 0, 0, 1, 0, 2])
    expect(figures.totals.leads).toBe(16)
  })

  it('counts conversions by the week they happened, and the rate by the week the lead arrived', () => {
    expect(figures.leadsPerWeek.map((w) => w.converted)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    expect(figures.leadsPerWeek.map((w) => w.receivedConverted)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1])
    expect(figures.totals).toMatchObject({ converted: 2, receivedConverted: 1 })
  })

  it('ranks source pages and services, the top 10 and the rest as other', () => {
    expect(figures.bySourcePage.top).toHaveLength(10)
    expect(figures.bySourcePage.top.slice(0, 3)).toEqual([
      { key: '/contact/', leads: 2 },
      { key: '/p/01/', leads: 1 },
      { key: '/p/02/', leads: 1 },
    ])
    // Past the top 10: /p/10/, /p/11/, /p/12/, the service page and the lead without a page.
    expect(figures.bySourcePage).toMatchObject({ otherLeads: 5, otherEntries: 5 })
    expect(figures.byService).toEqual({
      top: [
        { key: null, leads: 14 },
        { key: 'interactive-3d', leads: 1 },
        { key: 'websites', leads: 1 },
      ],
      otherLeads: 0,
      otherEntries: 0,
    })
  })

  it('gives the median and 90th percentile of upload-to-approval days per month of the period', () => {
    expect(figures.turnaround).toEqual([
      { month: '2299-12-01', approvals: 0, medianDays: null, p90Days: null },
      { month: '2300-01-01', approvals: 2, medianDays: 3, p90Days: 3.8 },
      { month: '2300-02-01', approvals: 1, medianDays: 10, p90Days: 10 },
      { month: '2300-03-01', approvals: 1, medianDays: 1, p90Days: 1 },
    ])
    expect(figures.totals).toMatchObject({ approvals: 4, medianDays: 3, p90Days: 8.2 })
  })

  it('lists the current versions waiting longest, not one a newer version replaced', () => {
    expect(figures.waiting[0]).toMatchObject({
      versionId: oldestWaiting,
      deliverableTitle: 'Waiting since 1999',
      projectName: 'Analytics launch site',
      companyName: 'Analytics Co',
      uploadedAt: '1999-01-01T00:00:00.000Z',
    })
    expect(figures.waiting[0]?.waitingDays).toBeCloseTo((until.getTime() - Date.UTC(1999, 0, 1)) / DAY, 1)
    expect(figures.waiting.map((v) => v.versionId)).not.toContain(superseded)
  })

  it('gives a client scope nothing', async () => {
    expect(await readAnalytics(db, { kind: 'company', companyId: crypto.randomUUID() }, 12, until)).toBeNull()
  })
})

describe('GET /dashboard/analytics', () => {
  it('draws every chart with its table, in 2 round trips, with the nav entry marked', async () => {
    const { response, queries } = await countedPage('/dashboard/analytics', teamCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Analytics'])
    expect(html).toContain('<a href="/dashboard/analytics" aria-current="page">Analytics</a>')
    // Leads, two rankings, conversions, rate, turnaround: each an image named and described.
    const charts = html.match(/<svg class="chart" role="img"/g) ?? []
    expect(charts).toHaveLength(6)
    for (const id of [
      'leads-chart',
      'pages-chart',
      'services-chart',
      'conversions-chart',
      'rate-chart',
      'turnaround-chart',
    ]) {
      expect(html).toContain(`aria-describedby="${id}-desc"`)
    }
    expect(html).toContain('<caption>Leads and conversions per week over the last 12 weeks')
    expect(html).toContain('Approvals per month')
    expect(html).toContain('<option value="12" selected="">Last 12 weeks</option>')
  })

  it('shows the chosen period, and the default for a period it does not offer', async () => {
    const half = await (await send('/dashboard/analytics?weeks=26', { cookie: teamCookie })).text()
    expect(half).toContain('<option value="26" selected="">Last 26 weeks</option>')
    expect(half).toContain('over the last 26 weeks')
    const odd = await send('/dashboard/analytics?weeks=7', { cookie: teamCookie })
    expect(odd.status).toBe(200)
    expect(await odd.text()).toContain('<option value="12" selected="">Last 12 weeks</option>')
  })
})

describe('GET /api/v1/analytics', () => {
  it('answers the same figures as JSON, a year of weeks for weeks=52', async () => {
    const response = await send('/api/v1/analytics?weeks=52', { cookie: teamCookie, wantJson: true })
    expect(response.status).toBe(200)
    const body = (await response.json()) as StudioAnalytics
    expect(body.weeks).toBe(52)
    expect(body.leadsPerWeek).toHaveLength(52)
    expect(body.bySourcePage.top.length).toBeLessThanOrEqual(10)
    expect(body.turnaround.length).toBeGreaterThanOrEqual(12)
    // The 1999 version waits longest whatever the period.
    expect(body.waiting[0]?.versionId).toBe(oldestWaiting)
  })
})

describe('who may see the analytics', () => {
  it('gives a client 404 on the page and the endpoint', async () => {
    expect((await send('/dashboard/analytics', { cookie: clientCookie })).status).toBe(404)
    expect((await send('/api/v1/analytics', { cookie: clientCookie, wantJson: true })).status).toBe(404)
  })

  it('sends a signed-out browser to sign in and a signed-out API client a 401', async () => {
    const page = await send('/dashboard/analytics')
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/login?next=%2Fdashboard%2Fanalytics')
    expect((await send('/api/v1/analytics', { wantJson: true })).status).toBe(401)
  })
})
