import { auditLog, recoveryCodes, totpFactors } from '@kairo/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { recoveryCodeHash } from '../src/auth/recovery-codes.ts'
import { cleanupAuthRows, ipPool, postForm, send } from './auth-support.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import { awaitRoomInWindow } from './support/rate-limit-window.ts'
import { appCode, giveTotp, recoveryCodesOnPage, secretOnPage } from './support/second-factor.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// The second factors on the profile: what the page shows (in its two round trips), setting up the
// app, making new recovery codes and turning the app off. Anything that removes or replaces a factor
// asks for the password again, is rate-limited with the other password checks, and is audited; a
// role that must keep a second factor cannot remove its last one.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
let client: TestUser
let clientCookie: string

const get = (path: string, cookie: string) => send(app, path, { ip: ips.next(), cookie })
const post = (path: string, fields: Record<string, string>, cookie: string) =>
  postForm(app, path, fields, { ip: ips.next(), cookie })
const auditCount = async (userId: string, action: string) =>
  (
    await fx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, userId), eq(auditLog.action, action)))
  ).length

beforeAll(async () => {
  client = await fx.user('client', await fx.company(), { password: PASSWORD, name: 'Olive Owner' })
  clientCookie = await fx.cookie(client.id)
}, 30_000)

afterAll(async () => {
  await cleanupAuthRows(fx.db, [client.id], ips.prefix)
  await fx.cleanup()
})

describe('the profile’s two-step sign-in', () => {
  it('shows the factors in the page’s two round trips; the passkey form waits for script', async () => {
    const { response, queries } = await requestCountingQueries('/dashboard/profile', {
      headers: { cookie: clientCookie, accept: 'text/html', 'cf-connecting-ip': ips.next() },
    })
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(html).toContain('<h2 id="second-factor">Two-step sign-in</h2>')
    expect(html).toContain('<span class="badge">Off</span>')
    expect(html).toContain('href="/dashboard/profile/totp"')
    expect(html).toContain('No passkeys yet.')
    // Without script the add form stays hidden and the page says why; the script carries the nonce.
    expect(html).toMatch(/<div data-passkey-box="" hidden="">/)
    expect(html).toContain('<p data-passkey-nojs="">Adding a passkey opens your browser’s own passkey dialog')
    expect(html).toMatch(/<script nonce="[^"]+">\(\(\) => \{/)
  })

  it('sets up the app with a code from it, then shows ten recovery codes once', async () => {
    const page = await get('/dashboard/profile/totp', clientCookie)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<h1 class="dash-h1">Set up an authenticator app</h1>')
    const secret = secretOnPage(html)

    const letters = await post('/dashboard/profile/totp', { code: 'abc' }, clientCookie)
    expect(letters.status).toBe(422)
    expect(await letters.text()).toContain('Enter the 6 digits your authenticator app shows')
    const wrong = await post(
      '/dashboard/profile/totp',
      { code: appCode(secret, Date.now() - 300_000) },
      clientCookie,
    )
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('aria-invalid="true"')

    const right = await post('/dashboard/profile/totp', { code: appCode(secret, Date.now()) }, clientCookie)
    expect(right.status).toBe(200)
    expect(right.headers.get('cache-control')).toContain('no-store')
    const codes = recoveryCodesOnPage(await right.text())
    expect(codes).toHaveLength(10)
    expect(await auditCount(client.id, 'auth.totp_enabled')).toBe(1)

    const profile = await (await get('/dashboard/profile', clientCookie)).text()
    expect(profile).toContain('<span class="badge badge--good">On</span>')
    expect(profile).toContain('10 of 10 recovery codes left.')
    // Setting it up again is not offered: the page says it is on.
    const again = await get('/dashboard/profile/totp', clientCookie)
    expect(again.status).toBe(303)
  })

  it('makes new recovery codes only with the password, and the old ones stop working', async () => {
    const before = await fx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, client.id))
    expect((await get('/dashboard/profile/recovery-codes/new', clientCookie)).status).toBe(200)
    const wrong = await post(
      '/dashboard/profile/recovery-codes/new',
      { currentPassword: 'nope nope nope' },
      clientCookie,
    )
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('Your password is not right')
    const empty = await post('/dashboard/profile/recovery-codes/new', { currentPassword: '' }, clientCookie)
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Enter your password')
    expect(await fx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, client.id))).toEqual(
      before,
    )

    const right = await post(
      '/dashboard/profile/recovery-codes/new',
      { currentPassword: PASSWORD },
      clientCookie,
    )
    expect(right.status).toBe(200)
    const codes = recoveryCodesOnPage(await right.text())
    expect(codes).toHaveLength(10)
    const after = await fx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, client.id))
    const hashes = new Set(after.map((row) => row.codeHash.join(',')))
    expect(before.some((row) => hashes.has(row.codeHash.join(',')))).toBe(false)
    expect(hashes.has(recoveryCodeHash(client.id, (codes[0] as string).replace(/-/g, '')).join(','))).toBe(
      true,
    )
    expect(await auditCount(client.id, 'auth.recovery_codes_regenerated')).toBe(1)
  })

  it('turns the app off only with the password', async () => {
    const wrong = await post(
      '/dashboard/profile/totp/remove',
      { currentPassword: 'nope nope nope' },
      clientCookie,
    )
    expect(wrong.status).toBe(422)
    expect(await fx.db.select().from(totpFactors).where(eq(totpFactors.userId, client.id))).toHaveLength(1)
    const right = await post('/dashboard/profile/totp/remove', { currentPassword: PASSWORD }, clientCookie)
    expect(right.status).toBe(303)
    expect(right.headers.get('location')).toBe('/dashboard/profile#second-factor')
    expect(await fx.db.select().from(totpFactors).where(eq(totpFactors.userId, client.id))).toHaveLength(0)
    expect(await fx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, client.id))).toHaveLength(
      0,
    )
    expect(await auditCount(client.id, 'auth.totp_removed')).toBe(1)
  })

  it('keeps the last factor of a role that must have one', async () => {
    const team = await fx.user('team', null, { password: PASSWORD })
    await giveTotp(fx.db, team.id)
    const cookie = await fx.cookie(team.id)
    const profile = await (await get('/dashboard/profile', cookie)).text()
    expect(profile).toContain('Your role signs in with a second step after the password')
    const refused = await post('/dashboard/profile/totp/remove', { currentPassword: PASSWORD }, cookie)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('Your role must keep a second factor')
    expect(await fx.db.select().from(totpFactors).where(eq(totpFactors.userId, team.id))).toHaveLength(1)
    await cleanupAuthRows(fx.db, [team.id], ips.prefix)
  }, 30_000)

  it('limits password checks per user, with the profile’s other password forms', async () => {
    const guesser = await fx.user('client', null, { password: PASSWORD })
    await giveTotp(fx.db, guesser.id)
    const cookie = await fx.cookie(guesser.id)
    // 11 password checks take several seconds: all in one of the limit's 15-minute windows.
    await awaitRoomInWindow(900, 30_000)
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (await post('/dashboard/profile/totp/remove', { currentPassword: `guess ${i}` }, cookie)).status,
      )
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(422))
    expect(statuses[10]).toBe(429)
    expect(await fx.db.select().from(totpFactors).where(eq(totpFactors.userId, guesser.id))).toHaveLength(1)
    await cleanupAuthRows(fx.db, [guesser.id], ips.prefix)
  }, 60_000)
})
