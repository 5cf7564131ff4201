import { auditLog, projectMilestones, projects } from '@kairo/db'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import { auditFor, countedPage, FOREIGN, headings, send } from './team-support.ts'

// The studio runs an engagement from the dashboard: a project created from a company's page and
// edited, its milestones added, reordered, done and reopened; clients keep a read-only project page.

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let teamCookie: string
let clientCookie: string
let companyId: string
let otherCompanyId: string
let otherProjectId: string
let otherMilestoneId: string

beforeAll(async () => {
  companyId = await fx.company('Vela Systems')
  otherCompanyId = await fx.company('Other Orbit')
  team = await fx.user('team', null)
  const client = await fx.user('client', companyId)
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)
  const [other] = await db
    .insert(projects)
    .values({ companyId: otherCompanyId, name: 'Other launch' })
    .returning({ id: projects.id })
  otherProjectId = other?.id ?? ''
  const [milestone] = await db
    .insert(projectMilestones)
    .values({ projectId: otherProjectId, title: 'Other kickoff' })
    .returning({ id: projectMilestones.id })
  otherMilestoneId = milestone?.id ?? ''
})

afterAll(() => fx.cleanup())

const projectRow = async (id: string) => (await db.select().from(projects).where(eq(projects.id, id)))[0]
const plan = (projectId: string) =>
  db
    .select({ id: projectMilestones.id, title: projectMilestones.title, doneAt: projectMilestones.doneAt })
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(asc(projectMilestones.position))
const titles = async (projectId: string) => (await plan(projectId)).map((m) => m.title)
const actions = async (targetId: string) => (await auditFor(db, targetId)).map((e) => e.action)

/** The milestone titles in the order the project page shows them. */
function pageOrder(html: string): string[] {
  const table = html.slice(html.indexOf('id="milestones-heading"'), html.indexOf('id="deliverables-heading"'))
  return [...table.matchAll(/<tr><th scope="row">([^<]*)<\/th>/g)].map((m) => m[1] ?? '')
}

let projectId: string
const form = {
  name: 'Vela launch site',
  status: 'in_progress',
  startedAt: '2031-02-01',
  dueAt: '2031-05-01',
  description: 'A launch site with a 3D hero.',
}

describe('creating a project for a company', () => {
  it('is linked from the company page and shows a labelled form', async () => {
    const company = await (await send(`/dashboard/companies/${companyId}`, { cookie: teamCookie })).text()
    expect(company).toContain(`href="/dashboard/companies/${companyId}/projects/new"`)
    const response = await send(`/dashboard/companies/${companyId}/projects/new`, { cookie: teamCookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(headings(html)).toEqual(['New project for Vela Systems'])
    for (const label of ['Name', 'Status', 'Start date (optional)', 'Due date (optional)']) {
      expect(html).toContain(`>${label}</label>`)
    }
    expect(html).toMatch(/<input id="project-dueAt" name="dueAt" type="date"/)
    expect(html).toContain('<option value="planning" selected="">Planning</option>')
  })

  it('creates it, audits it, redirects to its page and lists it on the company page', async () => {
    const response = await send(`/dashboard/companies/${companyId}/projects`, { cookie: teamCookie, form })
    expect(response.status).toBe(303)
    const [row] = await db.select().from(projects).where(eq(projects.companyId, companyId))
    projectId = row?.id ?? ''
    expect(response.headers.get('location')).toBe(`/dashboard/projects/${projectId}`)
    expect(row).toMatchObject({
      name: 'Vela launch site',
      status: 'in_progress',
      description: 'A launch site with a 3D hero.',
      startedAt: new Date('2031-02-01T00:00:00Z'),
      dueAt: new Date('2031-05-01T00:00:00Z'),
    })
    const [entry] = await auditFor(db, projectId)
    expect(entry).toMatchObject({ action: 'project.created', actorId: team.id, companyId })
    const company = await (await send(`/dashboard/companies/${companyId}`, { cookie: teamCookie })).text()
    expect(company).toContain(`<a href="/dashboard/projects/${projectId}">Vela launch site</a>`)
  })

  it('refuses invalid fields with per-field messages, keeping the input, and stores nothing', async () => {
    const bad = {
      name: ' ',
      status: 'shipped',
      startedAt: '2031-13-45',
      dueAt: 'soon',
      description: 'Kept text',
    }
    const response = await send(`/dashboard/companies/${companyId}/projects`, {
      cookie: teamCookie,
      form: bad,
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Enter the project&#39;s name')
    expect(html).toContain('Choose a status: planning, in_progress, review, done')
    expect(html).toContain('Enter the start date as a date, like 2031-05-01')
    expect(html).toContain('Enter the due date as a date, like 2031-05-01')
    expect(html).toMatch(/id="project-dueAt"[^>]*value="soon"[^>]*aria-invalid="true"/)
    expect(html).toContain('>Kept text</textarea>')
    const late = await send(`/dashboard/companies/${companyId}/projects`, {
      cookie: teamCookie,
      form: { ...form, name: 'Backwards', startedAt: '2031-06-01', dueAt: '2031-05-01' },
    })
    expect(late.status).toBe(422)
    const lateHtml = await late.text()
    expect(lateHtml).toContain('Choose a due date on or after the start date')
    expect(lateHtml).toContain('value="Backwards"')
    expect(await db.select().from(projects).where(eq(projects.companyId, companyId))).toHaveLength(1)
  })

  it('is 404 for an unknown company, and refuses a foreign origin', async () => {
    const unknown = crypto.randomUUID()
    expect((await send(`/dashboard/companies/${unknown}/projects/new`, { cookie: teamCookie })).status).toBe(
      404,
    )
    expect(
      (await send(`/dashboard/companies/${unknown}/projects`, { cookie: teamCookie, form })).status,
    ).toBe(404)
    const foreign = await send(`/dashboard/companies/${companyId}/projects`, {
      cookie: teamCookie,
      form: { ...form, name: 'Evil' },
      origin: FOREIGN,
    })
    expect(foreign.status).toBe(403)
    expect(await db.select().from(projects).where(eq(projects.companyId, companyId))).toHaveLength(1)
  })
})

describe('editing a project', () => {
  it('shows the form filled from the project, linked from its page', async () => {
    const page = await (await send(`/dashboard/projects/${projectId}`, { cookie: teamCookie })).text()
    expect(page).toContain(`href="/dashboard/projects/${projectId}/edit"`)
    const html = await (await send(`/dashboard/projects/${projectId}/edit`, { cookie: teamCookie })).text()
    expect(headings(html)).toEqual(['Edit Vela launch site'])
    expect(html).toMatch(/id="project-startedAt"[^>]*value="2031-02-01"/)
    expect(html).toContain('<option value="in_progress" selected="">In progress</option>')
  })

  it('saves the changes and audits the fields and the status move', async () => {
    const response = await send(`/dashboard/projects/${projectId}`, {
      cookie: teamCookie,
      form: { ...form, status: 'review', dueAt: '2031-06-15', description: '' },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/dashboard/projects/${projectId}`)
    expect(await projectRow(projectId)).toMatchObject({
      status: 'review',
      dueAt: new Date('2031-06-15T00:00:00Z'),
      description: '',
    })
    const [entry] = await auditFor(db, projectId)
    expect(entry).toMatchObject({
      action: 'project.updated',
      companyId,
      details: { fields: 'status,description,dueAt', from: 'in_progress', to: 'review' },
    })
  })

  it('refuses a due date before the start and a bad status, keeping the input', async () => {
    const response = await send(`/dashboard/projects/${projectId}`, {
      cookie: teamCookie,
      form: { ...form, name: 'Renamed', startedAt: '2031-07-01', dueAt: '2031-06-15' },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Choose a due date on or after the start date')
    expect(html).toContain('value="Renamed"')
    expect(html).toMatch(/id="project-startedAt"[^>]*value="2031-07-01"/)
    const status = await send(`/dashboard/projects/${projectId}`, {
      cookie: teamCookie,
      form: { ...form, status: '' },
    })
    expect(status.status).toBe(422)
    expect((await projectRow(projectId))?.name).toBe('Vela launch site')
  })
})

describe('milestones', () => {
  const post = (path: string, body: Record<string, string> = {}, origin?: string) =>
    send(`/dashboard/projects/${projectId}/milestones${path}`, { cookie: teamCookie, form: body, origin })

  it('adds milestones at the end of the plan, audited', async () => {
    for (const title of ['Kickoff', 'Design review', 'Launch']) {
      const response = await post('', { title, dueAt: title === 'Launch' ? '2031-06-01' : '' })
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(`/dashboard/projects/${projectId}#milestones-heading`)
    }
    expect(await titles(projectId)).toEqual(['Kickoff', 'Design review', 'Launch'])
    const launch = (await plan(projectId))[2]
    expect(await actions(launch?.id ?? '')).toEqual(['milestone.added'])
  })

  it('refuses an empty title, keeping the due date typed', async () => {
    const response = await post('', { title: '', dueAt: '2031-07-01' })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Enter the milestone&#39;s title')
    expect(html).toMatch(/id="milestone-dueAt"[^>]*value="2031-07-01"/)
    expect(await titles(projectId)).toHaveLength(3)
  })

  it('shows staff the controls (2 round trips) and clients the read-only plan', async () => {
    const { response, queries } = await countedPage(`/dashboard/projects/${projectId}`, teamCookie)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(pageOrder(html)).toEqual(['Kickoff', 'Design review', 'Launch'])
    const [kickoff] = await plan(projectId)
    // The first has no "Move up", the last no "Move down"; every button names its milestone.
    expect(html).not.toContain(`/milestones/${kickoff?.id}/up"`)
    expect(html).toContain(`/milestones/${kickoff?.id}/down"`)
    expect(html).toContain('Move down<span class="visually-hidden">: Kickoff</span>')
    expect(html).toContain('<label for="milestone-title">Title</label>')
    const client = await (await send(`/dashboard/projects/${projectId}`, { cookie: clientCookie })).text()
    expect(pageOrder(client)).toEqual(['Kickoff', 'Design review', 'Launch'])
    for (const control of [
      'Move up',
      'Move down',
      'Mark done',
      'Add milestone',
      'Edit project',
      '<form method="post" action="/dashboard/projects',
    ]) {
      expect(client).not.toContain(control)
    }
  })

  it('moves a milestone up and down, keeping positions unique, and says when it cannot move', async () => {
    const [kickoff, review, launch] = await plan(projectId)
    expect((await post(`/${launch?.id}/up`)).status).toBe(303)
    expect(await titles(projectId)).toEqual(['Kickoff', 'Launch', 'Design review'])
    expect((await post(`/${kickoff?.id}/down`)).status).toBe(303)
    expect(await titles(projectId)).toEqual(['Launch', 'Kickoff', 'Design review'])
    const edge = await post(`/${review?.id}/down`)
    expect(edge.status).toBe(303)
    expect(decodeURIComponent(edge.headers.get('set-cookie') ?? '')).toContain('is already last')
    expect(await titles(projectId)).toEqual(['Launch', 'Kickoff', 'Design review'])
    const positions = await db
      .select({ position: projectMilestones.position })
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, projectId))
      .orderBy(asc(projectMilestones.position))
    expect(positions.map((p) => p.position)).toEqual([0, 1, 2])
    const html = await (await send(`/dashboard/projects/${projectId}`, { cookie: clientCookie })).text()
    expect(pageOrder(html)).toEqual(['Launch', 'Kickoff', 'Design review'])
    expect(await actions(launch?.id ?? '')).toEqual(['milestone.moved', 'milestone.added'])
    const [moved] = await auditFor(db, launch?.id ?? '')
    expect(moved).toMatchObject({ companyId, details: { projectId, direction: 'up', from: 2, to: 1 } })
  })

  it('marks a milestone done and reopens it, each once', async () => {
    const [, kickoff] = await plan(projectId)
    const id = kickoff?.id ?? ''
    expect((await post(`/${id}/done`)).status).toBe(303)
    expect((await plan(projectId))[1]?.doneAt).toBeInstanceOf(Date)
    const page = await (await send(`/dashboard/projects/${projectId}`, { cookie: clientCookie })).text()
    expect(page).toContain('1 of 3 done')
    const again = await post(`/${id}/done`)
    expect(decodeURIComponent(again.headers.get('set-cookie') ?? '')).toContain('was already done')
    expect((await post(`/${id}/reopen`)).status).toBe(303)
    expect((await plan(projectId))[1]?.doneAt).toBeNull()
    expect(await actions(id)).toEqual([
      'milestone.reopened',
      'milestone.done',
      'milestone.moved',
      'milestone.added',
    ])
  })

  it("refuses a foreign origin, another project's milestone and unknown ids, changing nothing", async () => {
    const before = await plan(projectId)
    const [first] = before
    expect((await post(`/${first?.id}/down`, {}, FOREIGN)).status).toBe(403)
    expect((await post('', { title: 'Evil' }, FOREIGN)).status).toBe(403)
    // Another company's milestone through this project's URL, and the reverse.
    expect((await post(`/${otherMilestoneId}/done`)).status).toBe(404)
    const reverse = await send(`/dashboard/projects/${otherProjectId}/milestones/${first?.id}/down`, {
      cookie: teamCookie,
      form: {},
    })
    expect(reverse.status).toBe(404)
    expect((await post(`/${crypto.randomUUID()}/up`)).status).toBe(404)
    expect((await post('/not-a-uuid/done')).status).toBe(404)
    expect((await post(`/${first?.id}/sideways`)).status).toBe(404)
    expect(await plan(projectId)).toEqual(before)
    const [other] = await plan(otherProjectId)
    expect(other?.doneAt).toBeNull()
  })
})

describe('/api/v1 project writes', () => {
  let apiProjectId: string

  it('creates and edits a project, with field errors in the one error shape', async () => {
    const created = await send(`/api/v1/companies/${companyId}/projects`, {
      cookie: teamCookie,
      json: { name: 'Api project', dueAt: '2031-09-01' },
    })
    expect(created.status).toBe(201)
    const body = (await created.json()) as { id: string }
    apiProjectId = body.id
    expect(body).toMatchObject({
      companyId,
      name: 'Api project',
      status: 'planning',
      startedAt: null,
      dueAt: '2031-09-01T00:00:00.000Z',
    })
    const invalid = await send(`/api/v1/companies/${companyId}/projects`, {
      cookie: teamCookie,
      json: { name: '', status: 'later', dueAt: '1 May' },
    })
    expect(invalid.status).toBe(422)
    const error = (await invalid.json()) as { error: { code: string; fields: Record<string, string> } }
    expect(error.error.code).toBe('invalid_input')
    expect(Object.keys(error.error.fields).sort()).toEqual(['dueAt', 'name', 'status'])
    const patched = await send(`/api/v1/projects/${apiProjectId}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { status: 'done', startedAt: '2031-08-01' },
    })
    expect(patched.status).toBe(200)
    expect(await patched.json()).toMatchObject({
      status: 'done',
      startedAt: '2031-08-01T00:00:00.000Z',
      changed: ['status', 'startedAt'],
    })
    const backwards = await send(`/api/v1/projects/${apiProjectId}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { dueAt: '2031-07-01' },
    })
    expect(backwards.status).toBe(422)
    expect(await backwards.json()).toMatchObject({ error: { fields: { dueAt: expect.any(String) } } })
    expect(await actions(apiProjectId)).toEqual(['project.updated', 'project.created'])
    const unknown = await send(`/api/v1/projects/${crypto.randomUUID()}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { name: 'Ghost' },
    })
    expect(unknown.status).toBe(404)
    const noCompany = await send(`/api/v1/companies/${crypto.randomUUID()}/projects`, {
      cookie: teamCookie,
      json: { name: 'Orphan' },
    })
    expect(noCompany.status).toBe(404)
  })

  it('adds, moves, finishes and reopens milestones', async () => {
    const base = `/api/v1/projects/${apiProjectId}/milestones`
    const ids: string[] = []
    for (const title of ['One', 'Two', 'Three']) {
      const response = await send(base, { cookie: teamCookie, json: { title } })
      expect(response.status).toBe(201)
      const milestone = (await response.json()) as { id: string; position: number }
      expect(milestone.position).toBe(ids.length)
      ids.push(milestone.id)
    }
    const move = await send(`${base}/${ids[0]}/move`, { cookie: teamCookie, json: { direction: 'down' } })
    expect(await move.json()).toEqual({
      id: ids[0],
      moved: true,
      position: 1,
      order: [ids[1], ids[0], ids[2]],
    })
    expect(await titles(apiProjectId)).toEqual(['Two', 'One', 'Three'])
    const edge = await send(`${base}/${ids[1]}/move`, { cookie: teamCookie, json: { direction: 'up' } })
    expect(await edge.json()).toMatchObject({ moved: false, position: 0 })
    const sideways = await send(`${base}/${ids[1]}/move`, { cookie: teamCookie, json: { direction: 'left' } })
    expect(sideways.status).toBe(422)
    const done = await send(`${base}/${ids[2]}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { done: true },
    })
    expect(await done.json()).toMatchObject({ id: ids[2], changed: true, doneAt: expect.any(String) })
    const reopened = await send(`${base}/${ids[2]}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { done: false },
    })
    expect(await reopened.json()).toMatchObject({ changed: true, doneAt: null })
    const project = await send(`/api/v1/projects/${apiProjectId}`, { cookie: teamCookie, wantJson: true })
    const detail = (await project.json()) as { milestones: Array<{ title: string }> }
    expect(detail.milestones.map((m) => m.title)).toEqual(['Two', 'One', 'Three'])
    const other = await send(`${base}/${otherMilestoneId}`, {
      method: 'PATCH',
      cookie: teamCookie,
      json: { done: true },
    })
    expect(other.status).toBe(404)
    expect(await actions(ids[2] ?? '')).toEqual(['milestone.reopened', 'milestone.done', 'milestone.added'])
  })
})

describe('who may change projects', () => {
  it('gives a client 404 on every form and API write, even for its own company, and changes nothing', async () => {
    const [first] = await plan(projectId)
    const before = { project: await projectRow(projectId), plan: await plan(projectId) }
    const auditBefore = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(inArray(auditLog.targetId, [projectId, ...before.plan.map((m) => m.id)]))
    const milestone = `/dashboard/projects/${projectId}/milestones/${first?.id}`
    const answers = await Promise.all([
      send(`/dashboard/companies/${companyId}/projects/new`, { cookie: clientCookie }),
      send(`/dashboard/companies/${companyId}/projects`, { cookie: clientCookie, form }),
      send(`/dashboard/projects/${projectId}/edit`, { cookie: clientCookie }),
      send(`/dashboard/projects/${projectId}`, { cookie: clientCookie, form: { ...form, name: 'Mine' } }),
      send(`/dashboard/projects/${projectId}/milestones`, { cookie: clientCookie, form: { title: 'Mine' } }),
      send(`${milestone}/down`, { cookie: clientCookie, form: {} }),
      send(`${milestone}/done`, { cookie: clientCookie, form: {} }),
      send(`/api/v1/companies/${companyId}/projects`, { cookie: clientCookie, json: { name: 'Mine' } }),
      send(`/api/v1/projects/${projectId}`, {
        method: 'PATCH',
        cookie: clientCookie,
        json: { name: 'Mine' },
      }),
      send(`/api/v1/projects/${projectId}/milestones`, { cookie: clientCookie, json: { title: 'Mine' } }),
      send(`/api/v1/projects/${projectId}/milestones/${first?.id}/move`, {
        cookie: clientCookie,
        json: { direction: 'down' },
      }),
      send(`/api/v1/projects/${projectId}/milestones/${first?.id}`, {
        method: 'PATCH',
        cookie: clientCookie,
        json: { done: true },
      }),
    ])
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(404))
    // A client's foreign-origin post is refused before anything else, as on every team form.
    const foreign = await send(`${milestone}/done`, { cookie: clientCookie, form: {}, origin: FOREIGN })
    expect(foreign.status).toBe(403)
    expect(await projectRow(projectId)).toEqual(before.project)
    expect(await plan(projectId)).toEqual(before.plan)
    expect(await db.select().from(projects).where(eq(projects.companyId, companyId))).toHaveLength(2)
    const auditAfter = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(inArray(auditLog.targetId, [projectId, ...before.plan.map((m) => m.id)])))
    expect(auditAfter).toHaveLength(auditBefore.length)
  })
})
