import { auditLog, passkeys, webauthnChallenges } from '@kairo/db'
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server'
import { and, desc, eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { CHALLENGE_LIFETIME_MS } from '../src/auth/passkeys.ts'
import { cleanupAuthRows, ipPool, postForm, send, sendJson } from './auth-support.ts'
import { type CeremonyOptions, SoftwareAuthenticator } from './support/authenticator.ts'
import { giveTotp, sessionFrom } from './support/second-factor.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// Passkeys through the real app, with a software authenticator built in the test (an ES256 key from
// WebCrypto; attestation "none" and assertions encoded by hand): adding one from the profile, signing
// in with it (both factors at once), and everything the server must refuse: a replayed or expired
// challenge, another origin, no user verification, a counter that did not move forward, another
// user's handle. All of it runs in workerd, as @simplewebauthn/server does in production.

const fx = new Fixtures()
const ips = ipPool()
let owner: TestUser
let ownerCookie: string
const authenticator = new SoftwareAuthenticator()

const registrationOptions = async (cookie: string) => {
  const response = await sendJson(
    app,
    'POST',
    '/dashboard/profile/passkeys/options',
    {},
    { ip: ips.next(), cookie },
  )
  expect(response.status).toBe(200)
  return (await response.json()) as PublicKeyCredentialCreationOptionsJSON
}

const signInOptions = async () => {
  const response = await sendJson(app, 'POST', '/login/passkey/options', {}, { ip: ips.next() })
  expect(response.status).toBe(200)
  return (await response.json()) as PublicKeyCredentialRequestOptionsJSON
}

/** One sign-in with the authenticator, as the page's script posts it. */
async function signInWith(device: SoftwareAuthenticator, ceremony: CeremonyOptions = {}, next?: string) {
  const answer = await device.assert(await signInOptions(), ceremony)
  return postForm(
    app,
    '/login/passkey',
    { response: JSON.stringify(answer), ...(next ? { next } : {}) },
    { ip: ips.next() },
  )
}

const storedPasskey = async (id: string) =>
  (await fx.db.select().from(passkeys).where(eq(passkeys.id, id)))[0]

beforeAll(async () => {
  owner = await fx.user('team', null, { password: 'orbital-harbour-lantern' })
  await giveTotp(fx.db, owner.id)
  ownerCookie = await fx.cookie(owner.id)
}, 30_000)

afterAll(async () => {
  await cleanupAuthRows(fx.db, [owner.id], ips.prefix)
  // Refused passkeys name no account: their audit rows are found by this file's addresses.
  await fx.db.delete(auditLog).where(like(auditLog.ip, `${ips.prefix}%`))
  await fx.cleanup()
})

describe('adding a passkey', () => {
  it('verifies the attestation against a one-time challenge and stores the public key under a name', async () => {
    const options = await registrationOptions(ownerCookie)
    expect(options.rp).toEqual({ name: 'Kairo', id: 'localhost' })
    expect(options.user.name).toBe(owner.email)
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'required',
    })
    expect(options.attestation).toBe('none')

    const answer = await authenticator.register(options)
    const added = await postForm(
      app,
      '/dashboard/profile/passkeys',
      { name: 'Laptop', response: JSON.stringify(answer) },
      { ip: ips.next(), cookie: ownerCookie },
    )
    expect(added.status).toBe(303)
    expect(added.headers.get('location')).toBe('/dashboard/profile#second-factor')
    const row = await storedPasskey(authenticator.id)
    expect(row).toMatchObject({ userId: owner.id, name: 'Laptop', counter: 0, transports: ['internal'] })
    expect(row?.publicKey.length).toBeGreaterThan(60)
    const [entry] = await fx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, owner.id), eq(auditLog.action, 'auth.passkey_added')))
    expect(entry?.details).toEqual({ passkey: 'Laptop' })

    // The profile lists it, with a way to remove it.
    const profile = await (
      await send(app, '/dashboard/profile', { ip: ips.next(), cookie: ownerCookie })
    ).text()
    expect(profile).toContain('<th scope="row">Laptop</th>')
    expect(profile).toContain(`/dashboard/profile/passkeys/${authenticator.id}/remove`)

    // The same answer again: its challenge is used up.
    const replay = await postForm(
      app,
      '/dashboard/profile/passkeys',
      { name: 'Laptop again', response: JSON.stringify(answer) },
      { ip: ips.next(), cookie: ownerCookie },
    )
    expect(replay.status).toBe(422)
    expect(await replay.text()).toContain('The passkey could not be verified')
  }, 30_000)

  it('refuses another user’s challenge, another origin, no user verification, and a post without a passkey', async () => {
    const other = await fx.user('client', await fx.company())
    const otherCookie = await fx.cookie(other.id)
    const post = (response: unknown, cookie = ownerCookie) =>
      postForm(
        app,
        '/dashboard/profile/passkeys',
        { name: 'Phone', response: typeof response === 'string' ? response : JSON.stringify(response) },
        { ip: ips.next(), cookie },
      )
    // A challenge issued to someone else does not register a passkey here.
    const stolen = await new SoftwareAuthenticator().register(await registrationOptions(otherCookie))
    expect((await post(stolen)).status).toBe(422)
    const elsewhere = await new SoftwareAuthenticator().register(await registrationOptions(ownerCookie), {
      origin: 'https://evil.example',
    })
    expect((await post(elsewhere)).status).toBe(422)
    const unverified = await new SoftwareAuthenticator().register(await registrationOptions(ownerCookie), {
      userVerified: false,
    })
    expect((await post(unverified)).status).toBe(422)
    // Without script the browser sends no answer: the page says what is needed.
    const empty = await post('')
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Adding one needs JavaScript')
    const rows = await fx.db.select().from(passkeys).where(eq(passkeys.userId, owner.id))
    expect(rows).toHaveLength(1)
    // The options are JSON only (a cross-site form cannot ask for them without a preflight).
    const form = await postForm(
      app,
      '/dashboard/profile/passkeys/options',
      {},
      { ip: ips.next(), cookie: ownerCookie },
    )
    expect(form.status).toBe(415)
  }, 30_000)
})

describe('signing in with a passkey', () => {
  it('makes the session directly: the passkey is both factors', async () => {
    const response = await signInWith(authenticator, {}, '/dashboard/projects')
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard/projects')
    const cookie = sessionFrom(response)
    expect(cookie).toBeTruthy()
    expect((await send(app, '/dashboard', { ip: ips.next(), cookie })).status).toBe(200)
    const row = await storedPasskey(authenticator.id)
    expect(row?.counter).toBe(1)
    expect(row?.lastUsedAt).toBeInstanceOf(Date)
    const [entry] = await fx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, owner.id), eq(auditLog.action, 'auth.sign_in')))
      .orderBy(desc(auditLog.at))
    expect(entry?.details).toEqual({ method: 'passkey' })
  }, 30_000)

  it('refuses a replayed answer, an expired challenge, another origin, and no user verification', async () => {
    const options = await signInOptions()
    const answer = await authenticator.assert(options)
    const first = await postForm(
      app,
      '/login/passkey',
      { response: JSON.stringify(answer) },
      { ip: ips.next() },
    )
    expect(first.status).toBe(303)
    const replay = await postForm(
      app,
      '/login/passkey',
      { response: JSON.stringify(answer) },
      { ip: ips.next() },
    )
    expect(replay.status).toBe(401)
    expect(await replay.text()).toContain('That passkey could not be verified.')
    expect(sessionFrom(replay)).toBeUndefined()

    const stale = await signInOptions()
    await fx.db
      .update(webauthnChallenges)
      .set({ expiresAt: new Date(Date.now() - CHALLENGE_LIFETIME_MS) })
      .where(eq(webauthnChallenges.challenge, stale.challenge))
    const late = await postForm(
      app,
      '/login/passkey',
      { response: JSON.stringify(await authenticator.assert(stale)) },
      { ip: ips.next() },
    )
    expect(late.status).toBe(401)

    expect((await signInWith(authenticator, { origin: 'https://evil.example' })).status).toBe(401)
    expect((await signInWith(authenticator, { userVerified: false })).status).toBe(401)
  }, 30_000)

  it('refuses a counter that does not move forward (a cloned key), and another user’s handle', async () => {
    const before = (await storedPasskey(authenticator.id))?.counter ?? 0
    const cloned = await signInWith(authenticator, { counter: before })
    expect(cloned.status).toBe(401)
    const wrongHandle = await signInWith(authenticator, { userHandle: 'AAAAAAAAAAAAAAAAAAAAAA' })
    expect(wrongHandle.status).toBe(401)
    expect((await storedPasskey(authenticator.id))?.counter).toBe(before)
    // The next real use, with a higher counter, works and stores it.
    const real = await signInWith(authenticator, { counter: before + 5 })
    expect(real.status).toBe(303)
    expect((await storedPasskey(authenticator.id))?.counter).toBe(before + 5)
    const failures = await fx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.sign_in_failed'), like(auditLog.ip, `${ips.prefix}%`)))
    expect(failures.length).toBeGreaterThanOrEqual(2)
    expect(failures.every((row) => row.details.reason === 'passkey')).toBe(true)
  }, 30_000)

  it('refuses a passkey nobody registered', async () => {
    expect((await signInWith(new SoftwareAuthenticator())).status).toBe(401)
    expect((await postForm(app, '/login/passkey', { response: '{"id":1}' }, { ip: ips.next() })).status).toBe(
      401,
    )
  }, 30_000)
})

describe('removing a passkey', () => {
  it('needs the password; with the authenticator app still on, the passkey can go', async () => {
    const path = `/dashboard/profile/passkeys/${authenticator.id}/remove`
    const page = await send(app, path, { ip: ips.next(), cookie: ownerCookie })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Remove the passkey “Laptop”')
    const wrong = await postForm(
      app,
      path,
      { currentPassword: 'not it at all' },
      { ip: ips.next(), cookie: ownerCookie },
    )
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('Your password is not right')
    expect(await storedPasskey(authenticator.id)).toBeDefined()
    const removed = await postForm(
      app,
      path,
      { currentPassword: 'orbital-harbour-lantern' },
      { ip: ips.next(), cookie: ownerCookie },
    )
    // The authenticator app is still on, so the passkey is not the last factor.
    expect(removed.status).toBe(303)
    expect(await storedPasskey(authenticator.id)).toBeUndefined()
    expect((await signInWith(authenticator)).status).toBe(401)
    // Someone else's passkey id is not found.
    expect((await send(app, path, { ip: ips.next(), cookie: ownerCookie })).status).toBe(404)
  }, 30_000)

  it('is refused for the last factor of a role that must keep one', async () => {
    const lone = await fx.user('admin', null, { password: 'orbital-harbour-lantern' })
    const cookie = await fx.cookie(lone.id)
    const device = new SoftwareAuthenticator()
    const answer = await device.register(await registrationOptions(cookie))
    const added = await postForm(
      app,
      '/dashboard/profile/passkeys',
      { name: 'Key', response: JSON.stringify(answer) },
      { ip: ips.next(), cookie },
    )
    expect(added.status).toBe(303)
    const refused = await postForm(
      app,
      `/dashboard/profile/passkeys/${device.id}/remove`,
      { currentPassword: 'orbital-harbour-lantern' },
      { ip: ips.next(), cookie },
    )
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('Your role must keep a second factor')
    expect(await storedPasskey(device.id)).toBeDefined()
    await cleanupAuthRows(fx.db, [lone.id], ips.prefix)
  }, 30_000)
})
