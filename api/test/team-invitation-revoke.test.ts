import { auditLog, invitations } from '@kairo/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import { cleanupDomain, domainOf, send } from './team-support.ts'

// Revoking an invitation follows the rule for sending one: an admin may revoke any, a team member
// only a client's. Before, a team member could revoke the admins' staff invitations (and then invite
// those people as clients), by the form or the API.

const fx = new Fixtures()
const db = fx.db
let companyId: string
let adminCookie: string
let teamCookie: string
let team: TestUser
let n = 0

beforeAll(async () => {
  companyId = await fx.company('Revoke Co')
  adminCookie = await fx.cookie((await fx.user('admin', null)).id)
  team = await fx.user('team', null)
  teamCookie = await fx.cookie(team.id)
})

afterAll(async () => {
  await cleanupDomain(db, fx)
  await fx.cleanup()
})

/** An invitation sent by the admin; its id. */
async function invite(role: 'admin' | 'team' | 'client'): Promise<string> {
  const email = `revoke-${role}-${++n}@${domainOf(fx)}`
  const form: Record<string, string> = { email, role, companyId }
  expect((await send('/dashboard/invitations', { cookie: adminCookie, form })).status).toBe(303)
  const [row] = await db.select().from(invitations).where(eq(invitations.email, email))
  return row?.id ?? ''
}

const stateOf = async (id: string) => (await db.select().from(invitations).where(eq(invitations.id, id)))[0]
const revocations = (id: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'invitation.revoked'), eq(auditLog.targetId, id)))

describe('revoking', () => {
  it('refuses a team member a staff invitation by form, changing nothing, and says why', async () => {
    for (const role of ['admin', 'team'] as const) {
      const id = await invite(role)
      const response = await send(`/dashboard/invitations/${id}/revoke`, { cookie: teamCookie, form: {} })
      expect(response.status).toBe(303)
      expect((await stateOf(id))?.revokedAt).toBeNull()
      expect(await revocations(id)).toHaveLength(0)
      const flash = response.headers
        .getSetCookie()
        .find((line) => line.startsWith('__Host-flash='))
        ?.split(';')[0]
      const page = await (await send('/dashboard/invitations', { cookie: `${teamCookie}; ${flash}` })).text()
      expect(page).toContain('Only an admin can revoke an invitation for a team member or admin.')
    }
  })

  it('refuses a team member a staff invitation by the API (403), changing nothing', async () => {
    const id = await invite('team')
    const response = await send(`/api/v1/invitations/${id}`, {
      method: 'DELETE',
      cookie: teamCookie,
      wantJson: true,
    })
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({
      error: {
        code: 'forbidden',
        message: 'Only an admin can revoke an invitation for a team member or admin',
      },
    })
    expect((await stateOf(id))?.revokedAt).toBeNull()
  })

  it("shows a team member no Revoke button on staff invitations, and one on clients'", async () => {
    const staff = await invite('admin')
    const client = await invite('client')
    const page = await (await send('/dashboard/invitations', { cookie: teamCookie })).text()
    expect(page).not.toContain(`action="/dashboard/invitations/${staff}/revoke"`)
    expect(page).toContain(`action="/dashboard/invitations/${client}/revoke"`)
    const asAdmin = await (await send('/dashboard/invitations', { cookie: adminCookie })).text()
    expect(asAdmin).toContain(`action="/dashboard/invitations/${staff}/revoke"`)
  })

  it("lets a team member revoke a client's, and an admin a staff one, by form and API", async () => {
    const client = await invite('client')
    expect(
      (await send(`/dashboard/invitations/${client}/revoke`, { cookie: teamCookie, form: {} })).status,
    ).toBe(303)
    expect((await stateOf(client))?.revokedAt).not.toBeNull()
    expect(await revocations(client)).toMatchObject([{ actorId: team.id }])

    const clientApi = await invite('client')
    const byTeam = await send(`/api/v1/invitations/${clientApi}`, {
      method: 'DELETE',
      cookie: teamCookie,
      wantJson: true,
    })
    expect(byTeam.status).toBe(200)

    const staff = await invite('team')
    expect(
      (await send(`/dashboard/invitations/${staff}/revoke`, { cookie: adminCookie, form: {} })).status,
    ).toBe(303)
    expect((await stateOf(staff))?.revokedAt).not.toBeNull()
    const staffApi = await invite('admin')
    const byAdmin = await send(`/api/v1/invitations/${staffApi}`, {
      method: 'DELETE',
      cookie: adminCookie,
      wantJson: true,
    })
    expect(byAdmin.status).toBe(200)
    expect(await byAdmin.json()).toMatchObject({ id: staffApi, status: 'revoked' })
  })
})
