import { auditLog, sessions, users } from '@kairo/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { parseToken, SESSION_ABSOLUTE_LIFETIME_MS, SESSION_IDLE_TIMEOUT_MS } from '../src/auth/session.ts'
import { createApp } from '../src/lib/create-app.ts'
import { loadSession, requireUser } from '../src/middleware/session/index.ts'
import {
  cleanupAuthRows,
  ipPool,
  postForm,
  send,
  sessionCookieAfter,
  setCookies,
  tokenOf,
} from './auth-support.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// Session lifetimes with a controlled clock: `loadSession({ now })` reads the test's clock, and the
// sessions are created at that clock's times, so hours and days pass in milliseconds. The rows in
// Postgres are checked directly: idle timeout, absolute lifetime, and a refresh at most hourly.

const fx = new Fixtures()
const ips = ipPool()
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const PASSWORD = 'orbital-harbour-lantern'
let clock = Date.now()

const clocked = createApp()
  .use(loadSession({ now: () => new Date(clock) }))
  .get('/whoami', requireUser(), (c) => c.json({ id: c.var.auth?.user.id }))

let user: TestUser
let changer: TestUser

beforeAll(async () => {
  user = await fx.user('client', null)
  changer = await fx.user('client', null, { password: PASSWORD })
}, 60_000)

afterAll(async () => {
  await cleanupAuthRows(fx.db, [user.id, changer.id], ips.prefix)
  await fx.cleanup()
})

const whoami = (cookie: string) =>
  send(clocked, '/whoami', { ip: ips.next(), cookie, headers: { accept: 'application/json' } })

async function rowOf(cookie: string) {
  const [row] = await fx.db
    .select()
    .from(sessions)
    .where(eq(sessions.id, parseToken(tokenOf(cookie))?.id ?? ''))
  return row
}

describe('idle timeout (12 h without a request)', () => {
  it('keeps a session used within 12 h and ends one left for 12 h', async () => {
    const start = Date.now()
    clock = start
    const cookie = await fx.cookie(user.id, new Date(start))
    clock = start + 11 * HOUR
    expect((await whoami(cookie)).status).toBe(200)
    // Idle time counts from the last request, not from sign-in: 11 h + 11 h 59 min is fine.
    clock += SESSION_IDLE_TIMEOUT_MS - MINUTE
    expect((await whoami(cookie)).status).toBe(200)
    clock += SESSION_IDLE_TIMEOUT_MS
    const expired = await whoami(cookie)
    expect(expired.status).toBe(401)
    // The row is gone and the browser is told to drop the cookie.
    expect(await rowOf(cookie)).toBeUndefined()
    expect(sessionCookieAfter(expired)).toBe('')
    const [clear] = setCookies(expired)
    expect(clear).toMatch(/Max-Age=0/)
    expect(clear).toMatch(/Path=\//)
    expect(clear).toMatch(/Secure/)
  })

  it('sends a browser with an expired session to sign in, coming back to the same page', async () => {
    const start = Date.now()
    const cookie = await fx.cookie(user.id, new Date(start))
    clock = start + SESSION_IDLE_TIMEOUT_MS
    const response = await send(clocked, '/whoami', {
      ip: ips.next(),
      cookie,
      headers: { accept: 'text/html' },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login?next=%2Fwhoami')
  })
})

describe('refresh of lastVerifiedAt (at most once an hour)', () => {
  it('writes the row only when an hour has passed since the last write', async () => {
    const start = Date.now()
    const cookie = await fx.cookie(user.id, new Date(start))
    for (const offset of [5 * MINUTE, 30 * MINUTE, 59 * MINUTE]) {
      clock = start + offset
      expect((await whoami(cookie)).status).toBe(200)
      expect((await rowOf(cookie))?.lastVerifiedAt.getTime()).toBe(start)
    }
    clock = start + HOUR
    expect((await whoami(cookie)).status).toBe(200)
    expect((await rowOf(cookie))?.lastVerifiedAt.getTime()).toBe(start + HOUR)
    clock = start + HOUR + 45 * MINUTE
    expect((await whoami(cookie)).status).toBe(200)
    expect((await rowOf(cookie))?.lastVerifiedAt.getTime()).toBe(start + HOUR)
  })
})

describe('absolute lifetime (7 days)', () => {
  it('ends a session after 7 days however active it was', async () => {
    const start = Date.now()
    const cookie = await fx.cookie(user.id, new Date(start))
    expect((await rowOf(cookie))?.expiresAt.getTime()).toBe(start + SESSION_ABSOLUTE_LIFETIME_MS)
    // A request every 10 hours keeps it from idling out...
    for (clock = start + 10 * HOUR; clock < start + SESSION_ABSOLUTE_LIFETIME_MS; clock += 10 * HOUR) {
      expect((await whoami(cookie)).status).toBe(200)
    }
    clock = start + SESSION_ABSOLUTE_LIFETIME_MS - MINUTE
    expect((await whoami(cookie)).status).toBe(200)
    // ...but not past its absolute end.
    clock = start + SESSION_ABSOLUTE_LIFETIME_MS
    expect((await whoami(cookie)).status).toBe(401)
    expect(await rowOf(cookie)).toBeUndefined()
  }, 60_000)
})

describe('ending sessions', () => {
  it('ends a disabled account’s sessions on their next request', async () => {
    const disabled = await fx.user('client', null)
    const cookie = await fx.cookie(disabled.id)
    clock = Date.now()
    expect((await whoami(cookie)).status).toBe(200)
    await fx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id))
    expect((await whoami(cookie)).status).toBe(401)
    expect(await rowOf(cookie)).toBeUndefined()
  })

  it('"sign out everywhere" ends every session of the user, this one included', async () => {
    clock = Date.now()
    const cookies = [await fx.cookie(user.id), await fx.cookie(user.id), await fx.cookie(user.id)]
    const bystander = await fx.cookie(changer.id)
    const response = await postForm(
      app,
      '/dashboard/profile/sessions/sign-out-everywhere',
      {},
      { ip: ips.next(), cookie: cookies[0] },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login')
    expect(sessionCookieAfter(response)).toBe('')
    for (const cookie of cookies) {
      expect(await rowOf(cookie)).toBeUndefined()
      expect((await whoami(cookie)).status).toBe(401)
    }
    expect(await fx.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0)
    // Someone else's session is untouched.
    expect((await whoami(bystander)).status).toBe(200)
  })

  it('a password change ends every other session and keeps the one that made it', async () => {
    clock = Date.now()
    const current = await fx.cookie(changer.id)
    const others = [await fx.cookie(changer.id), await fx.cookie(changer.id)]
    const response = await postForm(
      app,
      '/dashboard/profile/password',
      { currentPassword: PASSWORD, newPassword: 'lighthouse-quartz-meridian' },
      { ip: ips.next(), cookie: current },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard/profile')
    for (const cookie of others) expect((await whoami(cookie)).status).toBe(401)
    expect((await whoami(current)).status).toBe(200)
    const [audit] = await fx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.password_changed'), eq(auditLog.targetId, changer.id)))
    expect(audit).toMatchObject({ actorId: changer.id })
    expect(audit?.details.endedSessions).toBeGreaterThanOrEqual(2)
  }, 60_000)
})
