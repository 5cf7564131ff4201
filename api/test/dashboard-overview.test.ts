import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestCountingQueries } from './support/count-queries.ts'
import { createTwoCompanies } from './support/dashboard-fixtures.ts'
import { Fixtures } from './support/session.ts'

const fixtures = new Fixtures()
let clientCookie: string
let teamCookie: string

beforeAll(async () => {
  ;({ clientCookie, teamCookie } = await createTwoCompanies(fixtures))
})

afterAll(() => fixtures.cleanup())

const get = (path: string, cookie?: string) =>
  requestCountingQueries(`http://localhost${path}`, { headers: cookie ? { cookie } : {} })

describe('GET /dashboard', () => {
  it('sends a signed-out visitor to the sign-in page', async () => {
    const { response, queries } = await get('/dashboard')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login?next=%2Fdashboard')
    expect(queries).toHaveLength(0)
  })

  it("shows a client its company's projects, automations and activity, in two round trips", async () => {
    const { response, queries } = await get('/dashboard', clientCookie)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const html = await response.text()
    // Projects with status and next milestone.
    expect(html).toContain('Vega launch site')
    expect(html).toContain('In progress')
    expect(html).toContain('Vega timeline review')
    // Automations with their state in words.
    expect(html).toContain('Vega lead routing')
    expect(html).toMatch(/Vega weekly digest[\s\S]*?Paused/)
    // Activity: a run, a finished milestone and a delivered file.
    expect(html).toMatch(/Vega lead routing<\/a> ran: succeeded in 900 ms/)
    expect(html).toContain('Milestone done: Vega moodboard approved')
    expect(html).toContain('File delivered: Vega poster set')
    // Nothing of the other company, and no company column for a client.
    expect(html).not.toContain('Rigel')
    expect(html).not.toContain('<th scope="col">Company</th>')
    // The session's query and the page's one statement.
    expect(queries).toHaveLength(2)
  })

  it('shows the team every company, with company names, in two round trips', async () => {
    const { response, queries } = await get('/dashboard', teamCookie)
    expect(response.status).toBe(200)
    const html = await response.text()
    // Other test files' companies may be listed too; these two must be.
    for (const label of ['Vega', 'Rigel']) expect(html).toContain(`${label} lead routing`)
    expect(html).toContain('<th scope="col">Company</th>')
    expect(html).toContain('Rigel Corp')
    expect(queries).toHaveLength(2)
  })

  it('frames the page: one h1, skip link, nav with the current page, user name and sign-out form', async () => {
    const html = await (await get('/dashboard', clientCookie)).response.text()
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html.match(/<h1\b/g)).toHaveLength(1)
    expect(html).toContain('<a class="skip-link" href="#main">')
    expect(html).toMatch(/<a href="\/dashboard" aria-current="page">Overview<\/a>/)
    expect(html).toMatch(/<a href="\/dashboard\/projects">Projects<\/a>/)
    expect(html).toContain('Vera Client')
    expect(html).toMatch(/<form method="post" action="\/logout">/)
    // Team links are for the studio only.
    expect(html).not.toContain('/dashboard/leads')
    const teamHtml = await (await get('/dashboard', teamCookie)).response.text()
    for (const path of ['leads', 'companies', 'users', 'invitations']) {
      expect(teamHtml).toContain(`href="/dashboard/${path}"`)
    }
  })
})
