import { auditLog, deliverableVersions, projects } from '@kairo/db'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures } from './support/session.ts'
import { HTML_BYTES, keysUnder, postUpload, removeUploadsOf, sha256Of } from './support/upload-bodies.ts'
import { send } from './team-support.ts'

// `/api/v1` uploads: the raw body is the file (`application/octet-stream`, the name in `fileName`),
// answered in the one JSON error shape when refused; described in the OpenAPI document.

const fx = new Fixtures()
const db = fx.db
let teamCookie: string
let clientCookie: string
let projectId: string

beforeAll(async () => {
  const companyId = await fx.company('Api Upload Client')
  teamCookie = await fx.cookie((await fx.user('team', null)).id)
  clientCookie = await fx.cookie((await fx.user('client', companyId)).id)
  const [project] = await db
    .insert(projects)
    .values({ companyId, name: 'Api uploads' })
    .returning({ id: projects.id })
  projectId = project?.id ?? ''
})

afterAll(async () => {
  await removeUploadsOf(projectId)
  await fx.cleanup()
})

const png = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
])

function apiPost(
  path: string,
  body: Uint8Array,
  options: { contentType?: string; bindings?: Record<string, unknown> } = {},
) {
  return postUpload(`/api/v1${path}`, {
    cookie: teamCookie,
    body,
    contentType: options.contentType ?? 'application/octet-stream',
    accept: 'application/json',
    bindings: options.bindings,
  })
}

type Uploaded = {
  deliverableId: string
  title: string
  version: { number: number; fileName: string; contentType: string; sha256: string; downloadUrl: string }
}

let deliverableId: string

describe('POST /api/v1/projects/{id}/deliverables', () => {
  it('creates a deliverable from the raw body, with a sanitised name and the sniffed type', async () => {
    const response = await apiPost(
      `/projects/${projectId}/deliverables?title=${encodeURIComponent('Key visual')}&fileName=${encodeURIComponent('../renders/key\u202evisual.jpg')}`,
      png,
    )
    expect(response.status).toBe(201)
    const body = (await response.json()) as Uploaded
    deliverableId = body.deliverableId
    expect(body).toMatchObject({
      title: 'Key visual',
      version: {
        number: 1,
        fileName: 'keyvisual.png',
        contentType: 'image/png',
        sha256: await sha256Of(png),
        reviewState: 'waiting',
        viewerStatus: 'none',
        downloadUrl: `/dashboard/projects/${projectId}/deliverables/${deliverableId}/versions/1/download`,
      },
    })
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, deliverableId))).map(
      (e) => e.action,
    )
    expect(actions.sort()).toEqual(['deliverable.created', 'deliverable.version_uploaded'])
    const download = await send(body.version.downloadUrl, { cookie: clientCookie })
    expect(download.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png)
  })

  it('answers refusals in the one error shape, storing nothing', async () => {
    const before = await keysUnder(`deliverables/${projectId}/`)
    const html = await apiPost(
      `/projects/${projectId}/deliverables/${deliverableId}/versions?fileName=page.png`,
      HTML_BYTES,
    )
    expect(html.status).toBe(422)
    expect(await html.json()).toEqual({
      error: {
        code: 'unsupported_type',
        message: expect.stringContaining('not a type we accept'),
        fields: { file: expect.any(String) },
      },
    })
    const big = await apiPost(
      `/projects/${projectId}/deliverables/${deliverableId}/versions?fileName=big.png`,
      png,
      {
        bindings: { DELIVERABLE_MAX_BYTES: '10' },
      },
    )
    expect(big.status).toBe(413)
    expect(await big.json()).toMatchObject({
      error: { code: 'too_large', message: expect.stringContaining('10 bytes') },
    })
    const json = await apiPost(
      `/projects/${projectId}/deliverables/${deliverableId}/versions?fileName=a.png`,
      png,
      {
        contentType: 'application/json',
      },
    )
    expect(json.status).toBe(415)
    expect(await json.json()).toMatchObject({ error: { code: 'unsupported_media_type' } })
    // A form-encodable type is what a cross-site form could send: refused before anything else.
    const form = await apiPost(`/projects/${projectId}/deliverables?title=x&fileName=a.png`, png, {
      contentType: 'multipart/form-data; boundary=x',
    })
    expect(form.status).toBe(415)
    const noName = await apiPost(`/projects/${projectId}/deliverables/${deliverableId}/versions`, png)
    expect(noName.status).toBe(422)
    expect(await noName.json()).toMatchObject({
      error: { code: 'invalid_input', fields: { fileName: expect.any(String) } },
    })
    const noTitle = await apiPost(`/projects/${projectId}/deliverables?title=%20&fileName=a.png`, png)
    expect(noTitle.status).toBe(422)
    expect(await noTitle.json()).toMatchObject({
      error: { fields: { title: "Enter the deliverable's title" } },
    })
    const rows = await db
      .select({ number: deliverableVersions.number })
      .from(deliverableVersions)
      .where(eq(deliverableVersions.deliverableId, deliverableId))
      .orderBy(asc(deliverableVersions.number))
    expect(rows).toEqual([{ number: 1 }])
    expect(await keysUnder(`deliverables/${projectId}/`)).toEqual(before)
  })

  it('is 404 for a client and for an unknown project or deliverable', async () => {
    const client = await postUpload(`/api/v1/projects/${projectId}/deliverables?title=x&fileName=a.png`, {
      cookie: clientCookie,
      body: png,
      contentType: 'application/octet-stream',
      accept: 'application/json',
    })
    expect(client.status).toBe(404)
    expect(
      (await apiPost(`/projects/${crypto.randomUUID()}/deliverables?title=x&fileName=a.png`, png)).status,
    ).toBe(404)
    expect(
      (
        await apiPost(
          `/projects/${projectId}/deliverables/${crypto.randomUUID()}/versions?fileName=a.png`,
          png,
        )
      ).status,
    ).toBe(404)
    expect((await apiPost(`/projects/not-a-uuid/deliverables?title=x&fileName=a.png`, png)).status).toBe(404)
  })
})

describe('GET /api/v1/projects/{id}/deliverables/{deliverableId}', () => {
  it('lists every version for the client of the company', async () => {
    const response = await send(`/api/v1/projects/${projectId}/deliverables/${deliverableId}`, {
      cookie: clientCookie,
      wantJson: true,
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      id: deliverableId,
      title: 'Key visual',
      projectId,
      versions: [{ number: 1, fileName: 'keyvisual.png', uploadedBy: 'Test team' }],
    })
  })
})

describe('the OpenAPI document', () => {
  it('describes the uploads with their raw body and errors', async () => {
    const doc = (await (await send('/api/v1/openapi.json', { wantJson: true })).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }
        >
      >
    }
    const create = doc.paths['/projects/{id}/deliverables']?.post
    expect(Object.keys(create?.requestBody?.content ?? {})).toEqual(['application/octet-stream'])
    expect(Object.keys(create?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '404', '413', '415', '422']),
    )
    expect(doc.paths['/projects/{id}/deliverables/{deliverableId}/versions']?.post).toBeDefined()
    expect(doc.paths['/projects/{id}/deliverables/{deliverableId}']?.get).toBeDefined()
  })
})
