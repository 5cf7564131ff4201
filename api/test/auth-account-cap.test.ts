import { env } from 'cloudflare:workers'
import { outbox, rateLimits } from '@kairo/db'
import { and, desc, eq, inArray, like, or, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KNOWN_DEVICE_COOKIE } from '../src/auth/known-device.ts'
import { assertBindings } from '../src/env.ts'
import { createApp } from '../src/lib/create-app.ts'
import { loadSession } from '../src/middleware/session/index.ts'
import { createAuthRoutes } from '../src/routes/auth/index.ts'
import { createV1AuthRoutes } from '../src/routes/v1/auth.ts'
import { cleanupAuthRows, ipPool, postForm, sendJson, sessionCookieAfter } from './auth-support.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// Sign-in limits that an attacker cannot get round by changing addresses: an IPv6 client is counted
// by its /64 (and an IPv4-mapped address as its IPv4 address), and each account has a cap on wrong
// passwords from unknown browsers that holds across every address; a browser that has signed in to
// the account before (its `__Host-device` cookie) keeps an allowance of its own, so a stranger's
// flood does not lock the owner out.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
const limits = {
  loginPerIp: { limit: 4, windowSeconds: 600 },
  loginPerAccountAndIp: { limit: 2, windowSeconds: 900 },
  loginPerAccount: { limit: 3, windowSeconds: 900 },
  loginPerKnownDevice: { limit: 3, windowSeconds: 900 },
}
// 100 s into a window of each length; every test moves on by a day, so each starts from zero.
let clock = Date.UTC(2032, 0, 1, 12, 0, 0) + 100_000
const now = () => clock
const app = createApp()
  .use(loadSession())
  .route('/', createAuthRoutes({ limits, now }))
  .route('/api/v1', createV1AuthRoutes({ limits, now }))

const strangers = Array.from({ length: 13 }, (_, i) => `cap-stranger-${i}@run-${fx.run}.example`)
const users: TestUser[] = []
const devices: string[] = []
// An IPv4 address of this run's own, for the mapped-address case (cleaned up by its exact keys).
const v4 = `10.${Number.parseInt(fx.run.slice(0, 2), 16) % 250}.${Number.parseInt(fx.run.slice(2, 4), 16)}.7`

async function owner(): Promise<TestUser> {
  const user = await fx.user('client', null, { password: PASSWORD })
  users.push(user)
  return user
}

/** The `__Host-device` cookie a browser keeps after this answer, as a `Cookie` header. */
function deviceCookieAfter(response: Response): string {
  const line = response.headers.getSetCookie().find((l) => l.startsWith(`${KNOWN_DEVICE_COOKIE}=`))
  if (!line) throw new Error('test: no known-device cookie was set')
  const cookie = line.split(';')[0] as string
  for (const entry of cookie.slice(KNOWN_DEVICE_COOKIE.length + 1).split('~')) {
    devices.push(entry.split('.')[0] as string)
  }
  return cookie
}

const signIn = (email: string, password: string, ip: string, cookie?: string) =>
  postForm(app, '/login', { email, password }, { ip, cookie })

/** A fresh /64 of this run's prefix, and addresses inside it. */
function network() {
  const base = ips.next().replace(/::1$/, '')
  let n = 0
  return { next: () => `${base}:${(++n).toString(16)}:${(n * 7919).toString(16)}:0:${n}` }
}

beforeAll(() => {
  clock += 86_400_000
})

afterAll(async () => {
  await cleanupAuthRows(
    fx.db,
    users.map((u) => u.id),
    ips.prefix,
    [...users.map((u) => u.email), ...strangers],
  )
  await fx.db.delete(rateLimits).where(
    or(
      inArray(
        rateLimits.key,
        devices.map((d) => `auth:login:device:${d}`),
      ),
      like(rateLimits.key, `%:${v4}`),
    ),
  )
  await fx.cleanup()
})

describe('the signing key', () => {
  it('is required in production, and must be long', () => {
    const base = { HYPERDRIVE: env.HYPERDRIVE }
    expect(() => assertBindings({ ...base, ENVIRONMENT: 'production' })).toThrow(/KNOWN_DEVICE_SECRET/)
    expect(() => assertBindings({ ...base, KNOWN_DEVICE_SECRET: 'short' })).toThrow(/KNOWN_DEVICE_SECRET/)
    expect(() =>
      assertBindings({ ...base, ENVIRONMENT: 'production', KNOWN_DEVICE_SECRET: 'k'.repeat(40) }),
    ).not.toThrow(/KNOWN_DEVICE_SECRET/)
  })
})

describe('addresses', () => {
  it('counts every address of one IPv6 /64 as one client', async () => {
    clock += 86_400_000
    const inside = network()
    // Four accounts from four addresses of one /64: the per-address limit (4) is used up...
    for (let i = 0; i < 4; i++) {
      expect((await signIn(strangers[i] as string, 'x-guess-x', inside.next())).status).toBe(401)
    }
    // ...so a fifth address in the same /64 is refused, while another /64 is not.
    const limited = await signIn(strangers[4] as string, 'x-guess-x', inside.next())
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('500')
    expect((await signIn(strangers[4] as string, 'x-guess-x', ips.next())).status).toBe(401)
  }, 60_000)

  it('counts an IPv4-mapped IPv6 address as its IPv4 address', async () => {
    clock += 86_400_000
    // Four accounts (so no per-account limit is reached), two spellings of one address.
    for (const [i, ip] of [v4, `::ffff:${v4}`, v4, `::FFFF:${v4}`].entries()) {
      expect((await signIn(strangers[8 + i] as string, 'x-guess-x', ip)).status).toBe(401)
    }
    expect((await signIn(strangers[12] as string, 'x-guess-x', `::ffff:${v4}`)).status).toBe(429)
  }, 60_000)
})

describe('the per-account cap', () => {
  it('holds across addresses, and answers an unknown email exactly alike', async () => {
    clock += 86_400_000
    const victim = await owner()
    for (const email of [victim.email, strangers[7] as string]) {
      // Three wrong passwords, each from an address (and /64) of its own: each within its own limits.
      for (let i = 0; i < 3; i++) expect((await signIn(email, 'guess-guess', ips.next())).status).toBe(401)
      // The fourth is refused from a fresh address too, even with the right password.
      const limited = await signIn(email, email === victim.email ? PASSWORD : 'guess', ips.next())
      expect(limited.status).toBe(429)
      expect(limited.headers.get('retry-after')).toBe('800')
      expect(sessionCookieAfter(limited)).toBeUndefined()
      expect(await limited.text()).toContain('Too many sign-in attempts. Wait 14 minute(s), then try again.')
    }
    // The JSON API shares the cap, in the one error shape.
    const json = await sendJson(
      app,
      'POST',
      '/api/v1/session',
      { email: victim.email, password: PASSWORD },
      {
        ip: ips.next(),
      },
    )
    expect(json.status).toBe(429)
    expect(await json.json()).toMatchObject({ error: { code: 'rate_limited' } })
    // The window ends, and the cap with it.
    clock += 900_000
    expect((await signIn(victim.email, PASSWORD, ips.next())).status).toBe(303)
  }, 60_000)

  it('counts wrong passwords only: signing in from new browsers does not use it up', async () => {
    clock += 86_400_000
    const person = await owner()
    for (let i = 0; i < 5; i++) expect((await signIn(person.email, PASSWORD, ips.next())).status).toBe(303)
    for (let i = 0; i < 3; i++) expect((await signIn(person.email, 'nope-nope', ips.next())).status).toBe(401)
    expect((await signIn(person.email, PASSWORD, ips.next())).status).toBe(429)
  }, 60_000)
})

describe('known devices', () => {
  it("keep the owner signing in while strangers have used up the account's cap", async () => {
    clock += 86_400_000
    const victim = await owner()
    // The owner signed in from their laptop before: it keeps a signed, long-lived cookie.
    const first = await signIn(victim.email, PASSWORD, ips.next())
    expect(first.status).toBe(303)
    const line = first.headers.getSetCookie().find((l) => l.startsWith(`${KNOWN_DEVICE_COOKIE}=`)) ?? ''
    expect(line).toMatch(/; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Lax$/)
    expect(line).not.toContain(victim.email)
    const laptop = deviceCookieAfter(first)

    // A flood from many addresses uses up the cap for unknown browsers...
    for (let i = 0; i < 3; i++) {
      expect((await signIn(victim.email, 'guess-guess', ips.next())).status).toBe(401)
    }
    expect((await signIn(victim.email, PASSWORD, ips.next())).status).toBe(429)
    // ...and a forged or borrowed cookie does not help: it verifies only for the account it was made for.
    const forged = `${KNOWN_DEVICE_COOKIE}=${'a'.repeat(16)}.zzzzzz.${'b'.repeat(26)}`
    expect((await signIn(victim.email, PASSWORD, ips.next(), forged)).status).toBe(429)
    const other = await owner()
    const borrowed = deviceCookieAfter(await signIn(other.email, PASSWORD, ips.next()))
    expect((await signIn(victim.email, PASSWORD, ips.next(), borrowed)).status).toBe(429)

    // The laptop, on whatever network it is today, still signs in, by form and by JSON.
    const back = await signIn(victim.email, PASSWORD, ips.next(), laptop)
    expect(back.status).toBe(303)
    expect(sessionCookieAfter(back)).toBeTruthy()
    const json = await sendJson(
      app,
      'POST',
      '/api/v1/session',
      { email: victim.email, password: PASSWORD },
      {
        ip: ips.next(),
        cookie: laptop,
      },
    )
    expect(json.status).toBe(200)
  }, 60_000)

  it('have an allowance of their own for wrong passwords', async () => {
    clock += 86_400_000
    const person = await owner()
    const laptop = deviceCookieAfter(await signIn(person.email, PASSWORD, ips.next()))
    for (let i = 0; i < 3; i++) {
      expect((await signIn(person.email, 'typo-typo', ips.next(), laptop)).status).toBe(401)
    }
    expect((await signIn(person.email, PASSWORD, ips.next(), laptop)).status).toBe(429)
    // The laptop's typos did not touch the account's cap: a new browser still gets in.
    expect((await signIn(person.email, PASSWORD, ips.next())).status).toBe(303)
  }, 60_000)

  it('are made by a completed password reset, so a new browser can get in during a flood', async () => {
    clock += 86_400_000
    const victim = await owner()
    for (let i = 0; i < 3; i++) {
      expect((await signIn(victim.email, 'guess-guess', ips.next())).status).toBe(401)
    }
    expect((await signIn(victim.email, PASSWORD, ips.next())).status).toBe(429)

    // The owner, on a new phone, resets the password through the link in their inbox.
    expect((await postForm(app, '/password-reset', { email: victim.email }, { ip: ips.next() })).status).toBe(
      303,
    )
    const [mail] = await fx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'auth.password_reset'), sql`${outbox.payload}->>'userId' = ${victim.id}`))
      .orderBy(desc(outbox.createdAt))
      .limit(1)
    const path = new URL(String(mail?.payload.url)).pathname
    const fresh = 'tidal-copper-meridian-42'
    const done = await postForm(app, path, { password: fresh }, { ip: ips.next() })
    expect(done.status).toBe(303)
    const phone = deviceCookieAfter(done)
    expect((await signIn(victim.email, fresh, ips.next(), phone)).status).toBe(303)
    // Without that cookie the cap still holds.
    expect((await signIn(victim.email, fresh, ips.next())).status).toBe(429)
  }, 60_000)
})
