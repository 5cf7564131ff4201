import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { createDb, leads, outbox } from '@kairo/db'
import { eq, inArray, like, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { createApp } from '../src/lib/create-app.ts'
import { createContactRoutes } from '../src/routes/contact/index.tsx'
import { pooled } from './support/pooled-database.ts'

// Every lead this file creates has an e-mail under this run's domain, and every request a unique
// IP, so tests neither see other runs' rows nor trip the per-IP limit by accident.
const run = crypto.randomUUID().slice(0, 8)
const domain = `run-${run}.example`
const client = createDb(env.HYPERDRIVE.connectionString, { max: 2 })
let ipCounter = 0
const nextIp = () => `10.${run.charCodeAt(0) % 250}.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`
const ORIGIN = 'http://localhost'

afterAll(async () => {
  const ids = await client.db
    .select({ id: leads.id })
    .from(leads)
    .where(like(leads.email, `%@${domain}`))
  const leadIds = ids.map((r) => r.id)
  if (leadIds.length > 0) {
    await client.db.delete(outbox).where(inArray(sql`${outbox.payload}->>'leadId'`, leadIds))
    await client.db.delete(leads).where(inArray(leads.id, leadIds))
  }
  await client.db.execute(sql`delete from app.rate_limits where key like ${'contact:ip:10.%'}`)
  await client.close()
})

function valid(local: string, extra: Record<string, string> = {}) {
  return {
    name: 'Ada Lovelace',
    email: `${local}@${domain}`,
    company: 'Analytical Engines',
    message: 'We would like a site for our orbital mapping product.',
    ...extra,
  }
}

async function send(init: RequestInit & { ip?: string; bindings?: typeof env }, target = app) {
  const ctx = createExecutionContext()
  const headers = new Headers(init.headers)
  headers.set('cf-connecting-ip', init.ip ?? nextIp())
  const { bindings = env, ...request } = init
  const response = await target.request(
    `${ORIGIN}/api/contact`,
    { method: 'POST', ...request, headers },
    bindings,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

const postForm = (
  fields: Record<string, string>,
  extra: { ip?: string; headers?: Record<string, string>; bindings?: typeof env } = {},
) =>
  send({
    ip: extra.ip,
    headers: { origin: ORIGIN, accept: 'text/html', ...extra.headers },
    body: new URLSearchParams(fields),
    bindings: extra.bindings,
  })

const postJson = (body: unknown, extra: { ip?: string; bindings?: typeof env } = {}, target = app) =>
  send(
    {
      ip: extra.ip,
      headers: { origin: ORIGIN, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      bindings: extra.bindings,
    },
    target,
  )

async function leadsFor(local: string) {
  return client.db
    .select()
    .from(leads)
    .where(like(leads.email, `${local}@${domain}`))
}

async function leadsFrom(ip: string) {
  return client.db.select().from(leads).where(eq(leads.ip, ip))
}

async function outboxFor(leadIds: string[]) {
  if (leadIds.length === 0) return []
  return client.db
    .select()
    .from(outbox)
    .where(inArray(sql`${outbox.payload}->>'leadId'`, leadIds))
}

describe('POST /api/contact without JavaScript (form post)', () => {
  it('stores one lead and one outbox notification, then redirects 303 to the thank-you page', async () => {
    const response = await postForm(valid('form-ok'))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/contact/thanks/')
    const stored = await leadsFor('form-ok')
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ name: 'Ada Lovelace', company: 'Analytical Engines', status: 'new' })
    const notes = await outboxFor(stored.map((l) => l.id))
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatchObject({ kind: 'lead.notification', sentAt: null, attempts: 0 })
    expect(notes[0]?.payload).toMatchObject({ email: `form-ok@${domain}` })
  })

  it('re-renders the form with every message, the input kept and escaped, and stores nothing', async () => {
    const ip = nextIp()
    const response = await postForm(
      {
        name: '<script>alert(1)</script>'.padEnd(130, 'x'),
        email: `not-an-email"><b>@${domain}`,
        company: 'C'.repeat(121),
        message: 'short',
      },
      { ip },
    )
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    const html = await response.text()
    expect(html).toMatch(/^<!doctype html>/)
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    for (const message of [
      'Enter a name of at most 120 characters',
      'Enter an email address like name@example.com',
      'Enter a company name of at most 120 characters',
      'Tell us a little more: at least 10 characters',
    ]) {
      expect(html).toContain(message)
    }
    // Each field is marked invalid and points at its message; the summary links to each field.
    for (const field of ['name', 'email', 'company', 'message']) {
      expect(html).toMatch(
        new RegExp(
          `id="contact-${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="contact-${field}"`,
        ),
      )
      expect(html).toContain(`href="#contact-${field}"`)
      expect(html).toContain(`id="contact-${field}-error"`)
    }
    // The input comes back, escaped: no live markup from the visitor.
    expect(html).not.toContain('<script>alert(1)</script>')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('not-an-email&quot;&gt;&lt;b&gt;@')
    expect(html).toContain('>short</textarea>')
    // The page's only inline code, its stylesheet, carries this response's CSP nonce.
    const nonce = response.headers
      .get('content-security-policy')
      ?.match(/style-src 'self' 'nonce-([^']+)'/)?.[1]
    expect(nonce).toBeTruthy()
    expect(html).toContain(`<style nonce="${nonce}">`)
    expect(html).not.toMatch(/<script/)
    expect(await leadsFrom(ip)).toHaveLength(0)
  })

  it('treats a filled honeypot like a success and stores nothing', async () => {
    const response = await postForm(valid('honeypot', { website: 'https://spam.example' }))
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/contact/thanks/')
    expect(await leadsFor('honeypot')).toHaveLength(0)
  })

  it('stores one lead for a double submit of the same form without a key', async () => {
    const ip = nextIp()
    const first = await postForm(valid('double'), { ip })
    const second = await postForm(valid('double'), { ip })
    expect([first.status, second.status]).toEqual([303, 303])
    expect(await leadsFor('double')).toHaveLength(1)
  })

  it('refuses a form post from a foreign origin with a JSON 403 and stores nothing', async () => {
    const response = await postForm(valid('csrf'), {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'Cross-site form submissions are not accepted' },
    })
    expect(await leadsFor('csrf')).toHaveLength(0)
  })
})

describe('the source page and service (for the studio analytics)', () => {
  it('stores the page path and the service a form sends', async () => {
    const response = await postForm(
      valid('source-ok', { sourcePage: '/services/websites/', service: 'websites' }),
    )
    expect(response.status).toBe(303)
    const [lead] = await leadsFor('source-ok')
    expect(lead).toMatchObject({ sourcePage: '/services/websites/', service: 'websites' })
    const json = await postJson({
      ...valid('source-json'),
      sourcePage: '/contact/',
      idempotencyKey: crypto.randomUUID(),
    })
    expect(json.status).toBe(201)
    expect((await leadsFor('source-json'))[0]).toMatchObject({ sourcePage: '/contact/', service: null })
  })

  it('keeps the lead but drops a path of another site or a service that is not a slug', async () => {
    const bad: Array<[unknown, unknown]> = [
      ['https://evil.example/contact/', 'Web Sites'],
      ['//evil.example/', 'websites/../admin'],
      ['/\\evil.example', '<b>x</b>'],
      ['/contact/?utm=1', 'x'.repeat(61)],
      [42, ['websites']],
    ]
    for (const [i, [sourcePage, service]] of bad.entries()) {
      const response = await postJson({
        ...valid(`source-bad-${i}`),
        sourcePage,
        service,
        idempotencyKey: crypto.randomUUID(),
      })
      expect(response.status).toBe(201)
      expect((await leadsFor(`source-bad-${i}`))[0]).toMatchObject({ sourcePage: null, service: null })
    }
  })

  it('keeps both in the re-rendered form when other fields are invalid', async () => {
    const response = await postForm({
      ...valid('source-422'),
      message: 'short',
      sourcePage: '/contact/',
      service: 'interactive-3d',
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('<input type="hidden" name="sourcePage" value="/contact/"/>')
    expect(html).toContain('<option value="interactive-3d" selected="">Interactive 3d</option>')
  })
})

describe('POST /api/contact with JSON', () => {
  it('answers 201 { ok: true } and stores the lead', async () => {
    const response = await postJson({ ...valid('json-ok'), idempotencyKey: crypto.randomUUID() })
    expect(response.status).toBe(201)
    expect(await response.json()).toEqual({ ok: true })
    expect(await leadsFor('json-ok')).toHaveLength(1)
  })

  it('answers 422 with a message for every invalid field and stores nothing', async () => {
    const ip = nextIp()
    const response = await postJson(
      { name: '', email: 'nope', company: 'x'.repeat(121), message: 'hi', idempotencyKey: 'not-a-uuid' },
      { ip },
    )
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Some fields need attention',
        fields: {
          name: 'Enter your name',
          email: 'Enter an email address like name@example.com',
          company: 'Enter a company name of at most 120 characters',
          message: 'Tell us a little more: at least 10 characters',
          idempotencyKey: 'The form expired; reload the page and send it again',
        },
      },
    })
    expect(await leadsFrom(ip)).toHaveLength(0)
  })

  it('stores one lead for the same idempotency key sent twice, answering both alike', async () => {
    const idempotencyKey = crypto.randomUUID()
    const first = await postJson({ ...valid('same-key'), idempotencyKey })
    const second = await postJson({
      ...valid('same-key', { message: 'A second, edited version of it.' }),
      idempotencyKey,
    })
    expect([first.status, second.status]).toEqual([201, 201])
    expect(await second.json()).toEqual({ ok: true })
    const stored = await leadsFor('same-key')
    expect(stored).toHaveLength(1)
    expect(await outboxFor(stored.map((l) => l.id))).toHaveLength(1)
  })

  it('stores exactly 10 leads for 50 concurrent submissions with 10 distinct keys', async () => {
    const keys = Array.from({ length: 10 }, () => crypto.randomUUID())
    const bindings = pooled(env)
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postJson({ ...valid(`burst-${i % 10}`), idempotencyKey: keys[i % 10] }, { bindings }),
      ),
    )
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201))
    const stored = await leadsFor('burst-%')
    expect(stored).toHaveLength(10)
    expect(new Set(stored.map((l) => l.email)).size).toBe(10)
    expect(await outboxFor(stored.map((l) => l.id))).toHaveLength(10)
  })

  it('stores exactly one lead per distinct submission for 200 concurrent posts with duplicates', async () => {
    // 100 visitors, each sending twice at once (a double click): half through the script (a random
    // key), half as the plain form (a key derived from IP and content). Every post is answered and
    // no visitor loses their message or gets it stored twice.
    const visitors = Array.from({ length: 100 }, (_, i) => ({
      fields: valid(`crowd-${i}`),
      ip: nextIp(),
      key: crypto.randomUUID(),
      withScript: i % 2 === 0,
    }))
    // Through a pooler, as Hyperdrive reaches Postgres in production (test/support/pooled-database.ts).
    const bindings = pooled(env)
    const responses = await Promise.all(
      visitors.flatMap((visitor) =>
        [1, 2].map(() =>
          visitor.withScript
            ? postJson({ ...visitor.fields, idempotencyKey: visitor.key }, { ip: visitor.ip, bindings })
            : postForm(visitor.fields, { ip: visitor.ip, bindings }),
        ),
      ),
    )
    expect(responses).toHaveLength(200)
    expect(responses.map((r) => r.status).filter((status) => status !== 201 && status !== 303)).toEqual([])
    const stored = await leadsFor('crowd-%')
    expect(stored).toHaveLength(100)
    expect(new Set(stored.map((l) => l.email)).size).toBe(100)
    expect(await outboxFor(stored.map((l) => l.id))).toHaveLength(100)
    // A correctness test, not a timing one: beside the other suites on 2 cores it has taken over 20 s.
  }, 90_000)

  it('answers 503 with Retry-After and stores nothing when the database cannot be reached', async () => {
    const down = { ...env, HYPERDRIVE: env.HYPERDRIVE_DOWN }
    const ctx = createExecutionContext()
    const response = await app.request(
      `${ORIGIN}/api/contact`,
      {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json', 'cf-connecting-ip': nextIp() },
        body: JSON.stringify(valid('db-down')),
      },
      down,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(await response.json()).toMatchObject({ error: { code: 'db_unavailable' } })
    expect(await leadsFor('db-down')).toHaveLength(0)
  })

  it('refuses a body that is neither JSON nor a form with 415', async () => {
    const response = await send({ headers: { 'content-type': 'text/csv', origin: ORIGIN }, body: 'a,b' })
    expect(response.status).toBe(415)
    expect(await response.json()).toMatchObject({ error: { code: 'unsupported_media_type' } })
  })

  it('refuses an oversized body with 413', async () => {
    const response = await postJson(valid('huge', { message: 'x'.repeat(70_000) }))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } })
    expect(await leadsFor('huge')).toHaveLength(0)
  })
})

describe('POST /api/contact rate limit', () => {
  it('answers 429 with Retry-After after the limit, as JSON or as a page', async () => {
    const limited = createApp().route(
      '/',
      createContactRoutes({ rateLimit: { limit: 3, windowSeconds: 600 } }),
    )
    const ip = nextIp()
    const statuses = []
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await postJson({ ...valid(`limit-${i}`), idempotencyKey: crypto.randomUUID() }, { ip }, limited))
          .status,
      )
    }
    expect(statuses).toEqual([201, 201, 201])
    const json = await postJson({ ...valid('limit-x'), idempotencyKey: crypto.randomUUID() }, { ip }, limited)
    expect(json.status).toBe(429)
    const retryAfter = Number(json.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(600)
    expect(await json.json()).toMatchObject({ error: { code: 'rate_limited' } })
    const page = await send(
      { ip, headers: { origin: ORIGIN, accept: 'text/html' }, body: new URLSearchParams(valid('limit-y')) },
      limited,
    )
    expect(page.status).toBe(429)
    expect(page.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await page.text()).toContain('Too many messages for now')
    expect(await leadsFor('limit-x')).toHaveLength(0)
    expect(await leadsFor('limit-%')).toHaveLength(3)
  })
})
