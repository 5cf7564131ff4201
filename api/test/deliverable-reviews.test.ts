import {
  activityEvents,
  auditLog,
  deliverableComments,
  deliverableVersions,
  outbox,
  projectDeliverables,
  projects,
  rateLimits,
} from '@kairo/db'
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getOverview } from '../src/data/overview.ts'
import { getProject } from '../src/data/projects.ts'
import type { ErrorBody } from '../src/lib/errors.ts'
import { Fixtures, type TestUser } from './support/session.ts'
import { countedPage, domainOf, FOREIGN, send } from './team-support.ts'

// The review loop: the client approves a deliverable's current version or asks for changes with a
// comment; the studio replies, sometimes internally; everyone sees what waits for whom; every step is
// in the thread, the activity feed and the audit log, and nothing of another company is reachable.

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let client: TestUser
let teamCookie: string
let clientCookie: string
let companyId: string
let projectId: string

/** A deliverable with `versions` versions (the last is current, waiting), under `projectId`. */
async function deliverable(inProject: string, title: string, versions = 1) {
  const [row] = await db
    .insert(projectDeliverables)
    .values({ projectId: inProject, title })
    .returning({ id: projectDeliverables.id })
  if (!row) throw new Error('test: deliverable not inserted')
  const ids: string[] = []
  for (let number = 1; number <= versions; number++) {
    const [version] = await db
      .insert(deliverableVersions)
      .values({
        deliverableId: row.id,
        number,
        fileName: `${title.toLowerCase().replace(/\W+/g, '-')}-v${number}.pdf`,
        objectKey: `test/${fx.run}/${row.id}/v${number}`,
        contentType: 'application/pdf',
        bytes: 1000 * number,
        uploadedAt: new Date(Date.now() - (versions - number + 1) * 60_000),
      })
      .returning({ id: deliverableVersions.id })
    ids.push(version?.id ?? '')
  }
  return { id: row.id, versions: ids, current: ids[ids.length - 1] ?? '' }
}

type Deliverable = Awaited<ReturnType<typeof deliverable>>
let posters: Deliverable
let model: Deliverable
let brochure: Deliverable
let foreign: { projectId: string; deliverable: Deliverable }

beforeAll(async () => {
  companyId = await fx.company('Vela Systems')
  const otherCompanyId = await fx.company('Other Orbit')
  team = await fx.user('team', null, { name: 'Tess Studio' })
  client = await fx.user('client', companyId, { name: 'Cleo Client' })
  const foreignClient = await fx.user('client', otherCompanyId, { name: 'Otto Other' })
  teamCookie = await fx.cookie(team.id)
  clientCookie = await fx.cookie(client.id)
  void foreignClient
  const [project, other] = await db
    .insert(projects)
    .values([
      { companyId, name: 'Vela launch', status: 'in_progress' },
      { companyId: otherCompanyId, name: 'Other launch', status: 'in_progress' },
    ])
    .returning({ id: projects.id })
  projectId = project?.id ?? ''
  posters = await deliverable(projectId, 'Poster set', 2)
  model = await deliverable(projectId, 'Product model')
  brochure = await deliverable(projectId, 'Brochure')
  foreign = {
    projectId: other?.id ?? '',
    deliverable: await deliverable(other?.id ?? '', 'Other posters', 1),
  }
})

afterAll(async () => {
  // Notification e-mails to this run's accounts (the rest goes with the users and companies).
  await db.delete(outbox).where(like(sql`${outbox.payload}->>'to'`, `%@${domainOf(fx)}`))
  await fx.cleanup()
})

const base = (d: Deliverable, inProject = projectId) =>
  `/dashboard/projects/${inProject}/deliverables/${d.id}`
// The review is part of the deliverable's page (its old address redirects there).
const reviewPage = (d: Deliverable) => base(d)
const decisionPath = (d: Deliverable, versionId = d.current, inProject = projectId) =>
  `${base(d, inProject)}/versions/${versionId}/decision`
const commentPath = (d: Deliverable, versionId = d.current, inProject = projectId) =>
  `${base(d, inProject)}/versions/${versionId}/comments`
const api = (path: string) => `/api/v1${path.replace('/dashboard', '')}`

const versionRow = async (id: string) =>
  (await db.select().from(deliverableVersions).where(eq(deliverableVersions.id, id)))[0]
const thread = (versionId: string) =>
  db
    .select()
    .from(deliverableComments)
    .where(eq(deliverableComments.versionId, versionId))
    .orderBy(asc(deliverableComments.createdAt))
const events = (kind?: string) =>
  db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.companyId, companyId), kind ? eq(activityEvents.kind, kind) : undefined))
    .orderBy(asc(activityEvents.at))
const audits = (versionIds: string[]) =>
  db.select().from(auditLog).where(inArray(auditLog.targetId, versionIds)).orderBy(asc(auditLog.at))
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ')
const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error
const flashOf = (response: Response) => decodeURIComponent(response.headers.get('set-cookie') ?? '')

describe('the review page', () => {
  it("sends the review's old address to the deliverable's page", async () => {
    const response = await send(`${base(posters)}/review`, { cookie: clientCookie })
    expect(response.status).toBe(301)
    expect(response.headers.get('location')).toBe(`${base(posters)}#review-heading`)
  })

  it('shows the client the current version first, the decision and comment forms, in 2 round trips', async () => {
    const { response, queries } = await countedPage(reviewPage(posters), clientCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const page = await response.text()
    // The review follows the version list on the deliverable's page.
    const html = page.slice(page.indexOf('id="review-heading"'))
    expect(html.indexOf('Version 2 (current)')).toBeGreaterThan(-1)
    expect(html.indexOf('Version 2 (current)')).toBeLessThan(html.indexOf('Version 1'))
    expect(text(html)).toContain('Waiting for the client')
    expect(html).toContain(`action="${decisionPath(posters)}"`)
    expect(html).toContain(
      '<button class="button" type="submit" name="decision" value="approved">Approve</button>',
    )
    expect(html).toContain('value="changes_requested">Request changes</button>')
    expect(html).toContain('<label for="decision-comment">Comment</label>')
    expect(html).toContain(`action="${commentPath(posters)}"`)
    expect(html).not.toContain('Internal (the client')
    // Forms only under the current version.
    expect(html).not.toContain(posters.versions[0])
  })

  it('shows the studio the comment form with the internal box, and no decision form', async () => {
    const html = await (await send(reviewPage(posters), { cookie: teamCookie })).text()
    expect(html).toContain('<label for="comment-internal">')
    expect(html).toContain('Internal (the client won&#39;t see it)')
    expect(html).not.toContain('name="decision"')
  })
})

describe('requesting changes', () => {
  it('needs a comment: 422 with the message by the field, nothing written', async () => {
    const response = await send(decisionPath(posters), {
      cookie: clientCookie,
      form: { decision: 'changes_requested', comment: '   ' },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('<a href="#decision-comment">Say what should change</a>')
    expect(html).toMatch(/<textarea id="decision-comment"[^>]*aria-invalid="true"/)
    expect((await versionRow(posters.current))?.reviewState).toBe('waiting')
    expect(await thread(posters.current)).toHaveLength(0)
    expect(await events()).toHaveLength(0)
  })

  it('with a comment: sets the state, adds the decision to the thread, the feed and the audit log', async () => {
    const comment = 'The logo is too small on the A2 poster.\n\nPlease try 20% larger.'
    const response = await send(decisionPath(posters), {
      cookie: clientCookie,
      form: { decision: 'changes_requested', comment },
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(`${reviewPage(posters)}#version-2`)
    expect(flashOf(response)).toContain('You requested changes to version 2 of “Poster set”')
    expect(await versionRow(posters.current)).toMatchObject({
      reviewState: 'changes_requested',
      reviewedById: client.id,
    })
    expect((await versionRow(posters.current))?.reviewedAt).toBeInstanceOf(Date)
    const [decision] = await thread(posters.current)
    expect(decision).toMatchObject({
      kind: 'changes_requested',
      body: comment,
      authorId: client.id,
      internal: false,
    })
    const [event] = await events('version.changes_requested')
    expect(event).toMatchObject({
      projectId,
      actorId: client.id,
      subjectId: posters.current,
      clientVisible: true,
      details: {
        deliverableId: posters.id,
        title: 'Poster set',
        version: 2,
        excerpt: 'The logo is too small on the A2 poster. Please try 20% larger.',
        internal: false,
      },
    })
    const [entry] = await audits([posters.current])
    expect(entry).toMatchObject({
      action: 'review.changes_requested',
      actorId: client.id,
      companyId,
      targetType: 'deliverable_version',
      details: { deliverableId: posters.id, version: 2, commentId: decision?.id },
    })
    const html = await (await send(reviewPage(posters), { cookie: clientCookie })).text()
    expect(text(html)).toContain('Cleo Client (client)')
    expect(html).toContain('<span class="badge badge--warn">Changes requested</span>')
    expect(html).toContain('<p>The logo is too small on the A2 poster.</p><p>Please try 20% larger.</p>')
    expect(text(html)).toContain('Waiting for the studio')
    // Decided: no decision form any more.
    expect(html).not.toContain('name="decision"')
  })

  it('cannot be decided twice: 409 with the reason, nothing changed', async () => {
    const response = await send(decisionPath(posters), {
      cookie: clientCookie,
      form: { decision: 'approved' },
    })
    expect(response.status).toBe(409)
    expect(text(await response.text())).toContain(
      'Changes were already requested on version 2. Nothing was changed.',
    )
    expect((await versionRow(posters.current))?.reviewState).toBe('changes_requested')
    expect(await thread(posters.current)).toHaveLength(1)
    const again = await send(api(decisionPath(posters)), {
      cookie: clientCookie,
      json: { decision: 'approved' },
    })
    expect(again.status).toBe(409)
    expect((await errorOf(again)).code).toBe('already_decided')
  })

  it('taken twice at once, is recorded once: the other answer says it was already decided', async () => {
    const twice = await deliverable(projectId, 'Sticker sheet')
    const answers = await Promise.all(
      (['approved', 'changes_requested'] as const).map((decision) =>
        send(api(decisionPath(twice)), {
          cookie: clientCookie,
          json: { decision, comment: 'Both at once' },
        }),
      ),
    )
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409])
    expect(await thread(twice.current)).toHaveLength(1)
    expect(await audits([twice.current])).toHaveLength(1)
    await db.delete(projectDeliverables).where(eq(projectDeliverables.id, twice.id))
  })

  it('refuses a decision on an older version, in the page and the API', async () => {
    const old = posters.versions[0] ?? ''
    const response = await send(decisionPath(posters, old), {
      cookie: clientCookie,
      form: { decision: 'approved' },
    })
    expect(response.status).toBe(409)
    expect(text(await response.text())).toContain(
      'Version 1 is no longer the current version: only version 2 can be approved or sent back.',
    )
    const json = await send(api(decisionPath(posters, old)), {
      cookie: clientCookie,
      json: { decision: 'approved' },
    })
    expect(json.status).toBe(409)
    expect((await errorOf(json)).code).toBe('version_not_current')
    expect((await versionRow(old))?.reviewState).toBe('waiting')
    expect(await thread(old)).toHaveLength(0)
  })
})

describe('the studio', () => {
  it('cannot decide for the client (404, as every role-restricted route), page or API', async () => {
    const page = await send(decisionPath(model), { cookie: teamCookie, form: { decision: 'approved' } })
    expect(page.status).toBe(404)
    const json = await send(api(decisionPath(model)), { cookie: teamCookie, json: { decision: 'approved' } })
    expect(json.status).toBe(404)
    expect((await versionRow(model.current))?.reviewState).toBe('waiting')
    expect(await thread(model.current)).toHaveLength(0)
  })

  it('replies, and marks a comment internal that the client never sees (page, API, feed)', async () => {
    const reply = await send(commentPath(posters), {
      cookie: teamCookie,
      form: { body: 'Thanks, version 3 comes tomorrow with a larger logo.' },
    })
    expect(reply.status).toBe(303)
    expect(flashOf(reply)).toContain('Your comment was added.')
    const note = await send(commentPath(posters), {
      cookie: teamCookie,
      form: { body: 'Secret note: the client approved a smaller logo last year.', internal: 'on' },
    })
    expect(note.status).toBe(303)
    expect(flashOf(note)).toContain("Your internal comment was added; the client won't see it.")
    const comments = await thread(posters.current)
    expect(comments.map((c) => [c.kind, c.internal])).toEqual([
      ['changes_requested', false],
      ['comment', false],
      ['comment', true],
    ])
    const replies = await events('comment.added')
    expect(replies.map((e) => [e.actorId, e.clientVisible, e.details.internal])).toEqual([
      [team.id, true, false],
      [team.id, false, true],
    ])
    expect((await audits([posters.current])).map((e) => [e.action, e.details.internal])).toEqual([
      ['review.changes_requested', false],
      ['review.commented', false],
      ['review.commented', true],
    ])

    const secret = 'Secret note'
    const studioPage = await (await send(reviewPage(posters), { cookie: teamCookie })).text()
    expect(studioPage).toContain(secret)
    expect(studioPage).toContain('<span class="badge badge--neutral">Internal</span>')
    const clientPage = await (await send(reviewPage(posters), { cookie: clientCookie })).text()
    expect(clientPage).toContain('version 3 comes tomorrow')
    expect(clientPage).not.toContain(secret)
    const clientApi = await (
      await send(api(`${base(posters)}/reviews`), { cookie: clientCookie, wantJson: true })
    ).text()
    expect(clientApi).toContain('version 3 comes tomorrow')
    expect(clientApi).not.toContain(secret)
    const studioApi = (await (
      await send(api(`${base(posters)}/reviews`), { cookie: teamCookie, wantJson: true })
    ).json()) as { versions: Array<{ comments: Array<{ internal: boolean }> }> }
    expect(studioApi.versions[0]?.comments.map((c) => c.internal)).toEqual([false, false, true])
    for (const path of ['/dashboard', `/dashboard/projects/${projectId}`]) {
      const forClient = await (await send(path, { cookie: clientCookie })).text()
      expect(text(forClient)).toContain('Tess Studio (studio) commented on version 2 of “Poster set”')
      expect(forClient).not.toContain(secret)
      const forStudio = await (await send(path, { cookie: teamCookie })).text()
      expect(forStudio).toContain(secret)
    }
  })

  it('keeps an empty comment out, with the message by the field and the box as it was', async () => {
    const response = await send(commentPath(posters), {
      cookie: teamCookie,
      form: { body: '', internal: 'on' },
    })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('<a href="#comment-body">Write a comment</a>')
    expect(html).toMatch(/id="comment-internal"[^>]*checked/)
    expect(await thread(posters.current)).toHaveLength(3)
  })
})

describe('approving', () => {
  it('without a comment: the version is approved, in the thread, the feed and the audit log', async () => {
    const response = await send(decisionPath(model), {
      cookie: clientCookie,
      form: { decision: 'approved', comment: '' },
    })
    expect(response.status).toBe(303)
    expect(flashOf(response)).toContain('You approved version 1 of “Product model”.')
    expect((await versionRow(model.current))?.reviewState).toBe('approved')
    expect((await thread(model.current)).map((c) => [c.kind, c.body])).toEqual([['approval', '']])
    const event = (await events('version.approved')).find((e) => e.subjectId === model.current)
    expect(event).toMatchObject({
      subjectId: model.current,
      details: { version: 1, title: 'Product model', excerpt: null },
    })
    expect((await audits([model.current])).map((e) => e.action)).toEqual(['review.approved'])
    const html = await (await send(reviewPage(model), { cookie: clientCookie })).text()
    expect(html).toContain('<span class="badge badge--good">Approved</span>')
  })

  it('through the API, with a comment; a client comment cannot be internal', async () => {
    const missing = await send(api(decisionPath(brochure)), {
      cookie: clientCookie,
      json: { decision: 'changes_requested' },
    })
    expect(missing.status).toBe(422)
    expect((await errorOf(missing)).fields).toEqual({ comment: 'Say what should change' })
    const internal = await send(api(commentPath(brochure)), {
      cookie: clientCookie,
      json: { body: 'Hidden?', internal: true },
    })
    expect(internal.status).toBe(422)
    expect((await errorOf(internal)).fields).toEqual({
      internal: 'Only the studio can mark a comment internal',
    })
    const form = await send(commentPath(brochure), {
      cookie: clientCookie,
      form: { body: 'Hidden?', internal: 'on' },
    })
    expect(form.status).toBe(422)
    const html = await form.text()
    expect(html).toContain('<li>Only the studio can mark a comment internal</li>')
    expect(html).toContain('>Hidden?</textarea>')
    expect(await thread(brochure.current)).toHaveLength(0)
    const approved = await send(api(decisionPath(brochure)), {
      cookie: clientCookie,
      json: { decision: 'approved', comment: 'Lovely.' },
    })
    expect(approved.status).toBe(201)
    expect(await approved.json()).toMatchObject({
      versionId: brochure.current,
      version: 1,
      reviewState: 'approved',
    })
    const comment = await send(api(commentPath(brochure)), {
      cookie: clientCookie,
      json: { body: 'Print it.' },
    })
    expect(comment.status).toBe(201)
    expect((await thread(brochure.current)).map((c) => [c.kind, c.body, c.internal])).toEqual([
      ['approval', 'Lovely.', false],
      ['comment', 'Print it.', false],
    ])
  })
})

describe('what waits for whom', () => {
  it('the project page says it for each deliverable and sums it up for the reader, in 2 round trips', async () => {
    // A fourth deliverable, still waiting for the client.
    await deliverable(projectId, 'Launch video')
    const forClient = await countedPage(`/dashboard/projects/${projectId}`, clientCookie)
    expect(forClient.queries).toHaveLength(2)
    const clientHtml = text(await forClient.response.text())
    expect(clientHtml).toContain('Deliverables: 1 waiting for you · 1 waiting for the studio · 2 approved')
    const forStudio = await countedPage(`/dashboard/projects/${projectId}`, teamCookie)
    expect(forStudio.queries).toHaveLength(2)
    const studioRaw = await forStudio.response.text()
    const studioHtml = text(studioRaw)
    expect(studioHtml).toContain('Deliverables: 1 waiting for you · 1 waiting for the client · 2 approved')
    expect(studioRaw).toContain(
      `<a href="${reviewPage(posters)}"><span class="badge badge--warn">Waiting for the studio</span>`,
    )
    expect(studioRaw).toContain(
      `<a href="${reviewPage(model)}"><span class="badge badge--good">Approved</span>`,
    )
    expect(studioHtml).toContain('Waiting for the client')
    // The project's activity, newest first.
    const activity = studioRaw.slice(studioRaw.indexOf('id="activity-heading"'))
    expect(text(activity)).toMatch(/Cleo Client \(client\) commented on version 1 of “Brochure”: “Print it.”/)
    expect(text(activity).indexOf('Print it.')).toBeLessThan(text(activity).indexOf('requested changes to'))
  })

  it('the overview lists the decisions and replies among the recent activity', async () => {
    const html = text(await (await send('/dashboard', { cookie: clientCookie })).text())
    expect(html).toContain('Cleo Client (client) approved version 1 of “Product model” (Vela launch)')
    expect(html).toContain(
      'Cleo Client (client) requested changes to version 2 of “Poster set”: “The logo is too small on the A2 poster. Please try 20% larger.”',
    )
  })

  it("the overview's feed entries are the project page's, for the client and for the studio", async () => {
    // The overview reads the feed in its database function, the project page in a Drizzle
    // statement (src/data/activity.ts): both must give an entry the same fields and visibility.
    for (const scope of [{ kind: 'company' as const, companyId }, { kind: 'all' as const }]) {
      const overview = await getOverview(db, scope)
      const project = await getProject(db, scope, projectId)
      const shown = overview.activity.flatMap((item) => (item.kind === 'event' ? [item.event] : []))
      const byId = new Map(project?.activity.map((entry) => [entry.id, entry]))
      const onThisProject = shown.filter((entry) => byId.has(entry.id))
      for (const entry of onThisProject) expect(entry).toEqual(byId.get(entry.id))
      if (scope.kind === 'company') {
        // The client's own overview: only this company's work, so its latest entries are these.
        expect(onThisProject.length).toBeGreaterThan(0)
        expect(shown.every((entry) => entry.clientVisible)).toBe(true)
      }
    }
  })
})

describe("another company's ids", () => {
  it('are 404 on every route, page and API, and change nothing', async () => {
    const other = foreign.deliverable
    const own = posters
    const probes: Array<[string, Parameters<typeof send>[1]]> = [
      [reviewPage(other).replace(projectId, foreign.projectId), { cookie: clientCookie }],
      [reviewPage(other), { cookie: clientCookie }],
      [
        decisionPath(other, other.current, foreign.projectId),
        { cookie: clientCookie, form: { decision: 'approved' } },
      ],
      [decisionPath(other), { cookie: clientCookie, form: { decision: 'approved' } }],
      [decisionPath(own, other.current), { cookie: clientCookie, form: { decision: 'approved' } }],
      [decisionPath(own, other.current), { cookie: clientCookie, form: { decision: 'changes_requested' } }],
      [commentPath(other, other.current, foreign.projectId), { cookie: clientCookie, form: { body: 'Hi' } }],
      [commentPath(own, other.current), { cookie: clientCookie, form: { body: 'Hi' } }],
      [commentPath(own, other.current), { cookie: teamCookie, form: { body: 'Wrong thread' } }],
      [api(`${base(other, foreign.projectId)}/reviews`), { cookie: clientCookie, wantJson: true }],
      [api(`${base(other)}/reviews`), { cookie: teamCookie, wantJson: true }],
      [
        api(decisionPath(other, other.current, foreign.projectId)),
        { cookie: clientCookie, json: { decision: 'approved' } },
      ],
      [api(decisionPath(own, other.current)), { cookie: clientCookie, json: { decision: 'approved' } }],
      [
        api(commentPath(other, other.current, foreign.projectId)),
        { cookie: clientCookie, json: { body: 'Hi' } },
      ],
      [api(commentPath(own, other.current)), { cookie: teamCookie, json: { body: 'Hi' } }],
      [api(commentPath(own, 'not-a-uuid')), { cookie: clientCookie, json: { body: 'Hi' } }],
    ]
    for (const [path, options] of probes) {
      const response = await send(path, options)
      expect([path, response.status]).toEqual([path, 404])
    }
    expect((await versionRow(other.current))?.reviewState).toBe('waiting')
    expect(await thread(other.current)).toHaveLength(0)
    const foreignEvents = await db
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.projectId, foreign.projectId))
    expect(foreignEvents).toHaveLength(0)
    expect(await audits([other.current])).toHaveLength(0)
  })

  it('a post over the limit (60 per account per 10 min) is refused (429) and changes nothing', async () => {
    const busy = await fx.user('client', companyId, { name: 'Busy Client' })
    const windowMs = 600_000
    const start = Math.floor(Date.now() / windowMs) * windowMs
    const key = `review:write:${busy.id}`
    // Both this window and the next, in case the request crosses into it.
    await db.insert(rateLimits).values([
      { key, windowStart: new Date(start), count: 60 },
      { key, windowStart: new Date(start + windowMs), count: 60 },
    ])
    const cookie = await fx.cookie(busy.id)
    const response = await send(commentPath(model), { cookie, form: { body: 'One too many' } })
    expect(response.status).toBe(429)
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
    const json = await send(api(commentPath(model)), { cookie, json: { body: 'One too many' } })
    expect(json.status).toBe(429)
    expect((await thread(model.current)).map((c) => c.body)).not.toContain('One too many')
    await db.delete(rateLimits).where(eq(rateLimits.key, key))
  })

  it('a post from another origin is refused (403) and changes nothing', async () => {
    const video = await deliverable(projectId, 'Teaser')
    const response = await send(decisionPath(video), {
      cookie: clientCookie,
      form: { decision: 'approved' },
      origin: FOREIGN,
    })
    expect(response.status).toBe(403)
    expect((await versionRow(video.current))?.reviewState).toBe('waiting')
  })
})

describe('the OpenAPI document', () => {
  it('describes the three operations', async () => {
    const doc = (await (await send('/api/v1/openapi.json', { wantJson: true })).json()) as {
      paths: Record<string, Record<string, { summary?: string }>>
    }
    const path = '/projects/{id}/deliverables/{deliverableId}'
    expect(doc.paths[`${path}/reviews`]?.get).toBeDefined()
    expect(doc.paths[`${path}/versions/{versionId}/decision`]?.post?.summary).toContain('clients only')
    expect(doc.paths[`${path}/versions/{versionId}/comments`]?.post).toBeDefined()
  })
})

describe('notifications', () => {
  it('a change request tells the studio, a reply tells the client, an internal note tells nobody', async () => {
    const rows = await db
      .select({ kind: outbox.kind, to: sql<string>`${outbox.payload}->>'to'` })
      .from(outbox)
      .where(like(sql`${outbox.payload}->>'to'`, `%@${domainOf(fx)}`))
    expect(rows).toContainEqual({ kind: 'notification.changes_requested', to: team.email })
    expect(rows).toContainEqual({ kind: 'notification.comment_added', to: client.email })
    // The internal note made no second e-mail to the client about the posters.
    expect(rows.filter((r) => r.kind === 'notification.comment_added' && r.to === client.email)).toHaveLength(
      1,
    )
  })
})
