import { env } from 'cloudflare:workers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestCountingQueries } from './support/count-queries.ts'
import { Fixtures } from './support/session.ts'

// With Postgres unreachable (HYPERDRIVE_DOWN points at a port where nothing listens), a signed-in
// browser gets a friendly 503 page in the site's look with Retry-After and a retry link; the API
// gets the JSON 503. Nothing leaks (no host, no stack).

const fixtures = new Fixtures()
let cookie: string
const down = () => ({ ...env, HYPERDRIVE: env.HYPERDRIVE_DOWN })

beforeAll(async () => {
  const companyId = await fixtures.company('Outage Co')
  cookie = await fixtures.cookie((await fixtures.user('client', companyId)).id)
})

afterAll(() => fixtures.cleanup())

describe('database unreachable', () => {
  it('shows the dashboard a 503 page with Retry-After and a link that retries the same page', async () => {
    const started = Date.now()
    const { response } = await requestCountingQueries(
      'http://localhost/dashboard/projects?sort=due',
      { headers: { cookie, accept: 'text/html' } },
      down(),
    )
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    const html = await response.text()
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<title>Try again shortly · Kairo</title>')
    expect(html.match(/<h1\b/g)).toHaveLength(1)
    expect(html).toContain('<a class="skip-link" href="#main">')
    expect(html).toContain('<a class="button" href="/dashboard/projects?sort=due">Try again</a>')
    expect(html).toMatch(/<style nonce="[^"]+">/)
    expect(html).not.toMatch(/127\.0\.0\.1|:9\b|\bat \S+:\d+|stack/i)
  })

  it('tells a form post that nothing was saved and Back keeps the input', async () => {
    const { response } = await requestCountingQueries(
      'http://localhost/dashboard/automations/00000000-0000-4000-8000-000000000000/pause',
      {
        method: 'POST',
        headers: { cookie, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      },
      down(),
    )
    expect(response.status).toBe(503)
    const html = await response.text()
    expect(html).toContain('nothing was saved')
    expect(html).not.toContain('Try again</a>')
  })

  it('answers the API with the JSON 503', async () => {
    const { response } = await requestCountingQueries(
      'http://localhost/api/v1/automations',
      { headers: { cookie, accept: 'application/json' } },
      down(),
    )
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('5')
    expect(await response.json()).toEqual({ error: { code: 'db_unavailable', message: expect.any(String) } })
  })
})
