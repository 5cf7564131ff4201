import { env } from 'cloudflare:workers'
import {
  automations,
  createDb,
  deliverableVersions,
  leads,
  outbox,
  projectDeliverables,
  projects,
  type WebhookEventType,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
} from '@kairo/db'
import { asc, eq, inArray, like, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backoffMs } from '../src/outbox/backoff.ts'
import { newWebhookKeyId } from '../src/webhooks/keys.ts'
import {
  deliverWebhooks,
  WEBHOOK_MAX_ATTEMPTS,
  WEBHOOK_RETRY_BASE_MS,
} from '../src/webhooks/outgoing/deliver.ts'
import { endpointSecret } from '../src/webhooks/outgoing/secret.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import { received, receiverUrl, script, verifyKairoSignature } from './support/receivers.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { giveWebhook, ORIGIN, report, SIGNING_KEY } from './support/webhooks.ts'

// Outgoing webhooks end to end: each event (a lead, a client's decision, a failed run) queues one
// delivery per subscribed, active endpoint in the event's own statement; the delivery job signs and
// POSTs them to real HTTP receivers (test/support/webhook-receiver.ts), retries a failing one with
// the backoff, gives up after the last attempt, and logs every attempt.

const fx = new Fixtures()
const db = fx.db
const ALL: WebhookEventType[] = [
  'lead.created',
  'deliverable.approved',
  'deliverable.changes_requested',
  'automation_run.failed',
]
const endpointIds: string[] = []
let client: TestUser
let clientCookie: string
let companyId: string
let projectId: string

/** Registers an endpoint directly (the forms and API have their own tests); its receiver is `name`. */
async function endpoint(
  name: string,
  events: WebhookEventType[],
  options: { paused?: boolean; url?: string } = {},
) {
  const keyId = newWebhookKeyId()
  const [row] = await db
    .insert(webhookEndpoints)
    .values({
      url: options.url ?? receiverUrl(name),
      description: name,
      events,
      secretKeyId: keyId,
      pausedAt: options.paused ? new Date() : null,
    })
    .returning({ id: webhookEndpoints.id })
  if (!row) throw new Error('test: endpoint not inserted')
  endpointIds.push(row.id)
  return { id: row.id, name, keyId, secret: await endpointSecret(SIGNING_KEY, keyId) }
}

/** A due delivery of a made-up lead for one endpoint, as the event writers queue them. */
async function queued(endpointId: string, createdAt = new Date()) {
  const [row] = await db
    .insert(webhookDeliveries)
    .values({
      endpointId,
      eventId: crypto.randomUUID(),
      eventType: 'lead.created',
      payload: { lead: { id: crypto.randomUUID(), name: 'Ada' } },
      createdAt,
      nextAttemptAt: createdAt,
    })
    .returning({ id: webhookDeliveries.id })
  if (!row) throw new Error('test: delivery not inserted')
  return row.id
}

const deliveryRow = async (id: string) =>
  (await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id)))[0]
const attemptsOf = (id: string) =>
  db
    .select()
    .from(webhookDeliveryAttempts)
    .where(eq(webhookDeliveryAttempts.deliveryId, id))
    .orderBy(asc(webhookDeliveryAttempts.at))

/** The deliveries queued for this file's endpoints whose payload matches `condition`. */
const deliveriesWhere = (condition: ReturnType<typeof sql>) =>
  db
    .select()
    .from(webhookDeliveries)
    .where(sql`${inArray(webhookDeliveries.endpointId, endpointIds)} and ${condition}`)

const tick = (ids: string[], now: Date, extra: Partial<Parameters<typeof deliverWebhooks>[1]> = {}) =>
  deliverWebhooks(db, {
    signingKey: SIGNING_KEY,
    production: false,
    endpointIds: ids,
    now: () => now,
    ...extra,
  })

beforeAll(async () => {
  companyId = await fx.company('Hook Orbit')
  client = await fx.user('client', companyId, { name: 'Cleo Client' })
  clientCookie = await fx.cookie(client.id)
  const [project] = await db
    .insert(projects)
    .values({ companyId, name: 'Hook launch', status: 'in_progress' })
    .returning({ id: projects.id })
  projectId = project?.id ?? ''
})

afterAll(async () => {
  if (endpointIds.length > 0)
    await db.delete(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds))
  const domain = `%@run-${fx.run}.example`
  const own = await db.select({ id: leads.id }).from(leads).where(like(leads.email, domain))
  if (own.length > 0) {
    const ids = own.map((row) => row.id)
    await db.delete(outbox).where(inArray(sql`${outbox.payload}->>'leadId'`, ids))
    await db.delete(leads).where(inArray(leads.id, ids))
  }
  await db.delete(outbox).where(like(sql`${outbox.payload}->>'to'`, domain))
  await db.execute(
    sql`delete from app.rate_limits where key like ${`%${client.id}%`} or key like 'contact:ip:10.77.%'`,
  )
  await fx.cleanup()
})

describe('each event queues one delivery per subscribed, active endpoint', () => {
  let all: Awaited<ReturnType<typeof endpoint>>
  let leadsOnly: Awaited<ReturnType<typeof endpoint>>
  let approvedOnly: Awaited<ReturnType<typeof endpoint>>

  beforeAll(async () => {
    all = await endpoint(`all-${fx.run}`, ALL)
    leadsOnly = await endpoint(`leads-${fx.run}`, ['lead.created'])
    // Wants everything, but paused: gets nothing.
    await endpoint(`paused-${fx.run}`, ALL, { paused: true })
    approvedOnly = await endpoint(`approved-${fx.run}`, ['deliverable.approved'])
  })

  const byEndpoint = (rows: Array<{ endpointId: string }>) => rows.map((row) => row.endpointId).sort()
  const deliverablesFor = (deliverableId: string) =>
    deliveriesWhere(sql`${webhookDeliveries.payload}->'deliverable'->>'id' = ${deliverableId}`)

  it('a lead from the contact form: in the lead insert itself, with what the team sees; a duplicate queues nothing', async () => {
    const email = `lead-hook@run-${fx.run}.example`
    const body = {
      name: 'Ada Lovelace',
      email,
      company: 'Analytical Engines',
      message: 'We would like a site for our orbital mapping product.',
      sourcePage: '/services/3d/',
      service: '3d',
      idempotencyKey: crypto.randomUUID(),
    }
    const post = () =>
      requestCountingQueries(`${ORIGIN}/api/contact`, {
        method: 'POST',
        headers: {
          origin: ORIGIN,
          'content-type': 'application/json',
          accept: 'application/json',
          'cf-connecting-ip': '10.77.0.1',
        },
        body: JSON.stringify(body),
      })
    const first = await post()
    expect(first.response.status).toBe(201)
    // Queued by the lead's own statement: no statement of its own.
    const writes = first.queries.filter((query) => query.includes('webhook_deliveries'))
    expect(writes).toHaveLength(1)
    expect(writes[0]).toContain('insert into "app"."leads"')

    const rows = await deliveriesWhere(sql`${webhookDeliveries.payload}->'lead'->>'email' = ${email}`)
    expect(byEndpoint(rows)).toEqual([all.id, leadsOnly.id].sort())
    expect(new Set(rows.map((row) => row.eventId)).size).toBe(1)
    const [lead] = await db.select().from(leads).where(eq(leads.email, email))
    expect(rows[0]?.eventType).toBe('lead.created')
    expect(rows[0]?.payload).toEqual({
      lead: {
        id: lead?.id,
        name: 'Ada Lovelace',
        email,
        company: 'Analytical Engines',
        message: 'We would like a site for our orbital mapping product.',
        source: 'contact_form',
        sourcePage: '/services/3d/',
        service: '3d',
        status: 'new',
        createdAt: lead?.createdAt.toISOString(),
        url: `${ORIGIN}/dashboard/leads/${lead?.id}`,
      },
    })
    // Not the sender's IP address: the team's views do not show it either.
    expect(JSON.stringify(rows[0]?.payload)).not.toContain('10.77.0.1')

    // The same submission again (a double click): one lead, so nothing more is queued.
    const again = await post()
    expect(again.response.status).toBe(201)
    expect(
      await deliveriesWhere(sql`${webhookDeliveries.payload}->'lead'->>'email' = ${email}`),
    ).toHaveLength(2)
  })

  it("a client's approval and change request: in the decision's comment insert", async () => {
    const version = async (title: string) => {
      const [deliverable] = await db
        .insert(projectDeliverables)
        .values({ projectId, title })
        .returning({ id: projectDeliverables.id })
      const [row] = await db
        .insert(deliverableVersions)
        .values({
          deliverableId: deliverable?.id ?? '',
          number: 1,
          fileName: 'poster.pdf',
          objectKey: `test/${fx.run}/${title}`,
          contentType: 'application/pdf',
          bytes: 1000,
        })
        .returning({ id: deliverableVersions.id })
      return { deliverableId: deliverable?.id ?? '', versionId: row?.id ?? '' }
    }
    const decide = (target: { deliverableId: string; versionId: string }, body: unknown) =>
      requestCountingQueries(
        `${ORIGIN}/api/v1/projects/${projectId}/deliverables/${target.deliverableId}/versions/${target.versionId}/decision`,
        {
          method: 'POST',
          headers: { cookie: clientCookie, accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
      )
    const posters = await version('Poster set')
    const approved = await decide(posters, { decision: 'approved' })
    expect(approved.response.status).toBe(201)
    expect(approved.queries.filter((query) => query.includes('webhook_deliveries'))).toHaveLength(1)
    const approvals = await deliverablesFor(posters.deliverableId)
    expect(byEndpoint(approvals)).toEqual([all.id, approvedOnly.id].sort())
    expect(approvals[0]?.eventType).toBe('deliverable.approved')
    expect(approvals[0]?.payload).toMatchObject({
      decision: 'approved',
      comment: null,
      company: { id: companyId, name: 'Hook Orbit' },
      project: { id: projectId, name: 'Hook launch' },
      deliverable: { id: posters.deliverableId, title: 'Poster set' },
      version: { id: posters.versionId, number: 1 },
      decidedBy: { id: client.id, name: 'Cleo Client', email: client.email },
      url: `${ORIGIN}/dashboard/projects/${projectId}/deliverables/${posters.deliverableId}#version-1`,
    })

    const brochure = await version('Brochure')
    const changes = await decide(brochure, {
      decision: 'changes_requested',
      comment: 'The logo is too small.',
    })
    expect(changes.response.status).toBe(201)
    const requests = await deliverablesFor(brochure.deliverableId)
    expect(byEndpoint(requests)).toEqual([all.id])
    expect(requests[0]?.eventType).toBe('deliverable.changes_requested')
    expect(requests[0]?.payload).toMatchObject({
      decision: 'changes_requested',
      comment: 'The logo is too small.',
    })
  })

  it('a failed run: in the report statement, once per run, never for a success', async () => {
    const [automation] = await db
      .insert(automations)
      .values({ companyId, title: 'Invoice sync', status: 'active' })
      .returning({ id: automations.id })
    const automationId = automation?.id ?? ''
    const keyId = await giveWebhook(db, automationId)
    const forRun = (runId: string) =>
      deliveriesWhere(sql`${webhookDeliveries.payload}->'run'->>'engineRunId' = ${runId}`)

    const failure = {
      runId: `run-${fx.run}-1`,
      event: 'finished',
      outcome: 'failure',
      message: 'CRM answered 502',
    }
    const first = await report(keyId, failure)
    expect(first.response.status).toBe(202)
    // Two statements, as before outgoing webhooks: the report (with its webhook CTE) and the notification.
    expect(first.queries.filter((query) => query.includes('webhook_deliveries'))).toHaveLength(1)
    expect(first.queries.find((query) => query.includes('webhook_deliveries'))).toContain('automation_runs')
    const rows = await forRun(failure.runId)
    expect(byEndpoint(rows)).toEqual([all.id])
    expect(rows[0]?.eventType).toBe('automation_run.failed')
    expect(rows[0]?.payload).toMatchObject({
      company: { id: companyId, name: 'Hook Orbit' },
      automation: { id: automationId, title: 'Invoice sync' },
      run: { engineRunId: failure.runId, message: 'CRM answered 502' },
      url: `${ORIGIN}/dashboard/automations/${automationId}`,
    })

    // The engine retries its report: a duplicate queues nothing.
    expect((await report(keyId, failure)).response.status).toBe(202)
    expect(await forRun(failure.runId)).toHaveLength(1)
    // A success is no event.
    await report(keyId, { runId: `run-${fx.run}-2`, event: 'finished', outcome: 'success' })
    expect(await forRun(`run-${fx.run}-2`)).toHaveLength(0)
  })
})

describe('the delivery job', () => {
  it('signs each delivery so that the README recipe verifies it, with the event and delivery headers', async () => {
    const target = await endpoint(`signed-${fx.run}`, ['lead.created'])
    const id = await queued(target.id)
    const report = await tick([target.id], new Date())
    expect(report).toEqual({ delivered: 1, failed: 0, dead: 0 })
    const [request] = await received(target.name)
    expect(request?.method).toBe('POST')
    const headers = request?.headers ?? {}
    expect(headers['content-type']).toBe('application/json')
    expect(headers['kairo-event']).toBe('lead.created')
    expect(headers['kairo-delivery']).toBe(id)
    expect(verifyKairoSignature(target.secret, headers, request?.body ?? '')).toBe(true)
    // Not under another secret, not for another body, not long after.
    expect(
      verifyKairoSignature(
        await endpointSecret(SIGNING_KEY, newWebhookKeyId()),
        headers,
        request?.body ?? '',
      ),
    ).toBe(false)
    expect(verifyKairoSignature(target.secret, headers, `${request?.body} `)).toBe(false)
    expect(
      verifyKairoSignature(target.secret, headers, request?.body ?? '', Math.floor(Date.now() / 1000) + 301),
    ).toBe(false)
    const row = await deliveryRow(id)
    expect(JSON.parse(request?.body ?? '{}')).toEqual({
      id: row?.eventId,
      type: 'lead.created',
      createdAt: row?.createdAt.toISOString(),
      data: row?.payload,
    })
    expect(row?.deliveredAt).not.toBeNull()
  })

  it('retries a receiver that answered 500 after the backoff, and logs both attempts', async () => {
    const target = await endpoint(`flaky-${fx.run}`, ['lead.created'])
    await script(target.name, [{ status: 500, body: 'upstream exploded' }])
    const id = await queued(target.id)
    const t0 = new Date()
    expect(await tick([target.id], t0)).toEqual({ delivered: 0, failed: 1, dead: 0 })
    const failing = await deliveryRow(id)
    expect(failing?.attempts).toBe(1)
    expect(failing?.lastStatusCode).toBe(500)
    expect(failing?.deliveredAt).toBeNull()
    expect(failing?.nextAttemptAt.getTime()).toBe(t0.getTime() + WEBHOOK_RETRY_BASE_MS)

    // Not before the backoff has passed.
    expect(await tick([target.id], new Date(t0.getTime() + WEBHOOK_RETRY_BASE_MS - 1000))).toEqual({
      delivered: 0,
      failed: 0,
      dead: 0,
    })
    expect(await tick([target.id], new Date(t0.getTime() + WEBHOOK_RETRY_BASE_MS))).toEqual({
      delivered: 1,
      failed: 0,
      dead: 0,
    })
    const delivered = await deliveryRow(id)
    expect(delivered?.attempts).toBe(2)
    expect(delivered?.deliveredAt).not.toBeNull()
    expect(delivered?.lastStatusCode).toBe(200)
    const log = await attemptsOf(id)
    expect(log.map((a) => [a.ok, a.statusCode, a.excerpt, a.manual])).toEqual([
      [false, 500, 'upstream exploded', false],
      [true, 200, 'ok', false],
    ])
    expect(log.every((a) => a.durationMs >= 0)).toBe(true)
    const requests = await received(target.name)
    expect(requests).toHaveLength(2)
    expect(new Set(requests.map((r) => r.headers['kairo-delivery']))).toEqual(new Set([id]))
    // The same event each time: only the timestamp and its signature are new.
    expect(requests[0]?.body).toBe(requests[1]?.body)
  })

  it(`gives up after ${WEBHOOK_MAX_ATTEMPTS} attempts: dead, every attempt logged, nothing sent after`, async () => {
    const target = await endpoint(`down-${fx.run}`, ['lead.created'])
    await script(target.name, [], { status: 503, body: 'maintenance' })
    const id = await queued(target.id)
    let now = new Date()
    const reports = []
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      reports.push(await tick([target.id], now))
      now = new Date(now.getTime() + backoffMs(attempt, WEBHOOK_RETRY_BASE_MS))
    }
    expect(reports.slice(0, -1).every((r) => r.failed === 1)).toBe(true)
    expect(reports.at(-1)).toEqual({ delivered: 0, failed: 0, dead: 1 })
    const row = await deliveryRow(id)
    expect(row?.deadAt).not.toBeNull()
    expect(row?.attempts).toBe(WEBHOOK_MAX_ATTEMPTS)
    expect(row?.lastError).toBe('HTTP 503: maintenance')
    expect(await tick([target.id], new Date(now.getTime() + 86_400_000))).toEqual({
      delivered: 0,
      failed: 0,
      dead: 0,
    })
    expect(await received(target.name)).toHaveLength(WEBHOOK_MAX_ATTEMPTS)
    expect(await attemptsOf(id)).toHaveLength(WEBHOOK_MAX_ATTEMPTS)
  })

  it('counts a refused connection and a receiver slower than the timeout as failures', async () => {
    const closed = await endpoint(`closed-${fx.run}`, ['lead.created'], {
      url: 'http://127.0.0.1:9/hooks/none',
    })
    const slow = await endpoint(`slow-${fx.run}`, ['lead.created'])
    await script(slow.name, [{ status: 200, delayMs: 1500 }])
    const [refusedId, slowId] = [await queued(closed.id), await queued(slow.id)]
    expect(await tick([closed.id, slow.id], new Date(), { timeoutMs: 500 })).toEqual({
      delivered: 0,
      failed: 2,
      dead: 0,
    })
    const [refused] = await attemptsOf(refusedId)
    expect(refused?.statusCode).toBeNull()
    expect(refused?.excerpt).toMatch(/^Could not connect/)
    const [timedOut] = await attemptsOf(slowId)
    expect(timedOut?.statusCode).toBeNull()
    expect(timedOut?.excerpt).toBe('No answer within 0.5 s')
  })

  it("keeps a paused endpoint's deliveries waiting until it is enabled", async () => {
    const target = await endpoint(`pausing-${fx.run}`, ['lead.created'])
    const id = await queued(target.id)
    await db.update(webhookEndpoints).set({ pausedAt: new Date() }).where(eq(webhookEndpoints.id, target.id))
    expect(await tick([target.id], new Date())).toEqual({ delivered: 0, failed: 0, dead: 0 })
    await db.update(webhookEndpoints).set({ pausedAt: null }).where(eq(webhookEndpoints.id, target.id))
    expect(await tick([target.id], new Date())).toEqual({ delivered: 1, failed: 0, dead: 0 })
    expect((await deliveryRow(id))?.deliveredAt).not.toBeNull()
  })

  it('never sends one row twice when two ticks run at once', async () => {
    const target = await endpoint(`race-${fx.run}`, ['lead.created'])
    await script(target.name, [], { status: 200, delayMs: 50 })
    const ids = []
    for (let i = 0; i < 8; i++) ids.push(await queued(target.id, new Date(Date.now() - i * 1000)))
    const second = createDb(env.HYPERDRIVE.connectionString, { max: 1 })
    try {
      const now = new Date()
      const options = {
        signingKey: SIGNING_KEY,
        production: false,
        endpointIds: [target.id],
        now: () => now,
        batchSize: 3,
      }
      const [a, b] = await Promise.all([deliverWebhooks(db, options), deliverWebhooks(second.db, options)])
      expect(a.delivered + b.delivered).toBe(8)
    } finally {
      await second.close()
    }
    const requests = await received(target.name)
    expect(requests.map((r) => r.headers['kairo-delivery']).sort()).toEqual([...ids].sort())
  })

  it('costs one statement when nothing is due', async () => {
    const target = await endpoint(`idle-${fx.run}`, ['lead.created'])
    const queries: string[] = []
    const observed = createDb(env.HYPERDRIVE.connectionString, {
      max: 1,
      onQuery: (query) => queries.push(query),
    })
    try {
      const report = await deliverWebhooks(observed.db, {
        signingKey: SIGNING_KEY,
        production: false,
        endpointIds: [target.id],
      })
      expect(report).toEqual({ delivered: 0, failed: 0, dead: 0 })
    } finally {
      await observed.close()
    }
    expect(queries).toHaveLength(1)
    expect(queries[0]).toContain('for update of d2 skip locked')
  })

  it('refuses a local address again at delivery in production: nothing sent, dead at once', async () => {
    // Registered where local receivers are allowed (http://127.0.0.1); a production Worker will not send there.
    const target = await endpoint(`private-${fx.run}`, ['lead.created'])
    const id = await queued(target.id)
    expect(await tick([target.id], new Date(), { production: true })).toEqual({
      delivered: 0,
      failed: 0,
      dead: 1,
    })
    expect(await received(target.name)).toHaveLength(0)
    const [attempt] = await attemptsOf(id)
    expect(attempt?.statusCode).toBeNull()
    expect(attempt?.excerpt).toMatch(/^Not sent: /)
    expect((await deliveryRow(id))?.deadAt).not.toBeNull()
  })
})
