import config from '@payload-config'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { CMS_AUTH_LIMITS } from '../src/auth/limits.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

// Against the real CMS: Payload's REST handler (what /api/[...slug] runs) over the migrated database.
// Each run uses addresses of its own, so counters left by an earlier run in the same window do not
// matter; the client's address travels in X-Forwarded-For, as set by the proxy in front of the CMS.

let payload: Payload
const run = uniqueSuffix()
const email = `limited-editor-${run}@kairo.test`
const password = 'a-long-editor-password-for-limits'
const ip = (name: string) => `2001:db8:${run.slice(0, 4)}:${run.slice(4)}::${name}`
let userId: number

async function post(path: string, from: string, body: unknown): Promise<Response> {
  const request = new Request(`http://localhost:3000/api/users${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.7, ${from}` },
    body: JSON.stringify(body),
  })
  return handleEndpoints({ config, request })
}

const logIn = (from: string, pass = password) => post('/login', from, { email, password: pass })

async function expectTooMany(response: Response, windowSeconds: number): Promise<void> {
  expect(response.status).toBe(429)
  const retryAfter = Number(response.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds)
  const body = (await response.json()) as { errors: { message: string }[] }
  expect(body.errors[0]?.message).toMatch(/^Too many attempts; try again in \d+ minute\(s\)\.$/)
  expect(JSON.stringify(body)).not.toMatch(/stack|at \S+:\d+/)
}

// The counts are kept in fixed windows (src/auth/store.ts) of 10, 15 and 60 minutes, each starting on
// the hour. The clock is set to just after the last hour and runs on from there, so no test's burst of
// attempts straddles two windows, as one would now and then at the real time.
const HOUR_MS = 3_600_000

beforeAll(async () => {
  vi.useFakeTimers({
    toFake: ['Date'],
    now: Math.floor(Date.now() / HOUR_MS) * HOUR_MS + 1000,
    shouldAdvanceTime: true,
  })
  payload = await startPayload()
  const user = await payload.create({ collection: 'users', data: { email, password, role: 'editor' } })
  userId = user.id
})

afterAll(async () => {
  vi.useRealTimers()
  if (!payload) return
  await payload.delete({ collection: 'users', id: userId })
  await payload.destroy()
})

describe('CMS sign-in limits', () => {
  const perAccount = CMS_AUTH_LIMITS.loginPerAccountAndIp

  it("lets a stranger's failures lock only the stranger out, never the editor", async () => {
    const stranger = ip('bad')
    for (let attempt = 1; attempt <= perAccount.limit; attempt++) {
      expect((await logIn(stranger, `wrong-${attempt}`)).status, `attempt ${attempt}`).toBe(401)
    }
    await expectTooMany(await logIn(stranger, 'wrong-again'), perAccount.windowSeconds)
    // The stranger stays limited even with the right password...
    await expectTooMany(await logIn(stranger), perAccount.windowSeconds)
    // ...while the editor, from their own network, signs in at once: no lockout by e-mail.
    const response = await logIn(ip('editor'))
    expect(response.status).toBe(200)
    expect(((await response.json()) as { token?: string }).token).toEqual(expect.any(String))
  })

  it('keeps the counts in Postgres, keyed without the e-mail address', async () => {
    const { rows } = await payload.db.pool.query<{ key: string; count: number }>(
      'select key, count from payload.auth_rate_limits where key like $1',
      [`cms:login:account-ip:%:${ip('bad')}`],
    )
    expect(rows).toHaveLength(1)
    expect(rows[0]?.count).toBe(perAccount.limit + 2)
    expect(rows[0]?.key).not.toContain(email)
  })

  it('never limits an editor who signs in successfully, however often', async () => {
    const office = ip('office')
    for (let attempt = 1; attempt <= perAccount.limit + 3; attempt++) {
      const response = await logIn(office)
      expect(response.status, `sign-in ${attempt}`).toBe(200)
      // Outside production (NODE_ENV=test) the cookie works over plain HTTP: no Secure.
      expect(response.headers.get('set-cookie')).toMatch(
        /^payload-token=(?!.*secure).*httponly.*samesite=lax/i,
      )
    }
  })

  it('limits password guessing over many accounts from one address', async () => {
    const sprayer = ip('spray')
    const limit = CMS_AUTH_LIMITS.loginPerIp
    for (let attempt = 1; attempt <= limit.limit; attempt++) {
      const response = await post('/login', sprayer, {
        email: `nobody-${attempt}-${run}@kairo.test`,
        password,
      })
      expect(response.status, `attempt ${attempt}`).toBe(401)
    }
    await expectTooMany(await logIn(sprayer), limit.windowSeconds)
  })
})

describe('CMS password reset limits', () => {
  it('limits reset-password guesses per address', async () => {
    const guesser = ip('reset')
    const limit = CMS_AUTH_LIMITS.resetPerIp
    for (let attempt = 1; attempt <= limit.limit; attempt++) {
      const response = await post('/reset-password', guesser, { token: `guess-${attempt}`, password })
      expect(response.status, `attempt ${attempt}`).not.toBe(429)
      expect(response.status).toBeGreaterThanOrEqual(400)
    }
    await expectTooMany(
      await post('/reset-password', guesser, { token: 'one-more', password }),
      limit.windowSeconds,
    )
  })

  it('limits forgot-password per account from any address, and per address', async () => {
    const perAccount = CMS_AUTH_LIMITS.forgotPerAccount
    const target = `forgetful-${run}@kairo.test`
    for (let attempt = 1; attempt <= perAccount.limit; attempt++) {
      const response = await post('/forgot-password', ip(`f${attempt}`), { email: target })
      expect(response.status, `request ${attempt}`).toBe(200)
    }
    await expectTooMany(
      await post('/forgot-password', ip('f-last'), { email: target }),
      perAccount.windowSeconds,
    )

    const perIp = CMS_AUTH_LIMITS.forgotPerIp
    const flooder = ip('flood')
    for (let attempt = 1; attempt <= perIp.limit; attempt++) {
      const response = await post('/forgot-password', flooder, {
        email: `other-${attempt}-${run}@kairo.test`,
      })
      expect(response.status, `request ${attempt}`).toBe(200)
    }
    await expectTooMany(
      await post('/forgot-password', flooder, { email: `one-more-${run}@kairo.test` }),
      perIp.windowSeconds,
    )
  })
})
