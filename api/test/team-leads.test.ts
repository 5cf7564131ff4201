import { leadNotes, leads } from '@kairo/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import { auditFor, cleanupDomain, countedPage, FOREIGN, headings, insertLead, send } from './team-support.ts'

// The team's leads: list (newest first, status filter, pages), detail, status change and notes, as
// HTML and as JSON, each write audited.

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let teamCookie: string
let clientCookie: string
// Leads dated in the far future are the newest in the table, whatever other test files insert.
const future = (minutes: number) => new Date(Date.UTC(2200, 0, 1) + minutes * 60_000)
const qualified: string[] = []
let leadId: string

beforeAll(async () => {
  const company = await fx.company('Leads Co')
  team = await fx.user('team', null, { name: 'Tess Team' })
  const client = await fx.user('client', company)
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)
  // 27 qualified leads: one full page of 25 and two on page 2; newest has the latest date.
  for (let i = 0; i < 27; i++) {
    qualified.push(
      await insertLead(db, fx, { status: 'qualified', name: `Qualified ${i}`, createdAt: future(i) }),
    )
  }
  leadId = await insertLead(db, fx, {
    name: 'Ada <Lovelace>',
    company: 'Analytical Engines',
    message: 'First paragraph.\n\nSecond paragraph,\nsame paragraph.',
    createdAt: future(100),
  })
})

afterAll(async () => {
  await cleanupDomain(db, fx)
  await fx.cleanup()
})

describe('GET /dashboard/leads', () => {
  it('lists the newest first for the team in 2 round trips, escaped, with one h1', async () => {
    const { response, queries } = await countedPage('/dashboard/leads', teamCookie)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(headings(html)).toEqual(['Leads'])
    expect(queries).toHaveLength(2)
    // The newest lead of all (dated 2200) comes first, with its name escaped.
    const first = html.indexOf('Ada &lt;Lovelace&gt;')
    expect(first).toBeGreaterThan(0)
    expect(first).toBeLessThan(html.indexOf('Qualified 26'))
    expect(html).not.toContain('Ada <Lovelace>')
    expect(html).toContain(`href="/dashboard/leads/${leadId}"`)
    expect(html).toMatch(/<caption>[^<]*All leads/)
  })

  it('filters by status with a GET form and pages through the result', async () => {
    const page1 = await (await send('/dashboard/leads?status=qualified', { cookie: teamCookie })).text()
    expect(page1).toContain('<option value="qualified" selected="">Qualified</option>')
    expect(page1).not.toContain('Ada &lt;Lovelace&gt;')
    // Newest first: 26 down to 2 on page 1, then 1 and 0 on page 2.
    expect(page1.indexOf('Qualified 26<')).toBeLessThan(page1.indexOf('Qualified 2<'))
    expect(page1).not.toContain('Qualified 1<')
    expect(page1).toContain('href="/dashboard/leads?status=qualified&amp;page=2"')
    const { response, queries } = await countedPage('/dashboard/leads?status=qualified&page=2', teamCookie)
    const page2 = await response.text()
    expect(queries).toHaveLength(2)
    expect(page2).toContain('Qualified 1<')
    expect(page2).toContain('Qualified 0<')
    expect(page2).not.toContain('Qualified 26<')
    expect(page2).toContain('href="/dashboard/leads?status=qualified"')
  })

  it('answers a page past the end with a way back, and ignores a tampered filter', async () => {
    const past = await (
      await send('/dashboard/leads?status=qualified&page=9999', { cookie: teamCookie })
    ).text()
    expect(past).toContain('past the end')
    const tampered = await send('/dashboard/leads?status=everything&page=x', { cookie: teamCookie })
    expect(tampered.status).toBe(200)
    expect(await tampered.text()).toContain('Ada &lt;Lovelace&gt;')
  })
})

describe('GET /dashboard/leads/<id>', () => {
  it('shows the message, contact details, status form and notes in 2 round trips', async () => {
    const { response, queries } = await countedPage(`/dashboard/leads/${leadId}`, teamCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Ada &lt;Lovelace&gt;'])
    expect(html).toContain('Analytical Engines')
    expect(html).toContain('<p>First paragraph.</p>')
    expect(html).toContain('<p>Second paragraph,<br/>same paragraph.</p>')
    expect(html).toMatch(/href="mailto:lead-\d+@run-/)
    expect(html).toContain(`action="/dashboard/leads/${leadId}/status"`)
    expect(html).toContain(`action="/dashboard/leads/${leadId}/notes"`)
    expect(html).toContain('No notes yet.')
  })

  it('is 404 for an unknown or malformed id', async () => {
    for (const id of [crypto.randomUUID(), 'not-a-uuid']) {
      const response = await send(`/dashboard/leads/${id}`, { cookie: teamCookie })
      expect(response.status).toBe(404)
      // The dashboard's own 404 page, in its frame.
      expect(await response.text()).toContain('There is nothing here, or it is not part of your account.')
    }
  })
})

describe('changing the status and adding notes (forms)', () => {
  it('changes the status, audits from/to, and shows a one-time message', async () => {
    const id = await insertLead(db, fx)
    const response = await send(`/dashboard/leads/${id}/status`, {
      cookie: teamCookie,
      form: { status: 'contacted' },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/dashboard/leads/${id}`)
    const [row] = await db.select().from(leads).where(eq(leads.id, id))
    expect(row?.status).toBe('contacted')
    const [entry] = await auditFor(db, id)
    expect(entry).toMatchObject({
      action: 'lead.status_changed',
      actorId: team.id,
      targetType: 'lead',
      details: { from: 'new', to: 'contacted' },
    })
    const flash = response.headers.get('set-cookie')?.match(/__Host-flash=([^;]+)/)?.[1]
    expect(flash).toBeTruthy()
    const page = await send(`/dashboard/leads/${id}`, { cookie: `${teamCookie}; __Host-flash=${flash}` })
    expect(await page.text()).toContain('Status changed to Contacted.')
  })

  it('refuses an unknown status with 422 and the message by the field, changing nothing', async () => {
    const id = await insertLead(db, fx)
    const response = await send(`/dashboard/leads/${id}/status`, {
      cookie: teamCookie,
      form: { status: 'won' },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Choose a status')
    expect(html).toMatch(/id="lead-status-status"[^>]*aria-invalid="true"/)
    expect(html).toContain('href="#lead-status-status"')
    const [row] = await db.select().from(leads).where(eq(leads.id, id))
    expect(row?.status).toBe('new')
    expect(await auditFor(db, id)).toHaveLength(0)
  })

  it('adds notes, listed newest first with author and time, each audited', async () => {
    const id = await insertLead(db, fx)
    for (const body of ['Called, left a voicemail.', 'Sent the proposal <b>v2</b>.']) {
      const response = await send(`/dashboard/leads/${id}/notes`, { cookie: teamCookie, form: { body } })
      expect(response.status).toBe(303)
    }
    const html = await (await send(`/dashboard/leads/${id}`, { cookie: teamCookie })).text()
    const newer = html.indexOf('Sent the proposal &lt;b&gt;v2&lt;/b&gt;.')
    const older = html.indexOf('Called, left a voicemail.')
    expect(newer).toBeGreaterThan(0)
    expect(newer).toBeLessThan(older)
    expect(html).toContain('<strong>Tess Team</strong>')
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/)
    const notes = await db.select().from(leadNotes).where(eq(leadNotes.leadId, id))
    expect(notes).toHaveLength(2)
    const entries = await auditFor(db, id)
    expect(entries.map((e) => e.action)).toEqual(['lead.note_added', 'lead.note_added'])
    // The audit names the note, never its text.
    expect(JSON.stringify(entries)).not.toContain('voicemail')
  })

  it('refuses an empty note with 422, keeping the page, storing nothing', async () => {
    const id = await insertLead(db, fx)
    const response = await send(`/dashboard/leads/${id}/notes`, { cookie: teamCookie, form: { body: '   ' } })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Write a note before adding it')
    expect(await db.select().from(leadNotes).where(eq(leadNotes.leadId, id))).toHaveLength(0)
  })

  it('answers 404 for a lead that does not exist', async () => {
    const missing = crypto.randomUUID()
    const status = await send(`/dashboard/leads/${missing}/status`, {
      cookie: teamCookie,
      form: { status: 'closed' },
    })
    const note = await send(`/dashboard/leads/${missing}/notes`, {
      cookie: teamCookie,
      form: { body: 'Hello' },
    })
    expect([status.status, note.status]).toEqual([404, 404])
  })

  it('refuses posts from a foreign origin with 403 and changes nothing', async () => {
    const id = await insertLead(db, fx)
    const status = await send(`/dashboard/leads/${id}/status`, {
      cookie: teamCookie,
      form: { status: 'closed' },
      origin: FOREIGN,
    })
    const note = await send(`/dashboard/leads/${id}/notes`, {
      cookie: teamCookie,
      form: { body: 'x' },
      origin: FOREIGN,
    })
    expect([status.status, note.status]).toEqual([403, 403])
    const [row] = await db.select().from(leads).where(eq(leads.id, id))
    expect(row?.status).toBe('new')
    expect(await db.select().from(leadNotes).where(eq(leadNotes.leadId, id))).toHaveLength(0)
  })
})

describe('/api/v1/leads', () => {
  it('lists, filters and pages like the page', async () => {
    const response = await send('/api/v1/leads?status=qualified', { cookie: teamCookie, wantJson: true })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { items: Array<{ id: string; createdAt: string }>; total: number }
    expect(body.items).toHaveLength(25)
    expect(body.items[0]?.id).toBe(qualified[26])
    expect(body.items[0]?.createdAt).toBe('2200-01-01T00:26:00.000Z')
    expect(body.total).toBeGreaterThanOrEqual(27)
    const bad = await send('/api/v1/leads?status=everything', { cookie: teamCookie, wantJson: true })
    expect(bad.status).toBe(422)
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.status).toMatch(
      /Choose a status/,
    )
  })

  it('gets one lead with its notes, and 404s an unknown one', async () => {
    const ok = await send(`/api/v1/leads/${leadId}`, { cookie: teamCookie, wantJson: true })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ id: leadId, name: 'Ada <Lovelace>', notes: [] })
    const missing = await send(`/api/v1/leads/${crypto.randomUUID()}`, { cookie: teamCookie, wantJson: true })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ error: { code: 'not_found', message: 'No such lead' } })
  })

  it('changes the status (PATCH) and adds a note (POST), both audited', async () => {
    const id = await insertLead(db, fx)
    const patched = await send(`/api/v1/leads/${id}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { status: 'closed' },
    })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toEqual({ id, status: 'closed', changed: true })
    const noted = await send(`/api/v1/leads/${id}/notes`, {
      cookie: teamCookie,
      json: { body: 'Lost to a competitor.' },
    })
    expect(noted.status).toBe(201)
    expect(await noted.json()).toMatchObject({ body: 'Lost to a competitor.', authorName: 'Tess Team' })
    expect((await auditFor(db, id)).map((e) => e.action).sort()).toEqual([
      'lead.note_added',
      'lead.status_changed',
    ])
    const invalid = await send(`/api/v1/leads/${id}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { status: 'won' },
    })
    expect(invalid.status).toBe(422)
    const missing = await send(`/api/v1/leads/${crypto.randomUUID()}/notes`, {
      cookie: teamCookie,
      json: { body: 'x' },
    })
    expect(missing.status).toBe(404)
  })

  it('refuses a form content type with 415 (no CSRF through the API)', async () => {
    const id = await insertLead(db, fx)
    const response = await send(`/api/v1/leads/${id}`, {
      method: 'PATCH',
      cookie: teamCookie,
      form: { status: 'closed' },
      origin: FOREIGN,
    })
    expect(response.status).toBe(415)
    const [row] = await db.select().from(leads).where(eq(leads.id, id))
    expect(row?.status).toBe('new')
  })
})

describe('who may see leads', () => {
  it('gives a client 404 on every leads page, form and endpoint, changing nothing', async () => {
    const id = await insertLead(db, fx)
    const answers = await Promise.all([
      send('/dashboard/leads', { cookie: clientCookie }),
      send(`/dashboard/leads/${id}`, { cookie: clientCookie }),
      send(`/dashboard/leads/${id}/status`, { cookie: clientCookie, form: { status: 'closed' } }),
      send(`/dashboard/leads/${id}/notes`, { cookie: clientCookie, form: { body: 'x' } }),
      send('/api/v1/leads', { cookie: clientCookie, wantJson: true }),
      send(`/api/v1/leads/${id}`, { cookie: clientCookie, wantJson: true }),
      send(`/api/v1/leads/${id}`, { method: 'PATCH', cookie: clientCookie, json: { status: 'closed' } }),
      send(`/api/v1/leads/${id}/notes`, { cookie: clientCookie, json: { body: 'x' } }),
    ])
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404])
    const [row] = await db.select().from(leads).where(eq(leads.id, id))
    expect(row?.status).toBe('new')
    expect(await db.select().from(leadNotes).where(eq(leadNotes.leadId, id))).toHaveLength(0)
  })

  it('sends a signed-out browser to sign in and a signed-out API client a 401', async () => {
    const page = await send('/dashboard/leads')
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/login?next=%2Fdashboard%2Fleads')
    expect((await send('/api/v1/leads', { wantJson: true })).status).toBe(401)
  })
})
