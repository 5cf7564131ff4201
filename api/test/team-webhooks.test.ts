import { auditLog, webhookDeliveries, webhookDeliveryAttempts, webhookEndpoints } from '@kairo/db'
import { and, desc, eq, like, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorBody } from '../src/lib/errors.ts'
import { endpointSecret } from '../src/webhooks/outgoing/secret.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import { received, receiverUrl, script, verifyKairoSignature } from './support/receivers.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { ORIGIN, SIGNING_KEY, withWebhooks } from './support/webhooks.ts'
import { headings } from './team-support.ts'

// The studio's outgoing webhook endpoints in the team views and /api/v1: admins register, edit,
// pause, rotate and delete them in forms that work without JavaScript (per-field messages, input
// kept, audited), read each endpoint's delivery log and send a delivery again; team members and
// clients get 404; production refuses private and local addresses.

const fx = new Fixtures()
const db = fx.db
let admin: TestUser
let adminCookie: string
let prodAdmin: TestUser
let prodCookie: string
let teamCookie: string
let clientCookie: string

/**
 * A production Worker, with the secrets production requires (each at least 32 characters; listed by
 * name, not by type, so this file does not depend on every one being declared yet).
 */
const productionSecrets: Record<string, string> = {
  UNSUBSCRIBE_SECRET: 'u'.repeat(40),
  KNOWN_DEVICE_SECRET: 'k'.repeat(40),
  TOTP_ENCRYPTION_KEY: 't'.repeat(40),
}
const production = { ...withWebhooks, ...productionSecrets, ENVIRONMENT: 'production' } as Cloudflare.Env

interface CallOptions {
  cookie?: string
  /** A form post from this origin (or `origin`); entries may repeat a name (checkboxes). */
  form?: Array<[string, string]>
  json?: unknown
  method?: string
  origin?: string
  /** Content type of a JSON call without a body; null sends none. */
  contentType?: string | null
  bindings?: Cloudflare.Env
}

/** One request through the app as a browser (form) or an API client (json) makes it. */
async function call(path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = {}
  if (options.cookie) headers.cookie = options.cookie
  let body: BodyInit | undefined
  const api = path.startsWith('/api/')
  headers.accept = api ? 'application/json' : 'text/html'
  if (options.form) {
    const origin = options.origin ?? ORIGIN
    headers.origin = origin
    headers['sec-fetch-site'] = origin === ORIGIN ? 'same-origin' : 'cross-site'
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.form).toString()
  }
  const method = options.method ?? (options.form !== undefined || options.json !== undefined ? 'POST' : 'GET')
  if (api && method !== 'GET') {
    const type = options.contentType === undefined ? 'application/json' : options.contentType
    if (type) headers['content-type'] = type
    if (options.json !== undefined) body = JSON.stringify(options.json)
  }
  const { response } = await requestCountingQueries(
    `${ORIGIN}${path}`,
    { method, headers, body },
    options.bindings ?? withWebhooks,
  )
  return response
}

const form = (url: string, description: string, events: string[]): Array<[string, string]> => [
  ['url', url],
  ['description', description],
  ...events.map((event): [string, string] => ['events', event]),
]

/** The secret shown on the page a registration or rotation answers with. */
function shownSecret(html: string): string {
  const codes = [...html.matchAll(/<code class="copyable">([^<]+)<\/code>/g)].map((m) => m[1] ?? '')
  const secret = codes.find((code) => /^[A-Za-z0-9_-]{43}$/.test(code))
  if (!secret) throw new Error('no secret on the page')
  return secret
}

const endpointRow = async (id: string) =>
  (await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]
const auditOf = (id: string) =>
  db.select().from(auditLog).where(eq(auditLog.targetId, id)).orderBy(desc(auditLog.at))
/** The cookie pair a 303 sets (the flash), to send with the next page. */
const flashOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? ''

beforeAll(async () => {
  const companyId = await fx.company('Webhook Co')
  admin = await fx.user('admin', null, { name: 'Ada Admin' })
  adminCookie = await fx.cookie(admin.id)
  prodAdmin = await fx.user('admin', null, { name: 'Pat Production' })
  prodCookie = await fx.cookie(prodAdmin.id)
  teamCookie = await fx.cookie((await fx.user('team', null)).id)
  clientCookie = await fx.cookie((await fx.user('client', companyId)).id)
})

afterAll(async () => {
  await db.delete(webhookEndpoints).where(like(webhookEndpoints.description, `%${fx.run}%`))
  await db.execute(
    sql`delete from app.rate_limits where key like ${`%${admin.id}%`} or key like ${`%${prodAdmin.id}%`}`,
  )
  await fx.cleanup()
})

describe('who may', () => {
  it('shows admins the Webhooks section; team members and clients get 404 for pages, posts and the API', async () => {
    const page = await call('/dashboard/webhooks', { cookie: adminCookie })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(headings(html)).toEqual(['Outgoing webhooks'])
    expect(html).toContain('href="/dashboard/webhooks" aria-current="page"')
    for (const cookie of [teamCookie, clientCookie]) {
      expect((await call('/dashboard/webhooks', { cookie })).status).toBe(404)
      expect((await call('/dashboard/webhooks/new', { cookie })).status).toBe(404)
      expect(
        (
          await call('/dashboard/webhooks', {
            cookie,
            form: form(receiverUrl('x'), `no ${fx.run}`, ['lead.created']),
          })
        ).status,
      ).toBe(404)
      expect((await call('/api/v1/webhook-endpoints', { cookie })).status).toBe(404)
      expect(await (await call('/dashboard', { cookie })).text()).not.toContain('/dashboard/webhooks')
    }
    expect(
      await db
        .select()
        .from(webhookEndpoints)
        .where(like(webhookEndpoints.description, `no ${fx.run}`)),
    ).toEqual([])
  })

  it('refuses a form post from another origin (403)', async () => {
    const response = await call('/dashboard/webhooks', {
      cookie: adminCookie,
      origin: 'https://evil.example',
      form: form(receiverUrl('x'), `evil ${fx.run}`, ['lead.created']),
    })
    expect(response.status).toBe(403)
  })
})

describe('the forms, without JavaScript', () => {
  let id: string
  let secret: string

  it('re-renders a failed registration with a message per field and the input kept', async () => {
    const newPage = await (await call('/dashboard/webhooks/new', { cookie: adminCookie })).text()
    expect(newPage).toContain('<label for="webhook-url">Address</label>')
    expect(newPage).toContain('<legend>Events</legend>')
    expect(newPage).toContain('id="webhook-events" type="checkbox" name="events" value="lead.created"')

    const response = await call('/dashboard/webhooks', {
      cookie: adminCookie,
      form: form('hooks.example.com/no-scheme', `Kept ${fx.run}`, []),
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('<a href="#webhook-url">Enter the full address starting with https://')
    expect(html).toContain('<a href="#webhook-events">Choose at least one event</a>')
    expect(html).toContain('value="hooks.example.com/no-scheme"')
    expect(html).toContain(`value="Kept ${fx.run}"`)
    expect(html).toContain('aria-describedby="webhook-events-error"')

    // One box ticked is kept ticked when another field fails.
    const again = await call('/dashboard/webhooks', {
      cookie: adminCookie,
      form: form('', `Kept ${fx.run}`, ['deliverable.approved']),
    })
    const againHtml = await again.text()
    expect(againHtml).toContain('Enter the address the events are sent to')
    expect(againHtml).toMatch(/value="deliverable.approved" checked=""/)
    expect(againHtml).not.toMatch(/value="lead.created" checked=""/)
  })

  it('registers an endpoint and shows its secret once, audited without the URL', async () => {
    const url = `${receiverUrl(`form-${fx.run}`)}?token=receiver-token-${fx.run}`
    const response = await call('/dashboard/webhooks', {
      cookie: adminCookie,
      form: form(url, `Zapier leads ${fx.run}`, ['lead.created', 'automation_run.failed']),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const html = await response.text()
    expect(html).toContain('The secret is shown only now')
    secret = shownSecret(html)
    const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.url, url))
    id = row?.id ?? ''
    expect(row).toMatchObject({
      description: `Zapier leads ${fx.run}`,
      events: ['lead.created', 'automation_run.failed'],
      pausedAt: null,
      createdById: admin.id,
    })
    expect(secret).toBe(await endpointSecret(SIGNING_KEY, row?.secretKeyId ?? ''))
    const [entry] = await auditOf(id)
    expect(entry).toMatchObject({ action: 'webhook_endpoint.created', actorId: admin.id })
    expect(entry?.details).toEqual({ host: new URL(url).host, events: 'lead.created,automation_run.failed' })
    expect(JSON.stringify(entry)).not.toContain('receiver-token')

    const list = await (await call('/dashboard/webhooks', { cookie: adminCookie })).text()
    expect(list).toContain(`<a href="/dashboard/webhooks/${id}">Zapier leads ${fx.run}</a>`)
    const detail = await (await call(`/dashboard/webhooks/${id}`, { cookie: adminCookie })).text()
    expect(detail).not.toContain(secret)
    expect(detail).toContain('Nothing has been sent to this endpoint yet.')
  })

  it('edits it: per-field messages with the input kept, then saved and audited by field name', async () => {
    const editPage = await (await call(`/dashboard/webhooks/${id}/edit`, { cookie: adminCookie })).text()
    expect(editPage).toContain(`value="Zapier leads ${fx.run}"`)
    expect(editPage).toMatch(/value="automation_run.failed" checked=""/)

    const failed = await call(`/dashboard/webhooks/${id}`, {
      cookie: adminCookie,
      form: form('ftp://files.example.com/', `Renamed ${fx.run}`, ['lead.created']),
    })
    expect(failed.status).toBe(422)
    const failedHtml = await failed.text()
    expect(failedHtml).toContain('value="ftp://files.example.com/"')
    expect(failedHtml).toContain(`value="Renamed ${fx.run}"`)

    const url = (await endpointRow(id))?.url ?? ''
    const saved = await call(`/dashboard/webhooks/${id}`, {
      cookie: adminCookie,
      form: form(url, `Renamed ${fx.run}`, ['lead.created', 'deliverable.approved']),
    })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`/dashboard/webhooks/${id}`)
    const page = await (
      await call(`/dashboard/webhooks/${id}`, { cookie: `${adminCookie}; ${flashOf(saved)}` })
    ).text()
    expect(page).toContain('The endpoint was saved.')
    expect((await endpointRow(id))?.events).toEqual(['lead.created', 'deliverable.approved'])
    const [entry] = await auditOf(id)
    expect(entry?.action).toBe('webhook_endpoint.updated')
    expect(entry?.details).toMatchObject({ changed: 'description,events' })
  })

  it('pauses and enables it, audited', async () => {
    const paused = await call(`/dashboard/webhooks/${id}/pause`, { cookie: adminCookie, form: [] })
    expect(paused.status).toBe(303)
    expect((await endpointRow(id))?.pausedAt).not.toBeNull()
    const page = await (await call(`/dashboard/webhooks/${id}`, { cookie: adminCookie })).text()
    expect(page).toContain('Enable endpoint')
    expect(page).toContain('Paused')
    expect((await auditOf(id))[0]?.action).toBe('webhook_endpoint.paused')
    expect((await call(`/dashboard/webhooks/${id}/enable`, { cookie: adminCookie, form: [] })).status).toBe(
      303,
    )
    expect((await endpointRow(id))?.pausedAt).toBeNull()
    expect((await auditOf(id))[0]?.action).toBe('webhook_endpoint.enabled')
  })

  it('rotates the secret: a new one shown once, the old one no longer signs', async () => {
    const response = await call(`/dashboard/webhooks/${id}/secret`, { cookie: adminCookie, form: [] })
    expect(response.status).toBe(200)
    const rotated = shownSecret(await response.text())
    expect(rotated).not.toBe(secret)
    expect(rotated).toBe(await endpointSecret(SIGNING_KEY, (await endpointRow(id))?.secretKeyId ?? ''))
    expect((await auditOf(id))[0]?.action).toBe('webhook_endpoint.secret_rotated')
  })

  it('deletes it after a confirmation page, with its deliveries, audited', async () => {
    const confirm = await (await call(`/dashboard/webhooks/${id}/delete`, { cookie: adminCookie })).text()
    expect(confirm).toContain(`action="/dashboard/webhooks/${id}/delete"`)
    const [delivery] = await db
      .insert(webhookDeliveries)
      .values({ endpointId: id, eventId: crypto.randomUUID(), eventType: 'lead.created', payload: {} })
      .returning({ id: webhookDeliveries.id })
    const deleted = await call(`/dashboard/webhooks/${id}/delete`, { cookie: adminCookie, form: [] })
    expect(deleted.status).toBe(303)
    expect(deleted.headers.get('location')).toBe('/dashboard/webhooks')
    expect(await endpointRow(id)).toBeUndefined()
    expect(
      await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.id, delivery?.id ?? '')),
    ).toEqual([])
    expect((await auditOf(id))[0]?.action).toBe('webhook_endpoint.deleted')
    expect((await call(`/dashboard/webhooks/${id}`, { cookie: adminCookie })).status).toBe(404)
  })
})

describe('the delivery log and "send again"', () => {
  let endpointId: string
  let name: string
  const deliveryIds: string[] = []

  beforeAll(async () => {
    name = `log-${fx.run}`
    const [row] = await db
      .insert(webhookEndpoints)
      .values({
        url: receiverUrl(name),
        description: `Log ${fx.run}`,
        events: ['lead.created'],
        secretKeyId: `key-${fx.run}-log`,
      })
      .returning({ id: webhookEndpoints.id })
    endpointId = row?.id ?? ''
    const now = Date.now()
    const rows = await db
      .insert(webhookDeliveries)
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          endpointId,
          eventId: crypto.randomUUID(),
          eventType: 'lead.created' as const,
          payload: { lead: { id: crypto.randomUUID(), name: `Lead ${i}` } },
          createdAt: new Date(now - i * 60_000),
          // The newest is dead (the job gave up), the rest delivered long ago.
          ...(i === 0
            ? { attempts: 12, deadAt: new Date(now), lastError: 'HTTP 503: maintenance', lastStatusCode: 503 }
            : { attempts: 1, deliveredAt: new Date(now - i * 60_000) }),
        })),
      )
      .returning({ id: webhookDeliveries.id })
    deliveryIds.push(...rows.map((r) => r.id))
    await db.insert(webhookDeliveryAttempts).values({
      deliveryId: deliveryIds[0] ?? '',
      ok: false,
      statusCode: 503,
      excerpt: 'maintenance',
      durationMs: 12,
    })
  })

  it('lists the deliveries newest first, 25 a page, with the last answer and a Send again button', async () => {
    const html = await (await call(`/dashboard/webhooks/${endpointId}`, { cookie: adminCookie })).text()
    expect(html).toContain('<caption class="visually-hidden">Deliveries, newest first (30)</caption>')
    expect(html.match(/<form method="post" action="[^"]+\/send">/g)).toHaveLength(25)
    expect(html).toContain('Dead')
    expect(html).toContain('503 <span class="muted">maintenance</span>')
    expect(html).toContain(`href="/dashboard/webhooks/${endpointId}?page=2" rel="next"`)
    const second = await (
      await call(`/dashboard/webhooks/${endpointId}?page=2`, { cookie: adminCookie })
    ).text()
    expect(second.match(/<form method="post" action="[^"]+\/send">/g)).toHaveLength(5)
    // The list counts what waits and what died, per endpoint.
    const list = await (await call('/dashboard/webhooks', { cookie: adminCookie })).text()
    const row = list.slice(list.indexOf(`/dashboard/webhooks/${endpointId}"`))
    expect(row).toMatch(/Active, with dead deliveries[\s\S]*?<td class="num">0<\/td><td class="num">1<\/td>/)
  })

  it('sends a dead delivery again now: the answer shown, the attempt logged, the delivery delivered, audited', async () => {
    const deliveryId = deliveryIds[0] ?? ''
    await script(name, [{ status: 202, body: 'accepted' }])
    const path = `/dashboard/webhooks/${endpointId}/deliveries/${deliveryId}`
    const response = await call(`${path}/send`, { cookie: adminCookie, form: [] })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(path)
    const page = await call(path, { cookie: `${adminCookie}; ${flashOf(response)}` })
    const html = await page.text()
    expect(html).toMatch(/Sent again\. The receiver answered 202 in \d+ ms\./)
    expect(html).toContain('Send again</td>')
    const [request] = await received(name)
    expect(request?.headers['kairo-delivery']).toBe(deliveryId)
    expect(
      verifyKairoSignature(
        await endpointSecret(SIGNING_KEY, `key-${fx.run}-log`),
        request?.headers ?? {},
        request?.body ?? '',
      ),
    ).toBe(true)
    const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId))
    expect(row?.deliveredAt).not.toBeNull()
    const attempts = await db
      .select()
      .from(webhookDeliveryAttempts)
      .where(
        and(eq(webhookDeliveryAttempts.deliveryId, deliveryId), eq(webhookDeliveryAttempts.manual, true)),
      )
    expect(attempts.map((a) => [a.ok, a.statusCode, a.excerpt])).toEqual([[true, 202, 'accepted']])
    const [entry] = await auditOf(deliveryId)
    expect(entry).toMatchObject({
      action: 'webhook_delivery.sent_again',
      actorId: admin.id,
      details: { endpointId, event: 'lead.created', ok: true, statusCode: 202 },
    })
  })

  it('says so when the receiver fails again, and leaves the delivery as it was', async () => {
    const deliveryId = deliveryIds[1] ?? ''
    await script(name, [{ status: 500, body: 'still broken' }])
    const path = `/dashboard/webhooks/${endpointId}/deliveries/${deliveryId}`
    const response = await call(`${path}/send`, { cookie: adminCookie, form: [] })
    const html = await (await call(path, { cookie: `${adminCookie}; ${flashOf(response)}` })).text()
    expect(html).toContain('Sent again, and it failed. The receiver answered 500')
    expect(html).toContain('still broken')
    const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId))
    expect(row?.deliveredAt).not.toBeNull()
    expect(row?.attempts).toBe(1)
  })

  it('is a 404 for an unknown delivery, or one of another endpoint', async () => {
    const other = `/dashboard/webhooks/${crypto.randomUUID()}/deliveries/${deliveryIds[0]}/send`
    expect((await call(other, { cookie: adminCookie, form: [] })).status).toBe(404)
    expect(
      (
        await call(`/dashboard/webhooks/${endpointId}/deliveries/not-a-uuid/send`, {
          cookie: adminCookie,
          form: [],
        })
      ).status,
    ).toBe(404)
  })
})

describe('/api/v1/webhook-endpoints', () => {
  it('registers, reads, edits, pauses, rotates, lists deliveries, sends again and deletes', async () => {
    const name = `api-${fx.run}`
    const created = await call('/api/v1/webhook-endpoints', {
      cookie: adminCookie,
      json: { url: receiverUrl(name), description: `API ${fx.run}`, events: ['lead.created'] },
    })
    expect(created.status).toBe(201)
    const endpoint = (await created.json()) as {
      id: string
      secret: string
      events: string[]
      paused: boolean
    }
    expect(endpoint).toMatchObject({ events: ['lead.created'], paused: false })
    expect(endpoint.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const path = `/api/v1/webhook-endpoints/${endpoint.id}`

    const list = (await (await call('/api/v1/webhook-endpoints', { cookie: adminCookie })).json()) as {
      items: Array<{ id: string; secret?: string }>
    }
    expect(list.items.find((item) => item.id === endpoint.id)).toBeDefined()
    expect(JSON.stringify(list)).not.toContain(endpoint.secret)

    const patched = await call(path, {
      cookie: adminCookie,
      method: 'PATCH',
      json: { events: ['deliverable.changes_requested', 'lead.created'] },
    })
    expect(patched.status).toBe(200)
    expect(((await patched.json()) as { events: string[] }).events).toEqual([
      'lead.created',
      'deliverable.changes_requested',
    ])
    const invalid = await call(path, { cookie: adminCookie, method: 'PATCH', json: { events: [] } })
    expect(invalid.status).toBe(422)
    expect(((await invalid.json()) as ErrorBody).error.fields).toEqual({
      events: 'Choose at least one event',
    })

    const paused = await call(`${path}/pause`, { cookie: adminCookie, method: 'POST' })
    expect(((await paused.json()) as { paused: boolean }).paused).toBe(true)
    // A write without a JSON content type (what a cross-site form or beacon sends) is refused.
    const untyped = await call(`${path}/enable`, { cookie: adminCookie, method: 'POST', contentType: null })
    expect(untyped.status).toBe(415)
    expect((await endpointRow(endpoint.id))?.pausedAt).not.toBeNull()
    expect(
      (
        (await (await call(`${path}/enable`, { cookie: adminCookie, method: 'POST' })).json()) as {
          paused: boolean
        }
      ).paused,
    ).toBe(false)

    const rotated = await call(`${path}/secret`, { cookie: adminCookie, method: 'POST' })
    expect(rotated.status).toBe(201)
    const { secret } = (await rotated.json()) as { secret: string }
    expect(secret).not.toBe(endpoint.secret)

    const [delivery] = await db
      .insert(webhookDeliveries)
      .values({
        endpointId: endpoint.id,
        eventId: crypto.randomUUID(),
        eventType: 'lead.created',
        payload: { lead: { id: 'x' } },
      })
      .returning({ id: webhookDeliveries.id })
    const deliveries = (await (await call(`${path}/deliveries`, { cookie: adminCookie })).json()) as {
      items: Array<{ id: string; state: string }>
      total: number
    }
    expect(deliveries).toMatchObject({ total: 1, items: [{ id: delivery?.id, state: 'pending' }] })

    await script(name, [{ status: 204 }])
    const sent = await call(`${path}/deliveries/${delivery?.id}/send`, {
      cookie: adminCookie,
      method: 'POST',
    })
    expect(sent.status).toBe(200)
    expect(await sent.json()).toMatchObject({ attempt: { ok: true, statusCode: 204, excerpt: '' } })
    const [request] = await received(name)
    // Signed with the rotated secret, not the first one.
    expect(verifyKairoSignature(secret, request?.headers ?? {}, request?.body ?? '')).toBe(true)
    expect(verifyKairoSignature(endpoint.secret, request?.headers ?? {}, request?.body ?? '')).toBe(false)
    const detail = (await (
      await call(`${path}/deliveries/${delivery?.id}`, { cookie: adminCookie })
    ).json()) as {
      state: string
      body: { type: string; data: unknown }
      log: Array<{ manual: boolean; statusCode: number }>
    }
    expect(detail).toMatchObject({
      state: 'delivered',
      body: { type: 'lead.created', data: { lead: { id: 'x' } } },
      log: [{ manual: true, statusCode: 204 }],
    })

    expect((await call(path, { cookie: adminCookie, method: 'DELETE' })).status).toBe(204)
    expect((await call(path, { cookie: adminCookie })).status).toBe(404)
  })

  it('is in the OpenAPI document', async () => {
    const doc = (await (await call('/api/v1/openapi.json')).json()) as { paths: Record<string, unknown> }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/webhook-endpoints',
        '/webhook-endpoints/{id}',
        '/webhook-endpoints/{id}/pause',
        '/webhook-endpoints/{id}/enable',
        '/webhook-endpoints/{id}/secret',
        '/webhook-endpoints/{id}/deliveries',
        '/webhook-endpoints/{id}/deliveries/{deliveryId}',
        '/webhook-endpoints/{id}/deliveries/{deliveryId}/send',
      ]),
    )
  })
})

describe('addresses in production', () => {
  // Every one of these names a machine that is not on the public internet (or is not https).
  const refused = [
    'http://hooks.example.com/kairo',
    'https://127.0.0.1/hook',
    'https://127.1/hook',
    'https://2130706433/hook',
    'https://0x7f000001/hook',
    'https://0177.0.0.1/hook',
    'https://0.0.0.0/',
    'https://10.0.0.5/',
    'https://172.16.3.4/',
    'https://192.168.1.10/',
    'https://100.64.0.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/',
    'https://[::]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://[fd00:ec2::254]/',
    'https://[fc00::1]/',
    'https://[fe80::1]/',
    'https://[64:ff9b::a00:1]/',
    'https://localhost/',
    'https://localhost./',
    'https://api.localhost/',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://printer.local/',
    'https://metadata/',
    'https://user:secret@hooks.example.com/',
  ]

  it('refuses each at registration (API and form), with the reason on the URL field', async () => {
    for (const url of refused) {
      const response = await call('/api/v1/webhook-endpoints', {
        cookie: prodCookie,
        bindings: production,
        json: { url, description: `Prod ${fx.run}`, events: ['lead.created'] },
      })
      expect({ url, status: response.status }).toEqual({ url, status: 422 })
      const body = (await response.json()) as ErrorBody
      expect(Object.keys(body.error.fields ?? {})).toEqual(['url'])
    }
    const page = await call('/dashboard/webhooks', {
      cookie: prodCookie,
      bindings: production,
      form: form('https://169.254.169.254/latest/meta-data/', `Prod ${fx.run}`, ['lead.created']),
    })
    expect(page.status).toBe(422)
    expect(await page.text()).toContain(
      '<a href="#webhook-url">This address is private, loopback, link-local or otherwise not on the public internet',
    )
    expect(
      await db
        .select()
        .from(webhookEndpoints)
        .where(like(webhookEndpoints.description, `Prod ${fx.run}`)),
    ).toEqual([])
  })

  it('refuses an edit to one, and accepts public https addresses', async () => {
    const created = await call('/api/v1/webhook-endpoints', {
      cookie: prodCookie,
      bindings: production,
      json: {
        url: 'https://hooks.example.com/kairo',
        description: `Prod ok ${fx.run}`,
        events: ['lead.created'],
      },
    })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    for (const url of ['https://93.184.216.34/hook', 'https://[2606:4700:4700::1111]/hook']) {
      const ok = await call(`/api/v1/webhook-endpoints/${id}`, {
        cookie: prodCookie,
        bindings: production,
        method: 'PATCH',
        json: { url },
      })
      expect({ url, status: ok.status }).toEqual({ url, status: 200 })
    }
    const edit = await call(`/api/v1/webhook-endpoints/${id}`, {
      cookie: prodCookie,
      bindings: production,
      method: 'PATCH',
      json: { url: 'https://[::ffff:10.0.0.1]/' },
    })
    expect(edit.status).toBe(422)
    expect((await endpointRow(id))?.url).toBe('https://[2606:4700:4700::1111]/hook')
  })

  it('allows local receivers in development (what the tests and a local receiver use)', async () => {
    const response = await call('/api/v1/webhook-endpoints', {
      cookie: adminCookie,
      json: { url: 'http://127.0.0.1:9000/hook', description: `Dev ${fx.run}`, events: ['lead.created'] },
    })
    expect(response.status).toBe(201)
  })
})
