import { env } from 'cloudflare:workers'
import { deliverableVersions, projectDeliverables, projects } from '@kairo/db'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Fixtures } from './support/session.ts'
import {
  generatedFile,
  keysUnder,
  multipartBody,
  PDF_HEAD,
  postUpload,
  removeUploadsOf,
  sha256OfStream,
} from './support/upload-bodies.ts'
import { send } from './team-support.ts'

// Large files stream through the Worker: a 50 MB form upload arrives as a multipart R2 upload of
// 8 MiB parts with the right size and SHA-256; the download streams back, checked as it goes; an
// upload cut off halfway (the client gone) leaves no version and no object, by form or by API.

const fx = new Fixtures()
const db = fx.db
let teamCookie: string
let projectId: string

const MB = 1_000_000

beforeAll(async () => {
  const companyId = await fx.company('Streaming Client')
  teamCookie = await fx.cookie((await fx.user('team', null)).id)
  const [project] = await db
    .insert(projects)
    .values({ companyId, name: 'Big files' })
    .returning({ id: projects.id })
  projectId = project?.id ?? ''
})

afterAll(async () => {
  await removeUploadsOf(projectId)
  await fx.cleanup()
})

const deliverables = () =>
  db.select().from(projectDeliverables).where(eq(projectDeliverables.projectId, projectId))
const versionsOf = (deliverableId: string) =>
  db
    .select()
    .from(deliverableVersions)
    .where(eq(deliverableVersions.deliverableId, deliverableId))
    .orderBy(asc(deliverableVersions.number))

function postForm(title: string, file: { name: string; stream: ReadableStream<Uint8Array> }) {
  const { body, contentType } = multipartBody({ title }, file)
  return postUpload(`/dashboard/projects/${projectId}/deliverables`, {
    cookie: teamCookie,
    body,
    contentType,
    // 60 MB of room: the default limit (95 MiB) would do, this keeps the test independent of it.
    bindings: { DELIVERABLE_MAX_BYTES: String(60 * MB) },
  })
}

let bigId: string

describe('a 50 MB upload', () => {
  it('streams into the bucket with the right size and SHA-256', { timeout: 180_000 }, async () => {
    const size = 50 * MB
    const file = generatedFile(PDF_HEAD, size)
    const response = await postForm('Film master', { name: 'master.pdf', stream: file.stream })
    expect(response.status).toBe(303)
    const [deliverable] = await deliverables()
    bigId = deliverable?.id ?? ''
    const [version] = await versionsOf(bigId)
    const expected = await file.sha256
    expect(version).toMatchObject({
      number: 1,
      bytes: size,
      sha256: expected,
      contentType: 'application/pdf',
    })
    const object = await env.BUCKET.head(version?.objectKey ?? '')
    expect(object?.size).toBe(size)
    // Hash what the bucket holds, independently of the upload's own digest.
    const stored = await env.BUCKET.get(version?.objectKey ?? '')
    expect(await sha256OfStream(stored?.body as ReadableStream<Uint8Array>)).toEqual({
      sha256: expected,
      bytes: size,
    })
  })

  it('downloads with its digest, checked as it streams', { timeout: 120_000 }, async () => {
    const [version] = await versionsOf(bigId)
    const response = await send(
      `/dashboard/projects/${projectId}/deliverables/${bigId}/versions/1/download`,
      {
        cookie: teamCookie,
      },
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('content-length')).toBe(String(50 * MB))
    expect(response.headers.get('repr-digest')).toMatch(/^sha-256=:[A-Za-z0-9+/]{43}=:$/)
    const read = await sha256OfStream(response.body as ReadableStream<Uint8Array>)
    expect(read).toEqual({ sha256: version?.sha256, bytes: 50 * MB })
  })

  it('fails the download rather than finish it when the bytes disagree with the recorded SHA-256', {
    timeout: 120_000,
  }, async () => {
    const [version] = await versionsOf(bigId)
    await db
      .update(deliverableVersions)
      .set({ sha256: '0'.repeat(64) })
      .where(eq(deliverableVersions.id, version?.id ?? ''))
    try {
      const response = await send(
        `/dashboard/projects/${projectId}/deliverables/${bigId}/versions/1/download`,
        {
          cookie: teamCookie,
        },
      )
      // A multipart object carries no SHA-256 of its own in R2, so the check runs on the stream: the
      // last chunk is held back and the body fails instead of completing.
      await expect(sha256OfStream(response.body as ReadableStream<Uint8Array>)).rejects.toThrow()
    } finally {
      await db
        .update(deliverableVersions)
        .set({ sha256: version?.sha256 })
        .where(eq(deliverableVersions.id, version?.id ?? ''))
    }
  })
})

describe('an upload cut off halfway', () => {
  it('by a form leaves no deliverable, no version and no object', { timeout: 60_000 }, async () => {
    const before = await keysUnder(`deliverables/${projectId}/`)
    // 20 MB announced, the client gone after 10 MB: one 8 MiB part was already in R2.
    const file = generatedFile(PDF_HEAD, 20 * MB, 10 * MB)
    const response = await postForm('Cut off', { name: 'half.pdf', stream: file.stream })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain(
      'The upload was cut off before the whole file arrived. Nothing was saved',
    )
    expect((await deliverables()).map((d) => d.title)).toEqual(['Film master'])
    expect(await keysUnder(`deliverables/${projectId}/`)).toEqual(before)
  })

  it('by an API client leaves no version and no object', { timeout: 60_000 }, async () => {
    const before = await keysUnder(`deliverables/${projectId}/${bigId}/`)
    const file = generatedFile(PDF_HEAD, 20 * MB, 10 * MB)
    const response = await postUpload(
      `/api/v1/projects/${projectId}/deliverables/${bigId}/versions?fileName=half.pdf`,
      {
        cookie: teamCookie,
        body: file.stream,
        contentType: 'application/octet-stream',
        accept: 'application/json',
      },
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'upload_incomplete' } })
    expect((await versionsOf(bigId)).map((v) => v.number)).toEqual([1])
    expect(await keysUnder(`deliverables/${projectId}/${bigId}/`)).toEqual(before)
  })

  it('short of its Content-Length leaves nothing either', async () => {
    const before = await keysUnder(`deliverables/${projectId}/${bigId}/`)
    const file = generatedFile(PDF_HEAD, 1000)
    const response = await postUpload(
      `/api/v1/projects/${projectId}/deliverables/${bigId}/versions?fileName=short.pdf`,
      {
        cookie: teamCookie,
        body: file.stream,
        contentType: 'application/octet-stream',
        accept: 'application/json',
        headers: { 'content-length': '2000' },
      },
    )
    expect(response.status).toBe(400)
    expect((await versionsOf(bigId)).map((v) => v.number)).toEqual([1])
    expect(await keysUnder(`deliverables/${projectId}/${bigId}/`)).toEqual(before)
  })
})
