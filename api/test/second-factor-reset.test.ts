import { outbox, passkeys, recoveryCodes, sessions, totpFactors } from '@kairo/db'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newRecoveryCodes, storeRecoveryCodes } from '../src/auth/recovery-codes.ts'
import { giveTotp } from './support/second-factor.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { auditFor, countedPage, FOREIGN, send } from './team-support.ts'

// An admin resets the second factor of someone who lost their phone and their codes: everything the
// account could prove itself with besides the password goes, with its sessions, and the person is told.

const fx = new Fixtures()
const db = fx.db
let admin: TestUser
let adminCookie: string
let teamCookie: string

const factorRows = async (userId: string) => ({
  totp: (await db.select().from(totpFactors).where(eq(totpFactors.userId, userId))).length,
  codes: (await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId))).length,
  passkeys: (await db.select().from(passkeys).where(eq(passkeys.userId, userId))).length,
  sessions: (await db.select().from(sessions).where(eq(sessions.userId, userId))).length,
})

/** A staff account with the app, ten recovery codes, a passkey and a live session. */
async function withFactors(): Promise<TestUser> {
  const user = await fx.user('team', null, { name: 'Pat Phoneless' })
  await giveTotp(db, user.id)
  await storeRecoveryCodes(db, user.id, newRecoveryCodes())
  await db.insert(passkeys).values({
    id: `pk-${crypto.randomUUID()}`,
    userId: user.id,
    name: 'Work laptop',
    publicKey: new Uint8Array([1, 2, 3]),
  })
  await fx.cookie(user.id)
  return user
}

const notices = (userId: string) =>
  db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, 'auth.second_factor_reset'), sql`${outbox.payload}->>'userId' = ${userId}`))

beforeAll(async () => {
  admin = await fx.user('admin', null, { name: 'Ada Admin' })
  adminCookie = await fx.cookie(admin.id)
  teamCookie = await fx.cookie((await fx.user('team', null)).id)
})

afterAll(async () => {
  await db.delete(outbox).where(eq(outbox.kind, 'auth.second_factor_reset'))
  await fx.cleanup()
})

describe('resetting a second factor from the user page (admin)', () => {
  it('shows the factors by name, without secrets, and the reset form, in 2 round trips', async () => {
    const user = await withFactors()
    const { response, queries } = await countedPage(`/dashboard/users/${user.id}`, adminCookie)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(html).toContain('Second factor')
    expect(html).toContain('10 recovery codes left')
    expect(html).toContain('Work laptop')
    expect(html).toContain(`action="/dashboard/users/${user.id}/second-factor/reset"`)
  })

  it('asks for the identity check first, and changes nothing without it', async () => {
    const user = await withFactors()
    const response = await send(`/dashboard/users/${user.id}/second-factor/reset`, {
      cookie: adminCookie,
      form: {},
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Tick the box once you have checked who is asking')
    expect(await factorRows(user.id)).toEqual({ totp: 1, codes: 10, passkeys: 1, sessions: 1 })
  })

  it('removes the app, the codes and the passkeys, signs the person out, tells them and audits', async () => {
    const user = await withFactors()
    const response = await send(`/dashboard/users/${user.id}/second-factor/reset`, {
      cookie: adminCookie,
      form: { confirmed: 'yes' },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/dashboard/users/${user.id}`)
    expect(await factorRows(user.id)).toEqual({ totp: 0, codes: 0, passkeys: 0, sessions: 0 })
    const [notice] = await notices(user.id)
    expect(notice?.payload).toMatchObject({ to: user.email, name: 'Pat Phoneless' })
    const [entry] = await auditFor(db, user.id)
    expect(entry?.action).toBe('auth.second_factor_reset')
    expect(entry?.actorId).toBe(admin.id)
    expect(entry?.details).toEqual({ totp: true, passkeys: 1, sessionsEnded: 1 })
    const page = await (await send(`/dashboard/users/${user.id}`, { cookie: adminCookie })).text()
    expect(page).toContain('Nothing to reset.')
  })

  it('refuses your own account and an account without a factor, with the reason', async () => {
    await giveTotp(db, admin.id)
    const own = await send(`/dashboard/users/${admin.id}/second-factor/reset`, {
      cookie: adminCookie,
      form: { confirmed: 'yes' },
    })
    expect(own.status).toBe(422)
    expect(await own.text()).toContain('You cannot reset your own second factor')
    expect((await db.select().from(totpFactors).where(eq(totpFactors.userId, admin.id))).length).toBe(1)
    const bare = await fx.user('client', await fx.company('Bare Co'))
    const none = await send(`/dashboard/users/${bare.id}/second-factor/reset`, {
      cookie: adminCookie,
      form: { confirmed: 'yes' },
    })
    expect(none.status).toBe(422)
    expect(await none.text()).toContain('This account has no second factor to reset')
    expect(await notices(bare.id)).toHaveLength(0)
  })

  it('is 404 for the team, and refused from a foreign origin', async () => {
    const user = await withFactors()
    const path = `/dashboard/users/${user.id}/second-factor/reset`
    expect((await send(path, { cookie: teamCookie, form: { confirmed: 'yes' } })).status).toBe(404)
    expect(
      (await send(path, { cookie: adminCookie, form: { confirmed: 'yes' }, origin: FOREIGN })).status,
    ).toBe(403)
    expect(await factorRows(user.id)).toEqual({ totp: 1, codes: 10, passkeys: 1, sessions: 1 })
  })
})

describe('POST /api/v1/users/{id}/second-factor/reset', () => {
  it('answers what was removed, 422 with the reason when refused, 404 for the team', async () => {
    const user = await withFactors()
    const path = `/api/v1/users/${user.id}/second-factor/reset`
    expect((await send(path, { method: 'POST', cookie: teamCookie, wantJson: true })).status).toBe(404)
    const done = await send(path, { method: 'POST', cookie: adminCookie, wantJson: true })
    expect(done.status).toBe(200)
    expect(await done.json()).toEqual({ totp: true, passkeys: 1, sessionsEnded: 1 })
    const again = await send(path, { method: 'POST', cookie: adminCookie, wantJson: true })
    expect(again.status).toBe(422)
    expect(await again.json()).toMatchObject({ error: { code: 'invalid_input' } })
  })
})
