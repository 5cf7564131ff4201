import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { securityHeaders } from './index.ts'

const app = new Hono<{ Variables: { secureHeadersNonce?: string } }>()
  .use(securityHeaders())
  .get('/page', (c) => c.html(`<style nonce="${c.var.secureHeadersNonce}">p{}</style><p>hi</p>`))
  .get('/json', (c) => c.json({ ok: true }))
  .get('/boom', () => {
    throw new Error('boom')
  })
  .onError((_, c) => c.json({ error: { code: 'internal_error', message: 'x' } }, 500))

describe('securityHeaders', () => {
  it('sets HSTS, nosniff, framing, referrer and permissions headers on pages, JSON and errors', async () => {
    for (const path of ['/page', '/json', '/boom']) {
      const { headers } = await app.request(path)
      expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
      expect(headers.get('x-content-type-options')).toBe('nosniff')
      expect(headers.get('x-frame-options')).toBe('DENY')
      expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
      expect(headers.get('permissions-policy')).toContain('camera=()')
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    }
  })

  it("allows an inline style only with this response's nonce, a new one each time", async () => {
    const first = await app.request('/page')
    const csp = first.headers.get('content-security-policy') ?? ''
    const nonce = csp.match(/style-src 'self' 'nonce-([^']+)'/)?.[1]
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/)
    expect(await first.text()).toContain(`<style nonce="${nonce}">`)
    expect(csp).not.toContain('unsafe-inline')
    const second = await app.request('/page')
    expect(second.headers.get('content-security-policy')).not.toContain(nonce)
  })
})
