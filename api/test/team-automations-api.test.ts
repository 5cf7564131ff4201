import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { automations } from '@kairo/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import type { ErrorBody } from '../src/lib/errors.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { auditFor, ORIGIN, send } from './team-support.ts'

// The studio's automation writes in `/api/v1`: create for a company, change the fields, replace the
// flow. The same rules and messages as the forms (keyed by JSON path), the same audit entries, 409
// for a stale version, JSON only, and 404 for clients before their body is read.

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let teamCookie: string
let clientCookie: string
let companyId: string
let automationId: string

beforeAll(async () => {
  companyId = await fx.company('Draco Data')
  team = await fx.user('team', null, { name: 'Tim Team' })
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie((await fx.user('client', companyId)).id)
})

afterAll(() => fx.cleanup())

const api = (path: string, method: string, json: unknown, cookie = teamCookie) =>
  send(`/api/v1${path}`, { method, json, cookie })

interface Record {
  id: string
  title: string
  status: string
  ownerId: string | null
  flow: { nodes: Array<{ id: string }>; edges: unknown[] }
  version: string
  flowVersion: string
  changed: unknown
}

const flow = {
  nodes: [
    { id: 'hook', type: 'trigger', label: 'Order paid' },
    { id: 'invoice', type: 'action', label: 'Create the invoice' },
  ],
  edges: [{ from: 'hook', to: 'invoice' }],
}

describe('POST /api/v1/companies/{id}/automations', () => {
  it('creates a draft with a first flow, audited, and GET shows it with its versions', async () => {
    const response = await api(`/companies/${companyId}/automations`, 'POST', {
      title: 'Draco invoicing',
      ownerId: team.id,
      flow,
    })
    expect(response.status).toBe(201)
    const body = (await response.json()) as Record
    automationId = body.id
    expect(body).toMatchObject({
      title: 'Draco invoicing',
      status: 'draft',
      ownerId: team.id,
      description: '',
      flow,
    })
    const [entry] = await auditFor(db, automationId)
    expect(entry).toMatchObject({ action: 'automation.created', actorId: team.id, details: { steps: 2 } })
    const read = (await (
      await send(`/api/v1/automations/${automationId}`, { cookie: teamCookie, wantJson: true })
    ).json()) as Record
    expect(read).toMatchObject({
      companyId,
      ownerId: team.id,
      version: body.version,
      flowVersion: body.flowVersion,
    })
  })

  it('refuses bad fields and a bad first flow with one message per field', async () => {
    const response = await api(`/companies/${companyId}/automations`, 'POST', {
      title: '',
      status: 'running',
      flow: { nodes: [{ id: 'a', type: 'action', label: 'A' }], edges: [{ from: 'a', to: 'a' }] },
    })
    expect(response.status).toBe(422)
    const body = (await response.json()) as ErrorBody
    expect(body.error.fields).toEqual({
      title: "Enter the automation's title",
      status: 'Choose a state: draft, active or paused',
    })
    const loop = await api(`/companies/${companyId}/automations`, 'POST', {
      title: 'Loop',
      flow: { nodes: [{ id: 'a', type: 'action', label: 'A' }], edges: [{ from: 'a', to: 'a' }] },
    })
    expect(loop.status).toBe(422)
    expect(((await loop.json()) as ErrorBody).error.fields).toEqual({
      'flow.edges.0.to': 'A step cannot lead to itself',
    })
    expect(
      (await api(`/companies/${crypto.randomUUID()}/automations`, 'POST', { title: 'Nowhere' })).status,
    ).toBe(404)
    expect(await db.select().from(automations).where(eq(automations.companyId, companyId))).toHaveLength(1)
  })
})

describe('PATCH /api/v1/automations/{id}', () => {
  it('changes the fields given, audited, and answers which changed', async () => {
    const response = await api(`/automations/${automationId}`, 'PATCH', { status: 'active', ownerId: null })
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record
    expect(body).toMatchObject({ status: 'active', ownerId: null, changed: ['status', 'ownerId'] })
    const [entry] = await auditFor(db, automationId)
    expect(entry).toMatchObject({
      action: 'automation.updated',
      details: { fields: 'status,ownerId', from: 'draft', to: 'active' },
    })
  })

  it('is 409 stale_version with an old version, and applies with the current one', async () => {
    const current = (await (
      await send(`/api/v1/automations/${automationId}`, { cookie: teamCookie, wantJson: true })
    ).json()) as Record
    await api(`/automations/${automationId}`, 'PATCH', { description: 'Changed by someone else' })
    const stale = await api(`/automations/${automationId}`, 'PATCH', {
      title: 'Mine',
      version: current.version,
    })
    expect(stale.status).toBe(409)
    expect(((await stale.json()) as ErrorBody).error.code).toBe('stale_version')
    const [row] = await db.select().from(automations).where(eq(automations.id, automationId))
    expect(row?.title).toBe('Draco invoicing')
    const fresh = (await (
      await send(`/api/v1/automations/${automationId}`, { cookie: teamCookie, wantJson: true })
    ).json()) as Record
    const ok = await api(`/automations/${automationId}`, 'PATCH', { title: 'Mine', version: fresh.version })
    expect(ok.status).toBe(200)
  })

  it('refuses an owner who is not in the studio, and bad values, field by field', async () => {
    const client = await fx.user('client', companyId)
    const response = await api(`/automations/${automationId}`, 'PATCH', { ownerId: client.id })
    expect(response.status).toBe(422)
    expect(((await response.json()) as ErrorBody).error.fields).toEqual({
      ownerId: 'Choose someone from the studio, or nobody',
    })
    const bad = await api(`/automations/${automationId}`, 'PATCH', { title: 'x'.repeat(121), ownerId: 'me' })
    expect(bad.status).toBe(422)
    expect(Object.keys(((await bad.json()) as ErrorBody).error.fields ?? {}).sort()).toEqual([
      'ownerId',
      'title',
    ])
  })
})

describe('PUT /api/v1/automations/{id}/flow', () => {
  it('replaces the flow, audited, and says when nothing changed', async () => {
    const next = {
      nodes: [...flow.nodes, { id: 'mail', type: 'action', label: 'E-mail the client' }],
      edges: [...flow.edges, { from: 'invoice', to: 'mail' }],
    }
    const response = await api(`/automations/${automationId}/flow`, 'PUT', next)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record
    expect(body).toMatchObject({ flow: next, changed: true })
    const [entry] = await auditFor(db, automationId)
    expect(entry).toMatchObject({
      action: 'automation.flow_changed',
      details: { change: 'replaced', steps: 3, connections: 2 },
    })
    const again = await api(`/automations/${automationId}/flow`, 'PUT', {
      ...next,
      version: body.flowVersion,
    })
    expect(((await again.json()) as Record).changed).toBe(false)
    // The page's diagram draws the new step.
    const html = await (await send(`/dashboard/automations/${automationId}`, { cookie: clientCookie })).text()
    expect(html).toContain('<li>Action: Create the invoice; then “E-mail the client”.</li>')
  })

  it('refuses a broken flow with a message per path, and stores nothing', async () => {
    const before = (await db.select().from(automations).where(eq(automations.id, automationId)))[0]?.flow
    const response = await api(`/automations/${automationId}/flow`, 'PUT', {
      nodes: [
        { id: 'start', type: 'trigger', label: 'Start' },
        { id: 'start', type: 'action', label: 'Twin' },
        { id: 'Bad Id', type: 'action', label: 'Bad' },
        { id: 'end', type: 'action', label: '' },
      ],
      edges: [],
    })
    expect(response.status).toBe(422)
    expect(((await response.json()) as ErrorBody).error.fields).toEqual({
      'nodes.2.id':
        'Use lower-case letters, digits, hyphens and underscores, starting with a letter or digit',
      'nodes.3.label': "Enter the step's label",
    })
    const graph = await api(`/automations/${automationId}/flow`, 'PUT', {
      nodes: [
        { id: 'start', type: 'trigger', label: 'Start' },
        { id: 'start', type: 'action', label: 'Twin' },
        { id: 'end', type: 'action', label: 'End' },
      ],
      edges: [
        { from: 'start', to: 'end' },
        { from: 'start', to: 'end' },
        { from: 'end', to: 'ghost' },
        { from: 'end', to: 'start' },
      ],
    })
    expect(graph.status).toBe(422)
    expect(((await graph.json()) as ErrorBody).error.fields).toEqual({
      'nodes.1.id': 'Another step already has the id “start”',
      'edges.1.to': 'These steps are already connected',
      'edges.2.to': 'No step has the id “ghost”',
      'edges.3.to': 'A trigger starts the flow: no step can lead to it',
    })
    const many = await api(`/automations/${automationId}/flow`, 'PUT', {
      nodes: Array.from({ length: 51 }, (_, i) => ({ id: `s${i}`, type: 'action', label: `Step ${i}` })),
      edges: [],
    })
    expect(((await many.json()) as ErrorBody).error.fields).toEqual({ nodes: 'A flow has at most 50 steps' })
    const stale = await api(`/automations/${automationId}/flow`, 'PUT', {
      ...flow,
      version: 'not-the-version',
    })
    expect(stale.status).toBe(409)
    expect((await db.select().from(automations).where(eq(automations.id, automationId)))[0]?.flow).toEqual(
      before,
    )
  })
})

describe('who and how', () => {
  it('is 404 for a client before the body is read, and JSON only', async () => {
    for (const [path, method] of [
      [`/companies/${companyId}/automations`, 'POST'],
      [`/automations/${automationId}`, 'PATCH'],
      [`/automations/${automationId}/flow`, 'PUT'],
    ] as const) {
      const response = await api(path, method, { title: 'Client', ...flow }, clientCookie)
      expect(response.status, `${method} ${path}`).toBe(404)
    }
    // A form post (what a cross-site page can send without a preflight) is refused before anything runs.
    const ctx = createExecutionContext()
    const form = await app.request(
      `${ORIGIN}/api/v1/automations/${automationId}`,
      {
        method: 'PATCH',
        headers: { cookie: teamCookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'title=Forged',
      },
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    expect(form.status).toBe(415)
    expect((await db.select().from(automations).where(eq(automations.id, automationId)))[0]?.title).toBe(
      'Mine',
    )
  })

  it('is described in the OpenAPI document with its errors', async () => {
    const doc = (await (await send('/api/v1/openapi.json', { wantJson: true })).json()) as {
      paths: { [path: string]: { [method: string]: { responses: { [status: string]: unknown } } } }
    }
    for (const [path, method] of [
      ['/companies/{id}/automations', 'post'],
      ['/automations/{id}', 'patch'],
      ['/automations/{id}/flow', 'put'],
    ] as const) {
      const responses = Object.keys(doc.paths[path]?.[method]?.responses ?? {})
      expect(responses, `${method} ${path}`).toEqual(
        expect.arrayContaining(['401', '404', '409', '415', '422']),
      )
    }
  })
})
