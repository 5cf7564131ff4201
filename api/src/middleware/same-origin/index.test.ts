import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { describe, expect, it } from 'vitest'
import { sameOrigin } from './index.ts'

const app = new Hono()
  .use(sameOrigin({ allowedOrigins: ['https://kairo.example'] }))
  .post('/form', (c) => c.text('stored'))
  .onError((error, c) =>
    error instanceof HTTPException
      ? c.json({ error: { code: 'forbidden', message: error.message } }, error.status)
      : c.text('boom', 500),
  )

function post(headers: Record<string, string>, contentType = 'application/x-www-form-urlencoded') {
  return app.request('http://localhost/form', {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body: 'name=x',
  })
}

describe('sameOrigin', () => {
  it('accepts a form post from the same origin, by Origin or by Sec-Fetch-Site', async () => {
    expect((await post({ origin: 'http://localhost' })).status).toBe(200)
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(200)
    expect((await post({ origin: 'https://kairo.example' })).status).toBe(200)
  })

  it('refuses a form post from a foreign origin with a JSON 403', async () => {
    const response = await post({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'Cross-site form submissions are not accepted' },
    })
  })

  it('refuses a form post that proves no origin at all, and text/plain too', async () => {
    expect((await post({})).status).toBe(403)
    expect((await post({ origin: 'https://evil.example' }, 'text/plain')).status).toBe(403)
  })

  it('lets JSON through (cross-origin JSON needs a CORS preflight this app never grants)', async () => {
    expect((await post({ origin: 'https://evil.example' }, 'application/json')).status).toBe(200)
  })
})
