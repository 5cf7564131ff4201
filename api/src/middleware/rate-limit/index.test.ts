import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { createDb, rateLimits } from '@kairo/db'
import { like } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from '../../lib/create-app.ts'
import { rateLimit } from './index.ts'

// Runs in workerd against the real Postgres store; every key carries this run's prefix.
const run = `test-${crypto.randomUUID()}`
let clock = Date.UTC(2026, 10, 23, 12, 0, 30)

const app = createApp()
  .use('/api/limited/*', rateLimit({ limit: 3, windowSeconds: 60, prefix: run, now: () => clock }))
  .use(
    '/api/skipped/*',
    rateLimit({ limit: 1, prefix: run, key: (c) => (c.req.header('x-trusted') ? null : 'shared') }),
  )
  .use(
    '/api/refunded/*',
    rateLimit({
      limit: 2,
      prefix: run,
      key: () => 'refunded',
      now: () => clock,
      refundIf: (c) => c.res.status === 200,
    }),
  )
  .post('/api/limited/echo', (c) => c.json({ ok: true }))
  .post('/api/refunded/echo', (c) =>
    c.req.header('x-outcome') === 'fail' ? c.json({ ok: false }, 401) : c.json({ ok: true }),
  )
  .post('/api/skipped/echo', (c) => c.json({ ok: true }))

async function send(path: string, ip: string, headers: Record<string, string> = {}) {
  const ctx = createExecutionContext()
  const init = { method: 'POST', headers: { 'cf-connecting-ip': ip, ...headers } }
  const response = await app.request(path, init, env, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

afterAll(async () => {
  const { db, close } = createDb(env.HYPERDRIVE.connectionString)
  await db.delete(rateLimits).where(like(rateLimits.key, `${run}:%`))
  await close()
})

describe('rateLimit', () => {
  it('allows the limit, then answers 429 JSON with Retry-After until the window ends', async () => {
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await send('/api/limited/echo', '198.51.100.1')).status)
    expect(statuses).toEqual([200, 200, 200])
    const limited = await send('/api/limited/echo', '198.51.100.1', { accept: 'application/json' })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('30')
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } })
    // Another IP has its own counter.
    expect((await send('/api/limited/echo', '198.51.100.2')).status).toBe(200)
    // The next window starts from zero.
    clock += 30_000
    expect((await send('/api/limited/echo', '198.51.100.1')).status).toBe(200)
  })

  it('answers an HTML page to a browser', async () => {
    for (let i = 0; i < 3; i++) await send('/api/limited/echo', '198.51.100.3')
    const limited = await send('/api/limited/echo', '198.51.100.3', { accept: 'text/html' })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('content-type')).toMatch(/text\/html/)
    expect(await limited.text()).toContain('<h1>Too many requests</h1>')
  })

  it('lets exactly `limit` of 12 concurrent requests through (each on its own connection)', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, () => send('/api/limited/echo', '198.51.100.4')),
    )
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 200)).toHaveLength(3)
    expect(statuses.filter((s) => s === 429)).toHaveLength(9)
  })

  it('takes back the hits of requests that `refundIf` calls a success', async () => {
    const fail = { 'x-outcome': 'fail' }
    // Successes cost nothing...
    for (let i = 0; i < 4; i++) expect((await send('/api/refunded/echo', '198.51.100.6')).status).toBe(200)
    // ...failures count, and over the limit even a request that would succeed is refused.
    expect((await send('/api/refunded/echo', '198.51.100.6', fail)).status).toBe(401)
    expect((await send('/api/refunded/echo', '198.51.100.6', fail)).status).toBe(401)
    expect((await send('/api/refunded/echo', '198.51.100.6')).status).toBe(429)
  })

  it('skips requests whose key is null', async () => {
    await send('/api/skipped/echo', '198.51.100.5')
    expect((await send('/api/skipped/echo', '198.51.100.5')).status).toBe(429)
    expect((await send('/api/skipped/echo', '198.51.100.5', { 'x-trusted': '1' })).status).toBe(200)
  })
})
