import { automations } from '@kairo/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import { auditFor, countedPage, FOREIGN, headings, send } from './team-support.ts'

// The studio creates an automation for a company and edits its flow from the automation's page, in
// forms that work without script: steps added, changed and removed, connections added and removed,
// each change audited, each refused one answered field by field with the input kept, and a form
// opened before someone else's change refused rather than undoing it. The diagram follows.

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let owner: TestUser
let teamCookie: string
let clientCookie: string
let strangerCookie: string
let companyId: string
let automationId: string

beforeAll(async () => {
  companyId = await fx.company('Lyra Labs')
  const otherCompanyId = await fx.company('Other Lyra')
  team = await fx.user('team', null, { name: 'Tara Team' })
  owner = await fx.user('admin', null, { name: 'Olga Owner' })
  const client = await fx.user('client', companyId, { name: 'Cleo Client' })
  const stranger = await fx.user('client', otherCompanyId, { name: 'Sid Stranger' })
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)
  strangerCookie = await fx.cookie(stranger.id)
})

afterAll(() => fx.cleanup())

const stored = async () => (await db.select().from(automations).where(eq(automations.id, automationId)))[0]
const actions = async () => (await auditFor(db, automationId)).map((e) => e.action)
const page = async (cookie = teamCookie) =>
  (await send(`/dashboard/automations/${automationId}`, { cookie })).text()

/** The flow's version as the page's forms carry it. */
async function flowVersion(): Promise<string> {
  const html = await page()
  const version = html.match(
    /action="[^"]*\/flow\/steps"[^>]*><input type="hidden" name="version" value="([^"]+)"/,
  )
  if (!version?.[1]) throw new Error('no add-step form with a version on the page')
  return version[1]
}

/** Posts one of the flow's forms with the current version (or the one given). */
async function flowPost(
  path: string,
  form: Record<string, string> = {},
  options: { version?: string; cookie?: string } = {},
) {
  const version = options.version ?? (await flowVersion())
  return send(`/dashboard/automations/${automationId}/flow/${path}`, {
    cookie: options.cookie ?? teamCookie,
    form: { version, ...form },
  })
}

const form = { title: 'Lyra lead routing', status: 'draft', ownerId: '', description: 'Routes new leads.' }

describe('creating an automation for a company', () => {
  it('is linked from the company page and shows a labelled form with the studio as owners', async () => {
    const company = await (await send(`/dashboard/companies/${companyId}`, { cookie: teamCookie })).text()
    expect(company).toContain(`href="/dashboard/companies/${companyId}/automations/new"`)
    expect(company).toContain('No automations yet.')
    const response = await send(`/dashboard/companies/${companyId}/automations/new`, { cookie: teamCookie })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(headings(html)).toEqual(['New automation for Lyra Labs'])
    for (const label of ['Title', 'State', 'Looked after by (optional)', 'Description (optional)']) {
      expect(html).toContain(`>${label}</label>`)
    }
    expect(html).toContain('<option value="draft" selected="">Draft')
    expect(html).toContain(`<option value="${owner.id}">Olga Owner</option>`)
    expect(html).toContain(`<option value="${team.id}">Tara Team</option>`)
    // A client is never offered as the one who looks after it.
    expect(html).not.toContain('Cleo Client</option>')
  })

  it('refuses invalid fields with per-field messages, keeping the input, and stores nothing', async () => {
    const response = await send(`/dashboard/companies/${companyId}/automations`, {
      cookie: teamCookie,
      form: { title: ' ', status: 'running', ownerId: 'nobody', description: 'Kept text' },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('Enter the automation&#39;s title')
    expect(html).toContain('Choose a state: draft, active or paused')
    expect(html).toContain('Choose someone from the studio, or nobody')
    expect(html).toMatch(/id="automation-title"[^>]*aria-invalid="true"/)
    expect(html).toContain('>Kept text</textarea>')
    // A well-formed id that is not a member of the studio is refused too.
    const client = await send(`/dashboard/companies/${companyId}/automations`, {
      cookie: teamCookie,
      form: { ...form, ownerId: crypto.randomUUID() },
    })
    expect(client.status).toBe(422)
    expect(await client.text()).toContain('value="Lyra lead routing"')
    expect(await db.select().from(automations).where(eq(automations.companyId, companyId))).toHaveLength(0)
  })

  it('creates it, audits it, and opens its page at the flow editor', async () => {
    const response = await send(`/dashboard/companies/${companyId}/automations`, {
      cookie: teamCookie,
      form: { ...form, ownerId: owner.id },
    })
    expect(response.status).toBe(303)
    const [row] = await db.select().from(automations).where(eq(automations.companyId, companyId))
    automationId = row?.id ?? ''
    expect(response.headers.get('location')).toBe(`/dashboard/automations/${automationId}#edit-flow-heading`)
    expect(row).toMatchObject({
      title: 'Lyra lead routing',
      status: 'draft',
      ownerId: owner.id,
      description: 'Routes new leads.',
      flow: { nodes: [], edges: [] },
    })
    const [entry] = await auditFor(db, automationId)
    expect(entry).toMatchObject({
      action: 'automation.created',
      actorId: team.id,
      companyId,
      details: { title: 'Lyra lead routing', status: 'draft', steps: 0 },
    })
    const html = await page()
    expect(html).toContain('This automation has no steps yet.')
    expect(html).toContain('<h2 id="edit-flow-heading">Edit the flow</h2>')
    expect(html).toContain('Add at least two steps to connect them.')
    const company = await (await send(`/dashboard/companies/${companyId}`, { cookie: teamCookie })).text()
    expect(company).toContain(`<a href="/dashboard/automations/${automationId}">Lyra lead routing</a>`)
  })

  it('is 404 for a client (pages and posts) and an unknown company, and refuses a foreign origin', async () => {
    for (const cookie of [clientCookie, strangerCookie]) {
      expect((await send(`/dashboard/companies/${companyId}/automations/new`, { cookie })).status).toBe(404)
      expect((await send(`/dashboard/companies/${companyId}/automations`, { cookie, form })).status).toBe(404)
    }
    const unknown = crypto.randomUUID()
    expect(
      (await send(`/dashboard/companies/${unknown}/automations/new`, { cookie: teamCookie })).status,
    ).toBe(404)
    expect(
      (await send(`/dashboard/companies/${unknown}/automations`, { cookie: teamCookie, form })).status,
    ).toBe(404)
    const foreign = await send(`/dashboard/companies/${companyId}/automations`, {
      cookie: teamCookie,
      form: { ...form, title: 'Evil' },
      origin: FOREIGN,
    })
    expect(foreign.status).toBe(403)
    expect(await db.select().from(automations).where(eq(automations.companyId, companyId))).toHaveLength(1)
  })
})

describe('editing the flow', () => {
  it('adds steps, making an id from the label when none is given, and the diagram draws them', async () => {
    const trigger = await flowPost('steps', { type: 'trigger', label: 'Form submitted', id: '' })
    expect(trigger.status).toBe(303)
    expect(trigger.headers.get('location')).toBe(`/dashboard/automations/${automationId}#add-step`)
    await flowPost('steps', { type: 'condition', label: 'Company e-mail?', id: 'qualify' })
    await flowPost('steps', { type: 'action', label: 'Post to Slack', id: '' })
    expect((await stored())?.flow.nodes).toEqual([
      { id: 'form-submitted', type: 'trigger', label: 'Form submitted' },
      { id: 'qualify', type: 'condition', label: 'Company e-mail?' },
      { id: 'post-to-slack', type: 'action', label: 'Post to Slack' },
    ])
    const html = await page()
    expect(html).toMatch(/<desc id="flow-desc">3 steps\. Trigger: Form submitted; the flow ends here\./)
    expect(html.match(/<rect /g)?.length).toBeGreaterThanOrEqual(3)
    expect(html).toContain('<legend>“Company e-mail?” <span class="muted">(id qualify)</span></legend>')
    const [entry] = await auditFor(db, automationId)
    expect(entry).toMatchObject({
      action: 'automation.flow_changed',
      actorId: team.id,
      details: {
        change: 'step_added',
        step: 'post-to-slack',
        label: 'Post to Slack',
        steps: 3,
        connections: 0,
      },
    })
  })

  it('refuses a bad step field by field, keeping what was typed', async () => {
    const taken = await flowPost('steps', { type: 'action', label: 'Another', id: 'qualify' })
    expect(taken.status).toBe(422)
    const html = await taken.text()
    expect(html).toContain('Another step already has the id “qualify”; choose another, or leave it empty')
    expect(html).toMatch(/id="step-id"[^>]*value="qualify"[^>]*aria-invalid="true"/)
    expect(html).toMatch(/id="step-label"[^>]*value="Another"/)
    // The error summary links to the field.
    expect(html).toContain('<a href="#step-id">Another step already has the id')
    const bad = await flowPost('steps', { type: 'loop', label: 'x'.repeat(81), id: 'Not Valid' })
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('Choose a type: trigger, action or condition')
    expect(badHtml).toContain('Enter a label of at most 80 characters')
    expect(badHtml).toContain('Use lower-case letters, digits, hyphens and underscores')
    expect((await stored())?.flow.nodes).toHaveLength(3)
  })

  it('connects steps, refusing unknown steps, a loop to itself, a twin and a way into a trigger', async () => {
    const first = await flowPost('connections', { from: 'form-submitted', to: 'qualify' })
    expect(first.status).toBe(303)
    expect(first.headers.get('location')).toBe(`/dashboard/automations/${automationId}#add-connection`)
    await flowPost('connections', { from: 'qualify', to: 'post-to-slack' })
    const refusals: Array<[Record<string, string>, string]> = [
      [{ from: '', to: 'qualify' }, 'Choose the step it starts from'],
      [{ from: 'ghost', to: 'qualify' }, 'Choose the step it starts from'],
      [{ from: 'qualify', to: 'qualify' }, 'A step cannot lead to itself; choose another step'],
      [{ from: 'qualify', to: 'post-to-slack' }, '“Company e-mail?” already leads to “Post to Slack”'],
      [{ from: 'qualify', to: 'form-submitted' }, 'A trigger starts the flow: no step can lead to it'],
    ]
    for (const [body, message] of refusals) {
      const response = await flowPost('connections', body)
      expect(response.status, JSON.stringify(body)).toBe(422)
      const html = await response.text()
      expect(html).toContain(message)
      // The choices stay as they were made.
      if (body.to)
        expect(html).toMatch(new RegExp(`id="connection-to"[\\s\\S]*?<option value="${body.to}" selected=""`))
    }
    expect((await stored())?.flow.edges).toEqual([
      { from: 'form-submitted', to: 'qualify' },
      { from: 'qualify', to: 'post-to-slack' },
    ])
    const html = await page()
    expect(html.match(/marker-end="url\(#flow-arrow\)"/g)).toHaveLength(2)
    expect(html).toContain('<li>Trigger: Form submitted; then “Company e-mail?”.</li>')
    expect(html).toContain(
      'Remove connection<span class="visually-hidden">: from “Company e-mail?” to “Post to Slack”</span>',
    )
  })

  it('renames and retypes a step, but will not make a step something leads to a trigger', async () => {
    const renamed = await flowPost('steps/post-to-slack', { type: 'action', label: 'Post to #leads' })
    expect(renamed.status).toBe(303)
    expect((await stored())?.flow.nodes[2]).toEqual({
      id: 'post-to-slack',
      type: 'action',
      label: 'Post to #leads',
    })
    expect(await page()).toContain('<li>Condition: Company e-mail?; then “Post to #leads”.</li>')
    const same = await flowPost('steps/post-to-slack', { type: 'action', label: 'Post to #leads' })
    expect(same.status).toBe(303)
    const before = (await actions()).length
    const trigger = await flowPost('steps/qualify', { type: 'trigger', label: 'Kept label' })
    expect(trigger.status).toBe(422)
    const html = await trigger.text()
    expect(html).toContain('remove the connections into “Company e-mail?” first')
    // The message and the input sit with that step's form (step 2 in the diagram's order).
    expect(html).toMatch(/id="step-1-label"[^>]*value="Kept label"/)
    expect(html).toMatch(/id="step-1-type"[^>]*aria-invalid="true"/)
    expect((await actions()).length).toBe(before)
    const empty = await flowPost('steps/qualify', { type: 'condition', label: '' })
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('Enter the step&#39;s label')
  })

  it('removes a connection, then a step with its connections, auditing each', async () => {
    const edge = await flowPost('connections/remove', { from: 'qualify', to: 'post-to-slack' })
    expect(edge.status).toBe(303)
    expect((await stored())?.flow.edges).toEqual([{ from: 'form-submitted', to: 'qualify' }])
    const step = await flowPost('steps/qualify/remove')
    expect(step.status).toBe(303)
    const flow = (await stored())?.flow
    expect(flow?.nodes.map((n) => n.id)).toEqual(['form-submitted', 'post-to-slack'])
    expect(flow?.edges).toEqual([])
    const [removed, connection] = await auditFor(db, automationId)
    expect(removed).toMatchObject({
      action: 'automation.flow_changed',
      details: { change: 'step_removed', step: 'qualify', connectionsRemoved: 1, steps: 2, connections: 0 },
    })
    expect(connection?.details).toMatchObject({
      change: 'connection_removed',
      from: 'qualify',
      to: 'post-to-slack',
    })
    // The diagram follows: two steps, no arrow.
    const html = await page()
    expect(html).toMatch(/<desc id="flow-desc">2 steps\./)
    expect(html).not.toContain('marker-end="url(#flow-arrow)"')
    expect(html).not.toContain('Company e-mail?')
    // What is gone is 404.
    expect((await flowPost('steps/qualify/remove')).status).toBe(404)
    expect((await flowPost('connections/remove', { from: 'qualify', to: 'post-to-slack' })).status).toBe(404)
  })

  it('refuses a form opened before someone else’s change, keeping what was typed, and changes nothing', async () => {
    const old = await flowVersion()
    await flowPost('steps', { type: 'action', label: 'Meanwhile', id: 'meanwhile' })
    const before = (await stored())?.flow
    const response = await flowPost(
      'steps/post-to-slack',
      { type: 'action', label: 'My rename' },
      { version: old },
    )
    expect(response.status).toBe(409)
    const html = await response.text()
    expect(html).toContain('Someone changed this flow after you opened the page, so nothing was saved.')
    // The page shows the current flow, the typed label, and the current version to try again with.
    expect(html).toContain('Meanwhile')
    expect(html).toMatch(/value="My rename"/)
    expect(html).toContain(`name="version" value="${await flowVersion()}"`)
    const removal = await flowPost('steps/meanwhile/remove', {}, { version: old })
    expect(removal.status).toBe(409)
    expect(await removal.text()).toMatch(
      /<div class="error-summary" role="alert"[\s\S]*Someone changed this flow/,
    )
    expect((await stored())?.flow).toEqual(before)
  })

  it('is 404 for clients, shown read-only to them, and refuses a foreign origin', async () => {
    const version = await flowVersion()
    for (const cookie of [clientCookie, strangerCookie]) {
      const response = await flowPost('steps', { type: 'action', label: 'Client step' }, { version, cookie })
      expect(response.status).toBe(404)
      expect((await flowPost('steps/meanwhile/remove', {}, { version, cookie })).status).toBe(404)
    }
    const own = await page(clientCookie)
    expect(own).toContain('Meanwhile')
    expect(own).not.toContain('Edit the flow')
    expect(own).not.toContain('/flow/steps')
    expect(own).not.toContain('Edit details')
    expect((await send(`/dashboard/automations/${automationId}`, { cookie: strangerCookie })).status).toBe(
      404,
    )
    const foreign = await send(`/dashboard/automations/${automationId}/flow/steps`, {
      cookie: teamCookie,
      form: { version, type: 'action', label: 'Evil' },
      origin: FOREIGN,
    })
    expect(foreign.status).toBe(403)
    expect((await stored())?.flow.nodes.map((n) => n.label)).not.toContain('Client step')
    expect((await stored())?.flow.nodes.map((n) => n.label)).not.toContain('Evil')
  })

  it('keeps the automation page to two round trips for the team', async () => {
    const { response, queries } = await countedPage(`/dashboard/automations/${automationId}`, teamCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
  })
})

describe('editing an automation’s details', () => {
  const edit = (body: Record<string, string>) =>
    send(`/dashboard/automations/${automationId}`, { cookie: teamCookie, form: body })
  const editVersion = async () => {
    const html = await (
      await send(`/dashboard/automations/${automationId}/edit`, { cookie: teamCookie })
    ).text()
    return html.match(/name="version" value="([^"]+)"/)?.[1] ?? ''
  }

  it('shows the form filled from the automation, linked from its page', async () => {
    expect(await page()).toContain(`href="/dashboard/automations/${automationId}/edit"`)
    const html = await (
      await send(`/dashboard/automations/${automationId}/edit`, { cookie: teamCookie })
    ).text()
    expect(headings(html)).toEqual(['Edit Lyra lead routing'])
    expect(html).toMatch(/id="automation-title"[^>]*value="Lyra lead routing"/)
    expect(html).toContain(`<option value="${owner.id}" selected="">Olga Owner</option>`)
  })

  it('saves the changes and audits the fields and the state’s move', async () => {
    const response = await edit({
      title: 'Lyra lead router',
      status: 'active',
      ownerId: '',
      description: 'Routes new leads.',
      version: await editVersion(),
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`/dashboard/automations/${automationId}`)
    expect(await stored()).toMatchObject({ title: 'Lyra lead router', status: 'active', ownerId: null })
    const [entry] = await auditFor(db, automationId)
    expect(entry).toMatchObject({
      action: 'automation.updated',
      details: { fields: 'title,status,ownerId', from: 'draft', to: 'active' },
    })
  })

  it('refuses bad fields (422) and a stale form (409), keeping the input', async () => {
    const bad = await edit({
      title: 'x'.repeat(121),
      status: 'active',
      ownerId: '',
      description: '',
      version: await editVersion(),
    })
    expect(bad.status).toBe(422)
    expect(await bad.text()).toContain('Enter a title of at most 120 characters')
    const old = await editVersion()
    // A client pauses it in the meantime: the team's form no longer matches what it would overwrite.
    await db.update(automations).set({ status: 'paused' }).where(eq(automations.id, automationId))
    const stale = await edit({
      title: 'Stale title',
      status: 'active',
      ownerId: '',
      description: '',
      version: old,
    })
    expect(stale.status).toBe(409)
    const html = await stale.text()
    expect(html).toContain('Someone changed this automation after you opened the form, so nothing was saved.')
    expect(html).toMatch(/id="automation-title"[^>]*value="Stale title"/)
    expect(await stored()).toMatchObject({ title: 'Lyra lead router', status: 'paused' })
    // The form now carries the current version: sending it again applies it.
    const again = html.match(/name="version" value="([^"]+)"/)?.[1] ?? ''
    expect(
      (await edit({ title: 'Stale title', status: 'active', ownerId: '', description: '', version: again }))
        .status,
    ).toBe(303)
    expect(await stored()).toMatchObject({ title: 'Stale title', status: 'active' })
  })

  it('is 404 for clients', async () => {
    expect((await send(`/dashboard/automations/${automationId}/edit`, { cookie: clientCookie })).status).toBe(
      404,
    )
    const response = await send(`/dashboard/automations/${automationId}`, {
      cookie: clientCookie,
      form: { title: 'Client title', status: 'active', ownerId: '', description: '', version: 'x' },
    })
    expect(response.status).toBe(404)
    expect((await stored())?.title).toBe('Stale title')
  })
})
