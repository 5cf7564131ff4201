import { env } from 'cloudflare:workers'
import { requestMetrics } from '@kairo/db'
import { and, gte, lt } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { runOpsAlerts } from '../src/ops/alerts.ts'
import { PostgresMetricsBuffer } from '../src/ops/record.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import { MAIL_API_KEY } from './support/mail-api-server.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// The operations alerts (src/ops/alerts.ts), as the every-minute cron runs them: over 5 % errors in
// the last 5 minutes (with at least 20 requests), a p95 over 1 s, or the database out of reach open
// an incident and mail the admins once; 10 quiet minutes close it with a "resolved" mail. The
// request figures are written at minutes far in the future and each run is told that "now", so the
// windows hold exactly this test's requests. Mail goes to the local stand-in for Resend's API.

const fx = new Fixtures()
const db = fx.db
const apiUrl = inject('mailApiUrl')
let admin: TestUser
let disabledAdmin: TestUser

/** 2098-03-10 09:00 UTC: no real request is recorded there. */
const T0 = Date.parse('2098-03-10T09:00:00.000Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000)

const mailing = {
  ...env,
  MAIL_TRANSPORT: 'resend',
  MAIL_FROM: 'Kairo <ops@kairo.test>',
  MAIL_LEADS_TO: 'studio@kairo.test',
  RESEND_API_KEY: MAIL_API_KEY,
  RESEND_API_URL: apiUrl,
  PUBLIC_ORIGIN: 'https://studio.example',
} as Cloudflare.Env

beforeAll(async () => {
  admin = await fx.user('admin', null)
  disabledAdmin = await fx.user('admin', null)
  await fx.client.sql`update app.users set disabled_at = now() where id = ${disabledAdmin.id}`
  await env.OPS_STATE.delete('ops:incident')
})

afterAll(async () => {
  await db
    .delete(requestMetrics)
    .where(and(gte(requestMetrics.minute, at(-120)), lt(requestMetrics.minute, at(24 * 60))))
  await env.OPS_STATE.delete('ops:incident')
  await fx.cleanup()
})

/** `count` requests at minute `minute`, `failed` of them 5xx, `slow` of them taking 1.5 s. */
async function traffic(minute: number, count: number, { failed = 0, slow = 0 } = {}) {
  const buffer = new PostgresMetricsBuffer()
  for (let i = 0; i < count; i++) {
    buffer.record({
      at: at(minute).getTime() + i,
      route: '/dashboard',
      method: 'GET',
      statusClass: i < failed ? 5 : 2,
      durationMs: i >= count - slow ? 1_500 : 30,
      dbFailure: false,
    })
  }
  await buffer.flush(env.HYPERDRIVE.connectionString)
}

interface Received {
  idempotencyKey: string | null
  body: { to: string[]; subject: string; text: string }
}

/** The alert e-mails the admin `to` has received (subjects only). */
async function mailTo(to: string): Promise<string[]> {
  const all = (await (await fetch(`${apiUrl}/_received`)).json()) as Received[]
  return all.filter((m) => m.body.to.some((address) => address.includes(to))).map((m) => m.body.subject)
}

describe('ops alerts', () => {
  it('stays quiet under the minimum number of requests, however many failed', async () => {
    await traffic(-60, 10, { failed: 5 })
    const report = await runOpsAlerts(mailing, { now: at(-59) })
    expect(report).toMatchObject({ action: 'none', conditions: [] })
    expect(report.window).toMatchObject({ requests: 10, errors: 5 })
    expect(await mailTo(admin.email)).toEqual([])
  })

  it('mails the active admins once when the error rate passes 5 %, and once more when it is over', async () => {
    await traffic(0, 30, { failed: 6 })
    await traffic(1, 30, { failed: 6 })
    const opened = await runOpsAlerts(mailing, { now: at(1) })
    expect(opened).toMatchObject({ action: 'opened', conditions: ['error_rate'] })
    expect(opened.mailed).toBeGreaterThanOrEqual(1)
    // Still failing a minute later: the same incident, no second e-mail.
    expect(await runOpsAlerts(mailing, { now: at(2) })).toMatchObject({ action: 'ongoing', mailed: 0 })
    // Quiet, but not for 10 minutes yet.
    expect(await runOpsAlerts(mailing, { now: at(9) })).toMatchObject({ action: 'ongoing', conditions: [] })
    expect(await mailTo(admin.email)).toEqual(['Kairo alert: error rate'])
    expect(await mailTo(disabledAdmin.email)).toEqual([])
    const resolved = await runOpsAlerts(mailing, { now: at(12) })
    expect(resolved).toMatchObject({ action: 'resolved' })
    expect(await mailTo(admin.email)).toEqual(['Kairo alert: error rate', 'Kairo resolved: error rate'])
    expect(await runOpsAlerts(mailing, { now: at(13) })).toMatchObject({ action: 'none', mailed: 0 })
  })

  it('opens an incident when the p95 passes 1 s, and says so with a link to the view', async () => {
    await traffic(60, 40, { slow: 4 })
    const report = await runOpsAlerts(mailing, { now: at(61) })
    expect(report).toMatchObject({ action: 'opened', conditions: ['latency'] })
    expect(report.window).toMatchObject({ requests: 40, errors: 0, p95Ms: 2_500 })
    const all = (await (await fetch(`${apiUrl}/_received`)).json()) as Received[]
    const mail = all.filter((m) => m.body.to.some((a) => a.includes(admin.email))).at(-1)
    expect(mail?.body.subject).toBe('Kairo alert: slow answers')
    expect(mail?.body.text).toContain('The 95th percentile latency of the last 5 minutes is up to 2500 ms')
    expect(mail?.body.text).toContain('https://studio.example/dashboard/ops')
    expect(await runOpsAlerts(mailing, { now: at(72) })).toMatchObject({ action: 'resolved' })
  })

  it('tells the admins when the database cannot be reached, from addresses kept outside it', async () => {
    const down = { ...mailing, HYPERDRIVE: env.HYPERDRIVE_DOWN } as Cloudflare.Env
    const before = (await mailTo(admin.email)).length
    const opened = await runOpsAlerts(down, { now: at(120) })
    expect(opened).toMatchObject({ action: 'opened', conditions: ['database'], window: null })
    expect(await runOpsAlerts(down, { now: at(121) })).toMatchObject({ action: 'ongoing', mailed: 0 })
    // Back up: the incident stays open until 10 minutes without trouble.
    expect(await runOpsAlerts(mailing, { now: at(126) })).toMatchObject({ action: 'ongoing', conditions: [] })
    expect(await runOpsAlerts(mailing, { now: at(131) })).toMatchObject({ action: 'resolved' })
    expect((await mailTo(admin.email)).slice(before)).toEqual([
      'Kairo alert: database unreachable',
      'Kairo resolved: database unreachable',
    ])
  })

  it('shows the open incident in the operations view', async () => {
    await traffic(180, 30, { failed: 10 })
    await runOpsAlerts(mailing, { now: at(181) })
    const cookie = await fx.cookie(admin.id)
    const { response } = await requestCountingQueries('http://kairo.test/dashboard/ops', {
      headers: { cookie, accept: 'text/html' },
    })
    const html = await response.text()
    expect(html).toContain('Open incident')
    expect(html).toContain('error rate')
    await runOpsAlerts(mailing, { now: at(192) })
  })
})
