import { sessions, users } from '@kairo/db'
import { and, eq, isNull, ne } from 'drizzle-orm'
import { TransactionRollbackError } from 'drizzle-orm/errors'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { changeUserRole, setUserDisabled } from '../src/data/users.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { auditFor, countedPage, FOREIGN, headings, send } from './team-support.ts'

// Users: everyone on the staff sees the list; only an admin changes a role or disables an account.

const fx = new Fixtures()
const db = fx.db
let companyId: string
let admin: TestUser
let adminCookie: string
let team: TestUser
let teamCookie: string
let client: TestUser
let clientCookie: string

const roleOf = async (id: string) => (await db.select().from(users).where(eq(users.id, id)))[0]
const sessionCount = async (id: string) =>
  (await db.select().from(sessions).where(eq(sessions.userId, id))).length

beforeAll(async () => {
  companyId = await fx.company('Users Co')
  admin = await fx.user('admin', null, { name: 'Ada Admin' })
  team = await fx.user('team', null, { name: 'Tess Team' })
  client = await fx.user('client', companyId, { name: 'Cleo Client' })
  adminCookie = await fx.cookie(admin.id)
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)
})

afterAll(() => fx.cleanup())

describe('GET /dashboard/users', () => {
  it('lists staff and clients with role and company, read-only for the team, in 2 round trips', async () => {
    const { response, queries } = await countedPage('/dashboard/users', teamCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Users'])
    expect(html).toContain('Only an admin can change roles or disable accounts.')
    const row = html.match(new RegExp(`href="/dashboard/users/${client.id}"[\\s\\S]*?</tr>`))?.[0] ?? ''
    expect(row).toContain('Cleo Client')
    expect(row).toContain('<td>Client</td>')
    expect(row).toContain('<td>Users Co</td>')
    expect(row).toContain('Active')
  })

  it("shows an account's page; the forms only to an admin", async () => {
    const asTeam = await (await send(`/dashboard/users/${client.id}`, { cookie: teamCookie })).text()
    expect(headings(asTeam)).toEqual(['Cleo Client'])
    expect(asTeam).toContain(`href="/dashboard/companies/${companyId}"`)
    expect(asTeam).not.toContain(`action="/dashboard/users/${client.id}/role"`)
    const { response, queries } = await countedPage(`/dashboard/users/${client.id}`, adminCookie)
    expect(queries).toHaveLength(2)
    const asAdmin = await response.text()
    expect(asAdmin).toContain(`action="/dashboard/users/${client.id}/role"`)
    expect(asAdmin).toContain(`action="/dashboard/users/${client.id}/disable"`)
  })

  it('is 404 for an unknown or malformed id', async () => {
    for (const id of [crypto.randomUUID(), 'nobody']) {
      expect((await send(`/dashboard/users/${id}`, { cookie: adminCookie })).status).toBe(404)
    }
  })
})

describe('changing a role (admin)', () => {
  it('changes the role and audits user.role_changed with from/to', async () => {
    const someone = await fx.user('client', companyId)
    const response = await send(`/dashboard/users/${someone.id}/role`, {
      cookie: adminCookie,
      form: { role: 'team' },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/dashboard/users/${someone.id}`)
    expect((await roleOf(someone.id))?.role).toBe('team')
    const [entry] = await auditFor(db, someone.id)
    expect(entry).toMatchObject({
      action: 'user.role_changed',
      actorId: admin.id,
      companyId,
      details: { from: 'client', to: 'team' },
    })
  })

  it('refuses to make a client of an account without a company, with a clear message', async () => {
    const staff = await fx.user('team', null)
    const response = await send(`/dashboard/users/${staff.id}/role`, {
      cookie: adminCookie,
      form: { role: 'client' },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('A client must belong to a company')
    expect(html).toMatch(/id="user-role-role"[^>]*aria-invalid="true"/)
    expect((await roleOf(staff.id))?.role).toBe('team')
  })

  it('lets an admin step down while another enabled admin remains', async () => {
    const other = await fx.user('admin', null)
    const cookie = await fx.cookie(other.id)
    const response = await send(`/dashboard/users/${other.id}/role`, { cookie, form: { role: 'team' } })
    expect(response.status).toBe(303)
    expect((await roleOf(other.id))?.role).toBe('team')
  })

  it('never demotes or disables the last enabled admin (checked under a lock, in the data layer)', async () => {
    // Every other admin disabled inside a transaction that is rolled back: the rule sees a database
    // where `admin` is the last one, and no other test ever sees that state.
    const run = async (change: (tx: typeof db) => Promise<unknown>) => {
      let outcome: unknown
      await db
        .transaction(async (tx) => {
          await tx
            .update(users)
            .set({ disabledAt: new Date() })
            .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, admin.id)))
          outcome = await change(tx)
          tx.rollback()
        })
        .catch((error) => {
          if (!(error instanceof TransactionRollbackError)) throw error
        })
      return outcome
    }
    const noAudit = async () => {
      throw new Error('nothing may be audited')
    }
    expect(await run((tx) => changeUserRole(tx, { kind: 'all' }, admin.id, 'team', noAudit))).toEqual({
      ok: false,
      reason: 'last_admin',
    })
    expect(
      await run((tx) => setUserDisabled(tx, { kind: 'all' }, crypto.randomUUID(), admin.id, true, noAudit)),
    ).toEqual({
      ok: false,
      reason: 'last_admin',
    })
    expect((await roleOf(admin.id))?.role).toBe('admin')
  })

  it('refuses an unknown role with 422 and 404s an unknown user', async () => {
    const bad = await send(`/dashboard/users/${client.id}/role`, {
      cookie: adminCookie,
      form: { role: 'owner' },
    })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Choose a role')
    const missing = await send(`/dashboard/users/${crypto.randomUUID()}/role`, {
      cookie: adminCookie,
      form: { role: 'team' },
    })
    expect(missing.status).toBe(404)
  })
})

describe('disabling and enabling an account (admin)', () => {
  it('disables: every session ends at once, sign-in pages refuse it, audited with the count', async () => {
    const victim = await fx.user('client', companyId)
    const cookieA = await fx.cookie(victim.id)
    await fx.cookie(victim.id)
    expect((await send('/dashboard', { cookie: cookieA })).status).toBe(200)
    const response = await send(`/dashboard/users/${victim.id}/disable`, { cookie: adminCookie, form: {} })
    expect(response.status).toBe(303)
    expect((await roleOf(victim.id))?.disabledAt).toBeInstanceOf(Date)
    expect(await sessionCount(victim.id)).toBe(0)
    expect((await send('/dashboard', { cookie: cookieA })).status).toBe(303)
    const [entry] = await auditFor(db, victim.id)
    expect(entry).toMatchObject({ action: 'user.disabled', actorId: admin.id, details: { sessionsEnded: 2 } })
    const page = await (await send(`/dashboard/users/${victim.id}`, { cookie: adminCookie })).text()
    expect(page).toContain('Disabled')
    expect(page).toContain(`action="/dashboard/users/${victim.id}/enable"`)

    const enabled = await send(`/dashboard/users/${victim.id}/enable`, { cookie: adminCookie, form: {} })
    expect(enabled.status).toBe(303)
    expect((await roleOf(victim.id))?.disabledAt).toBeNull()
    expect((await auditFor(db, victim.id))[0]?.action).toBe('user.enabled')
  })

  it('refuses to let an admin disable their own account', async () => {
    const response = await send(`/dashboard/users/${admin.id}/disable`, { cookie: adminCookie, form: {} })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('You cannot disable your own account')
    expect((await roleOf(admin.id))?.disabledAt).toBeNull()
  })

  it('404s an unknown user', async () => {
    const response = await send(`/dashboard/users/${crypto.randomUUID()}/disable`, {
      cookie: adminCookie,
      form: {},
    })
    expect(response.status).toBe(404)
  })
})

describe('/api/v1/users', () => {
  it('lists for the team; PATCH changes a role or access for an admin', async () => {
    const list = await send('/api/v1/users', { cookie: teamCookie, wantJson: true })
    expect(list.status).toBe(200)
    const body = (await list.json()) as { items: Array<{ id: string }>; pageSize: number }
    expect(body.pageSize).toBe(50)
    const someone = await fx.user('client', companyId)
    await fx.cookie(someone.id)
    const patched = await send(`/api/v1/users/${someone.id}`, {
      method: 'PATCH',
      cookie: adminCookie,
      json: { role: 'team', disabled: true },
    })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject({ id: someone.id, role: 'team', companyName: 'Users Co' })
    const row = await roleOf(someone.id)
    expect(row?.role).toBe('team')
    expect(row?.disabledAt).toBeInstanceOf(Date)
    expect(await sessionCount(someone.id)).toBe(0)
    const actions = (await auditFor(db, someone.id)).map((e) => e.action).sort()
    expect(actions).toEqual(['user.disabled', 'user.role_changed'])
  })

  it('applies a PATCH all or nothing: a refused part undoes the other', async () => {
    const other = await fx.user('admin', null)
    const cookie = await fx.cookie(other.id)
    // Stepping down is allowed, disabling yourself is not: the role must stay.
    const response = await send(`/api/v1/users/${other.id}`, {
      method: 'PATCH',
      cookie,
      json: { role: 'team', disabled: true },
    })
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({
      error: {
        code: 'invalid_input',
        fields: { disabled: 'You cannot disable your own account; ask another admin' },
      },
    })
    expect((await roleOf(other.id))?.role).toBe('admin')
    expect(await auditFor(db, other.id)).toHaveLength(0)
  })

  it('answers 422 for an empty or malformed PATCH and 404 for an unknown user', async () => {
    const empty = await send(`/api/v1/users/${client.id}`, { method: 'PATCH', cookie: adminCookie, json: {} })
    expect(empty.status).toBe(422)
    const malformed = await send(`/api/v1/users/${client.id}`, {
      method: 'PATCH',
      cookie: adminCookie,
      json: { disabled: 'yes' },
    })
    expect(malformed.status).toBe(422)
    const missing = await send(`/api/v1/users/${crypto.randomUUID()}`, {
      method: 'PATCH',
      cookie: adminCookie,
      json: { role: 'team' },
    })
    expect(missing.status).toBe(404)
  })
})

describe('who may manage users', () => {
  it('gives the team 404 on every admin action, changing nothing', async () => {
    const answers = await Promise.all([
      send(`/dashboard/users/${client.id}/role`, { cookie: teamCookie, form: { role: 'admin' } }),
      send(`/dashboard/users/${client.id}/disable`, { cookie: teamCookie, form: {} }),
      send(`/dashboard/users/${client.id}/enable`, { cookie: teamCookie, form: {} }),
      send(`/api/v1/users/${client.id}`, { method: 'PATCH', cookie: teamCookie, json: { role: 'admin' } }),
      send(`/api/v1/users/${team.id}`, { method: 'PATCH', cookie: teamCookie, json: { role: 'admin' } }),
    ])
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404])
    expect(await roleOf(client.id)).toMatchObject({ role: 'client', disabledAt: null })
    expect((await roleOf(team.id))?.role).toBe('team')
  })

  it('gives a client 404 on every users page, form and endpoint', async () => {
    const answers = await Promise.all([
      send('/dashboard/users', { cookie: clientCookie }),
      send(`/dashboard/users/${client.id}`, { cookie: clientCookie }),
      send(`/dashboard/users/${client.id}/role`, { cookie: clientCookie, form: { role: 'admin' } }),
      send(`/dashboard/users/${client.id}/disable`, { cookie: clientCookie, form: {} }),
      send('/api/v1/users', { cookie: clientCookie, wantJson: true }),
      send(`/api/v1/users/${client.id}`, { method: 'PATCH', cookie: clientCookie, json: { role: 'admin' } }),
    ])
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404])
    expect((await roleOf(client.id))?.role).toBe('client')
  })

  it('refuses admin posts from a foreign origin with 403, changing nothing', async () => {
    const answers = await Promise.all([
      send(`/dashboard/users/${client.id}/role`, {
        cookie: adminCookie,
        form: { role: 'admin' },
        origin: FOREIGN,
      }),
      send(`/dashboard/users/${client.id}/disable`, { cookie: adminCookie, form: {}, origin: FOREIGN }),
    ])
    expect(answers.map((r) => r.status)).toEqual([403, 403])
    expect(await roleOf(client.id)).toMatchObject({ role: 'client', disabledAt: null })
  })
})
