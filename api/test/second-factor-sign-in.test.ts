import {
  auditLog,
  outbox,
  pendingSignIns,
  recoveryCodes,
  sessions,
  totpFactors,
  webauthnChallenges,
} from '@kairo/db'
import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { pruneExpiredChallenges } from '../src/auth/passkeys.ts'
import {
  PENDING_COOKIE,
  PENDING_SIGN_IN_LIFETIME_MS,
  pruneExpiredPendingSignIns,
} from '../src/auth/pending-sign-in.ts'
import { newRecoveryCodes, storeRecoveryCodes } from '../src/auth/recovery-codes.ts'
import { createApp } from '../src/lib/create-app.ts'
import { loadSession } from '../src/middleware/session/index.ts'
import { createAuthRoutes } from '../src/routes/auth/index.ts'
import { createV1AuthRoutes } from '../src/routes/v1/auth.ts'
import { createV1SecondFactorRoutes } from '../src/routes/v1/second-factor.ts'
import { cleanupAuthRows, ipPool, postForm, send, sendJson } from './auth-support.ts'
import {
  appCode,
  cookieSet,
  giveTotp,
  pendingCookie,
  recoveryCodesOnPage,
  secretOnPage,
  sessionFrom,
} from './support/second-factor.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { cleanupDomain } from './team-support.ts'

// Signing in with a second factor, through the real routes: a correct password makes no session, only
// a pending sign-in; the session comes after a code from the app (±1 step, each step once), a
// recovery code (each once), or, for a role that must have a factor and has none, after setting up
// the app. The pending sign-in lasts five minutes, works once, and ends after five wrong codes.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
const STEP = 30_000
// The routes' clock: real time (codes are made for it), moved forward by the expiry test.
let clock = Date.now()
const now = () => clock
const roomy = { perIp: { limit: 500, windowSeconds: 600 }, perAccount: { limit: 500, windowSeconds: 900 } }

function instance(secondFactorLimits = roomy) {
  return createApp()
    .use(loadSession())
    .route('/', createAuthRoutes({ now, secondFactorLimits }))
    .route('/api/v1', createV1AuthRoutes({ now }))
    .route('/api/v1', createV1SecondFactorRoutes({ now, limits: secondFactorLimits }))
}
const auth = instance()

const users: TestUser[] = []
async function user(role: 'admin' | 'team' | 'client') {
  const made = await fx.user(role, role === 'client' ? await fx.company() : null, { password: PASSWORD })
  users.push(made)
  return made
}

/** The password step from a fresh address: its answer, and the pending sign-in's cookie. */
async function password(target: TestUser, via = auth) {
  const response = await postForm(
    via,
    '/login',
    { email: target.email, password: PASSWORD },
    { ip: ips.next() },
  )
  return { response, cookie: cookieSet(response, PENDING_COOKIE) ? pendingCookie(response) : '' }
}

const code = (cookie: string, value: string, via = auth) =>
  postForm(via, '/login/second-factor', { code: value }, { ip: ips.next(), cookie })

const audits = (userId: string, action: string) =>
  fx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, userId), eq(auditLog.action, action)))
    .orderBy(desc(auditLog.at))

beforeAll(() => {
  clock = Date.now()
})

afterAll(async () => {
  const ids = users.map((u) => u.id)
  await cleanupAuthRows(fx.db, ids, ips.prefix)
  await cleanupDomain(fx.db, fx)
  await fx.cleanup()
})

describe('a role that must have a second factor and has none', () => {
  it('gets no session after the password: it sets up the app, then is signed in and sees its recovery codes once', async () => {
    const ben = await user('team')
    const { response, cookie } = await password(ben)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/login/second-factor/enrol')
    expect(sessionFrom(response)).toBeUndefined()
    expect(await fx.db.select().from(sessions).where(eq(sessions.userId, ben.id))).toHaveLength(0)
    // The pending sign-in is no session: the dashboard still sends this browser to sign in.
    const dashboard = await send(app, '/dashboard', { ip: ips.next(), cookie })
    expect(dashboard.status).toBe(303)
    expect(dashboard.headers.get('location')).toBe('/login?next=%2Fdashboard')

    const page = await send(auth, '/login/second-factor/enrol', { ip: ips.next(), cookie })
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const html = await page.text()
    expect(html).toContain('<h1>Set up two-step sign-in</h1>')
    const qr = /<img class="qr" src="data:image\/svg\+xml;base64,([^"]+)"[^>]*alt="([^"]+)"/.exec(html)
    expect(atob(qr?.[1] ?? '')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+">/)
    expect(qr?.[2]).toBe('QR code holding the key below, for your authenticator app')
    const secret = secretOnPage(html)
    // Reloading shows the same key, so an app that already scanned it still matches.
    const again = await (await send(auth, '/login/second-factor/enrol', { ip: ips.next(), cookie })).text()
    expect(secretOnPage(again)).toEqual(secret)

    const wrong = await postForm(
      auth,
      '/login/second-factor/enrol',
      { code: appCode(secret, clock - 5 * STEP) },
      { ip: ips.next(), cookie },
    )
    expect(wrong.status).toBe(401)
    expect(await wrong.text()).toContain('That code is not right.')
    expect(sessionFrom(wrong)).toBeUndefined()

    const right = await postForm(
      auth,
      '/login/second-factor/enrol',
      { code: appCode(secret, clock) },
      { ip: ips.next(), cookie },
    )
    expect(right.status).toBe(200)
    expect(right.headers.get('cache-control')).toBe('no-store')
    expect(cookieSet(right, PENDING_COOKIE)).toBe('')
    const session = sessionFrom(right)
    expect(session).toBeTruthy()
    const codes = recoveryCodesOnPage(await right.text())
    expect(codes).toHaveLength(10)
    expect(new Set(codes).size).toBe(10)
    expect((await send(app, '/dashboard', { ip: ips.next(), cookie: session })).status).toBe(200)

    const [factor] = await fx.db.select().from(totpFactors).where(eq(totpFactors.userId, ben.id))
    expect(factor?.confirmedAt).toBeInstanceOf(Date)
    // Sealed: neither the key nor its base32 form is in the row.
    expect(factor?.secretSealed).toMatch(/^v1\./)
    const stored = await fx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, ben.id))
    expect(stored).toHaveLength(10)
    expect(stored.every((row) => row.codeHash.length === 32 && row.usedAt === null)).toBe(true)
    expect((await audits(ben.id, 'auth.second_factor_requested'))[0]?.details).toEqual({ step: 'enrol' })
    expect(await audits(ben.id, 'auth.totp_enabled')).toHaveLength(1)
    expect((await audits(ben.id, 'auth.sign_in'))[0]?.details).toEqual({ method: 'password+enrolment' })

    // The pending sign-in was used up with the session.
    const reused = await send(auth, '/login/second-factor/enrol', { ip: ips.next(), cookie })
    expect(reused.status).toBe(303)
    expect(reused.headers.get('location')).toBe('/login')
  }, 60_000)

  it('a client without a factor signs in with the password alone, as before', async () => {
    const ada = await user('client')
    const { response } = await password(ada)
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard')
    expect(sessionFrom(response)).toBeTruthy()
    expect(cookieSet(response, PENDING_COOKIE)).toBeUndefined()
  }, 30_000)

  it('a sign-in that waits for an existing factor cannot set up a new one instead', async () => {
    const cai = await user('admin')
    await giveTotp(fx.db, cai.id)
    const { response, cookie } = await password(cai)
    expect(response.headers.get('location')).toBe('/login/second-factor')
    const page = await send(auth, '/login/second-factor/enrol', { ip: ips.next(), cookie })
    expect(page.status).toBe(303)
    expect(page.headers.get('location')).toBe('/login/second-factor')
    const post = await postForm(
      auth,
      '/login/second-factor/enrol',
      { code: '123456' },
      { ip: ips.next(), cookie },
    )
    expect(post.status).toBe(303)
    expect(sessionFrom(post)).toBeUndefined()
    const [factor] = await fx.db.select().from(totpFactors).where(eq(totpFactors.userId, cai.id))
    expect(factor?.lastUsedStep).toBeNull()
  }, 30_000)
})

describe('a code from the app', () => {
  it('is accepted for the previous, current and next step, refused two steps away, and never twice', async () => {
    const dan = await user('team')
    const secret = await giveTotp(fx.db, dan.id)
    // Within one step, so every "now" below is the same step.
    clock = Math.floor(Date.now() / STEP) * STEP + 1_000
    const at = (steps: number) => appCode(secret, clock + steps * STEP)

    const first = await password(dan)
    expect(first.response.headers.get('location')).toBe('/login/second-factor')
    const page = await send(auth, '/login/second-factor', { ip: ips.next(), cookie: first.cookie })
    const html = await page.text()
    expect(html).toContain('<h1>Confirm it is you</h1>')
    expect(html).toContain('Code from your authenticator app')
    expect(html).toContain('Recovery code')
    const early = await code(first.cookie, at(-2))
    expect(early.status).toBe(401)
    expect(await early.text()).toContain('That code is not right, or was used already.')
    const previous = await code(first.cookie, at(-1))
    expect(previous.status).toBe(303)
    expect(previous.headers.get('location')).toBe('/dashboard')
    expect(sessionFrom(previous)).toBeTruthy()

    const second = await password(dan)
    const current = await code(second.cookie, at(0))
    expect(current.status).toBe(303)
    expect(sessionFrom(current)).toBeTruthy()

    const third = await password(dan)
    // The code just used, and one two steps ahead, are refused; the next step's is accepted.
    expect((await code(third.cookie, at(0))).status).toBe(401)
    expect((await code(third.cookie, at(2))).status).toBe(401)
    const next = await code(third.cookie, at(1))
    expect(next.status).toBe(303)
    expect(sessionFrom(next)).toBeTruthy()

    const fourth = await password(dan)
    const replay = await code(fourth.cookie, at(1))
    expect(replay.status).toBe(401)
    expect(sessionFrom(replay)).toBeUndefined()

    const failures = await audits(dan.id, 'auth.second_factor_failed')
    expect(failures).toHaveLength(4)
    expect(failures[0]?.details).toEqual({ method: 'totp', ended: false })
    const signIns = await audits(dan.id, 'auth.sign_in')
    expect(signIns.map((a) => a.details)).toEqual(Array(3).fill({ method: 'password+totp' }))
  }, 60_000)

  it('ends the pending sign-in after five wrong codes', async () => {
    const eve = await user('team')
    const secret = await giveTotp(fx.db, eve.id)
    clock = Date.now()
    const { cookie } = await password(eve)
    for (let i = 0; i < 4; i++) expect((await code(cookie, '000000')).status).toBe(401)
    const last = await code(cookie, '000000')
    expect(last.status).toBe(303)
    expect(last.headers.get('location')).toBe('/login')
    expect(decodeURIComponent(cookieSet(last, '__Host-flash') ?? '')).toContain('Too many wrong codes')
    // Even the right code no longer helps: the password must come first again.
    const late = await code(cookie, appCode(secret, clock))
    expect(late.status).toBe(303)
    expect(sessionFrom(late)).toBeUndefined()
    expect(await fx.db.select().from(pendingSignIns).where(eq(pendingSignIns.userId, eve.id))).toHaveLength(0)
  }, 30_000)

  it('must come within five minutes of the password, and a pending sign-in works once', async () => {
    const fay = await user('team')
    const secret = await giveTotp(fx.db, fay.id)
    clock = Date.now()
    const { cookie } = await password(fay)
    // The pending sign-in's expiry was set from the real time of the password step (which can take a
    // second or more on a busy machine), so the late clock is counted from after it.
    clock = Date.now() + PENDING_SIGN_IN_LIFETIME_MS + 1_000
    const late = await code(cookie, appCode(secret, clock))
    expect(late.status).toBe(303)
    expect(late.headers.get('location')).toBe('/login')
    expect(decodeURIComponent(cookieSet(late, '__Host-flash') ?? '')).toContain('timed out')
    expect(sessionFrom(late)).toBeUndefined()

    clock = Date.now()
    const fresh = await password(fay)
    const signedIn = await code(fresh.cookie, appCode(secret, clock + STEP))
    expect(signedIn.status).toBe(303)
    expect(sessionFrom(signedIn)).toBeTruthy()
    // The same pending sign-in again (a replayed cookie): gone.
    const replay = await postForm(
      auth,
      '/login/second-factor/recovery',
      { recoveryCode: 'aaaa-aaaa-aaaa-aaaa' },
      { ip: ips.next(), cookie: fresh.cookie },
    )
    expect(replay.status).toBe(303)
    expect(replay.headers.get('location')).toBe('/login')
    expect(sessionFrom(replay)).toBeUndefined()
  }, 30_000)
})

describe('recovery codes', () => {
  it('sign in once each, in any case and spacing, and the dashboard says how many are left', async () => {
    const gus = await user('admin')
    await giveTotp(fx.db, gus.id)
    const codes = newRecoveryCodes()
    await storeRecoveryCodes(fx.db, gus.id, codes)
    clock = Date.now()
    const typed = ` ${(codes[3] as string).toUpperCase().replace(/-/g, ' ')} `
    const first = await password(gus)
    const used = await postForm(
      auth,
      '/login/second-factor/recovery',
      { recoveryCode: typed, next: '/dashboard/profile' },
      { ip: ips.next(), cookie: first.cookie },
    )
    expect(used.status).toBe(303)
    expect(used.headers.get('location')).toBe('/dashboard/profile')
    expect(sessionFrom(used)).toBeTruthy()
    expect(decodeURIComponent(cookieSet(used, '__Host-flash') ?? '')).toContain('9 of them are left')
    expect((await audits(gus.id, 'auth.sign_in'))[0]?.details).toEqual({ method: 'password+recovery_code' })

    const second = await password(gus)
    const again = await postForm(
      auth,
      '/login/second-factor/recovery',
      { recoveryCode: codes[3] as string },
      { ip: ips.next(), cookie: second.cookie },
    )
    expect(again.status).toBe(401)
    expect(await again.text()).toContain('That recovery code is not one of yours, or was used already.')
    expect(sessionFrom(again)).toBeUndefined()
    const left = await fx.db
      .select({ usedAt: recoveryCodes.usedAt })
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, gus.id))
    expect(left.filter((row) => row.usedAt === null)).toHaveLength(9)
  }, 30_000)
})

describe('limits', () => {
  it('caps the codes tried against one account across addresses and pending sign-ins', async () => {
    const tight = instance({ perIp: roomy.perIp, perAccount: { limit: 3, windowSeconds: 900 } })
    const hal = await user('team')
    const secret = await giveTotp(fx.db, hal.id)
    clock = Date.now()
    const one = await password(hal, tight)
    const two = await password(hal, tight)
    expect((await code(one.cookie, '111111', tight)).status).toBe(401)
    expect((await code(one.cookie, '222222', tight)).status).toBe(401)
    expect((await code(two.cookie, '333333', tight)).status).toBe(401)
    // The fourth try, from yet another address and pending sign-in, is refused before any check.
    const limited = await code(two.cookie, appCode(secret, clock), tight)
    expect(limited.status).toBe(303)
    expect(limited.headers.get('location')).toBe('/login')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(sessionFrom(limited)).toBeUndefined()
    const [factor] = await fx.db.select().from(totpFactors).where(eq(totpFactors.userId, hal.id))
    expect(factor?.lastUsedStep).toBeNull()
  }, 30_000)

  it('caps the codes tried from one address, whatever the account', async () => {
    const tight = instance({ perIp: { limit: 2, windowSeconds: 600 }, perAccount: roomy.perAccount })
    const ivy = await user('team')
    await giveTotp(fx.db, ivy.id)
    clock = Date.now()
    const { cookie } = await password(ivy, tight)
    const ip = ips.next()
    const tries = [] as number[]
    for (let i = 0; i < 3; i++) {
      tries.push((await postForm(tight, '/login/second-factor', { code: '999999' }, { ip, cookie })).status)
    }
    expect(tries).toEqual([401, 401, 303])
  }, 30_000)
})

describe('the API', () => {
  it('answers second_factor_required, then signs in with a code to /session/second-factor', async () => {
    const jon = await user('team')
    const secret = await giveTotp(fx.db, jon.id)
    clock = Date.now()
    const ip = ips.next()
    const first = await sendJson(
      auth,
      'POST',
      '/api/v1/session',
      { email: jon.email, password: PASSWORD },
      { ip },
    )
    expect(first.status).toBe(401)
    expect((await first.json()) as unknown).toMatchObject({ error: { code: 'second_factor_required' } })
    expect(sessionFrom(first)).toBeUndefined()
    const cookie = pendingCookie(first)
    const wrong = await sendJson(
      auth,
      'POST',
      '/api/v1/session/second-factor',
      { code: '000000' },
      { ip, cookie },
    )
    expect(wrong.status).toBe(401)
    expect((await wrong.json()) as unknown).toMatchObject({ error: { code: 'invalid_code' } })
    const right = await sendJson(
      auth,
      'POST',
      '/api/v1/session/second-factor',
      { code: appCode(secret, clock) },
      { ip, cookie },
    )
    expect(right.status).toBe(200)
    expect((await right.json()) as unknown).toMatchObject({ user: { id: jon.id, role: 'team' } })
    expect(sessionFrom(right)).toBeTruthy()
    const gone = await sendJson(
      auth,
      'POST',
      '/api/v1/session/second-factor',
      { code: '123456' },
      { ip, cookie },
    )
    expect(gone.status).toBe(401)
    expect((await gone.json()) as unknown).toMatchObject({ error: { code: 'sign_in_expired' } })
  }, 30_000)

  it('tells a role without a factor to set one up in a browser', async () => {
    const kim = await user('admin')
    const answer = await sendJson(
      auth,
      'POST',
      '/api/v1/session',
      { email: kim.email, password: PASSWORD },
      { ip: ips.next() },
    )
    expect(answer.status).toBe(403)
    expect((await answer.json()) as unknown).toMatchObject({
      error: { code: 'second_factor_setup_required' },
    })
    expect(sessionFrom(answer)).toBeUndefined()
  }, 30_000)
})

describe('invitations', () => {
  it('an accepted team invitation sets up the app before any session', async () => {
    const admin = await user('admin')
    const adminCookie = await fx.cookie(admin.id)
    const email = `joiner@run-${fx.run}.example`
    const invited = await postForm(
      app,
      '/dashboard/invitations',
      { email, role: 'team', companyId: '' },
      { ip: ips.next(), cookie: adminCookie },
    )
    expect(invited.status).toBe(303)
    const [mail] = await fx.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.kind, 'auth.invitation'), sql`${outbox.payload}->>'to' = ${email}`))
    const path = new URL(String(mail?.payload.acceptUrl)).pathname
    const accepted = await postForm(app, path, { name: 'Jo Iner', password: PASSWORD }, { ip: ips.next() })
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe('/login/second-factor/enrol')
    expect(sessionFrom(accepted)).toBeUndefined()
    const [account] = await fx.db.execute<{ id: string }>(
      sql`select id from app.users where email = ${email}`,
    )
    if (account) users.push({ id: account.id, email, role: 'team', companyId: null })
    expect(
      await fx.db
        .select()
        .from(sessions)
        .where(inArray(sessions.userId, [account?.id ?? ''])),
    ).toHaveLength(0)
    const page = await send(app, '/login/second-factor/enrol', {
      ip: ips.next(),
      cookie: pendingCookie(accepted),
    })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<h1>Set up two-step sign-in</h1>')
  }, 30_000)
})

describe('the nightly clean-up', () => {
  it('deletes pending sign-ins and passkey challenges that expired, and keeps live ones', async () => {
    const lee = await user('team')
    const past = new Date(Date.now() - 60_000)
    const future = new Date(Date.now() + 60_000)
    const row = (id: string, expiresAt: Date) => ({
      id,
      userId: lee.id,
      secretHash: new Uint8Array(32),
      step: 'verify' as const,
      expiresAt,
    })
    const ids = [`expired${fx.run}aaaaaaaa`, `live${fx.run}aaaaaaaaaaa`]
    await fx.db.insert(pendingSignIns).values([row(ids[0] as string, past), row(ids[1] as string, future)])
    const challenges = [`expired-${fx.run}`, `live-${fx.run}`]
    await fx.db.insert(webauthnChallenges).values([
      { challenge: challenges[0] as string, ceremony: 'authentication', expiresAt: past },
      { challenge: challenges[1] as string, ceremony: 'authentication', expiresAt: future },
    ])
    expect(await pruneExpiredPendingSignIns(fx.db)).toBeGreaterThanOrEqual(1)
    expect(await pruneExpiredChallenges(fx.db)).toBeGreaterThanOrEqual(1)
    const left = await fx.db
      .select({ id: pendingSignIns.id })
      .from(pendingSignIns)
      .where(inArray(pendingSignIns.id, ids))
    expect(left.map((r) => r.id)).toEqual([ids[1]])
    const leftChallenges = await fx.db
      .select({ challenge: webauthnChallenges.challenge })
      .from(webauthnChallenges)
      .where(inArray(webauthnChallenges.challenge, challenges))
    expect(leftChallenges.map((r) => r.challenge)).toEqual([challenges[1]])
    await fx.db.delete(webauthnChallenges).where(inArray(webauthnChallenges.challenge, challenges))
  })
})
