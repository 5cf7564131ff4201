import { env } from 'cloudflare:workers'
import { auditLog, automations } from '@kairo/db'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorBody } from '../src/lib/errors.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { ORIGIN, report, reportedRuns, withWebhooks } from './support/webhooks.ts'

// The studio's side of the run webhook: the "Run webhook" section of the automation page, the form
// that makes a URL and secret and shows them once, its JSON twin, and who may not use either.

const fx = new Fixtures()
const db = fx.db
let staff: TestUser
let client: TestUser
let staffCookie: string
let clientCookie: string
let ownId: string
let otherId: string

beforeAll(async () => {
  const companyId = await fx.company('Rotate Co')
  const otherCompanyId = await fx.company('Other Rotate Co')
  staff = await fx.user('team', null, { name: 'Tess Team' })
  client = await fx.user('client', companyId, { name: 'Cody Client' })
  staffCookie = await fx.cookie(staff.id)
  clientCookie = await fx.cookie(client.id)
  const [own, other] = await db
    .insert(automations)
    .values([
      { companyId, title: 'Rotate invoices', status: 'active' },
      { companyId: otherCompanyId, title: 'Other invoices', status: 'active' },
    ])
    .returning({ id: automations.id })
  ownId = own?.id ?? ''
  otherId = other?.id ?? ''
})

afterAll(async () => {
  await db.execute(sql`delete from app.rate_limits where key like ${`team:write:${staff.id}%`}`)
  await fx.cleanup()
})

const page = (id: string, cookie: string, bindings = withWebhooks) =>
  requestCountingQueries(
    `${ORIGIN}/dashboard/automations/${id}`,
    { headers: { cookie, accept: 'text/html' } },
    bindings,
  )

/** The form post of "Create/Rotate webhook secret", as the browser sends it. */
const rotate = (id: string, cookie: string, origin = ORIGIN, bindings = withWebhooks) =>
  requestCountingQueries(
    `${ORIGIN}/dashboard/automations/${id}/webhook`,
    {
      method: 'POST',
      headers: {
        cookie,
        accept: 'text/html',
        origin,
        'sec-fetch-site': origin === ORIGIN ? 'same-origin' : 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    },
    bindings,
  )

const rotateJson = (id: string, cookie: string) =>
  requestCountingQueries(
    `${ORIGIN}/api/v1/automations/${id}/webhook`,
    { method: 'POST', headers: { cookie, accept: 'application/json', 'content-type': 'application/json' } },
    withWebhooks,
  )

async function keyOf(id: string) {
  const [row] = await db
    .select({ keyId: automations.webhookKeyId, createdAt: automations.webhookKeyCreatedAt })
    .from(automations)
    .where(eq(automations.id, id))
  return row
}

/** The URL and secret shown in `<code>` on the page the form answers with. */
function shown(html: string) {
  const codes = [...html.matchAll(/<code class="copyable">([^<]+)<\/code>/g)].map((match) => match[1] ?? '')
  const [url, secret] = codes
  if (!url || !secret) throw new Error('no URL and secret on the page')
  return { url, secret, keyId: url.split('/').pop() ?? '' }
}

describe('the Run webhook section', () => {
  it('shows staff whether there is a webhook and a form to make one; a client sees none of it', async () => {
    const { response, queries } = await page(ownId, staffCookie)
    const html = await response.text()
    expect(html).toContain('<h2 id="webhook-heading">Run webhook</h2>')
    expect(html).toContain('It has no webhook yet')
    expect(html).toContain(`<form method="post" action="/dashboard/automations/${ownId}/webhook"`)
    expect(html).toContain('Create webhook secret')
    expect(queries).toHaveLength(2)

    const clientHtml = await (await page(ownId, clientCookie)).response.text()
    expect(clientHtml).not.toContain('Run webhook')
    expect(clientHtml).not.toContain('/webhook')
  })

  it('says so when webhooks are not configured, and the form then changes nothing', async () => {
    const html = await (await page(ownId, staffCookie, env)).response.text()
    expect(html).toContain('Run webhooks are not configured on this server')
    expect(html).not.toContain('Create webhook secret')
    const { response } = await rotate(ownId, staffCookie, ORIGIN, env)
    expect(response.status).toBe(303)
    expect((await keyOf(ownId))?.keyId).toBeNull()
  })
})

describe('Create and Rotate webhook secret', () => {
  it('shows staff the URL and secret once, audited, and the secret signs reports', async () => {
    const { response } = await rotate(ownId, staffCookie)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('set-cookie') ?? '').not.toContain('flash')
    const html = await response.text()
    expect(html).toContain('The secret is shown only now')
    const { url, secret, keyId } = shown(html)
    expect(url).toBe(`${ORIGIN}/api/hooks/automation-runs/${keyId}`)
    expect(keyId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await keyOf(ownId))?.keyId).toBe(keyId)
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, ownId), eq(auditLog.action, 'automation.webhook_rotated')))
    expect(entry).toMatchObject({ actorId: staff.id, details: { title: 'Rotate invoices', replaced: false } })
    expect(JSON.stringify(entry?.details)).not.toContain(keyId)

    // The secret as shown, used as an engine would use it.
    const reported = await report(keyId, { runId: 'rotate-1', event: 'started' }, { secret })
    expect(reported.response.status).toBe(202)

    // Afterwards the page says since when, offers rotation, and never shows the secret again.
    const after = await (await page(ownId, staffCookie)).response.text()
    expect(after).toContain('It has a webhook since')
    expect(after).toContain('Rotate webhook secret')
    expect(after).not.toContain(secret)
  })

  it('rotation revokes the old URL at once and the new one works', async () => {
    const before = await keyOf(ownId)
    const { url, secret, keyId } = shown(await (await rotate(ownId, staffCookie)).response.text())
    expect(keyId).not.toBe(before?.keyId)
    expect(url).toContain(keyId)
    const old = await report(before?.keyId ?? '', { runId: 'rotate-2', event: 'started' })
    expect(old.response.status).toBe(404)
    expect(((await old.response.json()) as ErrorBody).error.code).toBe('not_found')
    const fresh = await report(keyId, { runId: 'rotate-2', event: 'started' }, { secret })
    expect(fresh.response.status).toBe(202)
    expect((await reportedRuns(db, ownId)).map((run) => run.engineRunId).sort()).toEqual([
      'rotate-1',
      'rotate-2',
    ])
  })

  it('is refused to a client (own or another company’s automation) and across origins, changing nothing', async () => {
    const before = await keyOf(ownId)
    expect((await rotate(ownId, clientCookie)).response.status).toBe(404)
    expect((await rotate(otherId, clientCookie)).response.status).toBe(404)
    expect((await rotate(ownId, staffCookie, 'https://evil.example')).response.status).toBe(403)
    expect((await rotateJson(ownId, clientCookie)).response.status).toBe(404)
    expect((await rotateJson(otherId, clientCookie)).response.status).toBe(404)
    expect(await keyOf(ownId)).toEqual(before)
    expect((await keyOf(otherId))?.keyId).toBeNull()
    // Staff: an automation that does not exist is the same 404.
    expect((await rotate(crypto.randomUUID(), staffCookie)).response.status).toBe(404)
  })
})

describe('POST /api/v1/automations/{id}/webhook', () => {
  it('gives staff the URL and secret as JSON', async () => {
    const { response } = await rotateJson(otherId, staffCookie)
    expect(response.status).toBe(201)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const body = (await response.json()) as {
      url: string
      secret: string
      createdAt: string
      replaced: boolean
    }
    expect(body.replaced).toBe(false)
    const keyId = body.url.split('/').pop() ?? ''
    expect((await keyOf(otherId))?.keyId).toBe(keyId)
    const reported = await report(
      keyId,
      { runId: 'api-1', event: 'finished', outcome: 'success' },
      {
        secret: body.secret,
      },
    )
    expect(reported.response.status).toBe(202)
    const invalid = await rotateJson('not-a-uuid', staffCookie)
    expect(invalid.response.status).toBe(422)
    expect((await rotateJson(crypto.randomUUID(), staffCookie)).response.status).toBe(404)
  })

  it('is in the OpenAPI document', async () => {
    const { response } = await requestCountingQueries(`${ORIGIN}/api/v1/openapi.json`)
    const doc = (await response.json()) as { paths: Record<string, Record<string, { responses: object }>> }
    const operation = doc.paths['/automations/{id}/webhook']?.post
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
      ['201', '401', '404', '415', '422', '429', '503'].sort(),
    )
  })
})
