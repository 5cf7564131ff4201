import { env } from 'cloudflare:workers'
import {
  activityEvents,
  auditLog,
  deliverableVersions,
  modelJobs,
  notifications,
  outbox,
  projectDeliverables,
  projects,
} from '@kairo/db'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures, type TestUser } from './support/session.ts'
import {
  bytesStream,
  GLB_HEAD,
  generatedFile,
  HTML_BYTES,
  keysUnder,
  multipartBody,
  PDF_HEAD,
  postUpload,
  removeUploadsOf,
  sha256Of,
} from './support/upload-bodies.ts'
import { countedPage, FOREIGN, headings, send } from './team-support.ts'

// The studio delivers work as versioned files: a deliverable created from the project page with its
// first file, new versions from its page or the API, each streamed into the bucket and recorded with
// its checksum, feed entry and audit entries; refused files leave nothing behind.

const fx = new Fixtures()
const db = fx.db
let team: TestUser
let teamCookie: string
let client: TestUser
let clientCookie: string
let otherClientCookie: string
let companyId: string
let projectId: string
let otherProjectId: string

beforeAll(async () => {
  companyId = await fx.company('Lyra Studio Client')
  const otherCompanyId = await fx.company('Other Lyra')
  team = await fx.user('team', null, { name: 'Tess Team' })
  teamCookie = await fx.cookie(team.id)
  client = await fx.user('client', companyId)
  clientCookie = await fx.cookie(client.id)
  otherClientCookie = await fx.cookie((await fx.user('client', otherCompanyId)).id)
  const [project, other] = await db
    .insert(projects)
    .values([
      { companyId, name: 'Lyra launch' },
      { companyId: otherCompanyId, name: 'Other launch' },
    ])
    .returning({ id: projects.id })
  projectId = project?.id ?? ''
  otherProjectId = other?.id ?? ''
})

afterAll(async () => {
  for (const id of [projectId, otherProjectId]) await removeUploadsOf(id)
  await fx.cleanup()
})

const deliverablesOf = (id: string) =>
  db.select().from(projectDeliverables).where(eq(projectDeliverables.projectId, id))
const versionsOf = (deliverableId: string) =>
  db
    .select()
    .from(deliverableVersions)
    .where(eq(deliverableVersions.deliverableId, deliverableId))
    .orderBy(asc(deliverableVersions.number))

/** A form post of a new deliverable from the project page. */
function postNewDeliverable(
  fields: Record<string, string>,
  file: { name: string; stream: ReadableStream<Uint8Array> } | null,
  options: { cookie?: string; bindings?: Record<string, unknown>; project?: string } = {},
) {
  const { body, contentType } = multipartBody(fields, file)
  return postUpload(`/dashboard/projects/${options.project ?? projectId}/deliverables`, {
    cookie: options.cookie ?? teamCookie,
    body,
    contentType,
    bindings: options.bindings,
  })
}

/** An API upload of a new version (the raw body is the file). */
function apiVersion(deliverableId: string, fileName: string, body: ReadableStream<Uint8Array> | Uint8Array) {
  return postUpload(
    `/api/v1/projects/${projectId}/deliverables/${deliverableId}/versions?fileName=${encodeURIComponent(fileName)}`,
    { cookie: teamCookie, body, contentType: 'application/octet-stream', accept: 'application/json' },
  )
}

let deliverableId: string
const firstPdf = new TextEncoder().encode('%PDF-1.7\n% Lyra brand book, version 1\n%%EOF\n')

describe('a new deliverable from the project page', () => {
  it('shows the studio a labelled multipart form, and clients none', async () => {
    const html = await (await send(`/dashboard/projects/${projectId}`, { cookie: teamCookie })).text()
    expect(html).toContain(
      `<form class="contact-form" method="post" action="/dashboard/projects/${projectId}/deliverables" enctype="multipart/form-data">`,
    )
    expect(html).toContain('<label for="deliverable-title">Title</label>')
    expect(html).toContain('<label for="deliverable-file">File</label>')
    expect(html).toMatch(
      /<input id="deliverable-file" name="file" type="file" accept="[^"]*\.glb[^"]*" required=""/,
    )
    expect(html).toContain('up to 95 MiB')
    const client = await (await send(`/dashboard/projects/${projectId}`, { cookie: clientCookie })).text()
    expect(client).not.toContain('enctype="multipart/form-data"')
  })

  it('stores the file as version 1 and redirects to its page with a message (no JS)', async () => {
    const response = await postNewDeliverable(
      { title: 'Brand book' },
      { name: 'C:\\Users\\tess\\Brand Book FINAL.pdf', stream: bytesStream(firstPdf) },
    )
    expect(response.status).toBe(303)
    const [deliverable] = await deliverablesOf(projectId)
    deliverableId = deliverable?.id ?? ''
    expect(deliverable).toMatchObject({ title: 'Brand book', createdById: team.id })
    expect(response.headers.get('location')).toBe(
      `/dashboard/projects/${projectId}/deliverables/${deliverableId}`,
    )
    expect(decodeURIComponent(response.headers.get('set-cookie') ?? '')).toContain(
      '“Brand book” was added as version 1 (Brand Book FINAL.pdf).',
    )
    const [version] = await versionsOf(deliverableId)
    expect(version).toMatchObject({
      number: 1,
      fileName: 'Brand Book FINAL.pdf',
      contentType: 'application/pdf',
      bytes: firstPdf.length,
      sha256: await sha256Of(firstPdf),
      uploadedById: team.id,
      reviewState: 'waiting',
      viewerStatus: 'none',
    })
    // The object is in the bucket under the deliverable, with R2's own SHA-256 and the sniffed type.
    const object = await env.BUCKET.head(version?.objectKey ?? '')
    expect(version?.objectKey.startsWith(`deliverables/${projectId}/${deliverableId}/`)).toBe(true)
    expect(object?.size).toBe(firstPdf.length)
    expect(object?.httpMetadata?.contentType).toBe('application/pdf')
    expect(object?.checksums.toJSON().sha256).toBe(version?.sha256)
  })

  it('writes the feed entry and the audit entries in the same transaction', async () => {
    const [version] = await versionsOf(deliverableId)
    const events = await db
      .select()
      .from(activityEvents)
      .where(eq(activityEvents.subjectId, version?.id ?? ''))
    expect(events).toEqual([
      expect.objectContaining({
        companyId,
        projectId,
        actorId: team.id,
        kind: 'version.uploaded',
        clientVisible: true,
        details: { deliverableId, title: 'Brand book', version: 1, fileName: 'Brand Book FINAL.pdf' },
      }),
    ])
    const audit = await db.select().from(auditLog).where(eq(auditLog.targetId, deliverableId))
    expect(audit.map((e) => e.action).sort()).toEqual(['deliverable.created', 'deliverable.version_uploaded'])
    expect(audit.find((e) => e.action === 'deliverable.version_uploaded')).toMatchObject({
      actorId: team.id,
      companyId,
      details: { projectId, version: 1, fileName: 'Brand Book FINAL.pdf', contentType: 'application/pdf' },
    })
  })

  it("tells the company's client of the new version (a notification and its e-mail), not the uploader", async () => {
    const told = await db
      .select({ userId: notifications.userId, kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.companyId, companyId))
    expect(told).toEqual([
      {
        userId: client.id,
        kind: 'version_uploaded',
        link: `/dashboard/projects/${projectId}/deliverables/${deliverableId}#version-1`,
      },
    ])
    const mail = await db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(eq(outbox.kind, 'notification.version_uploaded'))
    expect(mail.filter((m) => m.payload.to === client.email)).toHaveLength(1)
  })

  it('lists it on the project page, linked to its page, with the current version', async () => {
    const html = await (await send(`/dashboard/projects/${projectId}`, { cookie: clientCookie })).text()
    const page = `/dashboard/projects/${projectId}/deliverables/${deliverableId}`
    expect(html).toContain(`<th scope="row"><a href="${page}">Brand book</a></th><td>Version 1</td>`)
    expect(html).toContain(`href="/dashboard/projects/${projectId}/files/${deliverableId}" download=""`)
  })

  it('refuses an HTML file named .pdf by its bytes, keeping the title, storing nothing', async () => {
    const response = await postNewDeliverable(
      { title: 'Sneaky brief' },
      { name: 'brief.pdf', stream: bytesStream(HTML_BYTES) },
    )
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toContain('This file’s contents are not a type we accept (“brief.pdf”, judged by its bytes')
    expect(html).toMatch(/<p class="field-error" id="deliverable-file-error">/)
    expect(html).toMatch(
      /id="deliverable-file"[^>]*aria-describedby="deliverable-file-hint deliverable-file-error"/,
    )
    expect(html).toMatch(/id="deliverable-title"[^>]*value="Sneaky brief"/)
    expect(headings(html)).toEqual(['Lyra launch'])
    expect(await deliverablesOf(projectId)).toHaveLength(1)
    expect(await keysUnder(`deliverables/${projectId}/`)).toHaveLength(1)
  })

  it('asks for a title and for a file, storing nothing', async () => {
    const noTitle = await postNewDeliverable(
      { title: '  ' },
      { name: 'a.pdf', stream: bytesStream(firstPdf) },
    )
    expect(noTitle.status).toBe(422)
    expect(await noTitle.text()).toContain('Enter the deliverable&#39;s title')
    const noFile = await postNewDeliverable({ title: 'Nothing chosen' }, null)
    expect(noFile.status).toBe(422)
    const html = await noFile.text()
    expect(html).toContain('Choose a file to upload.')
    expect(html).toMatch(/id="deliverable-title"[^>]*value="Nothing chosen"/)
    const empty = await postNewDeliverable(
      { title: 'Empty' },
      { name: 'empty.pdf', stream: bytesStream(new Uint8Array()) },
    )
    expect(empty.status).toBe(422)
    expect(await empty.text()).toContain('The file is empty.')
    expect(await deliverablesOf(projectId)).toHaveLength(1)
    expect(await keysUnder(`deliverables/${projectId}/`)).toHaveLength(1)
  })

  it('refuses a file over DELIVERABLE_MAX_BYTES with a clear message, storing nothing', async () => {
    const bindings = { DELIVERABLE_MAX_BYTES: '100000' }
    const file = generatedFile(PDF_HEAD, 300_000)
    const response = await postNewDeliverable(
      { title: 'Too big' },
      { name: 'big.pdf', stream: file.stream },
      { bindings },
    )
    expect(response.status).toBe(413)
    const html = await response.text()
    expect(html).toContain('The file is larger than the limit of 97 KiB.')
    expect(html).toContain('up to 97 KiB')
    // Declared too large up front: refused before a byte is read.
    const declared = multipartBody({ title: 'Declared' }, { name: 'big.pdf', stream: bytesStream(firstPdf) })
    const early = await postUpload(`/dashboard/projects/${projectId}/deliverables`, {
      cookie: teamCookie,
      ...declared,
      headers: { 'content-length': String(100_000 + 64 * 1024 + 1) },
      bindings,
    })
    expect(early.status).toBe(413)
    expect(await deliverablesOf(projectId)).toHaveLength(1)
    expect(await keysUnder(`deliverables/${projectId}/`)).toHaveLength(1)
  })

  it('refuses a foreign origin (CSRF) and a client, storing nothing', async () => {
    const { body, contentType } = multipartBody(
      { title: 'Evil' },
      { name: 'x.pdf', stream: bytesStream(firstPdf) },
    )
    const foreign = await postUpload(`/dashboard/projects/${projectId}/deliverables`, {
      cookie: teamCookie,
      body,
      contentType,
      headers: { origin: FOREIGN, 'sec-fetch-site': 'cross-site' },
    })
    expect(foreign.status).toBe(403)
    const client = await postNewDeliverable(
      { title: 'Client upload' },
      { name: 'x.pdf', stream: bytesStream(firstPdf) },
      { cookie: clientCookie },
    )
    expect(client.status).toBe(404)
    expect(await deliverablesOf(projectId)).toHaveLength(1)
  })
})

describe("the deliverable's page", () => {
  it('lists every version with its download, read-only for the client, in two round trips', async () => {
    const path = `/dashboard/projects/${projectId}/deliverables/${deliverableId}`
    const { response, queries } = await countedPage(path, clientCookie)
    expect(response.status).toBe(200)
    expect(queries).toHaveLength(2)
    const html = await response.text()
    expect(headings(html)).toEqual(['Brand book'])
    expect(html).toContain('<th scope="row">Version 1</th>')
    expect(html).toContain(
      `<a href="${path}/versions/1/download" download=""><span class="visually-hidden">Download version 1: </span>Brand Book FINAL.pdf</a>`,
    )
    expect(html).toContain('PDF document')
    expect(html).toContain('Tess Team')
    expect(html).toContain('<span class="badge badge--neutral">Waiting for review</span>')
    expect(html).not.toContain('enctype="multipart/form-data"')
    const staff = await (await send(path, { cookie: teamCookie })).text()
    expect(staff).toContain(`action="${path}/versions" enctype="multipart/form-data"`)
    expect(staff).toContain('Upload version 2')
  })

  it('takes a new version from its form, numbered 2', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n% version 2\n')
    const { body, contentType } = multipartBody({}, { name: 'brand-book-v2.pdf', stream: bytesStream(pdf) })
    const path = `/dashboard/projects/${projectId}/deliverables/${deliverableId}`
    const response = await postUpload(`${path}/versions`, { cookie: teamCookie, body, contentType })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe(path)
    expect(decodeURIComponent(response.headers.get('set-cookie') ?? '')).toContain(
      'Version 2 of “Brand book” was uploaded (brand-book-v2.pdf).',
    )
    expect((await versionsOf(deliverableId)).map((v) => v.number)).toEqual([1, 2])
    const html = await (await send(`/dashboard/projects/${projectId}`, { cookie: clientCookie })).text()
    expect(html).toContain('<td>Version 2</td>')
  })

  it('shows a refused version with the message by the file field', async () => {
    const { body, contentType } = multipartBody({}, { name: 'page.pdf', stream: bytesStream(HTML_BYTES) })
    const path = `/dashboard/projects/${projectId}/deliverables/${deliverableId}`
    const response = await postUpload(`${path}/versions`, { cookie: teamCookie, body, contentType })
    expect(response.status).toBe(422)
    const html = await response.text()
    expect(html).toMatch(/<p class="field-error" id="version-file-error">This file’s contents are not a type/)
    expect(html).toContain('<h2 id="version-error-summary-title">There is a problem</h2>')
    expect((await versionsOf(deliverableId)).map((v) => v.number)).toEqual([1, 2])
  })
})

describe('downloads', () => {
  it('serves each version with its checksum in Repr-Digest', async () => {
    const [first] = await versionsOf(deliverableId)
    const response = await send(
      `/dashboard/projects/${projectId}/deliverables/${deliverableId}/versions/1/download`,
      {
        cookie: clientCookie,
      },
    )
    expect(response.status).toBe(200)
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(bytes).toEqual(firstPdf)
    const base64 = btoa(
      String.fromCharCode(...(first?.sha256?.match(/../g) ?? []).map((h) => Number.parseInt(h, 16))),
    )
    expect(response.headers.get('repr-digest')).toBe(`sha-256=:${base64}:`)
    expect(response.headers.get('content-disposition')).toContain('filename="Brand Book FINAL.pdf"')
    // The files/ link serves the newest version.
    const newest = await send(`/dashboard/projects/${projectId}/files/${deliverableId}`, {
      cookie: clientCookie,
    })
    expect(await newest.text()).toContain('% version 2')
  })

  it('refuses to serve a version whose stored object disagrees with its checksum', async () => {
    const [first] = await versionsOf(deliverableId)
    const wrong = 'f'.repeat(64)
    await db
      .update(deliverableVersions)
      .set({ sha256: wrong })
      .where(eq(deliverableVersions.id, first?.id ?? ''))
    try {
      const response = await send(
        `/dashboard/projects/${projectId}/deliverables/${deliverableId}/versions/1/download`,
        { cookie: clientCookie },
      )
      expect(response.status).toBe(502)
      const html = await response.text()
      expect(html).toContain('This file failed its integrity check')
      expect(html).not.toContain('Lyra brand book, version 1')
    } finally {
      await db
        .update(deliverableVersions)
        .set({ sha256: first?.sha256 })
        .where(eq(deliverableVersions.id, first?.id ?? ''))
    }
  })
})

describe('version numbers', () => {
  it('gives two concurrent uploads consecutive numbers, never a clash', async () => {
    const pdf = (n: number) => new TextEncoder().encode(`%PDF-1.7\n% concurrent ${n}\n`)
    const responses = await Promise.all([
      apiVersion(deliverableId, 'a.pdf', pdf(1)),
      apiVersion(deliverableId, 'b.pdf', pdf(2)),
    ])
    expect(responses.map((r) => r.status)).toEqual([201, 201])
    const bodies = (await Promise.all(responses.map((r) => r.json()))) as Array<{
      version: { number: number }
    }>
    const numbers = bodies.map((b) => b.version.number).sort()
    expect(numbers).toEqual([3, 4])
    expect((await versionsOf(deliverableId)).map((v) => v.number)).toEqual([1, 2, 3, 4])
  })
})

describe('3D deliverables', () => {
  it('queues a GLB for the viewer with its model job, in the same transaction', async () => {
    const glb = generatedFile(GLB_HEAD, 5000)
    const response = await postNewDeliverable(
      { title: 'Product model' },
      { name: 'chair.bin', stream: glb.stream },
    )
    expect(response.status).toBe(303)
    const [model] = (await deliverablesOf(projectId)).filter((d) => d.title === 'Product model')
    const [version] = await versionsOf(model?.id ?? '')
    expect(version).toMatchObject({
      fileName: 'chair.glb',
      contentType: 'model/gltf-binary',
      viewerStatus: 'queued',
      sha256: await glb.sha256,
    })
    const jobs = await db
      .select()
      .from(modelJobs)
      .where(eq(modelJobs.versionId, version?.id ?? ''))
    expect(jobs).toEqual([expect.objectContaining({ state: 'queued', attempts: 0 })])
  })
})

describe("another company's ids", () => {
  it('are 404 on every deliverable route for a client, changing nothing', async () => {
    const [mine] = await versionsOf(deliverableId)
    const base = `/dashboard/projects/${projectId}/deliverables/${deliverableId}`
    for (const path of [
      base,
      `${base}/versions/1/download`,
      `/dashboard/projects/${projectId}/files/${deliverableId}`,
    ]) {
      const response = await send(path, { cookie: otherClientCookie })
      expect(response.status, path).toBe(404)
      expect(await response.text()).not.toContain('Brand book')
    }
    const api = await send(`/api/v1/projects/${projectId}/deliverables/${deliverableId}`, {
      cookie: otherClientCookie,
      wantJson: true,
    })
    expect(api.status).toBe(404)
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } })
    const { body, contentType } = multipartBody({}, { name: 'x.pdf', stream: bytesStream(firstPdf) })
    const upload = await postUpload(`${base}/versions`, { cookie: otherClientCookie, body, contentType })
    expect(upload.status).toBe(404)
    const rawUpload = await postUpload(
      `/api/v1/projects/${projectId}/deliverables/${deliverableId}/versions?fileName=x.pdf`,
      {
        cookie: otherClientCookie,
        body: firstPdf,
        contentType: 'application/octet-stream',
        accept: 'application/json',
      },
    )
    expect(rawUpload.status).toBe(404)
    expect((await versionsOf(deliverableId))[0]).toEqual(mine)
    expect(await versionsOf(deliverableId)).toHaveLength(4)
  })

  it("are 404 for the studio when a deliverable is addressed through another project's URL", async () => {
    const wrong = `/dashboard/projects/${otherProjectId}/deliverables/${deliverableId}`
    expect((await send(wrong, { cookie: teamCookie })).status).toBe(404)
    expect((await send(`${wrong}/versions/1/download`, { cookie: teamCookie })).status).toBe(404)
    const { body, contentType } = multipartBody({}, { name: 'x.pdf', stream: bytesStream(firstPdf) })
    expect((await postUpload(`${wrong}/versions`, { cookie: teamCookie, body, contentType })).status).toBe(
      404,
    )
    const raw = await postUpload(
      `/api/v1/projects/${otherProjectId}/deliverables/${deliverableId}/versions?fileName=x.pdf`,
      {
        cookie: teamCookie,
        body: firstPdf,
        contentType: 'application/octet-stream',
        accept: 'application/json',
      },
    )
    expect(raw.status).toBe(404)
    const unknown = `/dashboard/projects/${projectId}/deliverables/${crypto.randomUUID()}`
    expect((await send(unknown, { cookie: teamCookie })).status).toBe(404)
    expect(
      (await send(`/dashboard/projects/${projectId}/deliverables/not-a-uuid`, { cookie: teamCookie })).status,
    ).toBe(404)
    expect((await send(`${unknown}/versions/1/download`, { cookie: teamCookie })).status).toBe(404)
    expect(await versionsOf(deliverableId)).toHaveLength(4)
    expect(await keysUnder(`deliverables/${otherProjectId}/`)).toEqual([])
    expect(await deliverablesOf(otherProjectId)).toEqual([])
  })
})
