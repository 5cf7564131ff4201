import { auditLog, automations } from '@kairo/db'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestCountingQueries } from './support/count-queries.ts'
import {
  automationStatus,
  type CompanyWork,
  clearAutomationStateLimits,
  createTwoCompanies,
} from './support/dashboard-fixtures.ts'
import { Fixtures, type TestUser } from './support/session.ts'

const ORIGIN = 'http://localhost'
const fixtures = new Fixtures()
let vega: CompanyWork
let rigel: CompanyWork
let client: TestUser
let clientCookie: string
let teamCookie: string

beforeAll(async () => {
  ;({ vega, rigel, client, clientCookie, teamCookie } = await createTwoCompanies(fixtures))
})

afterAll(async () => {
  await clearAutomationStateLimits(fixtures.db, client.id)
  await fixtures.cleanup()
})

const get = (path: string, cookie = clientCookie) =>
  requestCountingQueries(`${ORIGIN}${path}`, { headers: { cookie } })

const post = (path: string, cookie = clientCookie, headers: Record<string, string> = { origin: ORIGIN }) =>
  requestCountingQueries(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', ...headers },
    body: '',
  })

const statusOf = (id: string) => automationStatus(fixtures.db, id)

async function auditFor(id: string) {
  return fixtures.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'automation'), eq(auditLog.targetId, id)))
    .orderBy(auditLog.at)
}

/** The flash cookie a redirect set, as a Cookie header for the next request. */
function flashCookieOf(response: Response): string {
  const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-flash='))
  if (!setCookie) throw new Error('no flash cookie')
  return setCookie.split(';')[0] as string
}

describe('GET /dashboard/automations', () => {
  it('lists the automations with state, last run, outcome and duration, in two round trips', async () => {
    const { response, queries } = await get('/dashboard/automations')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/aria-current="page">Automations<\/a>/)
    expect(html).toContain('3 automations, running ones first')
    expect(html.indexOf('Vega lead routing')).toBeLessThan(html.indexOf('Vega weekly digest'))
    expect(html.indexOf('Vega weekly digest')).toBeLessThan(html.indexOf('Vega draft flow'))
    expect(html).toMatch(/Vega lead routing[\s\S]*?Running[\s\S]*?Succeeded[\s\S]*?900 ms/)
    expect(html).toContain('Never run')
    expect(html).not.toContain('Rigel')
    expect(queries).toHaveLength(2)
  })
})

describe('GET /dashboard/automations/<id>', () => {
  it('draws the flow as an accessible SVG and lists the steps in text', async () => {
    const { response, queries } = await get(`/dashboard/automations/${vega.activeAutomationId}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<svg class="flow" role="img" aria-labelledby="flow-title flow-desc"/)
    expect(html).toContain('<title id="flow-title">Flow of “Vega lead routing”</title>')
    expect(html).toMatch(/<desc id="flow-desc">3 steps\. Trigger: Vega sign-up; then “Company domain\?”\./)
    // Three nodes in three columns, two arrows (the run charts below draw rects of their own).
    const flowSvg = html.slice(
      html.indexOf('<svg class="flow"'),
      html.indexOf('</svg>', html.indexOf('<svg class="flow"')),
    )
    expect(flowSvg.match(/<rect /g)).toHaveLength(3)
    expect(html.match(/marker-end="url\(#flow-arrow\)"/g)).toHaveLength(2)
    expect(html).toContain('<li>Action: Add to CRM; the flow ends here.</li>')
    expect(queries).toHaveLength(2)
  })

  it('shows the latest 20 runs with outcome in words and duration', async () => {
    const html = await (await get(`/dashboard/automations/${vega.activeAutomationId}`)).response.text()
    expect(html).toContain('The latest 20 runs, newest first')
    expect(html).toContain('Vega run 1<')
    expect(html).toContain('Vega run 20<')
    expect(html).not.toContain('Vega run 21<')
    expect(html).toMatch(
      /<span class="badge badge--bad">Failed<\/span><\/td><td class="num">901 ms<\/td><td>Vega run 2</,
    )
    expect(html).toContain(`href="/dashboard/automations/${vega.activeAutomationId}/pause"`)
  })

  it('offers resume for a paused one and neither for a draft', async () => {
    const paused = await (await get(`/dashboard/automations/${vega.pausedAutomationId}`)).response.text()
    expect(paused).toContain(`href="/dashboard/automations/${vega.pausedAutomationId}/resume"`)
    const draft = await (await get(`/dashboard/automations/${vega.draftAutomationId}`)).response.text()
    expect(draft).not.toMatch(/\/(pause|resume)"/)
    expect(draft).toContain('This is a draft')
  })
})

describe('pause and resume', () => {
  it('GET …/pause asks for confirmation with a POST form, changing nothing', async () => {
    const { response } = await get(`/dashboard/automations/${vega.activeAutomationId}/pause`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1 class="dash-h1">Pause “Vega lead routing”?</h1>')
    expect(html).toContain(
      `<form method="post" action="/dashboard/automations/${vega.activeAutomationId}/pause"`,
    )
    expect(html).toContain('Yes, pause it')
    expect(await statusOf(vega.activeAutomationId)).toBe('active')
  })

  it('POST pauses, writes automation.paused, redirects with a message shown once; resume reverses it', async () => {
    const id = vega.activeAutomationId
    const paused = await post(`/dashboard/automations/${id}/pause`)
    expect(paused.response.status).toBe(303)
    // Session, rate-limit upsert, then one transaction: lock the row, update it, write the audit entry.
    expect(paused.queries.map((q) => q.trim().split(/\s+/)[0]?.toLowerCase())).toEqual([
      'select',
      'insert',
      'begin',
      'select',
      'update',
      'insert',
      'commit',
    ])
    expect(paused.response.headers.get('location')).toBe(`/dashboard/automations/${id}`)
    expect(await statusOf(id)).toBe('paused')
    const [entry] = await auditFor(id)
    expect(entry).toMatchObject({
      action: 'automation.paused',
      actorId: client.id,
      companyId: client.companyId,
      details: { from: 'active', to: 'paused', title: 'Vega lead routing' },
    })
    expect(entry?.requestId).toBeTruthy()

    const flash = flashCookieOf(paused.response)
    const shown = await get(`/dashboard/automations/${id}`, `${clientCookie}; ${flash}`)
    const html = await shown.response.text()
    expect(html).toContain('<p class="flash flash--success" role="status">“Vega lead routing” is paused')
    // Read once: the page clears the cookie.
    expect(shown.response.headers.getSetCookie().some((c) => /^__Host-flash=;.*Max-Age=0/i.test(c))).toBe(
      true,
    )
    // The overview's activity names who paused it.
    expect(await (await get('/dashboard')).response.text()).toMatch(
      /Vera Client paused <a [^>]+>Vega lead routing/,
    )

    const resumed = await post(`/dashboard/automations/${id}/resume`)
    expect(resumed.response.status).toBe(303)
    expect(await statusOf(id)).toBe('active')
    expect((await auditFor(id)).map((e) => e.action)).toEqual(['automation.paused', 'automation.resumed'])
  })

  it('pausing a paused one changes and records nothing, and says so', async () => {
    const id = vega.pausedAutomationId
    const before = (await auditFor(id)).length
    const { response } = await post(`/dashboard/automations/${id}/pause`)
    expect(response.status).toBe(303)
    expect(await statusOf(id)).toBe('paused')
    expect(await auditFor(id)).toHaveLength(before)
    const html = await (
      await get(`/dashboard/automations/${id}`, `${clientCookie}; ${flashCookieOf(response)}`)
    ).response.text()
    expect(html).toContain('“Vega weekly digest” is already paused; nothing changed.')
    // The confirmation page says the same instead of offering the form.
    const confirm = await (await get(`/dashboard/automations/${id}/pause`)).response.text()
    expect(confirm).not.toContain('<form method="post" action="/dashboard/automations')
    expect(confirm).toContain('is already paused')
  })

  it('refuses to pause or resume a draft with a clear message', async () => {
    const id = vega.draftAutomationId
    for (const change of ['pause', 'resume']) {
      const { response } = await post(`/dashboard/automations/${id}/${change}`)
      expect(response.status).toBe(303)
      const html = await (
        await get(`/dashboard/automations/${id}`, `${clientCookie}; ${flashCookieOf(response)}`)
      ).response.text()
      expect(html).toContain(
        'role="alert">“Vega draft flow” is a draft: the studio publishes it before it can be paused or resumed.',
      )
    }
    expect(await statusOf(id)).toBe('draft')
    expect(await auditFor(id)).toHaveLength(0)
  })

  it('refuses a cross-site form post (403) and changes nothing', async () => {
    const id = vega.activeAutomationId
    const { response } = await post(`/dashboard/automations/${id}/pause`, clientCookie, {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
    })
    expect(response.status).toBe(403)
    expect(await statusOf(id)).toBe('active')
  })

  it('sends a signed-out POST to sign in without changing anything', async () => {
    const { response } = await requestCountingQueries(
      `${ORIGIN}/dashboard/automations/${vega.activeAutomationId}/pause`,
      {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login')
    expect(await statusOf(vega.activeAutomationId)).toBe('active')
  })

  it('lets the team pause any company’s automation, recording that company', async () => {
    const id = rigel.activeAutomationId
    const { response } = await post(`/dashboard/automations/${id}/pause`, teamCookie)
    expect(response.status).toBe(303)
    expect(await statusOf(id)).toBe('paused')
    const [entry] = await auditFor(id)
    const rigelCompany = await fixtures.db
      .select({ companyId: automations.companyId })
      .from(automations)
      .where(eq(automations.id, id))
    expect(entry?.companyId).toBe(rigelCompany[0]?.companyId)
  })

  it('leaves nothing half written when the audit entry fails: the pause is rolled back', async () => {
    const id = vega.activeAutomationId
    const before = (await auditFor(id)).length
    // A constraint only this test's automation trips, so the audit insert fails after the update.
    const constraint = sql.raw(`audit_test_${id.replaceAll('-', '').slice(0, 12)}`)
    await fixtures.db.execute(
      sql`alter table app.audit_log add constraint ${constraint} check (target_id is distinct from ${sql.raw(`'${id}'`)}) not valid`,
    )
    try {
      const { response } = await post(`/dashboard/automations/${id}/pause`)
      expect(response.status).toBe(500)
    } finally {
      await fixtures.db.execute(sql`alter table app.audit_log drop constraint ${constraint}`)
    }
    expect(await statusOf(id)).toBe('active')
    expect(await auditFor(id)).toHaveLength(before)
  })
})
