import { env } from 'cloudflare:workers'
import { automations } from '@kairo/db'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorBody } from '../src/lib/errors.ts'
import { newWebhookKeyId } from '../src/webhooks/keys.ts'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../src/webhooks/signature.ts'
import { pooled } from './support/pooled-database.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import {
  failureEmails,
  failureNotifications,
  giveWebhook,
  removeEmails,
  report,
  reportedRuns,
  withWebhooks,
} from './support/webhooks.ts'

// `POST /api/hooks/automation-runs/<keyId>` in workerd against Postgres: signed reports store one run
// per engine execution, a failure notifies once, every refusal stores nothing (and the signature's
// refusals never reach the database), and a burst of twin reports stores each run once.

const fx = new Fixtures()
const db = fx.db
let companyId: string
let clientA: TestUser
let clientB: TestUser
let owner: TestUser
let activeId: string
let pausedId: string
let draftId: string
let activeKey: string
let pausedKey: string
let draftKey: string

interface Accepted {
  run: { id: string; outcome: string; duplicate: boolean }
}

beforeAll(async () => {
  companyId = await fx.company('Hook Co')
  clientA = await fx.user('client', companyId, { name: 'Cleo Client' })
  clientB = await fx.user('client', companyId, { name: 'Cato Client' })
  owner = await fx.user('team', null, { name: 'Otto Owner' })
  const rows = await db
    .insert(automations)
    .values([
      { companyId, ownerId: owner.id, title: 'Hook lead routing', status: 'active' },
      { companyId, ownerId: owner.id, title: 'Hook weekly digest', status: 'paused' },
      { companyId, ownerId: owner.id, title: 'Hook draft flow', status: 'draft' },
    ])
    .returning({ id: automations.id })
  ;[activeId, pausedId, draftId] = rows.map((row) => row.id) as [string, string, string]
  activeKey = await giveWebhook(db, activeId)
  pausedKey = await giveWebhook(db, pausedId)
  draftKey = await giveWebhook(db, draftId)
})

afterAll(async () => {
  await removeEmails(db, [clientA.id, clientB.id, owner.id])
  await fx.cleanup()
})

const iso = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString()

describe('a run reported started, then finished with a failure', () => {
  it('stores one run with outcome, duration and message, and notifies the clients and the owner once', async () => {
    const started = await report(activeKey, { runId: 'exec-1001', event: 'started', startedAt: iso(5) })
    expect(started.response.status).toBe(202)
    const first = (await started.response.json()) as Accepted
    expect(first.run).toMatchObject({ outcome: 'running', duplicate: false })
    // One statement: no transaction, no lookup before it.
    expect(started.queries).toHaveLength(1)

    const body = {
      runId: 'exec-1001',
      event: 'finished',
      outcome: 'failure',
      finishedAt: iso(0),
      message: 'The CRM answered 502 three times',
    }
    const finished = await report(activeKey, body)
    expect(finished.response.status).toBe(202)
    expect(await finished.response.json()).toEqual({
      run: { id: first.run.id, outcome: 'failure', duplicate: false },
    })
    // The write and the notification, in one transaction.
    const statements = finished.queries.filter((q) => !/^(begin|commit)\b/i.test(q.trim()))
    expect(statements).toHaveLength(2)

    const runs = await reportedRuns(db, activeId)
    expect(runs).toHaveLength(1)
    expect(runs[0]).toMatchObject({
      id: first.run.id,
      engineRunId: 'exec-1001',
      outcome: 'failure',
      message: 'The CRM answered 502 three times',
    })
    expect(runs[0]?.finishedAt).not.toBeNull()
    expect(runs[0]?.durationMs).toBeGreaterThanOrEqual(4_000)
    expect(runs[0]?.durationMs).toBeLessThanOrEqual(6_000)

    const told = await failureNotifications(db, activeId)
    expect(told.map((n) => n.userId).sort()).toEqual([clientA.id, clientB.id, owner.id].sort())
    expect(told[0]?.title).toBe('The automation Hook lead routing failed')
    const emails = await failureEmails(db, [clientA.id, clientB.id, owner.id])
    expect(emails).toHaveLength(3)

    // The engine retries the same report: a duplicate that tells nobody again.
    const again = await report(activeKey, body)
    expect(again.response.status).toBe(202)
    expect(await again.response.json()).toEqual({
      run: { id: first.run.id, outcome: 'failure', duplicate: true },
    })
    // A late "started" changes nothing either.
    const late = await report(activeKey, { runId: 'exec-1001', event: 'started' })
    expect(((await late.response.json()) as Accepted).run).toMatchObject({
      duplicate: true,
      outcome: 'failure',
    })
    expect(await failureNotifications(db, activeId)).toHaveLength(3)
    expect(await failureEmails(db, [clientA.id, clientB.id, owner.id])).toHaveLength(3)
    expect(await reportedRuns(db, activeId)).toHaveLength(1)
  })

  it('records a success in one round trip, and runs of a paused automation too', async () => {
    const success = await report(activeKey, { runId: 'exec-1002', event: 'finished', outcome: 'success' })
    expect(success.response.status).toBe(202)
    expect(((await success.response.json()) as Accepted).run).toMatchObject({
      outcome: 'success',
      duplicate: false,
    })
    expect(success.queries).toHaveLength(1)
    const stored = (await reportedRuns(db, activeId)).find((run) => run.engineRunId === 'exec-1002')
    // Reported only at its end without a start: finished, with no duration to claim.
    expect(stored).toMatchObject({ outcome: 'success', durationMs: null })

    const paused = await report(pausedKey, { runId: 'exec-2001', event: 'started' })
    expect(paused.response.status).toBe(202)
    expect(await reportedRuns(db, pausedId)).toHaveLength(1)
  })
})

describe('refused reports store nothing', () => {
  const started = { runId: 'exec-refused', event: 'started' }

  async function expectRefused(
    sent: Promise<{ response: Response; queries: string[] }>,
    status: number,
    code: string,
    options: { queries?: number } = {},
  ) {
    const { response, queries } = await sent
    expect(response.status).toBe(status)
    const body = (await response.json()) as ErrorBody
    expect(body.error.code).toBe(code)
    if (options.queries !== undefined) expect(queries).toHaveLength(options.queries)
    return body
  }

  it('answers 401 to a bad, missing or stale signature before any query, a session cookie or not', async () => {
    const now = Math.floor(Date.now() / 1000)
    const cookie = '__Host-session=someone.elses'
    await expectRefused(
      report(activeKey, started, { secret: 'not-the-secret', cookie }),
      401,
      'invalid_signature',
      {
        queries: 0,
      },
    )
    await expectRefused(
      report(activeKey, started, {
        headers: { [SIGNATURE_HEADER]: undefined, [TIMESTAMP_HEADER]: undefined },
      }),
      401,
      'invalid_signature',
      { queries: 0 },
    )
    await expectRefused(
      report(activeKey, started, { headers: { [SIGNATURE_HEADER]: undefined } }),
      401,
      'invalid_signature',
    )
    // Well outside the 300-second window, not at its edge: workerd's clock moves only with I/O, so the
    // test's reading and the Worker's can differ by a second or more on a loaded machine (a report
    // signed 301 s back was once accepted as 300 s old).
    const old = await expectRefused(
      report(activeKey, started, { timestamp: now - 330 }),
      401,
      'timestamp_outside_window',
      { queries: 0 },
    )
    expect(old.error.message).toMatch(/outside the 300-second window/)
    await expectRefused(
      report(activeKey, started, { timestamp: now + 330 }),
      401,
      'timestamp_outside_window',
      {
        queries: 0,
      },
    )
    // A signature over other bytes than those sent.
    const tampered = await report(activeKey, started, {
      headers: { [SIGNATURE_HEADER]: `v1=${'0'.repeat(64)}` },
    })
    expect(tampered.response.status).toBe(401)
  })

  it('answers 413 over 16 KB, 415 to a body that is not JSON, 400 to invalid JSON', async () => {
    const big = { ...started, message: 'x'.repeat(17 * 1024) }
    await expectRefused(report(activeKey, big), 413, 'payload_too_large', { queries: 0 })
    await expectRefused(
      report(activeKey, 'runId=exec-refused&event=started', {
        contentType: 'application/x-www-form-urlencoded',
      }),
      415,
      'unsupported_media_type',
      { queries: 0 },
    )
    await expectRefused(report(activeKey, '{"runId": '), 400, 'invalid_json', { queries: 0 })
  })

  it('answers 400 with a message per field', async () => {
    const body = await expectRefused(
      report(activeKey, { runId: '', event: 'ended', startedAt: 'yesterday', message: 'm'.repeat(1001) }),
      400,
      'invalid_input',
      { queries: 0 },
    )
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(['event', 'message', 'runId', 'startedAt'])
    expect(body.error.fields?.runId).toMatch(/empty/)
    const noOutcome = await expectRefused(
      report(activeKey, { runId: 'exec-refused', event: 'finished' }),
      400,
      'invalid_input',
    )
    expect(noOutcome.error.fields).toEqual({ outcome: 'A finished run needs an outcome' })
    const future = await expectRefused(
      report(activeKey, { ...started, startedAt: new Date(Date.now() + 3_600_000).toISOString() }),
      400,
      'invalid_input',
    )
    expect(future.error.fields?.startedAt).toMatch(/future/)
  })

  it('answers 404 to an unknown key id, 409 for a draft, 503 when webhooks are not configured', async () => {
    // Signed correctly for its own (derived) secret: only the database can say it is unknown.
    await expectRefused(report(newWebhookKeyId(), started), 404, 'not_found')
    await expectRefused(report('not-a-key', started), 404, 'not_found', { queries: 0 })
    await expectRefused(report(draftKey, started), 409, 'automation_draft')
    await expectRefused(report(activeKey, started, { bindings: env }), 503, 'webhooks_not_configured', {
      queries: 0,
    })
    expect(await reportedRuns(db, draftId)).toHaveLength(0)
  })

  it('left no run behind', async () => {
    const runs = await reportedRuns(db, activeId)
    expect(runs.map((run) => run.engineRunId)).not.toContain('exec-refused')
  })
})

describe('a burst of twin reports', () => {
  it('stores each of 100 runs once from 200 concurrent reports, with no errors', {
    timeout: 90_000,
  }, async () => {
    const burstCompany = await fx.company('Burst Co')
    const watcher = await fx.user('client', burstCompany, { name: 'Wanda Watcher' })
    const [burst] = await db
      .insert(automations)
      .values({ companyId: burstCompany, title: 'Burst sync', status: 'active' })
      .returning({ id: automations.id })
    const burstId = burst?.id ?? ''
    const key = await giveWebhook(db, burstId)
    // Per run id, two reports: both started (i % 3 = 0), started and finished (1), or the same
    // failure twice (2): the first two kinds are single statements, the last one transaction.
    const reports = Array.from({ length: 100 }, (_, i) => {
      const runId = `burst-${i}`
      if (i % 3 === 0)
        return [
          { runId, event: 'started' },
          { runId, event: 'started' },
        ]
      if (i % 3 === 1)
        return [
          { runId, event: 'started' },
          { runId, event: 'finished', outcome: 'success' },
        ]
      const failure = { runId, event: 'finished', outcome: 'failure', message: `run ${i} failed` }
      return [failure, failure]
    }).flat()
    // Shuffled, so twins race each other and the rest.
    for (let i = reports.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1))
      ;[reports[i], reports[j]] = [
        reports[j] as (typeof reports)[number],
        reports[i] as (typeof reports)[number],
      ]
    }
    // Through a pooler, as Hyperdrive reaches Postgres in production (test/support/pooled-database.ts).
    const bindings = pooled(withWebhooks)
    const answers = await Promise.all(reports.map((body) => report(key, body, { bindings })))
    const statuses = answers.map((answer) => answer.response.status)
    expect(statuses.filter((status) => status !== 202)).toEqual([])
    const accepted = await Promise.all(answers.map((answer) => answer.response.json() as Promise<Accepted>))

    const runs = await reportedRuns(db, burstId)
    expect(runs).toHaveLength(100)
    const byRunId = new Map(runs.map((run) => [run.engineRunId, run]))
    for (let i = 0; i < 100; i++) {
      const expected = i % 3 === 0 ? 'running' : i % 3 === 1 ? 'success' : 'failure'
      expect(byRunId.get(`burst-${i}`)?.outcome, `burst-${i}`).toBe(expected)
    }
    // Every answer names its stored run; identical twins: exactly one of the two was new.
    const ids = new Set(runs.map((run) => run.id))
    expect(accepted.every((answer) => ids.has(answer.run.id))).toBe(true)
    const fresh = accepted.filter((answer) => !answer.run.duplicate).length
    // Started twins and failure twins: one new each (67 runs); started+finished: one or two (33 runs).
    expect(fresh).toBeGreaterThanOrEqual(100)
    expect(fresh).toBeLessThanOrEqual(133)
    // Each failed run told its client once.
    const told = await failureNotifications(db, burstId)
    expect(told).toHaveLength(33)
    expect(new Set(told.map((n) => n.userId))).toEqual(new Set([watcher.id]))
    await removeEmails(db, [watcher.id])
  })
})
