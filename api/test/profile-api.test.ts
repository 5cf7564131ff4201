import { sessions, users } from '@kairo/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { sessionHandle } from '../src/auth/account.ts'
import { parseToken } from '../src/auth/session.ts'
import {
  cleanupAuthRows,
  cookieFor,
  ipPool,
  send,
  sendJson,
  sessionCookieAfter,
  tokenOf,
} from './auth-support.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// `/api/v1/session` and `/api/v1/me` as JSON: the same session cookie as the pages, the one error
// shape with per-field messages, and the same rules as the profile forms.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
let api: TestUser
let stranger: TestUser

beforeAll(async () => {
  const company = await fx.company('Api Co')
  api = await fx.user('client', company, { password: PASSWORD, name: 'Api Person' })
  stranger = await fx.user('client', null, { name: 'Stranger' })
}, 60_000)

afterAll(async () => {
  await cleanupAuthRows(fx.db, [api.id, stranger.id], ips.prefix)
  await fx.cleanup()
})

const call = (method: string, path: string, body?: unknown, cookie?: string) =>
  sendJson(app, method, `/api/v1${path}`, body, { ip: ips.next(), cookie })

describe('POST and DELETE /api/v1/session', () => {
  it('signs in with JSON, sets the session cookie, and signs out again', async () => {
    const signedIn = await call('POST', '/session', { email: api.email, password: PASSWORD })
    expect(signedIn.status).toBe(200)
    expect(await signedIn.json()).toEqual({
      user: { id: api.id, email: api.email, name: 'Api Person', role: 'client', companyId: api.companyId },
    })
    const cookie = cookieFor(sessionCookieAfter(signedIn) as string)
    const me = await call('GET', '/me', undefined, cookie)
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(api.id)

    const signedOut = await call('DELETE', '/session', undefined, cookie)
    expect(signedOut.status).toBe(204)
    expect(sessionCookieAfter(signedOut)).toBe('')
    const after = await call('GET', '/me', undefined, cookie)
    expect(after.status).toBe(401)
    expect(await after.json()).toMatchObject({ error: { code: 'unauthorized' } })
  })

  it('answers invalid input with 422 and one message per field', async () => {
    const response = await call('POST', '/session', { email: '', password: '' })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Some fields need attention',
        fields: { email: 'Enter your email address', password: 'Enter your password' },
      },
    })
  })

  it('refuses a form-encoded sign-in (415): the API takes JSON only', async () => {
    const response = await send(app, '/api/v1/session', {
      method: 'POST',
      ip: ips.next(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ email: api.email, password: PASSWORD }).toString(),
    })
    expect(response.status).toBe(415)
    expect(sessionCookieAfter(response)).toBeUndefined()
  })
})

describe('/api/v1/me', () => {
  it('renames, and changes the email only with the current password', async () => {
    const cookie = await fx.cookie(api.id)
    const renamed = await call('PATCH', '/me', { name: '  Api P. Person ' }, cookie)
    expect(renamed.status).toBe(200)
    expect(await renamed.json()).toMatchObject({ user: { name: 'Api P. Person' } })

    const newEmail = `api-new@run-${fx.run}.example`
    const missing = await call('PATCH', '/me', { email: newEmail }, cookie)
    expect(missing.status).toBe(422)
    expect(await missing.json()).toMatchObject({
      error: { fields: { currentPassword: 'Enter your current password to change your email address' } },
    })
    const wrong = await call('PATCH', '/me', { email: newEmail, currentPassword: 'wrong-wrong' }, cookie)
    expect(wrong.status).toBe(422)
    expect(await wrong.json()).toMatchObject({
      error: { fields: { currentPassword: 'Your current password is not right' } },
    })
    const changed = await call('PATCH', '/me', { email: newEmail, currentPassword: PASSWORD }, cookie)
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({ user: { email: newEmail } })
    await fx.db.update(users).set({ email: api.email }).where(eq(users.id, api.id))
  }, 60_000)

  it('changes the password under the policy, ending the other sessions', async () => {
    const cookie = await fx.cookie(api.id)
    const other = await fx.cookie(api.id)
    const weak = await call(
      'POST',
      '/me/password',
      { currentPassword: PASSWORD, newPassword: 'qwerty123' },
      cookie,
    )
    expect(weak.status).toBe(422)
    expect(await weak.json()).toMatchObject({
      error: { fields: { newPassword: 'This password is too easy to guess; choose a less common one' } },
    })
    const ok = await call(
      'POST',
      '/me/password',
      { currentPassword: PASSWORD, newPassword: 'tidal-saffron-compass' },
      cookie,
    )
    expect(ok.status).toBe(200)
    expect(((await ok.json()) as { endedSessions: number }).endedSessions).toBeGreaterThanOrEqual(1)
    expect((await call('GET', '/me', undefined, other)).status).toBe(401)
    expect((await call('GET', '/me', undefined, cookie)).status).toBe(200)
  }, 60_000)

  it('lists sessions, ends one of yours, and answers 404 for anyone else’s', async () => {
    const here = await fx.cookie(api.id)
    const there = await fx.cookie(api.id)
    const theirs = await fx.cookie(stranger.id)
    const listed = await call('GET', '/me/sessions', undefined, here)
    expect(listed.status).toBe(200)
    const { sessions: rows } = (await listed.json()) as {
      sessions: Array<{ handle: string; current: boolean; device: string }>
    }
    const hereHandle = sessionHandle(parseToken(tokenOf(here))?.id as string)
    const thereHandle = sessionHandle(parseToken(tokenOf(there))?.id as string)
    expect(rows.find((r) => r.current)?.handle).toBe(hereHandle)
    expect(rows.map((r) => r.handle)).toContain(thereHandle)
    expect(JSON.stringify(rows)).not.toContain(parseToken(tokenOf(here))?.id as string)

    const theirHandle = sessionHandle(parseToken(tokenOf(theirs))?.id as string)
    const refused = await call('DELETE', `/me/sessions/${theirHandle}`, undefined, here)
    expect(refused.status).toBe(404)
    expect(await refused.json()).toMatchObject({ error: { code: 'not_found' } })
    expect((await call('GET', '/me', undefined, theirs)).status).toBe(200)
    expect((await call('DELETE', '/me/sessions/not-a-handle', undefined, here)).status).toBe(422)

    expect((await call('DELETE', `/me/sessions/${thereHandle}`, undefined, here)).status).toBe(204)
    expect((await call('GET', '/me', undefined, there)).status).toBe(401)

    const everywhere = await call('DELETE', '/me/sessions', undefined, here)
    expect(everywhere.status).toBe(200)
    expect(sessionCookieAfter(everywhere)).toBe('')
    expect(await fx.db.select().from(sessions).where(eq(sessions.userId, api.id))).toHaveLength(0)
  })
})

describe('the OpenAPI document', () => {
  it('describes the session and profile operations', async () => {
    const response = await send(app, '/api/v1/openapi.json', { ip: ips.next() })
    expect(response.status).toBe(200)
    const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> }
    expect(Object.keys(doc.paths['/session'] ?? {}).sort()).toEqual(['delete', 'post'])
    expect(Object.keys(doc.paths['/me'] ?? {}).sort()).toEqual(['get', 'patch'])
    expect(Object.keys(doc.paths['/me/password'] ?? {})).toEqual(['post'])
    expect(Object.keys(doc.paths['/me/sessions'] ?? {}).sort()).toEqual(['delete', 'get'])
    expect(Object.keys(doc.paths['/me/sessions/{handle}'] ?? {})).toEqual(['delete'])
  })
})
