import { auditLog, automations, companies, projects } from '@kairo/db'
import { and, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import { auditFor, countedPage, FOREIGN, headings, send } from './team-support.ts'

// Client companies for the team: the list with counts (one statement), a company's users and
// projects, and creating one (slug rules and uniqueness as field errors).

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let teamCookie: string
let clientCookie: string
let companyId: string
let otherCompanyId: string
// Slugs this file creates through the routes, removed afterwards.
const slugPrefix = `t-${fx.run}`

beforeAll(async () => {
  companyId = await fx.company('Aardvark Orbital')
  otherCompanyId = await fx.company('Other Co')
  team = await fx.user('team', null)
  const client = await fx.user('client', companyId, { name: 'Cleo Client' })
  await fx.user('client', companyId, { name: 'Carl Client' })
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)
  await db.insert(projects).values([
    { companyId, name: 'Rover launch site', status: 'in_progress', dueAt: new Date('2031-05-01T00:00:00Z') },
    { companyId, name: 'Brand refresh', status: 'review' },
    { companyId, name: 'Exhibit', status: 'planning' },
  ])
  await db.insert(automations).values({ companyId, title: 'Lead alert', status: 'active' })
})

afterAll(async () => {
  await db.delete(companies).where(like(companies.slug, `${slugPrefix}%`))
  await fx.cleanup()
})

describe('GET /dashboard/companies', () => {
  it('lists companies by name with user, project and automation counts in 2 round trips', async () => {
    const { response, queries } = await countedPage('/dashboard/companies', teamCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Companies'])
    const row = html.match(
      new RegExp(`<tr><th scope="row"><a href="/dashboard/companies/${companyId}">[\\s\\S]*?</tr>`),
    )?.[0]
    expect(row).toBeDefined()
    expect(row).toContain('Aardvark Orbital')
    // Users 2, projects 3, automations 1, in that order.
    expect([...(row ?? '').matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => m[1])).toEqual([
      '2',
      '3',
      '1',
    ])
    const other = html.match(new RegExp(`href="/dashboard/companies/${otherCompanyId}"[\\s\\S]*?</tr>`))?.[0]
    expect([...(other ?? '').matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => m[1])).toEqual([
      '0',
      '0',
      '0',
    ])
  })
})

describe('GET /dashboard/companies/<id>', () => {
  it("shows the company's users and projects in 2 round trips", async () => {
    const { response, queries } = await countedPage(`/dashboard/companies/${companyId}`, teamCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Aardvark Orbital'])
    expect(html).toContain('Carl Client')
    expect(html).toContain('Cleo Client')
    expect(html.indexOf('Carl Client')).toBeLessThan(html.indexOf('Cleo Client'))
    for (const name of ['Rover launch site', 'Brand refresh', 'Exhibit']) expect(html).toContain(name)
    expect(html).toContain('In progress')
    expect(html).toContain('datetime="2031-05-01T00:00:00.000Z"')
    expect(html).toContain(`href="/dashboard/invitations/new?companyId=${companyId}"`)
  })

  it('is 404 for an unknown or malformed id', async () => {
    for (const id of [crypto.randomUUID(), 'new-ish', '1']) {
      expect((await send(`/dashboard/companies/${id}`, { cookie: teamCookie })).status).toBe(404)
    }
  })
})

describe('creating a company', () => {
  it('shows the form with labelled fields', async () => {
    const response = await send('/dashboard/companies/new', { cookie: teamCookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(headings(html)).toEqual(['New company'])
    expect(html).toContain('<label for="company-name">Name</label>')
    expect(html).toContain('<label for="company-slug">Slug</label>')
    expect(html).toContain('<label for="company-website">Website (optional)</label>')
  })

  it('stores an https website given at creation', async () => {
    const slug = `${slugPrefix}-site`
    const response = await send('/dashboard/companies', {
      cookie: teamCookie,
      form: { name: 'Site Co', slug, website: 'https://site.example/' },
    })
    expect(response.status).toBe(303)
    const [row] = await db.select().from(companies).where(eq(companies.slug, slug))
    expect(row?.website).toBe('https://site.example/')
  })

  it('creates one, audits it, and redirects to its page', async () => {
    const slug = `${slugPrefix}-nebula`
    const response = await send('/dashboard/companies', {
      cookie: teamCookie,
      form: { name: 'Nebula Foods', slug },
    })
    expect(response.status).toBe(303)
    const [row] = await db.select().from(companies).where(eq(companies.slug, slug))
    expect(row?.name).toBe('Nebula Foods')
    expect(response.headers.get('location')).toBe(`/dashboard/companies/${row?.id}`)
    const [entry] = await auditFor(db, row?.id ?? '')
    expect(entry).toMatchObject({ action: 'company.created', actorId: team.id, companyId: row?.id })
  })

  it('refuses a malformed slug and a missing name with per-field messages, keeping the input', async () => {
    const response = await send('/dashboard/companies', {
      cookie: teamCookie,
      form: { name: '', slug: `${slugPrefix}-Bad Slug` },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Enter the company&#39;s name')
    expect(html).toContain('Use lower-case letters, digits and single hyphens')
    expect(html).toMatch(
      /id="company-slug"[^>]*aria-invalid="true"[^>]*aria-describedby="company-slug-hint company-slug-error"/,
    )
    expect(html).toContain(`value="${slugPrefix}-Bad Slug"`)
    expect(
      await db
        .select()
        .from(companies)
        .where(like(companies.slug, `${slugPrefix}-Bad%`)),
    ).toHaveLength(0)
  })

  it('refuses a slug already in use as a field error (HTML and JSON)', async () => {
    const slug = `${slugPrefix}-taken`
    expect(
      (await send('/dashboard/companies', { cookie: teamCookie, form: { name: 'First', slug } })).status,
    ).toBe(303)
    const again = await send('/dashboard/companies', { cookie: teamCookie, form: { name: 'Second', slug } })
    expect(again.status).toBe(422)
    expect(await again.text()).toContain('Another company already uses this slug')
    const json = await send('/api/v1/companies', { cookie: teamCookie, json: { name: 'Third', slug } })
    expect(json.status).toBe(422)
    expect(await json.json()).toMatchObject({
      error: {
        code: 'invalid_input',
        fields: { slug: 'Another company already uses this slug; choose another' },
      },
    })
    expect(await db.select().from(companies).where(eq(companies.slug, slug))).toHaveLength(1)
  })

  it('refuses a post from a foreign origin with 403 and creates nothing', async () => {
    const slug = `${slugPrefix}-csrf`
    const response = await send('/dashboard/companies', {
      cookie: teamCookie,
      form: { name: 'Evil', slug },
      origin: FOREIGN,
    })
    expect(response.status).toBe(403)
    expect(await db.select().from(companies).where(eq(companies.slug, slug))).toHaveLength(0)
  })
})

describe('editing a company', () => {
  const editPath = () => `/dashboard/companies/${companyId}/edit`
  const stored = async () => (await db.select().from(companies).where(eq(companies.id, companyId)))[0]

  it('shows the form filled from the company, linked from its page', async () => {
    const page = await (await send(`/dashboard/companies/${companyId}`, { cookie: teamCookie })).text()
    expect(page).toContain(`href="/dashboard/companies/${companyId}/edit"`)
    const response = await send(editPath(), { cookie: teamCookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(headings(html)).toEqual(['Edit Aardvark Orbital'])
    expect(html).toMatch(/id="company-name"[^>]*value="Aardvark Orbital"/)
    expect(html).toMatch(/<input id="company-website" name="website" type="url" value=""/)
    expect(html).toContain(`action="/dashboard/companies/${companyId}"`)
  })

  it('saves the name and website, audits the fields changed, and shows them', async () => {
    const response = await send(`/dashboard/companies/${companyId}`, {
      cookie: teamCookie,
      form: { name: 'Aardvark Orbital Ltd', website: 'https://aardvark.example' },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/dashboard/companies/${companyId}`)
    expect(response.headers.get('set-cookie')).toContain('__Host-flash=')
    expect(await stored()).toMatchObject({
      name: 'Aardvark Orbital Ltd',
      website: 'https://aardvark.example',
    })
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, companyId), eq(auditLog.action, 'company.updated')))
    expect(entry).toMatchObject({ actorId: team.id, companyId, details: { fields: 'name,website' } })
    const page = await (await send(`/dashboard/companies/${companyId}`, { cookie: teamCookie })).text()
    expect(page).toContain('<a href="https://aardvark.example" rel="noopener noreferrer">')
    // Clearing the field removes the website.
    await send(`/dashboard/companies/${companyId}`, {
      cookie: teamCookie,
      form: { name: 'Aardvark Orbital', website: '' },
    })
    expect(await stored()).toMatchObject({ name: 'Aardvark Orbital', website: null })
  })

  it('refuses a website that is not an https address and an empty name, keeping the input', async () => {
    for (const website of [
      'http://aardvark.example',
      'aardvark.example',
      'https://',
      'javascript:alert(1)',
    ]) {
      const response = await send(`/dashboard/companies/${companyId}`, {
        cookie: teamCookie,
        form: { name: '', website },
      })
      expect(response.status).toBe(422)
      const html = await response.text()
      expect(html).toContain('Enter the full address starting with https://')
      expect(html).toContain('Enter the company&#39;s name')
      expect(html).toMatch(/id="company-website"[^>]*aria-invalid="true"/)
      expect(html).toContain(`value="${website}"`)
      expect(html).toContain('href="#company-website"')
    }
    expect(await stored()).toMatchObject({ name: 'Aardvark Orbital', website: null })
  })

  it('refuses a foreign origin (403) and an unknown id (404), changing nothing', async () => {
    const foreign = await send(`/dashboard/companies/${companyId}`, {
      cookie: teamCookie,
      form: { name: 'Evil', website: '' },
      origin: FOREIGN,
    })
    expect(foreign.status).toBe(403)
    for (const id of [crypto.randomUUID(), 'nope']) {
      expect((await send(`/dashboard/companies/${id}/edit`, { cookie: teamCookie })).status).toBe(404)
      const post = await send(`/dashboard/companies/${id}`, { cookie: teamCookie, form: { name: 'X' } })
      expect(post.status).toBe(404)
    }
    expect((await stored())?.name).toBe('Aardvark Orbital')
  })
})

describe('/api/v1/companies', () => {
  it('edits a company with PATCH (partial, website validated, null clears it)', async () => {
    const path = `/api/v1/companies/${otherCompanyId}`
    const named = await send(path, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { website: 'https://other.example' },
    })
    expect(named.status).toBe(200)
    expect(await named.json()).toMatchObject({
      name: 'Other Co',
      website: 'https://other.example',
      changed: ['website'],
    })
    const bad = await send(path, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { website: 'ftp://other.example' },
    })
    expect(bad.status).toBe(422)
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { website: expect.any(String) } },
    })
    const cleared = await send(path, { method: 'PATCH', cookie: teamCookie, json: { website: null } })
    expect(await cleared.json()).toMatchObject({ website: null, changed: ['website'] })
    const missing = await send(`/api/v1/companies/${crypto.randomUUID()}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { name: 'Ghost' },
    })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } })
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, otherCompanyId), eq(auditLog.action, 'company.updated')))
    expect(entries).toHaveLength(2)
  })

  it('lists with counts, gets one with users and projects, creates one', async () => {
    const list = await send('/api/v1/companies', { cookie: teamCookie, wantJson: true })
    expect(list.status).toBe(200)
    const { items } = (await list.json()) as { items: Array<{ id: string }> }
    expect(items.find((c) => c.id === companyId)).toMatchObject({
      userCount: 2,
      projectCount: 3,
      automationCount: 1,
    })
    const one = await send(`/api/v1/companies/${companyId}`, { cookie: teamCookie, wantJson: true })
    const body = (await one.json()) as { users: unknown[]; projects: Array<{ dueAt: string | null }> }
    expect(body.users).toHaveLength(2)
    expect(body.projects.map((p) => p.dueAt)).toContain('2031-05-01T00:00:00.000Z')
    const missing = await send(`/api/v1/companies/${crypto.randomUUID()}`, {
      cookie: teamCookie,
      wantJson: true,
    })
    expect(missing.status).toBe(404)
    const slug = `${slugPrefix}-api`
    const created = await send('/api/v1/companies', { cookie: teamCookie, json: { name: 'Api Co', slug } })
    expect(created.status).toBe(201)
    expect(await created.json()).toMatchObject({ name: 'Api Co', slug })
    const invalid = await send('/api/v1/companies', { cookie: teamCookie, json: { name: 'x', slug: '-' } })
    expect(invalid.status).toBe(422)
  })
})

describe('who may see companies', () => {
  it('gives a client 404 everywhere, even for its own company, and creates nothing', async () => {
    const slug = `${slugPrefix}-client`
    const answers = await Promise.all([
      send('/dashboard/companies', { cookie: clientCookie }),
      send('/dashboard/companies/new', { cookie: clientCookie }),
      send(`/dashboard/companies/${companyId}`, { cookie: clientCookie }),
      send('/dashboard/companies', { cookie: clientCookie, form: { name: 'Client Co', slug } }),
      send('/api/v1/companies', { cookie: clientCookie, wantJson: true }),
      send(`/api/v1/companies/${companyId}`, { cookie: clientCookie, wantJson: true }),
      send('/api/v1/companies', { cookie: clientCookie, json: { name: 'Client Co', slug } }),
      send(`/dashboard/companies/${companyId}/edit`, { cookie: clientCookie }),
      send(`/dashboard/companies/${companyId}`, { cookie: clientCookie, form: { name: 'Mine now' } }),
      send(`/api/v1/companies/${companyId}`, {
        method: 'PATCH',
        cookie: clientCookie,
        json: { name: 'Mine' },
      }),
    ])
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404, 404, 404, 404])
    expect(await db.select().from(companies).where(eq(companies.slug, slug))).toHaveLength(0)
    const [own] = await db.select().from(companies).where(eq(companies.id, companyId))
    expect(own?.name).toBe('Aardvark Orbital')
  })

  it('sends a signed-out browser to sign in and a signed-out API client a 401', async () => {
    expect((await send(`/dashboard/companies/${companyId}`)).status).toBe(303)
    expect((await send('/api/v1/companies', { wantJson: true })).status).toBe(401)
  })
})
