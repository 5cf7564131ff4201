import { outbox, passwordResets, sessions, users } from '@kairo/db'
import { and, desc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { sessionHandle } from '../src/auth/account.ts'
import { parseToken } from '../src/auth/session.ts'
import { cleanupAuthRows, ipPool, postForm, send, sendJson, tokenOf } from './auth-support.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// The auth and profile routes against the web's usual attacks: every answer carries the security
// headers, a form posted from another site is refused (403) and changes nothing, the JSON API takes
// no form bodies, and no other origin is granted CORS.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
const FOREIGN = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }
let target: TestUser
let resetToken = ''

beforeAll(async () => {
  target = await fx.user('client', null, { password: PASSWORD, name: 'Tess Target' })
  await postForm(app, '/password-reset', { email: target.email }, { ip: ips.next() })
  const [mail] = await fx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, 'auth.password_reset'), sql`${outbox.payload}->>'userId' = ${target.id}`))
    .orderBy(desc(outbox.createdAt))
    .limit(1)
  resetToken = String(mail?.payload.url).split('/').at(-1) as string
}, 60_000)

afterAll(async () => {
  await cleanupAuthRows(fx.db, [target.id], ips.prefix, [target.email])
  await fx.cleanup()
})

function expectSecurityHeaders(response: Response, what: string) {
  const h = response.headers
  const hsts = h.get('strict-transport-security') ?? ''
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1]), `${what}: HSTS`).toBeGreaterThanOrEqual(31_536_000)
  expect(hsts, `${what}: HSTS`).toContain('includeSubDomains')
  const csp = h.get('content-security-policy') ?? ''
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? ''
  const scripts = directive('script-src') || directive('default-src')
  expect(scripts, `${what}: script-src`).not.toBe('')
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-inline'")
  expect(scripts, `${what}: script-src`).not.toContain("'unsafe-eval'")
  expect(directive('frame-ancestors'), `${what}: frame-ancestors`).toBe("frame-ancestors 'none'")
  expect(h.get('x-content-type-options'), `${what}: nosniff`).toBe('nosniff')
  expect(h.get('referrer-policy'), `${what}: Referrer-Policy`).toBeTruthy()
  expect(h.get('permissions-policy'), `${what}: Permissions-Policy`).toBeTruthy()
}

describe('security headers', () => {
  it('come with every page, redirect, error and JSON answer of sign-in, reset and profile', async () => {
    const cookie = await fx.cookie(target.id)
    const html = { accept: 'text/html' }
    const answers: Array<[string, Response]> = [
      ['GET /login', await send(app, '/login', { ip: ips.next() })],
      [
        'POST /login 401',
        await postForm(app, '/login', { email: target.email, password: 'wrong-wrong' }, { ip: ips.next() }),
      ],
      ['POST /login 422', await postForm(app, '/login', { email: '', password: '' }, { ip: ips.next() })],
      [
        'POST /login 403',
        await postForm(
          app,
          '/login',
          { email: target.email, password: PASSWORD },
          { ip: ips.next(), headers: FOREIGN },
        ),
      ],
      ['POST /logout 303', await postForm(app, '/logout', {}, { ip: ips.next() })],
      ['GET /password-reset', await send(app, '/password-reset', { ip: ips.next() })],
      ['GET /password-reset?sent=1', await send(app, '/password-reset?sent=1', { ip: ips.next() })],
      [
        'POST /password-reset 303',
        await postForm(app, '/password-reset', { email: `x@run-${fx.run}.example` }, { ip: ips.next() }),
      ],
      ['GET /password-reset/<bad>', await send(app, '/password-reset/nonsense', { ip: ips.next() })],
      ['GET /password-reset/<token>', await send(app, `/password-reset/${resetToken}`, { ip: ips.next() })],
      [
        'GET /dashboard/profile',
        await send(app, '/dashboard/profile', { ip: ips.next(), cookie, headers: html }),
      ],
      [
        'GET /dashboard/profile signed out',
        await send(app, '/dashboard/profile', { ip: ips.next(), headers: html }),
      ],
      [
        'POST /dashboard/profile/name 422',
        await postForm(app, '/dashboard/profile/name', { name: '' }, { ip: ips.next(), cookie }),
      ],
      [
        'POST /api/v1/session 401',
        await sendJson(
          app,
          'POST',
          '/api/v1/session',
          { email: target.email, password: 'x' },
          { ip: ips.next() },
        ),
      ],
      ['GET /api/v1/me', await sendJson(app, 'GET', '/api/v1/me', undefined, { ip: ips.next(), cookie })],
      [
        'GET /api/v1/me/sessions',
        await sendJson(app, 'GET', '/api/v1/me/sessions', undefined, { ip: ips.next(), cookie }),
      ],
      ['GET /api/v1/me 401', await sendJson(app, 'GET', '/api/v1/me', undefined, { ip: ips.next() })],
    ]
    for (const [what, response] of answers) {
      expect(response.status, what).toBeLessThan(500)
      expectSecurityHeaders(response, what)
    }
    // Pages with inline CSS carry this response's nonce, never 'unsafe-inline'.
    const page = answers[0]?.[1] as Response
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy') ?? '')?.[1]
    expect(await page.text()).toContain(`<style nonce="${nonce}">`)
  }, 60_000)
})

describe('CSRF: forms posted from another site', () => {
  const foreign = (path: string, fields: Record<string, string>, cookie?: string) =>
    postForm(app, path, fields, { ip: ips.next(), cookie, headers: FOREIGN })

  it('cannot sign anyone in', async () => {
    const response = await foreign('/login', { email: target.email, password: PASSWORD })
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } })
    expect(response.headers.getSetCookie().some((line) => line.startsWith('__Host-session='))).toBe(false)
  })

  it('cannot sign out, rename, change email or password, or end sessions', async () => {
    const cookie = await fx.cookie(target.id)
    const other = await fx.cookie(target.id)
    const otherHandle = sessionHandle(parseToken(tokenOf(other))?.id as string)
    const attempts: Array<[string, Record<string, string>]> = [
      ['/logout', {}],
      ['/dashboard/profile/name', { name: 'Hijacked' }],
      ['/dashboard/profile/email', { email: `hijack@run-${fx.run}.example`, currentPassword: PASSWORD }],
      ['/dashboard/profile/password', { currentPassword: PASSWORD, newPassword: 'hijacked-passphrase-77' }],
      ['/dashboard/profile/sessions/sign-out', { session: otherHandle }],
      ['/dashboard/profile/sessions/sign-out-everywhere', {}],
    ]
    const [before] = await fx.db.select().from(users).where(eq(users.id, target.id))
    for (const [path, fields] of attempts) {
      const response = await foreign(path, fields, cookie)
      expect(response.status, path).toBe(403)
    }
    // Nothing changed: same name, email and password hash, and both sessions still live.
    const [after] = await fx.db.select().from(users).where(eq(users.id, target.id))
    expect(after).toEqual(before)
    for (const c of [cookie, other]) {
      const id = parseToken(tokenOf(c))?.id as string
      expect(await fx.db.select().from(sessions).where(eq(sessions.id, id)), 'session kept').toHaveLength(1)
    }
  }, 60_000)

  it('cannot ask for a reset link or use one', async () => {
    const [before] = await fx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResets)
      .where(eq(passwordResets.userId, target.id))
    expect((await foreign('/password-reset', { email: target.email })).status).toBe(403)
    expect(
      (await foreign(`/password-reset/${resetToken}`, { password: 'hijacked-passphrase-77' })).status,
    ).toBe(403)
    const [after] = await fx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResets)
      .where(eq(passwordResets.userId, target.id))
    expect(after?.n).toBe(before?.n)
    // The link is still unused.
    expect((await send(app, `/password-reset/${resetToken}`, { ip: ips.next() })).status).toBe(200)
  })

  it('refuses a form post that proves no origin at all', async () => {
    const response = await send(app, '/login', {
      method: 'POST',
      ip: ips.next(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: target.email, password: PASSWORD }).toString(),
    })
    expect(response.status).toBe(403)
  })
})

describe('the JSON API and CORS', () => {
  it('refuses form and text bodies on every write (415), so a cross-site form cannot reach it', async () => {
    const cookie = await fx.cookie(target.id)
    for (const [method, path] of [
      ['POST', '/api/v1/session'],
      ['PATCH', '/api/v1/me'],
      ['POST', '/api/v1/me/password'],
      ['DELETE', '/api/v1/me/sessions'],
    ] as const) {
      const response = await send(app, path, {
        method,
        ip: ips.next(),
        cookie,
        headers: {
          'content-type': 'text/plain',
          origin: 'https://evil.example',
          'sec-fetch-site': 'cross-site',
        },
        body: JSON.stringify({ name: 'Hijacked', email: target.email, password: PASSWORD }),
      })
      expect(response.status, `${method} ${path}`).toBe(415)
    }
    const id = parseToken(tokenOf(cookie))?.id as string
    expect(await fx.db.select().from(sessions).where(eq(sessions.id, id))).toHaveLength(1)
  })

  it('grants no other origin a CORS preflight or a readable answer', async () => {
    const cookie = await fx.cookie(target.id)
    for (const path of ['/api/v1/session', '/api/v1/me', '/login', '/dashboard/profile/name']) {
      const preflight = await send(app, path, {
        method: 'OPTIONS',
        ip: ips.next(),
        headers: {
          origin: 'https://evil.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      })
      expect(preflight.headers.get('access-control-allow-origin'), path).toBeNull()
      expect(preflight.headers.get('access-control-allow-credentials'), path).toBeNull()
      expect(preflight.headers.get('access-control-allow-methods'), path).toBeNull()
    }
    const read = await send(app, '/api/v1/me', {
      ip: ips.next(),
      cookie,
      headers: { origin: 'https://evil.example', accept: 'application/json' },
    })
    expect(read.headers.get('access-control-allow-origin')).toBeNull()
  })
})
