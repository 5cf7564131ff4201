import { auditLog, outbox } from '@kairo/db'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import { FOREIGN, headings, send } from './team-support.ts'

// Undelivered e-mail in the team views: admins see dead and failing messages (never their payload)
// and retry them; team members and clients get 404, a foreign form post 403.

const fx = new Fixtures()
const db = fx.db
let admin: TestUser
let adminCookie: string
let teamCookie: string
let clientCookie: string
let dead: string
let failing: string
let delivered: string
const secret = `secret-${fx.run}`

beforeAll(async () => {
  const companyId = await fx.company('Outbox Co')
  admin = await fx.user('admin', null, { name: 'Ada Admin' })
  adminCookie = await fx.cookie(admin.id)
  teamCookie = await fx.cookie((await fx.user('team', null)).id)
  clientCookie = await fx.cookie((await fx.user('client', companyId)).id)
  const rows = await db
    .insert(outbox)
    .values([
      {
        kind: 'auth.password_reset',
        payload: { to: `dead-${fx.run}@example.test`, url: `https://x.example/password-reset/a.${secret}` },
        attempts: 8,
        lastError: 'smtp 127.0.0.1:1025: connection refused',
        deadAt: new Date(),
      },
      {
        kind: 'auth.invitation',
        payload: { to: `failing-${fx.run}@example.test`, acceptUrl: `https://x.example/invite/a.${secret}` },
        attempts: 2,
        lastError: 'resend: 503 Try again later',
        nextAttemptAt: new Date(Date.now() + 600_000),
      },
      {
        kind: 'auth.password_changed',
        payload: { to: `sent-${fx.run}@example.test` },
        attempts: 1,
        sentAt: new Date(),
      },
    ])
    .returning({ id: outbox.id })
  ;[dead, failing, delivered] = rows.map((row) => row.id) as [string, string, string]
})

afterAll(async () => {
  await db.delete(outbox).where(inArray(outbox.id, [dead, failing, delivered]))
  await fx.cleanup()
})

const rowOf = async (id: string) => (await db.select().from(outbox).where(eq(outbox.id, id)))[0]

describe('GET /dashboard/outbox', () => {
  it('shows an admin the dead and the failing messages with their errors, never a payload link', async () => {
    const response = await send('/dashboard/outbox', { cookie: adminCookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(headings(html)).toEqual(['Undelivered e-mail'])
    expect(html).toContain(`dead-${fx.run}@example.test`)
    expect(html).toContain('smtp 127.0.0.1:1025: connection refused')
    expect(html).toContain(`failing-${fx.run}@example.test`)
    expect(html).toContain(`action="/dashboard/outbox/${dead}/retry"`)
    expect(html).not.toContain(`sent-${fx.run}`)
    expect(html).not.toContain(secret)
    expect(html).toContain('href="/dashboard/outbox" aria-current="page"')
  })

  it('is a 404 for team members and clients, and not in their nav', async () => {
    for (const cookie of [teamCookie, clientCookie]) {
      expect((await send('/dashboard/outbox', { cookie })).status).toBe(404)
      expect(await (await send('/dashboard', { cookie })).text()).not.toContain('/dashboard/outbox')
    }
  })
})

describe('POST /dashboard/outbox/<id>/retry', () => {
  it('refuses team members, clients (404) and foreign origins (403) without changing the row', async () => {
    for (const cookie of [teamCookie, clientCookie]) {
      expect((await send(`/dashboard/outbox/${dead}/retry`, { cookie, form: {} })).status).toBe(404)
    }
    expect(
      (await send(`/dashboard/outbox/${dead}/retry`, { cookie: adminCookie, form: {}, origin: FOREIGN }))
        .status,
    ).toBe(403)
    expect((await rowOf(dead))?.deadAt).not.toBeNull()
  })

  it('queues a dead message again for an admin, attempts starting over, audited', async () => {
    const response = await send(`/dashboard/outbox/${dead}/retry`, { cookie: adminCookie, form: {} })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard/outbox')
    const row = await rowOf(dead)
    expect(row?.deadAt).toBeNull()
    expect(row?.attempts).toBe(0)
    expect(row?.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now())
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, dead), eq(auditLog.action, 'outbox.retried')))
    expect(entry?.actorId).toBe(admin.id)
    expect(entry?.details).toEqual({ kind: 'auth.password_reset', attempts: 8, wasDead: true })
    const flash = response.headers.get('set-cookie') ?? ''
    const page = await send('/dashboard/outbox', { cookie: `${adminCookie}; ${flash.split(';')[0]}` })
    expect(await page.text()).toContain('Password reset link: queued again')
  })

  it('leaves a delivered message alone and answers 404 for an unknown id', async () => {
    expect(
      (await send(`/dashboard/outbox/${delivered}/retry`, { cookie: adminCookie, form: {} })).status,
    ).toBe(303)
    expect((await rowOf(delivered))?.attempts).toBe(1)
    expect(
      (await send(`/dashboard/outbox/${crypto.randomUUID()}/retry`, { cookie: adminCookie, form: {} }))
        .status,
    ).toBe(404)
    expect((await send('/dashboard/outbox/not-a-uuid/retry', { cookie: adminCookie, form: {} })).status).toBe(
      404,
    )
  })
})

describe('/api/v1/outbox', () => {
  it('lists and retries for admins only, without payloads', async () => {
    const list = await send('/api/v1/outbox', { cookie: adminCookie, wantJson: true })
    expect(list.status).toBe(200)
    const body = (await list.json()) as { items: Array<Record<string, unknown>> }
    const item = body.items.find((entry) => entry.id === failing)
    expect(item).toMatchObject({
      kind: 'auth.invitation',
      state: 'failing',
      attempts: 2,
      lastError: 'resend: 503 Try again later',
    })
    expect(JSON.stringify(body)).not.toContain(secret)
    expect((await send('/api/v1/outbox', { cookie: teamCookie, wantJson: true })).status).toBe(404)
    expect(
      (await send(`/api/v1/outbox/${failing}/retry`, { cookie: teamCookie, method: 'POST', wantJson: true }))
        .status,
    ).toBe(404)

    const retried = await send(`/api/v1/outbox/${failing}/retry`, {
      cookie: adminCookie,
      method: 'POST',
      wantJson: true,
    })
    expect(retried.status).toBe(200)
    expect(await retried.json()).toEqual({ id: failing, queued: true })
    expect((await rowOf(failing))?.attempts).toBe(0)
    const again = await send(`/api/v1/outbox/${delivered}/retry`, {
      cookie: adminCookie,
      method: 'POST',
      wantJson: true,
    })
    expect(again.status).toBe(409)
  })
})
