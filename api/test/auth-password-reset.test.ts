import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { auditLog, outbox, passwordResets, sessions, users } from '@kairo/db'
import { and, desc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { app } from '../src/app.ts'
import { PASSWORD_RESET_LIFETIME_MS } from '../src/auth/password-reset.ts'
import { hashSecret, parseToken } from '../src/auth/session.ts'
import { createApp } from '../src/lib/create-app.ts'
import { loadSession } from '../src/middleware/session/index.ts'
import { createAuthRoutes } from '../src/routes/auth/index.ts'
import { cleanupAuthRows, ipPool, ORIGIN, postForm, send, sessionCookieAfter } from './auth-support.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// Password reset by emailed link, through the real app and database: the same answer whether or not
// the address has an account, a link stored only as a hash and sent through the outbox, a new
// password that must pass the policy, single use, expiry, and every session of the account ended.

const fx = new Fixtures()
const ips = ipPool()
const OLD_PASSWORD = 'orbital-harbour-lantern'
const NEW_PASSWORD = 'copper-kettle-nebula-88'
let reader: TestUser
let off: TestUser
// One account per test below: each asks for links, and one address gets 3 an hour.
const extra: TestUser[] = []
async function freshUser() {
  const user = await fx.user('client', null)
  extra.push(user)
  return user
}
const ghost = `ghost@run-${fx.run}.example`

beforeAll(async () => {
  reader = await fx.user('client', null, { password: OLD_PASSWORD, name: 'Rita Reader' })
  off = await fx.user('client', null)
  await fx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, off.id))
}, 60_000)

afterAll(async () => {
  const all = [reader, off, ...extra]
  await cleanupAuthRows(
    fx.db,
    all.map((u) => u.id),
    ips.prefix,
    [...all.map((u) => u.email), ghost],
  )
  await fx.cleanup()
})

const requestLink = (email: string, target = app) =>
  postForm(target, '/password-reset', { email }, { ip: ips.next() })

/** The newest reset email queued for a user, and the link in it. */
async function latestMail(userId: string) {
  const [mail] = await fx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, 'auth.password_reset'), sql`${outbox.payload}->>'userId' = ${userId}`))
    .orderBy(desc(outbox.createdAt))
    .limit(1)
  const url = new URL(String(mail?.payload.url))
  return { mail, url, path: url.pathname, token: url.pathname.split('/').at(-1) as string }
}

describe('asking for a link', () => {
  it('shows the form', async () => {
    const page = await send(app, '/password-reset', { ip: ips.next() })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<label for="reset-email">Email</label>')
    expect(html).toContain('action="/password-reset"')
  })

  it('stores a hashed, expiring link and queues its email, then says only "if an account exists"', async () => {
    const response = await requestLink(reader.email)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/password-reset?sent=1')
    const { mail, url, path, token } = await latestMail(reader.id)
    expect(mail?.payload).toMatchObject({ to: reader.email, name: 'Rita Reader', userId: reader.id })
    expect(url.origin).toBe(ORIGIN)
    expect(path).toMatch(/^\/password-reset\/[a-z2-7]+\.[a-z2-7]+$/)
    const parsed = parseToken(token)
    const [row] = await fx.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.id, parsed?.id ?? ''))
    // Only the SHA-256 of the secret is at rest.
    expect(Buffer.from(row?.secretHash ?? []).equals(Buffer.from(hashSecret(parsed?.secret ?? '')))).toBe(
      true,
    )
    expect(Buffer.from(row?.secretHash ?? []).toString()).not.toContain(parsed?.secret)
    expect((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)).toBe(PASSWORD_RESET_LIFETIME_MS)
    const sent = await (await send(app, '/password-reset?sent=1', { ip: ips.next() })).text()
    expect(sent).toContain('If an account exists for that address, we have sent it a link')
  })

  it('builds the link on PUBLIC_ORIGIN when it is set, whatever host the request named', async () => {
    const user = await freshUser()
    const ctx = createExecutionContext()
    const response = await app.request(
      `${ORIGIN}/password-reset`,
      {
        method: 'POST',
        headers: {
          'cf-connecting-ip': ips.next(),
          origin: ORIGIN,
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ email: user.email }).toString(),
      },
      { ...env, PUBLIC_ORIGIN: 'https://studio.example' },
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(response.status).toBe(303)
    const { url } = await latestMail(user.id)
    expect(url.origin).toBe('https://studio.example')
    expect(url.pathname).toMatch(/^\/password-reset\/[a-z2-7]+\.[a-z2-7]+$/)
  })

  it('answers an unknown or disabled address exactly alike, and stores nothing for it', async () => {
    for (const email of [ghost, off.email]) {
      const response = await requestLink(email)
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe('/password-reset?sent=1')
      expect(await response.text()).toBe('')
    }
    expect(await fx.db.select().from(passwordResets).where(eq(passwordResets.userId, off.id))).toHaveLength(0)
  })

  it('asks for a real address (422) without looking anyone up', async () => {
    const response = await requestLink('not an address')
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Enter an email address like name@example.com')
  })
})

describe('using a link', () => {
  it('sets a new password that passes the policy, once, ending every session of the account', async () => {
    await requestLink(reader.email)
    const { path, token } = await latestMail(reader.id)
    const signedIn = [await fx.cookie(reader.id), await fx.cookie(reader.id)]

    const form = await send(app, path, { ip: ips.next() })
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(html).toContain('Choose a new password')
    expect(html).toContain(`action="/password-reset/${token}"`)
    expect(html).toContain('autocomplete="new-password"')

    const weak = await postForm(app, path, { password: 'password123' }, { ip: ips.next() })
    expect(weak.status).toBe(422)
    expect(await weak.text()).toContain('This password is too easy to guess')
    const personal = await postForm(
      app,
      path,
      { password: `${reader.email.split('@')[0]}-2026` },
      { ip: ips.next() },
    )
    expect(personal.status).toBe(422)

    // This browser was signed in as the same account: its cookie goes too.
    const done = await postForm(
      app,
      path,
      { password: NEW_PASSWORD },
      { ip: ips.next(), cookie: signedIn[0] },
    )
    expect(done.status).toBe(303)
    expect(done.headers.get('location')).toBe('/login')
    expect(sessionCookieAfter(done)).toBe('')
    expect(await fx.db.select().from(sessions).where(eq(sessions.userId, reader.id))).toHaveLength(0)
    const flash = done.headers
      .getSetCookie()
      .find((line) => line.startsWith('__Host-flash='))
      ?.split(';')[0]
    expect(await (await send(app, '/login', { ip: ips.next(), cookie: flash })).text()).toContain(
      'Your password has been changed. Sign in with your new password.',
    )

    // The new password works and the old one does not.
    expect(
      (await postForm(app, '/login', { email: reader.email, password: NEW_PASSWORD }, { ip: ips.next() }))
        .status,
    ).toBe(303)
    expect(
      (await postForm(app, '/login', { email: reader.email, password: OLD_PASSWORD }, { ip: ips.next() }))
        .status,
    ).toBe(401)
    const [audit] = await fx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.password_reset'), eq(auditLog.targetId, reader.id)))
    expect(audit).toMatchObject({ actorId: reader.id })

    // Single use: the same link now explains itself, for a visit and for a second post.
    const again = await send(app, path, { ip: ips.next() })
    expect(again.status).toBe(410)
    expect(await again.text()).toContain('This link has already been used')
    const repost = await postForm(app, path, { password: 'another-fresh-passphrase' }, { ip: ips.next() })
    expect(repost.status).toBe(410)
  }, 60_000)

  it('uses up every other open link of the account with it', async () => {
    const other = await freshUser()
    await requestLink(other.email)
    const older = await latestMail(other.id)
    await requestLink(other.email)
    const newer = await latestMail(other.id)
    expect(newer.token).not.toBe(older.token)
    expect(
      (await postForm(app, newer.path, { password: 'granite-violin-aurora' }, { ip: ips.next() })).status,
    ).toBe(303)
    expect((await send(app, older.path, { ip: ips.next() })).status).toBe(410)
  }, 60_000)

  it('explains an expired link (after one hour)', async () => {
    const other = await freshUser()
    let clock = Date.now()
    const clocked = createApp()
      .use(loadSession())
      .route('/', createAuthRoutes({ now: () => clock }))
    await requestLink(other.email, clocked)
    const { path } = await latestMail(other.id)
    clock += PASSWORD_RESET_LIFETIME_MS - 60_000
    expect((await send(clocked, path, { ip: ips.next() })).status).toBe(200)
    clock += 60_000
    const expired = await send(clocked, path, { ip: ips.next() })
    expect(expired.status).toBe(410)
    expect(await expired.text()).toContain('This link has expired')
    expect(
      (await postForm(clocked, path, { password: 'granite-violin-aurora' }, { ip: ips.next() })).status,
    ).toBe(410)
  })

  it('refuses a made-up link, or a real id with the wrong secret (404)', async () => {
    const other = await freshUser()
    await requestLink(other.email)
    const { token } = await latestMail(other.id)
    const id = parseToken(token)?.id as string
    for (const path of ['/password-reset/nonsense', `/password-reset/${id}.${'a'.repeat(52)}`]) {
      const response = await send(app, path, { ip: ips.next() })
      expect(response.status).toBe(404)
      expect(await response.text()).toContain('This link does not work')
    }
  })

  it('keeps the link’s secret out of every log line', async () => {
    const other = await freshUser()
    await requestLink(other.email)
    const { path, token } = await latestMail(other.id)
    const secret = parseToken(token)?.secret as string
    const lines: string[] = []
    const spies = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
    for (const spy of spies)
      spy.mockImplementation((...args: unknown[]) => lines.push(args.map(String).join(' ')))
    try {
      expect((await send(app, path, { ip: ips.next() })).status).toBe(200)
      expect((await postForm(app, path, { password: 'short' }, { ip: ips.next() })).status).toBe(422)
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    expect(lines.length).toBeGreaterThan(0)
    for (const line of lines) expect(line).not.toContain(secret)
  })
})
