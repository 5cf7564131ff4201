import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { auditLog, invitations, sessions, users } from '@kairo/db'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPassword } from '../src/auth/password.ts'
import { createApp } from '../src/lib/create-app.ts'
import { loadSession } from '../src/middleware/session/index.ts'
import { createInviteRoutes } from '../src/routes/invite/index.tsx'
import { Fixtures, type TestUser } from './support/session.ts'
import {
  acceptPath,
  cleanupDomain,
  domainOf,
  FOREIGN,
  headings,
  invitationEmails,
  ORIGIN,
  send,
} from './team-support.ts'

// Accepting an invitation: the link shows the invitation and a name + password form; a valid post
// creates the account and marks the invitation used in one transaction, then signs the person in.
// Expired, revoked, used and unknown links get a page that says so. Each valid post hashes a
// password (argon2id, about a second in workerd), so the file keeps those few.

const fx = new Fixtures()
const db = fx.db
const domain = domainOf(fx)
const PASSWORD = 'orbit lantern quietly 42'
let companyId: string
let teamCookie: string
let ipCounter = 0
const nextIp = () => `10.77.${fx.run.charCodeAt(0) % 250}.${++ipCounter}`
const failing = `test_fail_accept_${fx.run}`

/** Invites `local@domain` through the team's route and returns the link's path from the e-mail. */
async function invite(local: string, form: Record<string, string> = {}): Promise<string> {
  const email = `${local}@${domain}`
  const response = await send('/dashboard/invitations', {
    cookie: teamCookie,
    form: { email, companyId, ...form },
  })
  if (response.status !== 303) throw new Error(`test: invitation not created (${response.status})`)
  const [mail] = await invitationEmails(db, email)
  return acceptPath(mail?.payload ?? {})
}

const accept = (
  path: string,
  form: Record<string, string>,
  extra: { cookie?: string; origin?: string } = {},
) => send(path, { form, ip: nextIp(), ...extra })
const idOf = (path: string) => path.replace('/invite/', '').split('.')[0] as string
const invitationRow = async (path: string) =>
  (
    await db
      .select()
      .from(invitations)
      .where(eq(invitations.id, idOf(path)))
  )[0]
const usersWith = (email: string) => db.select().from(users).where(eq(users.email, email))

beforeAll(async () => {
  companyId = await fx.company('Accept Co')
  const team: TestUser = await fx.user('team', null)
  teamCookie = await fx.cookie(team.id)
})

afterAll(async () => {
  await db.execute(
    sql.raw(`drop trigger if exists ${failing} on app.audit_log; drop function if exists app.${failing}()`),
  )
  await cleanupDomain(db, fx)
  await fx.cleanup()
})

describe('GET /invite/<token>', () => {
  it('shows the invitation (email, company, role) and a labelled name + password form', async () => {
    const path = await invite('viewer')
    const response = await send(path)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const html = await response.text()
    expect(headings(html)).toEqual(['Join Accept Co on Kairo'])
    expect(html).toContain(`viewer@${domain}`)
    expect(html).toContain('<dd>Client</dd>')
    expect(html).toContain(`action="${path}"`)
    expect(html).toContain('<label for="invite-name">Your name</label>')
    expect(html).toMatch(/id="invite-password"[^>]*type="password"[^>]*autocomplete="new-password"/)
  })

  it('answers unknown, malformed and wrong-secret links with a 404 page, never a stack', async () => {
    const real = await invite('wrong-secret')
    const id = idOf(real)
    for (const path of [
      `/invite/${'a'.repeat(26)}.${'b'.repeat(52)}`,
      '/invite/not-a-token',
      `/invite/${id}.${'c'.repeat(52)}`,
    ]) {
      const response = await send(path)
      expect(response.status).toBe(404)
      const html = await response.text()
      expect(headings(html)).toEqual(['This invitation link does not work'])
      expect(html).not.toMatch(/at .*\.ts:\d+/)
    }
  })

  it('answers expired and revoked links with a 410 page that says which', async () => {
    const expired = await invite('expired')
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, idOf(expired)))
    const revoked = await invite('revoked')
    expect(
      (await send(`/dashboard/invitations/${idOf(revoked)}/revoke`, { cookie: teamCookie, form: {} })).status,
    ).toBe(303)
    for (const [path, title] of [
      [expired, 'This invitation has expired'],
      [revoked, 'This invitation was withdrawn'],
    ] as const) {
      const page = await send(path)
      expect(page.status).toBe(410)
      expect(headings(await page.text())).toEqual([title])
      const post = await accept(path, { name: 'Late Larry', password: PASSWORD })
      expect(post.status).toBe(410)
    }
    expect(await usersWith(`expired@${domain}`)).toHaveLength(0)
    expect(await usersWith(`revoked@${domain}`)).toHaveLength(0)
  })
})

describe('POST /invite/<token>', () => {
  it('creates the account, uses up the invitation, signs the person in, and works only once', async () => {
    const path = await invite('newcomer')
    // A session the browser already had (someone else's) is ended, not carried over.
    const other = await fx.user('client', companyId)
    const oldCookie = await fx.cookie(other.id)
    const response = await accept(
      path,
      { name: '  Nia Newcomer ', password: PASSWORD },
      { cookie: oldCookie },
    )
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('/dashboard')
    const setCookie = response.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/__Host-session=[a-z2-7]+\.[a-z2-7]+;/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/Secure/)

    const [user] = await usersWith(`newcomer@${domain}`)
    expect(user).toMatchObject({ name: 'Nia Newcomer', role: 'client', companyId, disabledAt: null })
    expect(await verifyPassword(user?.passwordHash ?? '', PASSWORD)).toBe(true)
    expect((await invitationRow(path))?.acceptedAt).toBeInstanceOf(Date)
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.targetId, idOf(path)))
      .orderBy(sql`${auditLog.at} desc`)
    expect(entry).toMatchObject({ action: 'invitation.accepted', actorId: user?.id, companyId })
    expect(await db.select().from(sessions).where(eq(sessions.userId, other.id))).toHaveLength(0)

    const cookie = setCookie.match(/(__Host-session=[^;]+)/)?.[1] as string
    const dashboard = await send('/dashboard', { cookie })
    expect(dashboard.status).toBe(200)
    expect(await dashboard.text()).toContain('Nia Newcomer')

    const again = await send(path)
    expect(again.status).toBe(410)
    expect(headings(await again.text())).toEqual(['This invitation has already been used'])
    const repost = await accept(path, { name: 'Someone Else', password: PASSWORD })
    expect(repost.status).toBe(410)
    expect(await usersWith(`newcomer@${domain}`)).toHaveLength(1)
  })

  it('refuses a weak password or a missing name with 422, keeping the name, creating nothing', async () => {
    const path = await invite('weak')
    const response = await accept(path, { name: 'Wendy Weak', password: 'password1' })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('too easy to guess')
    expect(html).toMatch(/id="invite-password"[^>]*aria-invalid="true"/)
    expect(html).toContain('value="Wendy Weak"')
    expect(html).not.toContain('password1')
    const empty = await accept(path, { name: '', password: 'short' })
    expect(empty.status).toBe(422)
    const text = await empty.text()
    expect(text).toContain('Enter your name')
    expect(text).toContain('Use at least 8 characters')
    expect(await usersWith(`weak@${domain}`)).toHaveLength(0)
    expect((await invitationRow(path))?.acceptedAt).toBeNull()
  })

  it('answers 409 when the email got an account since, and leaves the invitation open', async () => {
    const path = await invite('taken')
    await db
      .insert(users)
      .values({ email: `Taken@${domain}`, name: 'Already Here', passwordHash: '$unusable$' })
    const response = await accept(path, { name: 'Tom Taken', password: PASSWORD })
    expect(response.status).toBe(409)
    expect(headings(await response.text())).toEqual(['You already have an account'])
    expect((await invitationRow(path))?.acceptedAt).toBeNull()
  })

  it('leaves neither a user nor a used invitation when the transaction fails midway', async () => {
    const path = await invite('midway')
    const id = idOf(path)
    await db.execute(
      sql.raw(`create function app.${failing}() returns trigger language plpgsql as $$
        begin
          if new.target_id = '${id}' and new.action = 'invitation.accepted' then raise exception 'audit unavailable'; end if;
          return new;
        end $$;
        create trigger ${failing} before insert on app.audit_log for each row execute function app.${failing}()`),
    )
    try {
      const response = await accept(path, { name: 'Mid Way', password: PASSWORD })
      expect(response.status).toBe(500)
      expect(response.headers.get('set-cookie') ?? '').not.toContain('__Host-session=')
    } finally {
      await db.execute(sql.raw(`drop trigger ${failing} on app.audit_log; drop function app.${failing}()`))
    }
    expect(await usersWith(`midway@${domain}`)).toHaveLength(0)
    expect((await invitationRow(path))?.acceptedAt).toBeNull()
    // With the fault gone, the same link still works.
    expect((await accept(path, { name: 'Mid Way', password: PASSWORD })).status).toBe(303)
  })

  it('creates one account when the same link is posted twice at once', async () => {
    const path = await invite('twice')
    const answers = await Promise.all([
      accept(path, { name: 'Twin One', password: PASSWORD }),
      accept(path, { name: 'Twin Two', password: PASSWORD }),
    ])
    expect(answers.map((r) => r.status).sort()).toEqual([303, 410])
    expect(await usersWith(`twice@${domain}`)).toHaveLength(1)
  })

  it('refuses a post from a foreign origin with 403 and creates nothing', async () => {
    const path = await invite('csrf')
    const response = await accept(path, { name: 'Eve', password: PASSWORD }, { origin: FOREIGN })
    expect(response.status).toBe(403)
    expect(await usersWith(`csrf@${domain}`)).toHaveLength(0)
  })

  it('limits posts per IP with 429 and Retry-After, before any lookup or hash', async () => {
    const limited = createApp()
      .use(loadSession())
      .route('/', createInviteRoutes({ rateLimit: { limit: 2, windowSeconds: 600 } }))
    const ip = nextIp()
    const statuses: number[] = []
    let last: Response | undefined
    for (let i = 0; i < 3; i++) {
      const ctx = createExecutionContext()
      last = await limited.request(
        `${ORIGIN}/invite/${'a'.repeat(26)}.${'b'.repeat(52)}`,
        {
          method: 'POST',
          headers: { origin: ORIGIN, 'cf-connecting-ip': ip, accept: 'text/html' },
          body: new URLSearchParams({ name: 'Bot', password: PASSWORD }),
        },
        env,
        ctx,
      )
      await waitOnExecutionContext(ctx)
      statuses.push(last.status)
    }
    expect(statuses).toEqual([404, 404, 429])
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0)
    await db.execute(sql`delete from app.rate_limits where key = ${`invite:ip:${ip}`}`)
  })
})

describe('staff invitations', () => {
  it('signs a new team member in with no company', async () => {
    const adminUser = await fx.user('admin', null)
    const adminCookie = await fx.cookie(adminUser.id)
    const email = `staffer@${domain}`
    expect(
      (await send('/dashboard/invitations', { cookie: adminCookie, form: { email, role: 'team' } })).status,
    ).toBe(303)
    const [mail] = await invitationEmails(db, email)
    const path = acceptPath(mail?.payload ?? {})
    expect(headings(await (await send(path)).text())).toEqual(['Join the Kairo studio team'])
    expect((await accept(path, { name: 'Sam Staffer', password: PASSWORD })).status).toBe(303)
    expect((await usersWith(email))[0]).toMatchObject({ role: 'team', companyId: null })
  })
})
