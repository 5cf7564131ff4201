import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { auditLog, automations, rateLimits } from '@kairo/db'
import { and, eq, like, or } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { type CompanyWork, createCompanyWork } from './support/dashboard-fixtures.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { bytesStream, multipartBody, PDF_HEAD, postUpload, removeUploadsOf } from './support/upload-bodies.ts'
import { cleanupDomain, insertLead, ORIGIN } from './team-support.ts'

// What every request meets before its route: `/api/v1` takes writes as JSON only (a write without a
// JSON content type needs no CORS preflight, so another site could send it with the user's cookie),
// every body has a ceiling in front of the rate limits and the team's forms (413, nothing counted),
// uploads keep their own streaming limit, and every `/api/v1` answer is `private, no-store`.

const fx = new Fixtures()
const db = fx.db
let work: CompanyWork
let client: TestUser
let clientCookie: string
let team: TestUser
let teamCookie: string
let leadId: string
// An IPv4 prefix of this run's own, for counters keyed by address (removed by it afterwards).
const net = `10.${Number.parseInt(fx.run.slice(0, 2), 16) % 250}.${Number.parseInt(fx.run.slice(2, 4), 16)}`
let host = 0
const nextIp = () => `${net}.${++host}`
const big = 'x'.repeat(100 * 1024)

beforeAll(async () => {
  const companyId = await fx.company('Hardening Co')
  work = await createCompanyWork(db, companyId, 'Hardening')
  client = await fx.user('client', companyId)
  clientCookie = await fx.cookie(client.id)
  team = await fx.user('team', null)
  teamCookie = await fx.cookie(team.id)
  leadId = await insertLead(db, fx)
})

afterAll(async () => {
  await removeUploadsOf(work.projectId)
  await db.delete(auditLog).where(eq(auditLog.actorId, client.id))
  await db
    .delete(rateLimits)
    .where(
      or(
        like(rateLimits.key, `%:${net}.%`),
        like(rateLimits.key, `%:${client.id}`),
        like(rateLimits.key, `%:${team.id}`),
      ),
    )
  await cleanupDomain(db, fx)
  await fx.cleanup()
})

/** One request exactly as given: no header is added but the address. */
async function raw(path: string, init: RequestInit & { ip?: string } = {}, bindings: object = env) {
  const headers = new Headers(init.headers)
  headers.set('cf-connecting-ip', init.ip ?? nextIp())
  const ctx = createExecutionContext()
  const response = await app.request(`${ORIGIN}${path}`, { ...init, headers }, bindings, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

const stateOf = async (id: string) =>
  (await db.select({ status: automations.status }).from(automations).where(eq(automations.id, id)))[0]?.status

const countersLike = (pattern: string) => db.select().from(rateLimits).where(like(rateLimits.key, pattern))

describe('/api/v1 writes take JSON only', () => {
  it('refuses pause and resume sent with no body and no content type, changing nothing', async () => {
    for (const [id, change] of [
      [work.activeAutomationId, 'pause'],
      [work.pausedAutomationId, 'resume'],
    ] as const) {
      const before = await stateOf(id)
      // What `fetch(url, { method: 'POST', credentials: 'include' })` from another site sends.
      const response = await raw(`/api/v1/automations/${id}/${change}`, {
        method: 'POST',
        headers: { cookie: clientCookie, origin: 'https://evil.example' },
      })
      expect(response.status).toBe(415)
      expect(await response.json()).toEqual({
        error: { code: 'unsupported_media_type', message: 'Send Content-Type: application/json' },
      })
      expect(await stateOf(id)).toBe(before)
    }
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, client.id), like(auditLog.action, 'automation.%')))
    expect(audited).toHaveLength(0)
    // Declaring JSON (which no other site can do without a preflight) works, body or not.
    const paused = await raw(`/api/v1/automations/${work.activeAutomationId}/pause`, {
      method: 'POST',
      headers: { cookie: clientCookie, 'content-type': 'application/json; charset=utf-8' },
    })
    expect(paused.status).toBe(200)
    expect(await paused.json()).toMatchObject({ status: 'paused', changed: true })
  })

  it('refuses every other write without a JSON content type, DELETE included', async () => {
    const cookie = await fx.cookie(client.id)
    const writes: Array<[string, string, string | undefined]> = [
      ['DELETE', '/api/v1/session', undefined],
      ['DELETE', '/api/v1/me/sessions', undefined],
      ['POST', '/api/v1/notifications/read', 'text/plain'],
      ['PATCH', '/api/v1/me', 'application/x-www-form-urlencoded'],
      ['PUT', '/api/v1/notification-preferences', 'multipart/form-data; boundary=x'],
    ]
    for (const [method, path, type] of writes) {
      const response = await raw(path, {
        method,
        headers: { cookie, ...(type ? { 'content-type': type } : {}) },
        body: type ? 'name=Mallory' : undefined,
      })
      expect(response.status, `${method} ${path}`).toBe(415)
    }
    // Still signed in: neither DELETE ended a session.
    const me = await raw('/api/v1/me', { headers: { cookie } })
    expect(me.status).toBe(200)
  })
})

describe('body ceilings in front of the limiters', () => {
  it('refuses an oversized sign-in before its limits count it', async () => {
    const ip = nextIp()
    const response = await raw('/api/v1/session', {
      method: 'POST',
      ip,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: client.email, password: big }),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } })
    expect(await countersLike(`%:${ip}`)).toHaveLength(0)
  })

  it('refuses an oversized /api/v1 write with 413 in the error shape', async () => {
    const response = await raw('/api/v1/me', {
      method: 'PATCH',
      headers: { cookie: clientCookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: big }),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } })
  })

  it("refuses an oversized team form post before the team's write limit counts it", async () => {
    const response = await raw(`/dashboard/leads/${leadId}/notes`, {
      method: 'POST',
      headers: {
        cookie: teamCookie,
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ body: big }).toString(),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({
      error: { code: 'payload_too_large', message: 'The form is too large' },
    })
    expect(await countersLike(`team:write:${team.id}`)).toHaveLength(0)
    // A note of the longest allowed length, in characters that URL-encode longest (3 UTF-8 bytes,
    // 9 encoded), still fits.
    const longest = await raw(`/dashboard/leads/${leadId}/notes`, {
      method: 'POST',
      headers: {
        cookie: teamCookie,
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ body: '€'.repeat(5000) }).toString(),
    })
    expect(longest.status).toBe(303)
  })

  it('refuses oversized dashboard, invitation and contact posts before their limits count them', async () => {
    const form = {
      origin: ORIGIN,
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/x-www-form-urlencoded',
    }
    const counted = async () => (await countersLike(`automation-state:${client.id}`))[0]?.count ?? 0
    const before = await counted()
    const resume = await raw(`/dashboard/automations/${work.pausedAutomationId}/resume`, {
      method: 'POST',
      headers: { ...form, cookie: clientCookie },
      body: `x=${big}`,
    })
    expect(resume.status).toBe(413)
    expect(await counted()).toBe(before)
    expect(await stateOf(work.pausedAutomationId)).toBe('paused')
    for (const path of ['/invite/abcdefghijklmnop.qrstuvwxyz234567', '/api/contact']) {
      const ip = nextIp()
      const response = await raw(path, { method: 'POST', ip, headers: form, body: `message=${big}` })
      expect(response.status, path).toBe(413)
      expect(await countersLike(`%:${ip}`), path).toHaveLength(0)
    }
  })

  it('leaves uploads to their own streaming limit, by form and by the API', async () => {
    const size = 200 * 1024
    const pdf = new Uint8Array(size)
    pdf.set(PDF_HEAD)
    const { body, contentType } = multipartBody(
      { title: 'Large brief' },
      { name: 'brief.pdf', stream: bytesStream(pdf) },
    )
    const page = await postUpload(`/dashboard/projects/${work.projectId}/deliverables`, {
      cookie: teamCookie,
      body,
      contentType,
    })
    expect(page.status).toBe(303)
    const api = await postUpload(
      `/api/v1/projects/${work.projectId}/deliverables?title=Large%20spec&fileName=spec.pdf`,
      { cookie: teamCookie, body: pdf, contentType: 'application/octet-stream', accept: 'application/json' },
    )
    expect(api.status).toBe(201)
    expect(await api.json()).toMatchObject({ version: { bytes: size } })
  })
})

describe('Cache-Control on /api/v1', () => {
  it('is private, no-store on every answer, errors included', async () => {
    const answers: Array<[string, Response]> = [
      ['200', await raw('/api/v1/me', { headers: { cookie: clientCookie } })],
      ['200 document', await raw('/api/v1/openapi.json')],
      ['401', await raw('/api/v1/projects')],
      ['404 no route', await raw('/api/v1/nowhere', { headers: { cookie: clientCookie } })],
      [
        '404 not yours',
        await raw(`/api/v1/projects/${crypto.randomUUID()}`, { headers: { cookie: clientCookie } }),
      ],
      ['415', await raw('/api/v1/me', { method: 'PATCH', headers: { cookie: clientCookie } })],
      [
        '422',
        await raw('/api/v1/me', {
          method: 'PATCH',
          headers: { cookie: clientCookie, 'content-type': 'application/json' },
          body: JSON.stringify({ name: '' }),
        }),
      ],
      [
        '413',
        await raw('/api/v1/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: big,
        }),
      ],
      [
        '503',
        await raw(
          '/api/v1/projects',
          { headers: { cookie: clientCookie } },
          {
            ...env,
            HYPERDRIVE: env.HYPERDRIVE_DOWN,
          },
        ),
      ],
    ]
    for (const [what, response] of answers) {
      expect(response.status, what).toBe(Number(what.slice(0, 3)))
      expect(response.headers.get('cache-control'), what).toBe('private, no-store')
    }
  })
})
