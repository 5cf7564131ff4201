import { outbox, passwordResets } from '@kairo/db'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/lib/create-app.ts'
import { loadSession } from '../src/middleware/session/index.ts'
import { createAuthRoutes } from '../src/routes/auth/index.ts'
import { createV1AuthRoutes } from '../src/routes/v1/auth.ts'
import { cleanupAuthRows, ipPool, postForm, sendJson, sessionCookieAfter } from './auth-support.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// The sign-in and reset-request limits hold across Worker instances: two separately built apps (as
// two isolates would be) share nothing in memory, only the Postgres counters. A moved clock makes
// `Retry-After` exact and lets a window end.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
const limits = {
  loginPerIp: { limit: 4, windowSeconds: 600 },
  loginPerAccountAndIp: { limit: 2, windowSeconds: 900 },
  resetPerIp: { limit: 3, windowSeconds: 900 },
  resetPerAccount: { limit: 2, windowSeconds: 3600 },
}
// 100 s into windows of 600, 900 and 3600 s (12:00:00 UTC starts each of them).
let clock = Date.UTC(2031, 0, 1, 12, 0, 0) + 100_000
const now = () => clock

function instance() {
  return createApp()
    .use(loadSession())
    .route('/', createAuthRoutes({ limits, now }))
    .route('/api/v1', createV1AuthRoutes({ limits, now }))
}
const first = instance()
const second = instance()

let victim: TestUser
const strangers = Array.from({ length: 6 }, (_, i) => `stranger-${i}@run-${fx.run}.example`)

beforeAll(async () => {
  victim = await fx.user('client', null, { password: PASSWORD })
}, 60_000)

afterAll(async () => {
  await cleanupAuthRows(fx.db, [victim.id], ips.prefix, [victim.email, ...strangers])
  await fx.cleanup()
})

describe('sign-in limits', () => {
  it('stops one address guessing one account, across instances, without locking the owner out', async () => {
    const attacker = ips.next()
    const wrong = { email: victim.email, password: 'guess-number-one' }
    expect((await postForm(first, '/login', wrong, { ip: attacker })).status).toBe(401)
    expect((await postForm(second, '/login', wrong, { ip: attacker })).status).toBe(401)
    // The third attempt is refused before the password is looked at, even the right one.
    const limited = await postForm(
      first,
      '/login',
      { email: victim.email, password: PASSWORD },
      { ip: attacker },
    )
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('800')
    expect(sessionCookieAfter(limited)).toBeUndefined()
    const page = await limited.text()
    expect(page).toContain('Too many sign-in attempts. Wait 14 minute(s), then try again.')
    expect(page).toContain(`value="${victim.email}"`)
    // The owner, on their own network, is not affected: the account's counter is per address.
    const owner = await postForm(
      second,
      '/login',
      { email: victim.email, password: PASSWORD },
      { ip: ips.next() },
    )
    expect(owner.status).toBe(303)
    expect(sessionCookieAfter(owner)).toBeTruthy()
  }, 60_000)

  it('stops one address spraying many accounts, across instances, until the window ends', async () => {
    const sprayer = ips.next()
    for (let i = 0; i < 4; i++) {
      const target = i % 2 === 0 ? first : second
      const response = await postForm(
        target,
        '/login',
        { email: strangers[i] as string, password: 'x-guess-x' },
        { ip: sprayer },
      )
      expect(response.status).toBe(401)
    }
    const limited = await postForm(
      second,
      '/login',
      { email: strangers[4] as string, password: 'x-guess-x' },
      { ip: sprayer },
    )
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('500')
    // The JSON API shares the counters, and answers in the one error shape.
    const json = await sendJson(
      first,
      'POST',
      '/api/v1/session',
      { email: strangers[5], password: 'x' },
      { ip: sprayer },
    )
    expect(json.status).toBe(429)
    expect(json.headers.get('retry-after')).toBe('500')
    expect(await json.json()).toMatchObject({ error: { code: 'rate_limited' } })
    // A new window starts from zero.
    clock += 600_000
    const later = await postForm(
      first,
      '/login',
      { email: strangers[5] as string, password: 'x-guess-x' },
      { ip: sprayer },
    )
    expect(later.status).toBe(401)
  }, 60_000)
})

describe('reset-request limits', () => {
  const request = (target: typeof first, email: string, ip: string) =>
    postForm(target, '/password-reset', { email }, { ip })

  it('caps the links sent to one address from anywhere, with the same answer for unknown addresses', async () => {
    const before = await fx.db.select().from(passwordResets).where(eq(passwordResets.userId, victim.id))
    expect((await request(first, victim.email, ips.next())).status).toBe(303)
    expect((await request(second, victim.email, ips.next())).status).toBe(303)
    const limited = await request(first, victim.email, ips.next())
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await limited.text()).toContain('use a link we already sent')
    // Exactly the two links allowed exist, each with its message, and both still work.
    const after = await fx.db.select().from(passwordResets).where(eq(passwordResets.userId, victim.id))
    expect(after.length - before.length).toBe(2)
    const mails = await fx.db
      .select()
      .from(outbox)
      .where(sql`${outbox.payload}->>'userId' = ${victim.id} and ${outbox.kind} = 'auth.password_reset'`)
    expect(mails.length).toBeGreaterThanOrEqual(2)
    expect(after.every((r) => r.usedAt === null)).toBe(true)
    // An address without an account is limited exactly alike, so the limit reveals nothing.
    const ghost = strangers[0] as string
    expect((await request(first, ghost, ips.next())).status).toBe(303)
    expect((await request(second, ghost, ips.next())).status).toBe(303)
    expect((await request(first, ghost, ips.next())).status).toBe(429)
  })

  it('caps the requests from one address over many emails', async () => {
    const ip = ips.next()
    for (let i = 1; i <= 3; i++) {
      expect((await request(i % 2 ? first : second, strangers[i] as string, ip)).status).toBe(303)
    }
    const limited = await request(second, strangers[4] as string, ip)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
  })
})
