import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'

/** Sends one request through the app like the runtime does, and waits for its `waitUntil` work. */
async function send(path: string, bindings: Cloudflare.Env = env, init?: RequestInit) {
  const ctx = createExecutionContext()
  const response = await app.request(path, init, bindings, ctx)
  await waitOnExecutionContext(ctx)
  return response
}

describe('GET /api/health', () => {
  it('answers 200 with db up after a real query', async () => {
    const response = await send('/api/health')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ ok: true, db: 'up' })
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('answers 503 JSON with Retry-After, quickly, when the database is unreachable', async () => {
    const started = Date.now()
    const response = await send('/api/health', { ...env, HYPERDRIVE: env.HYPERDRIVE_DOWN })
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({
      ok: false,
      db: 'down',
      error: { code: 'db_unavailable', message: expect.any(String) },
    })
    expect(text).not.toMatch(/\bat \S+:\d+|stack|127\.0\.0\.1/)
  })

  it('serves two sequential requests in one isolate', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await send('/api/health')
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({ ok: true, db: 'up' })
    }
  })

  it('serves five concurrent requests in one isolate', async () => {
    const responses = await Promise.all(Array.from({ length: 5 }, () => send('/api/health')))
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200])
    const bodies = await Promise.all(responses.map((r) => r.json()))
    expect(bodies).toEqual(Array(5).fill({ ok: true, db: 'up' }))
  })
})

describe('app-wide behaviour', () => {
  it('answers an unknown /api route with a JSON 404', async () => {
    const response = await send('/api/no-such-thing')
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'No route for GET /api/no-such-thing' },
    })
  })

  it('sets a request id, and echoes a well-formed one from the caller', async () => {
    const generated = await send('/api/no-such-thing')
    expect(generated.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/)
    const echoed = await send('/api/health', env, { headers: { 'X-Request-Id': 'trace-1234' } })
    expect(echoed.headers.get('x-request-id')).toBe('trace-1234')
  })
})
