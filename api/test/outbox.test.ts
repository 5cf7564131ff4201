import { env } from 'cloudflare:workers'
import { createDb, outbox } from '@kairo/db'
import { inArray } from 'drizzle-orm'
import { afterAll, describe, expect, inject, it } from 'vitest'
import type { MailConfig } from '../src/mail/config.ts'
import { resendTransport } from '../src/mail/resend-transport.ts'
import { deliverOutbox } from '../src/outbox/deliver.ts'
import { MAIL_API_KEY } from './support/mail-api-server.ts'

// The outbox job against Postgres and a real HTTP transport (Resend's API shape, served locally by
// the global setup): delivery and secret removal, stable Message-IDs across attempts, backoff,
// dead-lettering, and two overlapping runs. Each test delivers only the rows it wrote.

const client = createDb(env.HYPERDRIVE.connectionString, { max: 4 })
const run = crypto.randomUUID().slice(0, 8)
const written: string[] = []
const apiUrl = inject('mailApiUrl')

const config: MailConfig = {
  transport: { kind: 'resend', apiKey: MAIL_API_KEY, apiUrl },
  from: { name: 'Kairo', email: 'hello@kairo.test' },
  leadsTo: { email: 'studio@kairo.test' },
  retryBaseMs: 30_000,
  maxAttempts: 3,
}

afterAll(async () => {
  if (written.length > 0) await client.db.delete(outbox).where(inArray(outbox.id, written))
  await client.close()
})

async function write(kind: string, payload: Record<string, unknown>): Promise<string> {
  const [row] = await client.db.insert(outbox).values({ kind, payload }).returning({ id: outbox.id })
  if (!row) throw new Error('test: outbox row not written')
  written.push(row.id)
  return row.id
}

const rowsOf = async (ids: string[]) => client.db.select().from(outbox).where(inArray(outbox.id, ids))

interface Received {
  idempotencyKey: string | null
  body: {
    to: string[]
    subject: string
    html: string
    text: string
    headers?: Record<string, string>
    reply_to?: string
  }
}

async function receivedFor(to: string): Promise<Received[]> {
  const all = (await (await fetch(`${apiUrl}/_received`)).json()) as Received[]
  return all.filter((request) => request.body.to.some((address) => address.includes(to)))
}

/**
 * "Now" for a run right after the rows were written. A row is due from the database's `now()`, kept
 * to the microsecond; a JavaScript date has milliseconds, so one taken in the same millisecond can
 * fall just before it and find the row not yet due. A second later is unambiguous.
 */
const dueNow = () => new Date(Date.now() + 1000)

const deliver = (ids: string[], now: Date) =>
  deliverOutbox(client.db, resendTransport(config.transport as never), { config, ids, now: () => now })

describe('deliverOutbox', () => {
  it('sends a reset e-mail once, with the link, a Message-ID from the row, and then removes the link', async () => {
    const to = `reset-${run}@example.test`
    const url = `https://studio.example/password-reset/abc.${run}secret`
    const id = await write('auth.password_reset', {
      to,
      name: 'Ada <Admin>',
      userId: 'u1',
      url,
      expiresAt: new Date().toISOString(),
    })
    expect(await deliver([id], dueNow())).toEqual({ sent: 1, failed: 0, dead: 0 })

    const [request] = await receivedFor(to)
    expect(request?.idempotencyKey).toBe(`outbox/${id}`)
    expect(request?.body.headers?.['Message-ID']).toBe(`<${id}@kairo.test>`)
    expect(request?.body.to).toEqual([`"Ada <Admin>" <${to}>`])
    expect(request?.body.subject).toBe('Reset your Kairo password')
    expect(request?.body.text).toContain(url)
    expect(request?.body.html).toContain(`href="${url}"`)
    // The name is the visitor's own text: escaped in the HTML.
    expect(request?.body.html).toContain('Hello Ada &lt;Admin&gt;,')
    expect(request?.body.html).toMatch(/^<!doctype html><html lang="en">/)

    const [row] = await rowsOf([id])
    expect(row?.sentAt).toBeInstanceOf(Date)
    expect(row?.payload).not.toHaveProperty('url')
    expect(row?.payload).toMatchObject({ to, userId: 'u1' })
    expect(JSON.stringify(row)).not.toContain(`${run}secret`)
    // Delivered means done: another run sends nothing.
    expect(await deliver([id], new Date(Date.now() + 86_400_000))).toEqual({ sent: 0, failed: 0, dead: 0 })
    expect(await receivedFor(to)).toHaveLength(1)
  })

  it('removes the accept link of a delivered invitation and sends a lead to the studio, replying to the visitor', async () => {
    const invited = `invited-${run}@example.test`
    const acceptUrl = `https://studio.example/invite/id.${run}invite`
    const invitation = await write('auth.invitation', {
      to: invited,
      role: 'client',
      companyName: 'Orbital',
      invitedBy: 'Ada',
      acceptUrl,
    })
    const lead = await write('lead.notification', {
      leadId: 'l1',
      name: `Vera ${run}`,
      email: `vera-${run}@example.test`,
      company: null,
      message: 'We need a site <script>alert(1)</script>',
      leadUrl: 'https://studio.example/dashboard/leads/l1',
    })
    expect(await deliver([invitation, lead], dueNow())).toEqual({ sent: 2, failed: 0, dead: 0 })
    const [invitationRow] = await rowsOf([invitation])
    expect(invitationRow?.payload).not.toHaveProperty('acceptUrl')
    expect(invitationRow?.payload).toMatchObject({ to: invited, companyName: 'Orbital' })

    const [notification] = await receivedFor('studio@kairo.test').then((all) =>
      all.filter((request) => request.body.subject.includes(run)),
    )
    expect(notification?.body.reply_to).toBe(`"Vera ${run}" <vera-${run}@example.test>`)
    expect(notification?.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(notification?.body.html).not.toContain('<script>')
    expect(notification?.body.text).toContain('https://studio.example/dashboard/leads/l1')
    const [leadRow] = await rowsOf([lead])
    // A lead's payload holds no secret: it stays whole.
    expect(leadRow?.payload).toHaveProperty('message')
  })

  it('backs off after each failure, keeps the same Message-ID, and marks the message dead after the last attempt', async () => {
    const to = `outage@${run}.example.test`
    const id = await write('auth.password_changed', { to, name: 'Ola' })
    const start = Date.parse('2030-01-01T00:00:00Z')
    // Attempt 1 fails: the next one is due 30 s later, not before.
    expect(await deliver([id], new Date(start))).toEqual({ sent: 0, failed: 1, dead: 0 })
    let [row] = await rowsOf([id])
    expect(row?.attempts).toBe(1)
    expect(row?.nextAttemptAt.getTime()).toBe(start + 30_000)
    expect(row?.lastError).toBe('resend: 503 Try again later')
    expect(await deliver([id], new Date(start + 29_000))).toEqual({ sent: 0, failed: 0, dead: 0 })
    // Attempt 2 fails: then 60 s.
    expect(await deliver([id], new Date(start + 30_000))).toEqual({ sent: 0, failed: 1, dead: 0 })
    ;[row] = await rowsOf([id])
    expect(row?.nextAttemptAt.getTime()).toBe(start + 30_000 + 60_000)
    // Attempt 3 of 3 fails: dead, and no later run picks it up.
    expect(await deliver([id], new Date(start + 90_000))).toEqual({ sent: 0, failed: 0, dead: 1 })
    ;[row] = await rowsOf([id])
    expect(row?.deadAt?.getTime()).toBe(start + 90_000)
    expect(row?.sentAt).toBeNull()
    expect(await deliver([id], new Date(start + 86_400_000))).toEqual({ sent: 0, failed: 0, dead: 0 })
    expect(row?.attempts).toBe(3)
  })

  it('marks a message dead at once when the API refuses it as invalid, or no template fits', async () => {
    const refused = await write('auth.email_changed', { to: `refused@${run}.example.test`, name: 'Rae' })
    const unknown = await write(`test.unknown.${run}`, { to: `x-${run}@example.test` })
    const incomplete = await write('auth.password_reset', { name: 'No address' })
    expect(await deliver([refused, unknown, incomplete], dueNow())).toEqual({ sent: 0, failed: 0, dead: 3 })
    const rows = await rowsOf([refused, unknown, incomplete])
    const reasons = Object.fromEntries(rows.map((row) => [row.id, row.lastError]))
    expect(reasons[refused]).toBe('resend: 422 The to address is invalid')
    expect(reasons[unknown]).toBe(`no template for the kind test.unknown.${run}`)
    expect(reasons[incomplete]).toBe('the auth.password_reset payload lacks a field its e-mail needs')
    expect(rows.every((row) => row.attempts === 1 && row.deadAt !== null)).toBe(true)
  })

  it('two overlapping runs send every message exactly once', async () => {
    const inserted = await client.db
      .insert(outbox)
      .values(
        Array.from({ length: 12 }, (_, n) => ({
          kind: 'auth.password_changed',
          payload: { to: `overlap-${n}-${run}@example.test` },
        })),
      )
      .returning({ id: outbox.id })
    const ids = inserted.map((row) => row.id)
    written.push(...ids)
    const now = dueNow()
    const transport = () => resendTransport(config.transport as never)
    const reports = await Promise.all([
      deliverOutbox(client.db, transport(), { config, ids, now: () => now, batchSize: 3 }),
      deliverOutbox(client.db, transport(), { config, ids, now: () => now, batchSize: 3 }),
    ])
    expect(reports[0].sent + reports[1].sent).toBe(12)
    const received = await receivedFor(`-${run}@example.test`)
    const keys = received.filter((r) => r.body.to[0]?.startsWith('overlap-')).map((r) => r.idempotencyKey)
    expect(keys.sort()).toEqual(ids.map((id) => `outbox/${id}`).sort())
    const rows = await rowsOf(ids)
    expect(rows.every((row) => row.sentAt !== null && row.attempts === 1)).toBe(true)
  })

  it('a run that died mid-send leaves its claim to expire, and the next run sends it with the same Message-ID', async () => {
    const to = `lease-${run}@example.test`
    const id = await write('auth.password_changed', { to, name: 'Lee' })
    // A second on: the row is due from the database's now() (microseconds), which can fall after a
    // Date.now() read in the same millisecond, and a claim "at" that instant then finds nothing due.
    const start = Date.now() + 1_000
    // A claim without an outcome: what a run that died after claiming leaves behind.
    const { claimDue } = await import('../src/outbox/deliver.ts')
    expect(
      await claimDue(client.db, { limit: 10, leaseMs: 300_000, now: new Date(start), ids: [id] }),
    ).toHaveLength(1)
    expect(await deliver([id], new Date(start + 60_000))).toEqual({ sent: 0, failed: 0, dead: 0 })
    expect(await deliver([id], new Date(start + 300_000))).toEqual({ sent: 1, failed: 0, dead: 0 })
    const [request] = await receivedFor(to)
    expect(request?.body.headers?.['Message-ID']).toBe(`<${id}@kairo.test>`)
    expect((await rowsOf([id]))[0]?.attempts).toBe(2)
  })
})
