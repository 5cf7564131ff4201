import { outbox, passwordResets } from '@kairo/db'
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { cleanupAuthRows, ipPool, postForm, send, sendJson } from './auth-support.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// A reset link mailed before a change of password or email address ends with that change, in the
// change's own transaction: one mailed before a password change cannot undo it, one mailed to an
// old address cannot take the account back. A change that fails leaves the links as they were.

const fx = new Fixtures()
const ips = ipPool()
const PASSWORD = 'orbital-harbour-lantern'
const people: TestUser[] = []

async function person(): Promise<TestUser> {
  const user = await fx.user('client', null, { password: PASSWORD, name: 'Lena Link' })
  people.push(user)
  return user
}

/** Asks for a link for `user` and returns the path of the newest one mailed. */
async function mailedLink(user: TestUser): Promise<string> {
  expect((await postForm(app, '/password-reset', { email: user.email }, { ip: ips.next() })).status).toBe(303)
  const [mail] = await fx.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.kind, 'auth.password_reset'), sql`${outbox.payload}->>'userId' = ${user.id}`))
    .orderBy(desc(outbox.createdAt))
    .limit(1)
  return new URL(String(mail?.payload.url)).pathname
}

const openLinks = (userId: string) =>
  fx.db
    .select()
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)))

/** The link page as its reader sees it: 200 while it works, 410 once it has ended. */
async function expectEnded(path: string) {
  const page = await send(app, path, { ip: ips.next() })
  expect(page.status).toBe(410)
  expect(await page.text()).toContain('a change of password or email address ends the links sent before it')
  const post = await postForm(app, path, { password: 'someone-elses-passphrase-9' }, { ip: ips.next() })
  expect(post.status).toBe(410)
}

afterAll(async () => {
  // The addresses they had when they asked for links (two of them moved since).
  await cleanupAuthRows(
    fx.db,
    people.map((u) => u.id),
    ips.prefix,
    people.map((u) => u.email),
  )
  await fx.cleanup()
})

describe('reset links end when the account changes', () => {
  it('on a password change in the profile, and the new password stands', async () => {
    const user = await person()
    const links = [await mailedLink(user), await mailedLink(user)]
    const cookie = await fx.cookie(user.id)
    const changed = await postForm(
      app,
      '/dashboard/profile/password',
      { currentPassword: PASSWORD, newPassword: 'velvet-quasar-harbour-17' },
      { ip: ips.next(), cookie },
    )
    expect(changed.status).toBe(303)
    expect(await openLinks(user.id)).toHaveLength(0)
    for (const path of links) await expectEnded(path)
    expect(
      (
        await postForm(
          app,
          '/login',
          { email: user.email, password: 'velvet-quasar-harbour-17' },
          { ip: ips.next() },
        )
      ).status,
    ).toBe(303)
  }, 60_000)

  it('on a password change through /api/v1/me/password', async () => {
    const user = await person()
    const path = await mailedLink(user)
    const changed = await sendJson(
      app,
      'POST',
      '/api/v1/me/password',
      { currentPassword: PASSWORD, newPassword: 'amber-lattice-comet-31' },
      { ip: ips.next(), cookie: await fx.cookie(user.id) },
    )
    expect(changed.status).toBe(200)
    await expectEnded(path)
  }, 60_000)

  it('on an email change, by form and by the API', async () => {
    const user = await person()
    const path = await mailedLink(user)
    const cookie = await fx.cookie(user.id)
    const moved = await postForm(
      app,
      '/dashboard/profile/email',
      { email: `moved-${fx.run}@run-${fx.run}.example`, currentPassword: PASSWORD },
      { ip: ips.next(), cookie },
    )
    expect(moved.status).toBe(303)
    await expectEnded(path)

    const second = await person()
    const secondPath = await mailedLink(second)
    const api = await sendJson(
      app,
      'PATCH',
      '/api/v1/me',
      { email: `moved-api-${fx.run}@run-${fx.run}.example`, currentPassword: PASSWORD },
      { ip: ips.next(), cookie: await fx.cookie(second.id) },
    )
    expect(api.status).toBe(200)
    await expectEnded(secondPath)
  }, 60_000)

  it('not when the change is refused: the links still work', async () => {
    const user = await person()
    const taken = await person()
    const path = await mailedLink(user)
    const cookie = await fx.cookie(user.id)
    // Another account's address: refused by the unique index inside the transaction, so nothing ends.
    const refused = await postForm(
      app,
      '/dashboard/profile/email',
      { email: taken.email, currentPassword: PASSWORD },
      { ip: ips.next(), cookie },
    )
    expect(refused.status).toBe(422)
    const wrong = await postForm(
      app,
      '/dashboard/profile/password',
      { currentPassword: 'not-my-password', newPassword: 'velvet-quasar-harbour-17' },
      { ip: ips.next(), cookie },
    )
    expect(wrong.status).toBe(422)
    expect(await openLinks(user.id)).toHaveLength(1)
    expect((await send(app, path, { ip: ips.next() })).status).toBe(200)
  }, 60_000)
})
