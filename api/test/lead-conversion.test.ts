import { auditLog, companies, leads } from '@kairo/db'
import { and, eq, inArray, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import { auditFor, cleanupDomain, countedPage, FOREIGN, insertLead, send } from './team-support.ts'

// "Make this lead a client": linking a lead to an existing company or creating one from it, by form
// and by /api/v1, each audited; the refusals; and who may do it.

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let teamCookie: string
let clientCookie: string
let existingId: string

/** A slug of this run (so cleanup finds the companies a conversion created). */
const slug = (name: string) => `${name}-${fx.run}`

async function leadRow(id: string) {
  const [row] = await db.select().from(leads).where(eq(leads.id, id))
  return row
}

async function companyBySlug(value: string) {
  const [row] = await db.select().from(companies).where(eq(companies.slug, value))
  return row
}

beforeAll(async () => {
  existingId = await fx.company('Existing Client')
  team = await fx.user('team', null, { name: 'Tess Team' })
  const client = await fx.user('client', existingId)
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)
})

afterAll(async () => {
  await cleanupDomain(db, fx)
  // Companies the conversions created (the fixture's own go with fx.cleanup).
  await db.delete(companies).where(like(companies.slug, `%-${fx.run}`))
  await fx.cleanup()
})

describe('the conversion form', () => {
  it('is on an unconverted lead, with the companies to choose from and the lead company filled in, in 2 round trips', async () => {
    const id = await insertLead(db, fx, { company: 'Nova Foundry Ltd.' })
    const { response, queries } = await countedPage(`/dashboard/leads/${id}`, teamCookie)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(html).toContain(`action="/dashboard/leads/${id}/conversion"`)
    expect(html).toContain(`<option value="${existingId}">Existing Client</option>`)
    expect(html).toMatch(/id="lead-conversion-name"[^>]*value="Nova Foundry Ltd\."/)
    expect(html).toMatch(/id="lead-conversion-slug"[^>]*value="nova-foundry-ltd"/)
  })

  it('creates a company from the lead, links it, audits both, and then shows the company instead of the form', async () => {
    const id = await insertLead(db, fx, { company: 'Nova Foundry' })
    const response = await send(`/dashboard/leads/${id}/conversion`, {
      cookie: teamCookie,
      form: { companyId: '', name: 'Nova Foundry', slug: slug('nova-foundry') },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/dashboard/leads/${id}`)
    const company = await companyBySlug(slug('nova-foundry'))
    expect(company?.name).toBe('Nova Foundry')
    const row = await leadRow(id)
    expect(row?.companyId).toBe(company?.id)
    expect(row?.convertedAt).toBeInstanceOf(Date)
    const [entry] = await auditFor(db, id)
    expect(entry).toMatchObject({
      action: 'lead.converted',
      actorId: team.id,
      companyId: company?.id,
      details: { companyId: company?.id, created: true },
    })
    const created = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'company.created'), eq(auditLog.targetId, company?.id ?? '')))
    expect(created).toHaveLength(1)

    const flash = response.headers.get('set-cookie')?.match(/__Host-flash=([^;]+)/)?.[1]
    const page = await (
      await send(`/dashboard/leads/${id}`, { cookie: `${teamCookie}; __Host-flash=${flash}` })
    ).text()
    expect(page).toContain('Nova Foundry was created and this lead is now its client.')
    expect(page).toContain(`<a href="/dashboard/companies/${company?.id}">Nova Foundry</a>`)
    expect(page).not.toContain(`action="/dashboard/leads/${id}/conversion"`)
  })

  it('links a lead to an existing company', async () => {
    const id = await insertLead(db, fx)
    const response = await send(`/dashboard/leads/${id}/conversion`, {
      cookie: teamCookie,
      form: { companyId: existingId, name: '', slug: '' },
    })
    expect(response.status).toBe(303)
    expect(await leadRow(id)).toMatchObject({ companyId: existingId, convertedAt: expect.any(Date) })
    const [entry] = await auditFor(db, id)
    expect(entry).toMatchObject({
      action: 'lead.converted',
      details: { companyId: existingId, created: false },
    })
  })

  it('refuses a new company without a name or with a bad or taken slug (422, input kept, nothing changed)', async () => {
    const id = await insertLead(db, fx)
    const empty = await send(`/dashboard/leads/${id}/conversion`, {
      cookie: teamCookie,
      form: { companyId: '', name: ' ', slug: 'Not A Slug' },
    })
    expect(empty.status).toBe(422)
    const html = await empty.text()
    expect(html).toContain('Enter the company&#39;s name')
    expect(html).toContain('Use lower-case letters, digits and single hyphens')
    expect(html).toMatch(/id="lead-conversion-slug"[^>]*value="Not A Slug"[^>]*aria-invalid="true"/)
    expect(html).toContain('href="#lead-conversion-slug"')

    const taken = await db
      .select({ slug: companies.slug })
      .from(companies)
      .where(eq(companies.id, existingId))
    const duplicate = await send(`/dashboard/leads/${id}/conversion`, {
      cookie: teamCookie,
      form: { companyId: '', name: 'Copycat', slug: taken[0]?.slug ?? '' },
    })
    expect(duplicate.status).toBe(422)
    expect(await duplicate.text()).toContain('Another company already uses this slug')

    const unknown = await send(`/dashboard/leads/${id}/conversion`, {
      cookie: teamCookie,
      form: { companyId: crypto.randomUUID(), name: '', slug: '' },
    })
    expect(unknown.status).toBe(422)
    expect(await unknown.text()).toContain('Choose a company from the list')

    expect(await leadRow(id)).toMatchObject({ companyId: null, convertedAt: null })
    expect(await auditFor(db, id)).toHaveLength(0)
    expect(await db.select().from(companies).where(eq(companies.name, 'Copycat'))).toHaveLength(0)
  })

  it('leaves a converted lead as it is, saying so', async () => {
    const id = await insertLead(db, fx)
    await send(`/dashboard/leads/${id}/conversion`, { cookie: teamCookie, form: { companyId: existingId } })
    const before = await leadRow(id)
    const again = await send(`/dashboard/leads/${id}/conversion`, {
      cookie: teamCookie,
      form: { companyId: '', name: 'Second Try', slug: slug('second-try') },
    })
    expect(again.status).toBe(303)
    expect(await leadRow(id)).toEqual(before)
    expect(await companyBySlug(slug('second-try'))).toBeUndefined()
    expect(await auditFor(db, id)).toHaveLength(1)
  })

  it('refuses a foreign origin (403), a missing lead (404) and a client (404), changing nothing', async () => {
    const id = await insertLead(db, fx)
    const form = { companyId: existingId }
    const answers = await Promise.all([
      send(`/dashboard/leads/${id}/conversion`, { cookie: teamCookie, form, origin: FOREIGN }),
      send(`/dashboard/leads/${crypto.randomUUID()}/conversion`, { cookie: teamCookie, form }),
      send(`/dashboard/leads/${id}/conversion`, { cookie: clientCookie, form }),
      send(`/api/v1/leads/${id}/conversion`, { cookie: clientCookie, json: { companyId: existingId } }),
    ])
    expect(answers.map((r) => r.status)).toEqual([403, 404, 404, 404])
    expect(await leadRow(id)).toMatchObject({ companyId: null, convertedAt: null })
  })
})

describe('POST /api/v1/leads/{id}/conversion', () => {
  it('links to an existing company or creates one, then answers 409 for a converted lead', async () => {
    const linked = await insertLead(db, fx)
    const link = await send(`/api/v1/leads/${linked}/conversion`, {
      cookie: teamCookie,
      json: { companyId: existingId },
    })
    expect(link.status).toBe(201)
    expect(await link.json()).toMatchObject({
      id: linked,
      company: { id: existingId, name: 'Existing Client' },
      created: false,
      convertedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })

    const fresh = await insertLead(db, fx)
    const create = await send(`/api/v1/leads/${fresh}/conversion`, {
      cookie: teamCookie,
      json: { company: { name: 'Api Made', slug: slug('api-made'), website: 'https://api-made.example' } },
    })
    expect(create.status).toBe(201)
    const company = await companyBySlug(slug('api-made'))
    expect(company).toMatchObject({ name: 'Api Made', website: 'https://api-made.example' })
    expect(await create.json()).toMatchObject({ created: true, company: { id: company?.id } })

    const detail = await send(`/api/v1/leads/${fresh}`, { cookie: teamCookie, wantJson: true })
    expect(await detail.json()).toMatchObject({ companyId: company?.id, companyName: 'Api Made' })

    const again = await send(`/api/v1/leads/${fresh}/conversion`, {
      cookie: teamCookie,
      json: { companyId: existingId },
    })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ error: { code: 'already_converted' } })
    expect((await leadRow(fresh))?.companyId).toBe(company?.id)
  })

  it('refuses both targets or neither, and a taken slug, as field errors', async () => {
    const id = await insertLead(db, fx)
    const both = await send(`/api/v1/leads/${id}/conversion`, {
      cookie: teamCookie,
      json: { companyId: existingId, company: { name: 'X', slug: slug('x') } },
    })
    expect(both.status).toBe(422)
    expect(await both.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { companyId: expect.any(String) } },
    })
    const neither = await send(`/api/v1/leads/${id}/conversion`, { cookie: teamCookie, json: {} })
    expect(neither.status).toBe(422)
    const [existing] = await db
      .select()
      .from(companies)
      .where(inArray(companies.id, [existingId]))
    const taken = await send(`/api/v1/leads/${id}/conversion`, {
      cookie: teamCookie,
      json: { company: { name: 'Copy', slug: existing?.slug } },
    })
    expect(taken.status).toBe(422)
    expect(await taken.json()).toMatchObject({
      error: { fields: { 'company.slug': expect.stringContaining('slug') } },
    })
    expect(await leadRow(id)).toMatchObject({ companyId: null, convertedAt: null })
  })

  it('answers 404 for a lead that does not exist', async () => {
    const response = await send(`/api/v1/leads/${crypto.randomUUID()}/conversion`, {
      cookie: teamCookie,
      json: { companyId: existingId },
    })
    expect(response.status).toBe(404)
  })
})
