import { auditLog, invitations } from '@kairo/db'
import { sha256 } from '@oslojs/crypto/sha2'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import {
  auditFor,
  cleanupDomain,
  countedPage,
  domainOf,
  FOREIGN,
  headings,
  invitationEmails,
  ORIGIN,
  send,
} from './team-support.ts'

// Invitations: staff invite an email address; the invitation row keeps only a hash of the link's
// secret, and the e-mail with the link goes to the outbox in the same transaction.

const fx = new Fixtures()
const db = fx.db
const domain = domainOf(fx)
let companyId: string
let admin: TestUser
let adminCookie: string
let team: TestUser
let teamCookie: string
let clientCookie: string
let existing: TestUser
const email = (local: string) => `${local}@${domain}`
const invitationsTo = (address: string) => db.select().from(invitations).where(eq(invitations.email, address))
// A trigger that makes the outbox insert fail for one address, to prove the transaction.
const failing = `test_fail_outbox_${fx.run}`

beforeAll(async () => {
  companyId = await fx.company('Invite Co')
  admin = await fx.user('admin', null, { name: 'Ada Admin' })
  team = await fx.user('team', null, { name: 'Tess Team' })
  existing = await fx.user('client', companyId)
  adminCookie = await fx.cookie(admin.id)
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(existing.id)
})

afterAll(async () => {
  await db.execute(
    sql.raw(`drop trigger if exists ${failing} on app.outbox; drop function if exists app.${failing}()`),
  )
  await cleanupDomain(db, fx)
  await fx.cleanup()
})

describe('inviting (form)', () => {
  it('shows the form: a team member picks a company, and sees no role field', async () => {
    const { response, queries } = await countedPage(
      `/dashboard/invitations/new?companyId=${companyId}`,
      teamCookie,
    )
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Invite someone'])
    expect(html).toContain(`<option value="${companyId}" selected="">Invite Co</option>`)
    expect(html).not.toContain('name="role"')
    const asAdmin = await (await send('/dashboard/invitations/new', { cookie: adminCookie })).text()
    expect(asAdmin).toContain('<option value="admin">Admin</option>')
  })

  it('stores the invitation with a hashed secret, an e-mail with the link, and an audit entry', async () => {
    const to = email('newcomer')
    const before = Date.now()
    const response = await send('/dashboard/invitations', {
      cookie: teamCookie,
      form: { email: `  NewComer@${domain.toUpperCase()} `, companyId },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard/invitations')
    const [row] = await invitationsTo(to)
    expect(row).toMatchObject({
      role: 'client',
      companyId,
      invitedById: team.id,
      acceptedAt: null,
      revokedAt: null,
    })
    const lifetime = (row?.expiresAt.getTime() ?? 0) - before
    expect(lifetime).toBeGreaterThan(7 * 86_400_000 - 60_000)
    expect(lifetime).toBeLessThanOrEqual(7 * 86_400_000 + 60_000)

    const [mail] = await invitationEmails(db, to)
    const link = new URL(String(mail?.payload.acceptUrl))
    expect(link.origin).toBe(ORIGIN)
    const [id, secret] = link.pathname.replace('/invite/', '').split('.')
    expect(id).toBe(row?.id)
    expect(secret).toMatch(/^[a-z2-7]{52}$/)
    // Only the SHA-256 of the secret is stored, never the secret.
    expect([...(row?.secretHash ?? [])]).toEqual([...sha256(new TextEncoder().encode(secret))])
    expect(JSON.stringify(row)).not.toContain(secret as string)
    expect(mail?.payload).toMatchObject({
      to,
      role: 'client',
      companyName: 'Invite Co',
      invitedBy: 'Tess Team',
    })

    const [entry] = await auditFor(db, row?.id ?? '')
    expect(entry).toMatchObject({
      action: 'invitation.created',
      actorId: team.id,
      companyId,
      details: { role: 'client' },
    })
    expect(JSON.stringify(entry)).not.toContain(secret as string)
  })

  it('lets an admin invite staff (no company); a team member may invite clients only', async () => {
    const staff = email('staff-by-admin')
    const ok = await send('/dashboard/invitations', {
      cookie: adminCookie,
      form: { email: staff, role: 'team', companyId },
    })
    expect(ok.status).toBe(303)
    expect((await invitationsTo(staff))[0]).toMatchObject({ role: 'team', companyId: null })

    const refused = email('staff-by-team')
    const response = await send('/dashboard/invitations', {
      cookie: teamCookie,
      form: { email: refused, role: 'admin' },
    })
    expect(response.status).toBe(422)
    expect(await response.text()).toContain('Only an admin can invite team members or admins')
    expect(await invitationsTo(refused)).toHaveLength(0)
  })

  it('gives per-field messages: no company, an unknown company, an existing account, a pending invitation', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ email: email('no-company') }, 'companyId', 'Choose the client&#39;s company'],
      [
        { email: email('ghost-company'), companyId: crypto.randomUUID() },
        'companyId',
        'Choose a company from the list',
      ],
      [
        { email: existing.email.toUpperCase(), companyId },
        'email',
        'An account with this email already exists',
      ],
      [{ email: email('newcomer'), companyId }, 'email', 'already has a pending invitation'],
      [{ email: 'not-an-email', companyId }, 'email', 'Enter an email address like name@example.com'],
    ]
    for (const [form, field, message] of cases) {
      const response = await send('/dashboard/invitations', { cookie: teamCookie, form })
      expect(response.status).toBe(422)
      const html = await response.text()
      expect(html).toContain(message)
      expect(html).toMatch(new RegExp(`id="invitation-${field}"[^>]*aria-invalid="true"`))
      expect(html).toContain(`href="#invitation-${field}"`)
    }
    expect(await invitationsTo(email('no-company'))).toHaveLength(0)
    expect(await invitationsTo(email('ghost-company'))).toHaveLength(0)
    expect(await invitationsTo(email('newcomer'))).toHaveLength(1)
  })

  it('writes nothing when the e-mail cannot be queued (one transaction)', async () => {
    const to = email('boom')
    await db.execute(
      sql.raw(`create function app.${failing}() returns trigger language plpgsql as $$
        begin
          if new.payload->>'to' = '${to}' then raise exception 'outbox unavailable'; end if;
          return new;
        end $$;
        create trigger ${failing} before insert on app.outbox for each row execute function app.${failing}()`),
    )
    const audits = () =>
      db
        .select()
        .from(auditLog)
        .where(sql`${auditLog.action} = 'invitation.created' and ${auditLog.actorId} = ${team.id}`)
    const auditsBefore = (await audits()).length
    try {
      const response = await send('/dashboard/invitations', {
        cookie: teamCookie,
        form: { email: to, companyId },
      })
      expect(response.status).toBe(500)
      expect(await response.text()).not.toContain('outbox unavailable')
    } finally {
      await db.execute(sql.raw(`drop trigger ${failing} on app.outbox; drop function app.${failing}()`))
    }
    expect(await invitationsTo(to)).toHaveLength(0)
    expect(await audits()).toHaveLength(auditsBefore)
    expect(await invitationEmails(db, to)).toHaveLength(0)
  })

  it('refuses a post from a foreign origin with 403 and invites no one', async () => {
    const to = email('csrf')
    const response = await send('/dashboard/invitations', {
      cookie: teamCookie,
      form: { email: to, companyId },
      origin: FOREIGN,
    })
    expect(response.status).toBe(403)
    expect(await invitationsTo(to)).toHaveLength(0)
  })
})

describe('the invitations list and revoking', () => {
  let pending: string
  let accepted: string
  let expired: string

  beforeAll(async () => {
    const insert = async (local: string, values: Partial<typeof invitations.$inferInsert>) => {
      const id = `${fx.run}${local}`.replace(/[^a-z2-7]/g, 'a').padEnd(20, 'a')
      await db.insert(invitations).values({
        id,
        email: email(local),
        role: 'client',
        companyId,
        secretHash: new Uint8Array(32),
        invitedById: team.id,
        expiresAt: new Date(Date.now() + 86_400_000),
        ...values,
      })
      return id
    }
    pending = await insert('listpending', {})
    accepted = await insert('listaccepted', { acceptedAt: new Date() })
    expired = await insert('listexpired', { expiresAt: new Date(Date.now() - 1000) })
  })

  it('shows each invitation with its state, in 2 round trips, and filters by state', async () => {
    const { response, queries } = await countedPage('/dashboard/invitations', teamCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Invitations'])
    const rowOf = (local: string) => html.match(new RegExp(`${email(local)}</th>[\\s\\S]*?</tr>`))?.[0] ?? ''
    expect(rowOf('listpending')).toContain('Pending')
    expect(rowOf('listpending')).toContain(`action="/dashboard/invitations/${pending}/revoke"`)
    expect(rowOf('listaccepted')).toContain('Accepted')
    expect(rowOf('listaccepted')).not.toContain('/revoke')
    expect(rowOf('listexpired')).toContain('Expired')
    expect(rowOf('listpending')).toContain('by Tess Team')

    const onlyExpired = await (
      await send('/dashboard/invitations?status=expired', { cookie: teamCookie })
    ).text()
    expect(onlyExpired).toContain(email('listexpired'))
    expect(onlyExpired).not.toContain(email('listpending'))
    expect(onlyExpired).not.toContain(email('listaccepted'))
  })

  it('revokes an open invitation (audited); an accepted one stays as it is', async () => {
    const response = await send(`/dashboard/invitations/${pending}/revoke`, { cookie: teamCookie, form: {} })
    expect(response.status).toBe(303)
    expect(
      (await db.select().from(invitations).where(eq(invitations.id, pending)))[0]?.revokedAt,
    ).toBeInstanceOf(Date)
    expect((await auditFor(db, pending))[0]).toMatchObject({ action: 'invitation.revoked', actorId: team.id })
    const html = await (await send('/dashboard/invitations?status=revoked', { cookie: teamCookie })).text()
    expect(html).toContain(email('listpending'))

    const again = await send(`/dashboard/invitations/${accepted}/revoke`, { cookie: teamCookie, form: {} })
    expect(again.status).toBe(303)
    expect(again.headers.get('set-cookie')).toMatch(/__Host-flash=error/)
    expect((await db.select().from(invitations).where(eq(invitations.id, accepted)))[0]?.revokedAt).toBeNull()
  })

  it('404s an unknown or malformed id, and refuses a foreign origin with 403', async () => {
    for (const id of ['abcdefghijklmnopqrstuvwxyz', 'NOT valid']) {
      expect(
        (
          await send(`/dashboard/invitations/${encodeURIComponent(id)}/revoke`, {
            cookie: teamCookie,
            form: {},
          })
        ).status,
      ).toBe(404)
    }
    const csrf = await send(`/dashboard/invitations/${expired}/revoke`, {
      cookie: teamCookie,
      form: {},
      origin: FOREIGN,
    })
    expect(csrf.status).toBe(403)
    expect((await db.select().from(invitations).where(eq(invitations.id, expired)))[0]?.revokedAt).toBeNull()
  })
})

describe('/api/v1/invitations', () => {
  it('creates (201, no link in the answer), lists, and revokes (200, then 409)', async () => {
    const to = email('api')
    const created = await send('/api/v1/invitations', { cookie: teamCookie, json: { email: to, companyId } })
    expect(created.status).toBe(201)
    const body = (await created.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      email: to,
      role: 'client',
      companyId,
      companyName: 'Invite Co',
      status: 'pending',
    })
    const [mail] = await invitationEmails(db, to)
    const secret = String(mail?.payload.acceptUrl).split('.').pop() as string
    expect(JSON.stringify(body)).not.toContain(secret)

    const list = await send('/api/v1/invitations?status=pending', { cookie: teamCookie, wantJson: true })
    const { items } = (await list.json()) as { items: Array<{ id: string; status: string }> }
    expect(items.find((i) => i.id === body.id)?.status).toBe('pending')

    const revoked = await send(`/api/v1/invitations/${body.id}`, {
      method: 'DELETE',
      cookie: teamCookie,
      wantJson: true,
    })
    expect(revoked.status).toBe(200)
    expect(await revoked.json()).toMatchObject({ id: body.id, status: 'revoked' })
    const again = await send(`/api/v1/invitations/${body.id}`, {
      method: 'DELETE',
      cookie: teamCookie,
      wantJson: true,
    })
    expect(again.status).toBe(409)
    const missing = await send('/api/v1/invitations/abcdefghijklmnopqrstuvwxyz', {
      method: 'DELETE',
      cookie: teamCookie,
      wantJson: true,
    })
    expect(missing.status).toBe(404)
  })

  it('answers field errors in the one error shape', async () => {
    const response = await send('/api/v1/invitations', {
      cookie: teamCookie,
      json: { email: email('api-staff'), role: 'team' },
    })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error: {
        code: 'invalid_input',
        message: 'Some fields need attention',
        fields: { role: 'Only an admin can invite team members or admins' },
      },
    })
    const malformed = await send('/api/v1/invitations', {
      cookie: teamCookie,
      json: { email: 'x', companyId: 'y' },
    })
    expect(malformed.status).toBe(422)
    const { error } = (await malformed.json()) as { error: { fields: Record<string, string> } }
    expect(Object.keys(error.fields).sort()).toEqual(['companyId', 'email'])
  })
})

describe('who may invite', () => {
  it('gives a client 404 on every invitations page, form and endpoint, inviting no one', async () => {
    const to = email('by-client')
    const answers = await Promise.all([
      send('/dashboard/invitations', { cookie: clientCookie }),
      send('/dashboard/invitations/new', { cookie: clientCookie }),
      send('/dashboard/invitations', { cookie: clientCookie, form: { email: to, companyId } }),
      send('/dashboard/invitations/abcdefghijklmnopqrstuvwxyz/revoke', { cookie: clientCookie, form: {} }),
      send('/api/v1/invitations', { cookie: clientCookie, wantJson: true }),
      send('/api/v1/invitations', { cookie: clientCookie, json: { email: to, companyId } }),
      send('/api/v1/invitations/abcdefghijklmnopqrstuvwxyz', {
        method: 'DELETE',
        cookie: clientCookie,
        wantJson: true,
      }),
    ])
    expect(answers.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404, 404])
    expect(await invitationsTo(to)).toHaveLength(0)
  })

  it('sends a signed-out browser to sign in and a signed-out API client a 401', async () => {
    expect((await send('/dashboard/invitations/new')).status).toBe(303)
    expect((await send('/api/v1/invitations', { json: { email: email('anon') } })).status).toBe(401)
  })
})
