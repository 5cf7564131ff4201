import { auditLog, sessions, users } from '@kairo/db'
import { and, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { app } from '../src/app.ts'
import { emailFingerprint } from '../src/auth/credentials.ts'
import { parseToken, validateSessionToken } from '../src/auth/session.ts'
import {
  cleanupAuthRows,
  cookieFor,
  ipPool,
  postForm,
  send,
  sendJson,
  sessionCookieAfter,
  setCookies,
  tokenOf,
  withoutNonce,
} from './auth-support.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// Sign-in and sign-out through the real app in workerd, against the real database: a new session
// on every sign-in, no fixation, no account enumeration by answer, audit entries and log lines
// without the email, and a disabled account refused.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
let ada: TestUser
let ben: TestUser
let off: TestUser
const unknownEmail = `nobody@run-${fx.run}.example`

beforeAll(async () => {
  const company = await fx.company('Login Co')
  ada = await fx.user('client', company, { password: PASSWORD, name: 'Ada Client' })
  ben = await fx.user('team', null, { password: PASSWORD, name: 'Ben Team' })
  off = await fx.user('client', company, { password: PASSWORD, name: 'Off Client' })
  await fx.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, off.id))
}, 60_000)

afterAll(async () => {
  await cleanupAuthRows(fx.db, [ada.id, ben.id, off.id], ips.prefix, [unknownEmail])
  await fx.cleanup()
})

const signIn = (fields: Record<string, string>, options: { cookie?: string; ip?: string } = {}) =>
  postForm(app, '/login', fields, { ip: options.ip ?? ips.next(), cookie: options.cookie })

async function auditFor(action: string, where: { targetId?: string; email?: string }) {
  const rows = await fx.db.select().from(auditLog).where(eq(auditLog.action, action))
  return rows.filter(
    (row) =>
      (where.targetId === undefined || row.targetId === where.targetId) &&
      (where.email === undefined || row.details.email === emailFingerprint(where.email)),
  )
}

describe('GET /login', () => {
  it('shows the form, keeping `next` only when it is a path on this site', async () => {
    const page = await send(app, '/login?next=%2Fdashboard%2Fprojects', { ip: ips.next() })
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1)
    expect(html).toContain('<label for="login-email">Email</label>')
    expect(html).toContain('<label for="login-password">Password</label>')
    expect(html).toContain('autocomplete="current-password"')
    expect(html).toContain('<input type="hidden" name="next" value="/dashboard/projects"/>')
    expect(html).toContain('href="/password-reset"')
    const foreign = await (
      await send(app, '/login?next=https%3A%2F%2Fevil.example%2F', { ip: ips.next() })
    ).text()
    expect(foreign).not.toContain('name="next"')
    expect(foreign).not.toContain('evil.example')
  })

  it('sends a signed-in visitor straight on', async () => {
    const cookie = await fx.cookie(ada.id)
    const response = await send(app, '/login?next=%2Fdashboard%2Fautomations', { ip: ips.next(), cookie })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard/automations')
  })
})

describe('POST /login', () => {
  it('signs in: a new session row for the user, its cookie, an audit entry, then the dashboard', async () => {
    const ip = ips.next()
    const response = await signIn({ email: ada.email, password: PASSWORD }, { ip })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard')
    const token = sessionCookieAfter(response)
    expect(token).toBeTruthy()
    const validated = await validateSessionToken(fx.db, token as string)
    expect(validated?.user).toMatchObject({ id: ada.id, email: ada.email, role: 'client' })
    const [row] = await fx.db
      .select()
      .from(sessions)
      .where(eq(sessions.id, validated?.session.id ?? ''))
    expect(row?.ip).toBe(ip)
    const audits = await auditFor('auth.sign_in', { targetId: ada.id })
    expect(audits.some((a) => a.actorId === ada.id && a.ip === ip && a.companyId === ada.companyId)).toBe(
      true,
    )
  })

  it('matches the email whatever its case and surrounding spaces', async () => {
    const response = await signIn({ email: `  ${ada.email.toUpperCase()} `, password: PASSWORD })
    expect(response.status).toBe(303)
  })

  it('goes to a same-origin `next`, and ignores one that leaves the site', async () => {
    const inside = await signIn({ email: ada.email, password: PASSWORD, next: '/dashboard/projects?page=2' })
    expect(inside.headers.get('location')).toBe('/dashboard/projects?page=2')
    for (const next of [
      'https://evil.example/',
      '//evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const outside = await signIn({ email: ada.email, password: PASSWORD, next })
      expect(outside.status).toBe(303)
      expect(outside.headers.get('location')).toBe('/dashboard')
    }
  }, 60_000)

  it('never promotes a session cookie the browser had before signing in (fixation)', async () => {
    // Someone plants their own valid session in the victim's browser, then the victim signs in.
    const planted = await fx.cookie(ben.id)
    const response = await signIn({ email: ada.email, password: PASSWORD }, { cookie: planted })
    expect(response.status).toBe(303)
    const fresh = sessionCookieAfter(response) as string
    expect(fresh).toBeTruthy()
    expect(fresh).not.toBe(tokenOf(planted))
    expect(parseToken(fresh)?.id).not.toBe(parseToken(tokenOf(planted))?.id)
    // The planted session is over, and the new one is the victim's, not the planter's.
    expect(await validateSessionToken(fx.db, tokenOf(planted))).toBeNull()
    expect((await validateSessionToken(fx.db, fresh))?.user.id).toBe(ada.id)
  })

  it('never adopts a token the server did not issue (fixation with a made-up id)', async () => {
    const madeUp = `${'a'.repeat(26)}.${'b'.repeat(52)}`
    const response = await signIn({ email: ada.email, password: PASSWORD }, { cookie: cookieFor(madeUp) })
    const fresh = sessionCookieAfter(response) as string
    expect(fresh).not.toBe(madeUp)
    expect(
      await fx.db
        .select()
        .from(sessions)
        .where(eq(sessions.id, 'a'.repeat(26))),
    ).toHaveLength(0)
  })

  it('sets the session cookie with __Host- prefix, Secure, HttpOnly, SameSite=Lax, Path=/ and no Domain', async () => {
    const response = await signIn({ email: ada.email, password: PASSWORD })
    const [line] = setCookies(response)
    expect(line).toMatch(/^__Host-session=[a-z2-7]+\.[a-z2-7]+;/)
    const attributes = (line as string).split(';').map((part) => part.trim().toLowerCase())
    expect(attributes).toContain('secure')
    expect(attributes).toContain('httponly')
    expect(attributes).toContain('samesite=lax')
    expect(attributes).toContain('path=/')
    expect(attributes.some((a) => a.startsWith('domain'))).toBe(false)
    // It lasts as long as the session's absolute lifetime (7 days), not forever.
    const expires = Date.parse(attributes.find((a) => a.startsWith('expires='))?.slice(8) ?? '')
    expect(expires - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000)
    expect(expires - Date.now()).toBeLessThan(7.1 * 24 * 3600 * 1000)
  })

  it('answers a wrong password and an unknown email identically (status and page)', async () => {
    const wrong = await signIn({ email: ada.email, password: 'not-the-password' })
    const unknown = await signIn({ email: unknownEmail, password: 'not-the-password' })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(sessionCookieAfter(wrong)).toBeUndefined()
    expect(sessionCookieAfter(unknown)).toBeUndefined()
    // The pages differ only by the address typed (kept in the field) and the CSP nonce.
    const normalise = (html: string, email: string) => withoutNonce(html).replaceAll(email, 'EMAIL')
    const wrongHtml = normalise(await wrong.text(), ada.email)
    expect(wrongHtml).toContain('The email address or password is not right')
    expect(wrongHtml).toBe(normalise(await unknown.text(), unknownEmail))
  })

  it('answers the JSON API identically too, byte for byte', async () => {
    const wrong = await sendJson(
      app,
      'POST',
      '/api/v1/session',
      { email: ada.email, password: 'nope-nope' },
      { ip: ips.next() },
    )
    const unknown = await sendJson(
      app,
      'POST',
      '/api/v1/session',
      { email: unknownEmail, password: 'nope-nope' },
      { ip: ips.next() },
    )
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(await wrong.text()).toBe(await unknown.text())
  })

  it('refuses a disabled account with the same answer, even with the right password', async () => {
    const refused = await signIn({ email: off.email, password: PASSWORD })
    expect(refused.status).toBe(401)
    expect(sessionCookieAfter(refused)).toBeUndefined()
    expect(withoutNonce(await refused.text()).replaceAll(off.email, 'EMAIL')).toContain(
      'The email address or password is not right',
    )
    expect(await fx.db.select().from(sessions).where(eq(sessions.userId, off.id))).toHaveLength(0)
    const [audit] = await auditFor('auth.sign_in_failed', { targetId: off.id })
    expect(audit?.details).toMatchObject({ reason: 'disabled' })
  })

  it('audits failures without the email in clear: the user id when known, a fingerprint always', async () => {
    await signIn({ email: ben.email, password: 'wrong-password-1' })
    await signIn({ email: unknownEmail, password: 'wrong-password-2' })
    const [known] = await auditFor('auth.sign_in_failed', { targetId: ben.id })
    expect(known).toMatchObject({ actorId: null, targetType: 'user', targetId: ben.id })
    expect(known?.details).toEqual({ reason: 'wrong_password', email: emailFingerprint(ben.email) })
    const unknownRows = await auditFor('auth.sign_in_failed', { email: unknownEmail })
    expect(unknownRows.length).toBeGreaterThan(0)
    for (const row of unknownRows) {
      expect(row).toMatchObject({ actorId: null, targetId: null, targetType: null })
      expect(JSON.stringify(row)).not.toContain(unknownEmail)
      expect(JSON.stringify(row)).not.toContain('nobody')
    }
  })

  it('logs a failed sign-in with the request id and reason, never the email or password', async () => {
    const lines: string[] = []
    const capture = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '))
    }
    const spies = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error')]
    for (const spy of spies) spy.mockImplementation(capture)
    try {
      const response = await signIn({ email: unknownEmail, password: 'secret-guess-42' })
      expect(response.status).toBe(401)
      const requestId = response.headers.get('x-request-id') as string
      const failed = lines.find((line) => line.includes('sign-in failed'))
      expect(failed).toContain(requestId)
      expect(failed).toContain('reason=unknown_email')
      for (const line of lines) {
        expect(line).not.toContain(unknownEmail)
        expect(line).not.toContain('secret-guess-42')
      }
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })

  it('asks for both fields when one is empty (422), keeping the email typed', async () => {
    const response = await signIn({ email: ada.email, password: '' })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Enter your password')
    expect(html).toContain('aria-describedby="login-password-error"')
    expect(html).toContain(`value="${ada.email}"`)
    expect(html).toContain('href="#login-password"')
  })
})

describe('POST /logout', () => {
  it('ends the session, clears the cookie and says so on the sign-in page', async () => {
    const cookie = await fx.cookie(ada.id)
    const id = parseToken(tokenOf(cookie))?.id as string
    const response = await postForm(app, '/logout', {}, { ip: ips.next(), cookie })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login')
    expect(sessionCookieAfter(response)).toBe('')
    expect(await fx.db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(0)
    // The flash cookie carries the message to the next page.
    const flash = response.headers
      .getSetCookie()
      .find((line) => line.startsWith('__Host-flash='))
      ?.split(';')[0]
    const page = await send(app, '/login', { ip: ips.next(), cookie: flash })
    expect(await page.text()).toContain('You have signed out.')
    // The old cookie no longer opens the dashboard.
    const after = await send(app, '/dashboard/profile', {
      ip: ips.next(),
      cookie,
      headers: { accept: 'text/html' },
    })
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toBe('/login?next=%2Fdashboard%2Fprofile')
  })

  it('only ends the session it was sent with', async () => {
    const first = await fx.cookie(ben.id)
    const second = await fx.cookie(ben.id)
    await postForm(app, '/logout', {}, { ip: ips.next(), cookie: first })
    const remaining = await fx.db
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.userId, ben.id),
          inArray(
            sessions.id,
            [first, second].map((c) => parseToken(tokenOf(c))?.id as string),
          ),
        ),
      )
    expect(remaining.map((s) => s.id)).toEqual([parseToken(tokenOf(second))?.id])
  })
})
