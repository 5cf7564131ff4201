import { auditLog, outbox, sessions, users } from '@kairo/db'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { sessionHandle } from '../src/auth/account.ts'
import { createSession, parseToken } from '../src/auth/session.ts'
import {
  cleanupAuthRows,
  cookieFor,
  ipPool,
  postForm,
  send,
  sessionCookieAfter,
  tokenOf,
} from './auth-support.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// /dashboard/profile through the real app: what the page shows, its round trips, and each of its
// forms (name, email, password, sign out one session), including the refusals a person can meet.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const SAFARI_IOS =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'
let owner: TestUser
let neighbour: TestUser

beforeAll(async () => {
  const company = await fx.company('Profile Co')
  owner = await fx.user('client', company, { password: PASSWORD, name: 'Olive Owner' })
  neighbour = await fx.user('client', company, { name: 'Nina Neighbour' })
}, 60_000)

afterAll(async () => {
  await cleanupAuthRows(fx.db, [owner.id, neighbour.id], ips.prefix)
  await fx.cleanup()
})

/** A session made with a device and IP, as a sign-in from that browser would. */
async function sessionFrom(userId: string, ip: string, userAgent: string) {
  const { token } = await createSession(fx.db, userId, { ip, userAgent })
  return cookieFor(token)
}

const page = (cookie: string) =>
  send(app, '/dashboard/profile', { ip: ips.next(), cookie, headers: { accept: 'text/html' } })

describe('GET /dashboard/profile', () => {
  it('sends a signed-out visitor to sign in, coming back here', async () => {
    const response = await send(app, '/dashboard/profile', {
      ip: ips.next(),
      headers: { accept: 'text/html' },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login?next=%2Fdashboard%2Fprofile')
  })

  it('shows name, email and every active session, this device marked, in two round trips', async () => {
    const here = await sessionFrom(owner.id, '198.51.100.10', FIREFOX)
    await sessionFrom(owner.id, '203.0.113.20', SAFARI_IOS)
    await sessionFrom(neighbour.id, '203.0.113.99', FIREFOX)
    const { response, queries } = await requestCountingQueries('/dashboard/profile', {
      headers: { cookie: here, accept: 'text/html', 'cf-connecting-ip': ips.next() },
    })
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('aria-current="page">Profile</a>')
    expect(html).toContain('value="Olive Owner"')
    expect(html).toContain(owner.email)
    expect(html).toContain('Firefox on Linux')
    expect(html).toContain('Safari on iOS')
    expect(html).toContain('198.51.100.10')
    expect(html).toContain('203.0.113.20')
    expect(html).not.toContain('203.0.113.99')
    expect(html).toContain('This device')
    expect(html).toMatch(/<caption>\s*2 active sessions/)
    expect(html).toContain('<th scope="col">Last active</th>')
    expect(html).toContain('Sign out everywhere')
    // Sessions are named by handle, never by id (half of the cookie's token).
    const id = parseToken(tokenOf(here))?.id as string
    expect(html).not.toContain(id)
    expect(html).toContain(`value="${sessionHandle(id)}"`)
  })
})

describe('profile forms', () => {
  it('saves a new name, and asks again for an empty one (422) with the message tied to the field', async () => {
    const cookie = await fx.cookie(owner.id)
    const bad = await postForm(app, '/dashboard/profile/name', { name: '   ' }, { ip: ips.next(), cookie })
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('Enter your name')
    expect(html).toMatch(
      /id="profile-name"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="profile-name"/,
    )
    expect(html).toContain('aria-describedby="profile-name-error"')
    const ok = await postForm(
      app,
      '/dashboard/profile/name',
      { name: '  Olive Q. Owner ' },
      { ip: ips.next(), cookie },
    )
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).toBe('/dashboard/profile')
    const [row] = await fx.db.select({ name: users.name }).from(users).where(eq(users.id, owner.id))
    expect(row?.name).toBe('Olive Q. Owner')
    const flash = ok.headers
      .getSetCookie()
      .find((l) => l.startsWith('__Host-flash='))
      ?.split(';')[0]
    const after = await page(`${cookie}; ${flash}`)
    expect(await after.text()).toContain('Your name has been saved.')
  })

  it('changes the email only with the current password, and never to another account’s address', async () => {
    const cookie = await fx.cookie(owner.id)
    const newEmail = `olive-new@run-${fx.run}.example`
    const wrong = await postForm(
      app,
      '/dashboard/profile/email',
      { email: newEmail, currentPassword: 'not-it-at-all' },
      { ip: ips.next(), cookie },
    )
    expect(wrong.status).toBe(422)
    const wrongHtml = await wrong.text()
    expect(wrongHtml).toContain('Your current password is not right')
    // What was typed comes back, except the password.
    expect(wrongHtml).toContain(`value="${newEmail}"`)
    expect(wrongHtml).not.toContain('not-it-at-all')
    const taken = await postForm(
      app,
      '/dashboard/profile/email',
      { email: neighbour.email.toUpperCase(), currentPassword: PASSWORD },
      { ip: ips.next(), cookie },
    )
    expect(taken.status).toBe(422)
    expect(await taken.text()).toContain('Another account uses this email address')
    const [unchanged] = await fx.db.select({ email: users.email }).from(users).where(eq(users.id, owner.id))
    expect(unchanged?.email).toBe(owner.email)

    const ok = await postForm(
      app,
      '/dashboard/profile/email',
      { email: newEmail, currentPassword: PASSWORD },
      { ip: ips.next(), cookie },
    )
    expect(ok.status).toBe(303)
    const [changed] = await fx.db.select({ email: users.email }).from(users).where(eq(users.id, owner.id))
    expect(changed?.email).toBe(newEmail)
    // The old address is told, and the change is audited.
    const notices = await fx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'auth.email_changed'), sql`${outbox.payload}->>'userId' = ${owner.id}`))
    expect(notices.map((n) => n.payload.to)).toEqual([owner.email])
    const audits = await fx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.email_changed'), eq(auditLog.targetId, owner.id)))
    expect(audits).toHaveLength(1)
    // Back to the fixture's address for the other tests.
    await fx.db.update(users).set({ email: owner.email }).where(eq(users.id, owner.id))
  }, 60_000)

  it('refuses a password change with a wrong current password or a weak new one, changing nothing', async () => {
    const cookie = await fx.cookie(owner.id)
    const other = await fx.cookie(owner.id)
    const [before] = await fx.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.id, owner.id))
    const wrong = await postForm(
      app,
      '/dashboard/profile/password',
      { currentPassword: 'nope-nope-nope', newPassword: 'lighthouse-quartz-meridian' },
      { ip: ips.next(), cookie },
    )
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('Your current password is not right')
    const weak = await postForm(
      app,
      '/dashboard/profile/password',
      { currentPassword: PASSWORD, newPassword: 'Password1!' },
      { ip: ips.next(), cookie },
    )
    expect(weak.status).toBe(422)
    const html = await weak.text()
    expect(html).toContain('This password is too easy to guess')
    expect(html).toContain('href="#profile-new-password"')
    const [after] = await fx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, owner.id))
    expect(after?.hash).toBe(before?.hash)
    expect((await page(other)).status).toBe(200)
  }, 60_000)

  it('signs out one other session, and answers 404 for a session that is not yours', async () => {
    const here = await fx.cookie(owner.id)
    const there = await fx.cookie(owner.id)
    const theirs = await fx.cookie(neighbour.id)
    const theirHandle = sessionHandle(parseToken(tokenOf(theirs))?.id as string)
    const refused = await postForm(
      app,
      '/dashboard/profile/sessions/sign-out',
      { session: theirHandle },
      { ip: ips.next(), cookie: here },
    )
    expect(refused.status).toBe(404)
    expect((await page(theirs)).status).toBe(200)

    const thereHandle = sessionHandle(parseToken(tokenOf(there))?.id as string)
    const ended = await postForm(
      app,
      '/dashboard/profile/sessions/sign-out',
      { session: thereHandle },
      { ip: ips.next(), cookie: here },
    )
    expect(ended.status).toBe(303)
    expect(ended.headers.get('location')).toBe('/dashboard/profile')
    expect((await page(there)).status).toBe(303)
    expect((await page(here)).status).toBe(200)
  })

  it('signing out this device ends it and goes to the sign-in page', async () => {
    const here = await fx.cookie(owner.id)
    const handle = sessionHandle(parseToken(tokenOf(here))?.id as string)
    const response = await postForm(
      app,
      '/dashboard/profile/sessions/sign-out',
      { session: handle },
      { ip: ips.next(), cookie: here },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login')
    expect(sessionCookieAfter(response)).toBe('')
    const id = parseToken(tokenOf(here))?.id as string
    expect(await fx.db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0)
  })

  it('keeps a foreign form from changing anything (403)', async () => {
    const cookie = await fx.cookie(owner.id)
    const response = await postForm(
      app,
      '/dashboard/profile/name',
      { name: 'Hijacked' },
      { ip: ips.next(), cookie, headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } },
    )
    expect(response.status).toBe(403)
    const [row] = await fx.db.select({ name: users.name }).from(users).where(eq(users.id, owner.id))
    expect(row?.name).not.toBe('Hijacked')
  })
})
