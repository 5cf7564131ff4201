import { env } from 'cloudflare:workers'
import { auditLog, automations } from '@kairo/db'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inScope, NO_COMPANY, scopeOf } from '../src/data/scope.ts'
import { requestCountingQueries } from './support/count-queries.ts'
import { type CompanyWork, createCompanyWork } from './support/dashboard-fixtures.ts'
import { Fixtures, type TestUser } from './support/session.ts'

// Every dashboard and API route of projects and automations, probed by a client of one company with
// the other company's ids: each answers 404 (never data), and nothing of the other company changes.

const ORIGIN = 'http://localhost'
const fixtures = new Fixtures()
let mine: CompanyWork
let theirs: CompanyWork
let client: TestUser
let cookie: string
let orphanCookie: string

beforeAll(async () => {
  const mineId = await fixtures.company('Mine Co')
  const theirsId = await fixtures.company('Theirs Co')
  mine = await createCompanyWork(fixtures.db, mineId, 'Mine')
  theirs = await createCompanyWork(fixtures.db, theirsId, 'Theirs')
  client = await fixtures.user('client', mineId)
  cookie = await fixtures.cookie(client.id)
  // A client whose company is gone (the foreign key set it to null) sees nothing at all.
  orphanCookie = await fixtures.cookie((await fixtures.user('client', null)).id)
  await env.BUCKET.put(theirs.objectKey, 'their secret file', {
    httpMetadata: { contentType: 'application/pdf' },
  })
})

afterAll(async () => {
  await env.BUCKET.delete(theirs.objectKey)
  await fixtures.db.execute(
    sql`delete from app.rate_limits where key like ${`automation-state:${client.id}%`}`,
  )
  await fixtures.cleanup()
})

async function theirState() {
  const rows = await fixtures.db
    .select({ id: automations.id, status: automations.status, updatedAt: automations.updatedAt })
    .from(automations)
    .where(
      inArray(automations.id, [
        theirs.activeAutomationId,
        theirs.pausedAutomationId,
        theirs.draftAutomationId,
      ]),
    )
    .orderBy(automations.id)
  const audit = await fixtures.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, 'automation'),
        inArray(auditLog.targetId, [
          theirs.activeAutomationId,
          theirs.pausedAutomationId,
          theirs.draftAutomationId,
        ]),
      ),
    )
  return { rows, audit: audit.length }
}

function htmlProbes(w: CompanyWork): Array<[method: 'GET' | 'POST', path: string]> {
  return [
    ['GET', `/dashboard/projects/${w.projectId}`],
    ['GET', `/dashboard/projects/${w.otherProjectId}`],
    ['GET', `/dashboard/projects/${w.projectId}/files/${w.deliverableId}`],
    ['GET', `/dashboard/automations/${w.activeAutomationId}`],
    ['GET', `/dashboard/automations/${w.activeAutomationId}/pause`],
    ['GET', `/dashboard/automations/${w.pausedAutomationId}/resume`],
    ['POST', `/dashboard/automations/${w.activeAutomationId}/pause`],
    ['POST', `/dashboard/automations/${w.pausedAutomationId}/resume`],
  ]
}

function apiProbes(w: CompanyWork): Array<[method: 'GET' | 'POST', path: string]> {
  return [
    ['GET', `/api/v1/projects/${w.projectId}`],
    ['GET', `/api/v1/automations/${w.activeAutomationId}`],
    ['GET', `/api/v1/automations/${w.activeAutomationId}/runs`],
    ['POST', `/api/v1/automations/${w.activeAutomationId}/pause`],
    ['POST', `/api/v1/automations/${w.pausedAutomationId}/resume`],
  ]
}

function send(method: 'GET' | 'POST', path: string, withCookie: string, json: boolean) {
  const headers: Record<string, string> = { cookie: withCookie, origin: ORIGIN }
  if (json) headers.accept = 'application/json'
  if (method === 'POST')
    headers['content-type'] = json ? 'application/json' : 'application/x-www-form-urlencoded'
  return requestCountingQueries(`${ORIGIN}${path}`, {
    method,
    headers,
    body: method === 'POST' ? (json ? '{}' : '') : undefined,
  })
}

describe('another company’s ids', () => {
  it('answer 404 on every dashboard page and form, and change nothing', async () => {
    const before = await theirState()
    for (const [method, path] of htmlProbes(theirs)) {
      const { response } = await send(method, path, cookie, false)
      expect(response.status, `${method} ${path}`).toBe(404)
      const body = await response.text()
      expect(body, path).not.toMatch(/Theirs|their secret file/)
    }
    expect(await theirState()).toEqual(before)
  })

  it('answer 404 in the error shape on every API route, and change nothing', async () => {
    const before = await theirState()
    for (const [method, path] of apiProbes(theirs)) {
      const { response } = await send(method, path, cookie, true)
      expect(response.status, `${method} ${path}`).toBe(404)
      expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
    }
    expect(await theirState()).toEqual(before)
  })

  it('the same routes work with the client’s own ids (the probes are not simply broken)', async () => {
    for (const [method, path] of [
      ...htmlProbes(mine).filter(([, p]) => !p.includes('/files/')),
      ...apiProbes(mine),
    ]) {
      const { response } = await send(method, path, cookie, path.startsWith('/api/'))
      expect(response.status, `${method} ${path}`).toBe(
        method === 'POST' && !path.startsWith('/api/') ? 303 : 200,
      )
      await response.arrayBuffer()
    }
  })

  it('never appear in the client’s lists', async () => {
    for (const path of ['/dashboard', '/dashboard/projects', '/dashboard/automations']) {
      const html = await (await send('GET', path, cookie, false)).response.text()
      expect(html, path).toContain('Mine ')
      expect(html, path).not.toContain('Theirs')
    }
    for (const path of ['/api/v1/projects', '/api/v1/automations']) {
      const text = await (await send('GET', path, cookie, true)).response.text()
      expect(text, path).toContain('Mine ')
      expect(text, path).not.toContain('Theirs')
    }
  })
})

describe('a client without a company', () => {
  it('sees empty lists and 404s, never another company’s data', async () => {
    const html = await (await send('GET', '/dashboard', orphanCookie, false)).response.text()
    expect(html).toContain('No projects yet.')
    expect(html).toContain('No automations yet.')
    const api = (await (await send('GET', '/api/v1/projects', orphanCookie, true)).response.json()) as {
      projects: unknown[]
    }
    expect(api.projects).toEqual([])
    const { response } = await send('GET', `/dashboard/projects/${mine.projectId}`, orphanCookie, false)
    expect(response.status).toBe(404)
  })
})

describe('scopeOf / inScope', () => {
  it('gives staff every company and a client only its own (or none)', () => {
    expect(scopeOf({ role: 'admin', companyId: null })).toEqual({ kind: 'all' })
    expect(scopeOf({ role: 'team', companyId: null })).toEqual({ kind: 'all' })
    expect(scopeOf({ role: 'client', companyId: 'c1' })).toEqual({ kind: 'company', companyId: 'c1' })
    expect(scopeOf({ role: 'client', companyId: null })).toEqual({ kind: 'company', companyId: NO_COMPANY })
    expect(inScope({ kind: 'all' }, automations.companyId)).toBeUndefined()
    expect(inScope({ kind: 'company', companyId: 'c1' }, automations.companyId)).toBeDefined()
  })
})
