import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { automations, notificationPreferences, notifications, outbox, projects, users } from '@kairo/db'
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import worker from '../src/index.ts'
import { composeMessage } from '../src/mail/compose.ts'
import { resendTransport } from '../src/mail/resend-transport.ts'
import { writeDigests } from '../src/notifications/digest.ts'
import { DIGEST_CRON } from '../src/notifications/digest-job.ts'
import { type NotificationEvent, notify } from '../src/notifications/index.ts'
import { verifyUnsubscribeToken } from '../src/notifications/unsubscribe-token.ts'
import { deliverOutbox } from '../src/outbox/deliver.ts'
import { MAIL_API_KEY } from './support/mail-api-server.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// `notify(tx, event)` against real Postgres: who is told of each event (never the actor, never a
// client for an internal note), which recipients get an outbox e-mail at once (immediate) and which
// not (digest, off), that a rollback takes everything back, the daily digest (one per user, once),
// and the composed e-mail's one-click unsubscribe headers.

const fx = new Fixtures()
const db = fx.db
const ORIGIN = 'https://studio.example'
const KEY = 'test-unsubscribe-key-of-at-least-32-characters'
let companyId: string
let otherCompanyId: string
let projectId: string
let admin: TestUser
let team: TestUser
let clientA: TestUser
let clientB: TestUser
let disabledClient: TestUser
let otherClient: TestUser
let mine: string[]

beforeAll(async () => {
  companyId = await fx.company('Notify Co')
  otherCompanyId = await fx.company('Other Notify Co')
  admin = await fx.user('admin', null, { name: 'Ada Admin' })
  team = await fx.user('team', null, { name: 'Tom Team' })
  clientA = await fx.user('client', companyId, { name: 'Cleo Client' })
  clientB = await fx.user('client', companyId, { name: 'Cato Client' })
  disabledClient = await fx.user('client', companyId)
  otherClient = await fx.user('client', otherCompanyId)
  await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabledClient.id))
  mine = [admin, team, clientA, clientB, disabledClient, otherClient].map((u) => u.id)
  const [project] = await db
    .insert(projects)
    .values({ companyId, name: 'Vela launch' })
    .returning({ id: projects.id })
  projectId = project?.id ?? ''
})

afterAll(async () => {
  await db.delete(outbox).where(inArray(sql`${outbox.payload} ->> 'userId'`, mine))
  await fx.cleanup()
})

const version = (kind: 'version_uploaded' | 'version_approved' | 'changes_requested', actorId: string) =>
  ({
    kind,
    companyId,
    projectId,
    deliverableTitle: 'Brand book',
    versionNumber: 2,
    actorId,
    excerpt: kind === 'changes_requested' ? 'Please make   the logo\nbigger.' : null,
    link: `/dashboard/projects/${projectId}`,
    origin: ORIGIN,
  }) satisfies NotificationEvent

/** Runs `notify` in a transaction of its own, as a feature's write would. */
const send = (event: NotificationEvent) => db.transaction((tx) => notify(tx, event))

/** The notification rows of this file's users, by user. */
async function notified(since: Date) {
  const rows = await db
    .select({
      userId: notifications.userId,
      kind: notifications.kind,
      title: notifications.title,
      emailedAt: notifications.emailedAt,
    })
    .from(notifications)
    .where(
      and(
        inArray(notifications.userId, mine),
        sql`${notifications.createdAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
  return rows
}

async function mailed(since: Date) {
  return db
    .select({ kind: outbox.kind, payload: outbox.payload })
    .from(outbox)
    .where(
      and(
        inArray(sql`${outbox.payload} ->> 'userId'`, mine),
        sql`${outbox.createdAt} >= ${since.toISOString()}::timestamptz`,
      ),
    )
}

const ids = (rows: { userId: string }[]) => rows.map((r) => r.userId).sort()
const sorted = (...list: TestUser[]) => list.map((u) => u.id).sort()

/** A moment before the next statement (Postgres's clock and the isolate's can differ a little). */
const mark = async () => {
  const [row] = await db.execute<{ now: string }>(sql`select now()::text as now`)
  return new Date(row?.now ?? Date.now())
}

describe('who is told', () => {
  it('tells the company’s active clients of a new version, not the uploader, other companies or disabled accounts', async () => {
    const since = await mark()
    const result = await send(version('version_uploaded', team.id))
    const rows = await notified(since)
    expect(ids(rows)).toEqual(sorted(clientA, clientB))
    expect(result).toEqual({ notified: 2, emailed: 2 })
    expect(rows[0]?.title).toBe('Tom Team uploaded version 2 of Brand book (Vela launch)')
  })

  it('tells the studio’s staff of an approval or a change request, never the client who made it', async () => {
    const since = await mark()
    await send(version('version_approved', clientA.id))
    await send(version('changes_requested', clientA.id))
    const rows = await notified(since)
    expect(ids(rows.filter((r) => r.kind === 'version_approved'))).toEqual(sorted(admin, team))
    expect(ids(rows.filter((r) => r.kind === 'changes_requested'))).toEqual(sorted(admin, team))
    expect(rows.find((r) => r.kind === 'version_approved')?.title).toBe(
      'Cleo Client approved version 2 of Brand book (Vela launch)',
    )
  })

  it('tells staff of a client’s comment, clients of a studio reply, and nobody of an internal note', async () => {
    const comment = (actorId: string, internal: boolean): NotificationEvent => ({
      ...version('version_uploaded', actorId),
      kind: 'comment_added',
      internal,
      excerpt: 'Looks good',
    })
    let since = await mark()
    await send(comment(clientA.id, false))
    expect(ids(await notified(since))).toEqual(sorted(admin, team))

    since = await mark()
    await send(comment(admin.id, false))
    expect(ids(await notified(since))).toEqual(sorted(clientA, clientB))

    since = await mark()
    expect(await send(comment(admin.id, true))).toEqual({ notified: 0, emailed: 0 })
    expect(await notified(since)).toEqual([])
  })

  it('tells the company’s clients and the automation’s owner of a failed run, once each', async () => {
    const [automation] = await db
      .insert(automations)
      .values({ companyId, ownerId: team.id, title: 'Nightly export', status: 'active' })
      .returning({ id: automations.id })
    const event: NotificationEvent = {
      kind: 'automation_failed',
      companyId,
      automationId: automation?.id ?? '',
      automationTitle: 'Nightly export',
      actorId: null,
      excerpt: 'The export timed out',
      link: `/dashboard/automations/${automation?.id}`,
      origin: ORIGIN,
    }
    const since = await mark()
    await send(event)
    const rows = await notified(since)
    expect(ids(rows)).toEqual(sorted(clientA, clientB, team))
    expect(rows[0]?.title).toBe('The automation Nightly export failed')
    // An owner who is one of the clients is told once.
    await db
      .update(automations)
      .set({ ownerId: clientA.id })
      .where(eq(automations.id, automation?.id ?? ''))
    const again = await mark()
    await send(event)
    expect(ids(await notified(again))).toEqual(sorted(clientA, clientB))
  })

  it('refuses a link that is not a dashboard path', async () => {
    await expect(
      send({ ...version('version_uploaded', team.id), link: 'https://evil.example/' }),
    ).rejects.toThrow(/dashboard path/)
  })

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const since = await mark()
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, version('version_uploaded', team.id))
        throw new Error('the upload failed after all')
      }),
    ).rejects.toThrow('the upload failed after all')
    expect(await notified(since)).toEqual([])
    expect(await mailed(since)).toEqual([])
  })
})

describe('e-mail by preference', () => {
  it('e-mails immediate recipients at once, leaves digest and off ones to the dashboard', async () => {
    await db.insert(notificationPreferences).values([
      { userId: clientB.id, kind: 'version_uploaded', delivery: 'digest' },
      { userId: admin.id, kind: 'changes_requested', delivery: 'off' },
    ])
    const since = await mark()
    expect(await send(version('version_uploaded', team.id))).toEqual({ notified: 2, emailed: 1 })
    await send(version('changes_requested', clientA.id))
    const rows = await notified(since)
    const outboxRows = await mailed(since)
    const emailedTo = outboxRows.map((r) => `${r.kind}:${r.payload.userId}`).sort()
    expect(emailedTo).toEqual(
      [`notification.version_uploaded:${clientA.id}`, `notification.changes_requested:${team.id}`].sort(),
    )
    // `emailed_at` says which were e-mailed; the digest's and the off one's stay null.
    const emailed = rows.filter((r) => r.emailedAt !== null).map((r) => `notification.${r.kind}:${r.userId}`)
    expect(emailed.sort()).toEqual(emailedTo)
    const payload = outboxRows.find((r) => r.kind === 'notification.changes_requested')?.payload
    expect(payload).toMatchObject({
      to: team.email,
      url: `${ORIGIN}/dashboard/projects/${projectId}`,
      excerpt: 'Please make the logo bigger.',
    })
  })

  it('composes an e-mail with the page link, a visible unsubscribe link and RFC 8058 headers', async () => {
    const since = await mark()
    await send(version('version_approved', clientA.id))
    const [row] = (await mailed(since)).filter((r) => r.payload.userId === team.id)
    if (!row) throw new Error('no outbox row for the team member')
    const composed = composeMessage(
      { id: crypto.randomUUID(), kind: row.kind, payload: row.payload },
      {
        from: { email: 'hello@studio.example' },
        leadsTo: { email: 'studio@studio.example' },
        unsubscribeKey: KEY,
      },
    )
    if (!composed.ok) throw new Error(composed.reason)
    const { headers, text, html, subject } = composed.message
    expect(subject).toBe('Version 2 of Brand book approved')
    expect(headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    const url = /^<(https:\/\/studio\.example\/unsubscribe\/([^>]+))>$/.exec(
      headers?.['List-Unsubscribe'] ?? '',
    )
    expect(url).not.toBeNull()
    expect(verifyUnsubscribeToken(KEY, url?.[2] ?? '')).toEqual({
      userId: team.id,
      scope: 'version_approved',
    })
    expect(text).toContain(`Unsubscribe from these e-mails:\n${url?.[1]}`)
    expect(text).toContain(`${ORIGIN}/dashboard/projects/${projectId}`)
    expect(html).toContain(`<a href="${url?.[1]}" style="color:#1d4ed8">Unsubscribe from these e-mails</a>`)
    // Without the key the e-mail cannot carry its unsubscribe link, so it is not sent at all.
    const keyless = composeMessage(
      { id: 'x', kind: row.kind, payload: row.payload },
      { from: { email: 'hello@studio.example' }, leadsTo: { email: 'studio@studio.example' } },
    )
    expect(keyless.ok).toBe(false)
  })

  it('sends the unsubscribe headers through the HTTP mail API (Resend’s request shape)', async () => {
    const since = await mark()
    await send(version('version_approved', clientA.id))
    const [row] = await db
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          sql`${outbox.payload} ->> 'userId' = ${admin.id}`,
          sql`${outbox.createdAt} >= ${since.toISOString()}::timestamptz`,
        ),
      )
    const apiUrl = inject('mailApiUrl')
    const config = {
      from: { email: 'hello@kairo.test' },
      leadsTo: { email: 'studio@kairo.test' },
      retryBaseMs: 30_000,
      maxAttempts: 3,
      unsubscribeKey: KEY,
    }
    const report = await deliverOutbox(
      db,
      resendTransport({ kind: 'resend', apiKey: MAIL_API_KEY, apiUrl }),
      {
        config,
        ids: [row?.id ?? ''],
        now: () => new Date(Date.now() + 1000),
      },
    )
    expect(report).toEqual({ sent: 1, failed: 0, dead: 0 })
    const received = (await (await fetch(`${apiUrl}/_received`)).json()) as {
      body: { to: string[]; headers?: Record<string, string> }
    }[]
    const request = received.find((r) => r.body.to.some((to) => to.includes(admin.email)))
    expect(request?.body.headers?.['List-Unsubscribe']).toMatch(
      /^<https:\/\/studio\.example\/unsubscribe\/[a-z2-7.]+>$/,
    )
    expect(request?.body.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(request?.body.headers?.['Message-ID']).toBe(`<${row?.id}@kairo.test>`)
  })
})

describe('the daily digest', () => {
  it('writes one e-mail per user listing their digest notifications, once, and never the off ones', async () => {
    const start = await mark()
    await db
      .insert(notificationPreferences)
      .values([
        { userId: clientA.id, kind: 'comment_added', delivery: 'digest' },
        { userId: clientA.id, kind: 'version_uploaded', delivery: 'digest' },
        { userId: clientB.id, kind: 'comment_added', delivery: 'off' },
      ])
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { delivery: sql`excluded.delivery` },
      })
    await send(version('version_uploaded', team.id))
    await send({
      ...version('version_uploaded', admin.id),
      kind: 'comment_added',
      internal: false,
      excerpt: 'Reply',
    })
    const since = await mark()
    const first = await writeDigests(db, ORIGIN)
    expect(first.digests).toBeGreaterThanOrEqual(2)
    const digests = (await mailed(since)).filter((r) => r.kind === 'notification.digest')
    // clientA: two kinds in one e-mail; clientB: version_uploaded (digest since the test above).
    expect(digests.map((r) => r.payload.userId).sort()).toEqual(sorted(clientA, clientB))
    const forA = digests.find((r) => r.payload.userId === clientA.id)?.payload
    const items = forA?.items as { kind: string; url: string }[]
    expect(items.map((i) => i.kind).sort()).toEqual(['comment_added', 'version_uploaded'])
    expect(items[0]?.url).toBe(`${ORIGIN}/dashboard/projects/${projectId}`)

    // Running it again sends nothing more: the listed notifications are marked e-mailed.
    const again = await mark()
    await writeDigests(db, ORIGIN)
    expect((await mailed(again)).filter((r) => r.kind === 'notification.digest')).toEqual([])
    // The off kind was never e-mailed, by digest or otherwise.
    const offRows = await db
      .select({ emailedAt: notifications.emailedAt })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, clientB.id),
          eq(notifications.kind, 'comment_added'),
          sql`${notifications.createdAt} >= ${start.toISOString()}::timestamptz`,
        ),
      )
    expect(offRows.length).toBeGreaterThan(0)
    expect(offRows.every((r) => r.emailedAt === null)).toBe(true)
  })

  it('composes the digest with every item and an unsubscribe for the digest', async () => {
    const [row] = await db
      .select({ kind: outbox.kind, payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.kind, 'notification.digest'), sql`${outbox.payload} ->> 'userId' = ${clientA.id}`))
      .orderBy(asc(outbox.createdAt))
    if (!row) throw new Error('no digest')
    const composed = composeMessage(
      { id: 'd1', kind: row.kind, payload: row.payload },
      {
        from: { email: 'hello@studio.example' },
        leadsTo: { email: 'studio@studio.example' },
        unsubscribeKey: KEY,
      },
    )
    if (!composed.ok) throw new Error(composed.reason)
    expect(composed.message.subject).toBe('Your Kairo digest: 2 updates')
    expect(composed.message.text).toContain('Tom Team uploaded version 2 of Brand book (Vela launch)')
    const token =
      /\/unsubscribe\/([^>]+)>/.exec(composed.message.headers?.['List-Unsubscribe'] ?? '')?.[1] ?? ''
    expect(verifyUnsubscribeToken(KEY, token)).toEqual({ userId: clientA.id, scope: 'digest' })
  })
})

describe('the digest cron', () => {
  it('runs on its own cron expression, with the local origin where PUBLIC_ORIGIN is unset', async () => {
    await db
      .insert(notificationPreferences)
      .values({ userId: team.id, kind: 'version_approved', delivery: 'digest' })
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { delivery: 'digest' },
      })
    await send(version('version_approved', clientA.id))
    const since = await mark()
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController({ cron: DIGEST_CRON }), env, ctx)
    await waitOnExecutionContext(ctx)
    const [digest] = (await mailed(since)).filter((r) => r.payload.userId === team.id)
    expect(digest?.kind).toBe('notification.digest')
    expect(digest?.payload.origin).toBe('http://localhost:8787')
  })
})
