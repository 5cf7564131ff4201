import { expect, test } from '@playwright/test'
import { testUrls } from '../system.ts'

// The CMS sends the headers the site and the Worker send (cms/src/security-headers.ts), on admin
// pages and API answers alike; framing is limited to its own origin, since the admin frames itself.
const expected = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'SAMEORIGIN',
}

for (const path of ['/admin', '/admin/login', '/api/users/me', '/api/case-studies?limit=1']) {
  test(`the CMS answers ${path} with the security headers`, async ({ request }) => {
    const response = await request.get(`${testUrls.cms}${path}`, { maxRedirects: 0 })
    expect(response.status()).toBeLessThan(500)
    const headers = response.headers()
    expect(headers).toMatchObject(expected)
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'")
    expect(headers['x-powered-by']).toBeUndefined()
  })
}
