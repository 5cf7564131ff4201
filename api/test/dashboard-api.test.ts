import { auditLog } from '@kairo/db'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestCountingQueries } from './support/count-queries.ts'
import {
  automationStatus,
  type CompanyWork,
  clearAutomationStateLimits,
  createTwoCompanies,
} from './support/dashboard-fixtures.ts'
import { awaitRoomInWindow } from './support/rate-limit-window.ts'
import { Fixtures, type TestUser } from './support/session.ts'

const ORIGIN = 'http://localhost'
const fixtures = new Fixtures()
let vega: CompanyWork
let rigel: CompanyWork
let client: TestUser
let clientCookie: string
let teamCookie: string

beforeAll(async () => {
  ;({ vega, rigel, client, clientCookie, teamCookie } = await createTwoCompanies(fixtures))
})

afterAll(async () => {
  await clearAutomationStateLimits(fixtures.db, client.id)
  await fixtures.cleanup()
})

const api = (path: string, init: RequestInit & { cookie?: string } = {}) =>
  requestCountingQueries(`${ORIGIN}/api/v1${path}`, {
    ...init,
    headers: { accept: 'application/json', cookie: init.cookie ?? clientCookie, ...init.headers },
  })

const postJson = (path: string, cookie = clientCookie) =>
  api(path, { method: 'POST', cookie, headers: { 'content-type': 'application/json' }, body: '{}' })

const statusOf = (id: string) => automationStatus(fixtures.db, id)

describe('/api/v1/projects', () => {
  it('lists the client’s projects in two round trips', async () => {
    const { response, queries } = await api('/projects')
    expect(response.status).toBe(200)
    const body = (await response.json()) as { projects: Array<Record<string, unknown>> }
    expect(body.projects.map((p) => p.name)).toEqual(['Vega launch site', 'Vega brand refresh'])
    expect(body.projects[0]).toMatchObject({
      id: vega.projectId,
      status: 'in_progress',
      companyName: 'Vega Corp',
      milestonesDone: 1,
      milestonesTotal: 3,
      nextMilestone: { title: 'Vega timeline review', dueAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    })
    expect(queries).toHaveLength(2)
  })

  it('returns one project with milestones and deliverables (with download paths)', async () => {
    const { response, queries } = await api(`/projects/${vega.projectId}`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown> & {
      milestones: Array<{ doneAt: string | null }>
      deliverables: Array<Record<string, unknown>>
    }
    expect(body.milestones.map((m) => m.doneAt === null)).toEqual([false, true, true])
    expect(body.deliverables[1]).toMatchObject({
      id: vega.deliverableId,
      title: 'Vega poster set',
      contentType: 'application/pdf',
      bytes: 2_400_000,
      downloadUrl: `/dashboard/projects/${vega.projectId}/files/${vega.deliverableId}`,
    })
    expect(queries).toHaveLength(2)
  })

  it('answers 422 with fields.id for a malformed id, before any data query', async () => {
    const { response, queries } = await api('/projects/not-a-uuid')
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({
      error: { code: 'invalid_input', message: expect.any(String), fields: { id: 'Must be a UUID' } },
    })
    expect(queries).toHaveLength(1)
  })

  it('answers 401 in the error shape when signed out', async () => {
    const response = await requestCountingQueries(`${ORIGIN}/api/v1/projects`, {
      headers: { accept: 'application/json' },
    })
    expect(response.response.status).toBe(401)
    expect(await response.response.json()).toEqual({
      error: { code: 'unauthorized', message: expect.any(String) },
    })
  })
})

describe('/api/v1/automations', () => {
  it('lists automations with state and last run', async () => {
    const { response, queries } = await api('/automations')
    const body = (await response.json()) as { automations: Array<Record<string, unknown>> }
    expect(body.automations.map((a) => a.status)).toEqual(['active', 'paused', 'draft'])
    expect(body.automations[0]).toMatchObject({
      id: vega.activeAutomationId,
      lastRun: { outcome: 'success', durationMs: 900, startedAt: expect.any(String) },
    })
    expect(queries).toHaveLength(2)
  })

  it('returns one automation with its flow and the latest 20 runs', async () => {
    const { response } = await api(`/automations/${vega.activeAutomationId}`)
    const body = (await response.json()) as { flow: { nodes: unknown[] }; runs: Array<{ message: string }> }
    expect(body.flow.nodes).toHaveLength(3)
    expect(body.runs).toHaveLength(20)
    expect(body.runs[0]?.message).toBe('Vega run 1')
  })

  it('pages runs by ?limit, validated', async () => {
    const { response, queries } = await api(`/automations/${vega.activeAutomationId}/runs?limit=25`)
    const body = (await response.json()) as { runs: Array<{ outcome: string; durationMs: number }> }
    expect(body.runs).toHaveLength(25)
    expect(body.runs[1]).toMatchObject({ outcome: 'failure', durationMs: 901 })
    expect(queries).toHaveLength(2)
    for (const limit of ['0', '101', 'many']) {
      const bad = await api(`/automations/${vega.activeAutomationId}/runs?limit=${limit}`)
      expect(bad.response.status).toBe(422)
      const error = (await bad.response.json()) as { error: { fields: Record<string, string> } }
      expect(Object.keys(error.error.fields)).toEqual(['limit'])
    }
  })

  it('pauses and resumes with an audit entry; a repeat is changed: false; a draft is 409', async () => {
    const id = vega.activeAutomationId
    const paused = await postJson(`/automations/${id}/pause`)
    expect(paused.response.status).toBe(200)
    expect(await paused.response.json()).toEqual({ id, status: 'paused', changed: true })
    const again = await postJson(`/automations/${id}/pause`)
    expect(await again.response.json()).toEqual({ id, status: 'paused', changed: false })
    const resumed = await postJson(`/automations/${id}/resume`)
    expect(await resumed.response.json()).toEqual({ id, status: 'active', changed: true })
    const entries = await fixtures.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.targetType, 'automation'), eq(auditLog.targetId, id)))
      .orderBy(auditLog.at)
    expect(entries.map((e) => e.action)).toEqual(['automation.paused', 'automation.resumed'])

    const draft = await postJson(`/automations/${vega.draftAutomationId}/resume`)
    expect(draft.response.status).toBe(409)
    expect(await draft.response.json()).toEqual({
      error: { code: 'invalid_state', message: expect.stringContaining('is a draft') },
    })
  })

  it('refuses a form content type with 415 and changes nothing', async () => {
    const id = vega.activeAutomationId
    const { response } = await api(`/automations/${id}/pause`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: '',
    })
    expect(response.status).toBe(415)
    expect(await statusOf(id)).toBe('active')
  })

  it('limits state changes per account (429 with Retry-After)', async () => {
    // A separate client of the same company, so the other tests' budget is untouched.
    const busy = await fixtures.user('client', client.companyId)
    const cookie = await fixtures.cookie(busy.id)
    try {
      // 32 requests: all in one of the limit's 10-minute windows.
      await awaitRoomInWindow(600, 30_000)
      const statuses: number[] = []
      for (let i = 0; i < 31; i++) {
        const { response } = await postJson(`/automations/${vega.pausedAutomationId}/pause`, cookie)
        statuses.push(response.status)
        await response.arrayBuffer()
      }
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true)
      expect(statuses[30]).toBe(429)
      const last = await postJson(`/automations/${vega.pausedAutomationId}/pause`, cookie)
      expect(Number(last.response.headers.get('retry-after'))).toBeGreaterThan(0)
    } finally {
      await clearAutomationStateLimits(fixtures.db, busy.id)
    }
  }, 60_000)

  it('lets the team see every company', async () => {
    const { response } = await api('/automations', { cookie: teamCookie })
    const body = (await response.json()) as { automations: Array<{ id: string }> }
    const ids = body.automations.map((a) => a.id)
    expect(ids).toContain(vega.activeAutomationId)
    expect(ids).toContain(rigel.activeAutomationId)
  })
})

describe('/api/v1/openapi.json', () => {
  it('describes the projects and automations endpoints', async () => {
    const { response } = await requestCountingQueries(`${ORIGIN}/api/v1/openapi.json`, {
      headers: { accept: 'application/json' },
    })
    const doc = (await response.json()) as { paths: Record<string, Record<string, unknown>> }
    for (const path of [
      '/projects',
      '/projects/{id}',
      '/automations',
      '/automations/{id}',
      '/automations/{id}/runs',
      '/automations/{id}/pause',
      '/automations/{id}/resume',
    ]) {
      expect(doc.paths[path], path).toBeDefined()
    }
    expect(Object.keys(doc.paths['/automations/{id}/pause'] ?? {})).toEqual(['post'])
  })
})
