import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { activityEvents, deliverableVersions, modelJobs, projectDeliverables, projects } from '@kairo/db'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import type { ErrorBody } from '../src/lib/errors.ts'
import { ModelPreview, type PreviewedVersion } from '../src/views/dashboard/model-preview.tsx'
import { requestCountingQueries } from './support/count-queries.ts'
import { Fixtures } from './support/session.ts'

// The 3D deliverables' queue as the pipeline worker drives it through /internal/model-jobs (claims
// under a lease, the source, the outputs, complete and fail), and the scoped route that serves a ready
// version's viewer files to its company. The worker's side runs in assets-pipeline's tests.

const TOKEN = 'test-pipeline-token-0123456789abcdef-0123456789'
const ORIGIN = 'http://localhost'
const withToken = { ...env, PIPELINE_TOKEN: TOKEN }

const fx = new Fixtures()
const db = fx.db
let companyId: string
let projectId: string
let deliverableId: string
let clientCookie: string
let otherClientCookie: string
let teamCookie: string
let versionCount = 0
const versionIds: string[] = []

/** A request to the internal routes, with the pipeline's token unless `token` says otherwise. */
async function pipe(
  path: string,
  init: RequestInit & { token?: string | null; bindings?: Cloudflare.Env } = {},
): Promise<Response> {
  const headers = new Headers(init.headers)
  const token = init.token === undefined ? TOKEN : init.token
  if (token !== null) headers.set('authorization', `Bearer ${token}`)
  const ctx = createExecutionContext()
  const response = await app.request(
    `${ORIGIN}/internal/model-jobs${path}`,
    { ...init, headers },
    init.bindings ?? withToken,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}

const postJson = (path: string, body: unknown) =>
  pipe(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const putOutput = (jobId: string, name: string, bytes: Uint8Array) =>
  pipe(`/${jobId}/outputs/${name}`, {
    method: 'PUT',
    headers: { 'content-length': String(bytes.byteLength), 'content-type': 'application/octet-stream' },
    body: bytes,
  })

/**
 * A new version of the test deliverable with its queued job, as the upload route leaves them. Jobs
 * are dated in 2000, older than any another test file may queue, so "the oldest due" is ours.
 */
async function queuedVersion(
  createdAt: Date,
  source: Uint8Array<ArrayBuffer> = new Uint8Array([103, 108, 84, 70]),
) {
  versionCount += 1
  const objectKey = `deliverables/test-${fx.run}/v${versionCount}.glb`
  await env.BUCKET.put(objectKey, source)
  const [version] = await db
    .insert(deliverableVersions)
    .values({
      deliverableId,
      number: versionCount,
      fileName: `robot-v${versionCount}.glb`,
      objectKey,
      contentType: 'model/gltf-binary',
      bytes: source.byteLength,
      viewerStatus: 'queued',
    })
    .returning({ id: deliverableVersions.id })
  if (!version) throw new Error('fixture: version not created')
  versionIds.push(version.id)
  const [job] = await db
    .insert(modelJobs)
    .values({ versionId: version.id, createdAt })
    .returning({ id: modelJobs.id })
  if (!job) throw new Error('fixture: job not created')
  return { versionId: version.id, jobId: job.id, number: versionCount, objectKey }
}

interface ClaimedJobJson {
  id: string
  versionId: string
  fileName: string
  contentType: string
  attempts: number
  lockedUntil: string
  sourceUrl: string
}
/** The error code of a JSON error answer. */
const errorCode = async (response: Response) => ((await response.json()) as ErrorBody).error.code

const jobRow = async (id: string) => (await db.select().from(modelJobs).where(eq(modelJobs.id, id)))[0]
const versionRow = async (id: string) =>
  (await db.select().from(deliverableVersions).where(eq(deliverableVersions.id, id)))[0]
const events = (versionId: string) =>
  db.select().from(activityEvents).where(eq(activityEvents.subjectId, versionId))
const claim = async () => {
  const response = await pipe('/claim', { method: 'POST' })
  const body = response.status === 200 ? ((await response.json()) as { job: ClaimedJobJson }) : null
  return { status: response.status, job: body?.job ?? null }
}
const expireLease = (jobId: string) =>
  db
    .update(modelJobs)
    .set({ lockedUntil: new Date(Date.now() - 1000) })
    .where(eq(modelJobs.id, jobId))

/** A manifest as the pipeline worker sends it: fixed names, URLs relative to the manifest. */
const manifest = (extra: Record<string, unknown> = {}) => ({
  version: 1,
  name: 'model',
  lods: [
    { level: 0, key: 'lod0.glb', url: 'lod0.glb', bytes: 3 },
    { level: 1, key: 'lod1.glb', url: 'lod1.glb', bytes: 3 },
  ],
  poster: {
    width: 1200,
    height: 900,
    background: '#0b0d12',
    images: ['poster-1200.avif', 'poster-1200.webp', 'poster-600.avif', 'poster-600.webp'].map((key) => ({
      key,
      url: key,
    })),
  },
  ...extra,
})
const OUTPUTS = [
  'lod0.glb',
  'lod1.glb',
  'poster-1200.avif',
  'poster-1200.webp',
  'poster-600.avif',
  'poster-600.webp',
]

beforeAll(async () => {
  companyId = await fx.company('Vela Robotics')
  const otherCompanyId = await fx.company('Other Orbit')
  const [project] = await db
    .insert(projects)
    .values({ companyId, name: 'Vela rover' })
    .returning({ id: projects.id })
  projectId = project?.id ?? ''
  const [deliverable] = await db
    .insert(projectDeliverables)
    .values({ projectId, title: 'Rover model' })
    .returning({ id: projectDeliverables.id })
  deliverableId = deliverable?.id ?? ''
  clientCookie = await fx.cookie((await fx.user('client', companyId)).id)
  otherClientCookie = await fx.cookie((await fx.user('client', otherCompanyId)).id)
  teamCookie = await fx.cookie((await fx.user('team', null)).id)
})

afterAll(async () => {
  for (const versionId of versionIds) {
    const listed = await env.BUCKET.list({ prefix: `viewer/${versionId}/` })
    await Promise.all(listed.objects.map((object) => env.BUCKET.delete(object.key)))
  }
  await fx.cleanup()
})

describe('the pipeline token', () => {
  it('is required: none, another scheme, a wrong one or none configured is 401 and claims nothing', async () => {
    const { jobId, versionId } = await queuedVersion(new Date('2000-01-01T00:00:00Z'))
    const attempts: Response[] = [
      await pipe('/claim', { method: 'POST', token: null }),
      await pipe('/claim', { method: 'POST', token: `${TOKEN}x` }),
      await pipe('/claim', { method: 'POST', token: '' }),
      await pipe('/claim', {
        method: 'POST',
        headers: { authorization: `Basic ${btoa(`x:${TOKEN}`)}` },
        token: null,
      }),
      await pipe('/claim', { method: 'POST', bindings: env }),
      await pipe(`/${jobId}/source`, { token: 'wrong' }),
    ]
    for (const response of attempts) {
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toContain('Bearer')
      expect(await response.json()).toEqual({
        error: { code: 'unauthorized', message: 'A valid pipeline token is required' },
      })
    }
    expect((await jobRow(jobId))?.state).toBe('queued')
    expect((await versionRow(versionId))?.viewerStatus).toBe('queued')
    // Leave nothing due for the claims below.
    await db.delete(modelJobs).where(eq(modelJobs.id, jobId))
  })

  it('is refused by the Worker when set to something too short to be a secret', async () => {
    const response = await pipe('/claim', {
      method: 'POST',
      token: 'short',
      bindings: { ...env, PIPELINE_TOKEN: 'short' },
    })
    expect(response.status).toBe(500)
  })
})

describe('claims', () => {
  let a: Awaited<ReturnType<typeof queuedVersion>>
  let b: Awaited<ReturnType<typeof queuedVersion>>
  let c: Awaited<ReturnType<typeof queuedVersion>>

  beforeAll(async () => {
    // Queued out of order: the claim goes by age, not by insertion.
    c = await queuedVersion(new Date('2000-01-03T00:00:00Z'))
    a = await queuedVersion(new Date('2000-01-01T00:00:00Z'))
    b = await queuedVersion(new Date('2000-01-02T00:00:00Z'))
  })

  it('two at once take the two oldest jobs, one each, and lease them', async () => {
    const [first, second] = await Promise.all([claim(), claim()])
    expect(first.status).toBe(200)
    expect(second.status).toBe(200)
    expect(new Set([first.job?.id, second.job?.id])).toEqual(new Set([a.jobId, b.jobId]))
    const claimedA = first.job?.id === a.jobId ? first.job : second.job
    expect(claimedA).toMatchObject({
      versionId: a.versionId,
      fileName: `robot-v${a.number}.glb`,
      contentType: 'model/gltf-binary',
      attempts: 1,
      sourceUrl: `${ORIGIN}/internal/model-jobs/${a.jobId}/source`,
    })
    const lease = new Date(claimedA?.lockedUntil ?? 0).getTime() - Date.now()
    expect(lease).toBeGreaterThan(10 * 60 * 1000)
    for (const { jobId, versionId } of [a, b]) {
      expect(await jobRow(jobId)).toMatchObject({ state: 'running', attempts: 1 })
      expect((await versionRow(versionId))?.viewerStatus).toBe('processing')
    }
  })

  it('passes over leased jobs to the next due one', async () => {
    const next = await claim()
    expect(next.job?.id).toBe(c.jobId)
  })

  it('takes a job again once its lease ran out (its worker died), counting the attempt', async () => {
    await expireLease(a.jobId)
    const again = await claim()
    expect(again.job).toMatchObject({ id: a.jobId, attempts: 2 })
    expect(await jobRow(a.jobId)).toMatchObject({ state: 'running', attempts: 2 })
  })

  it('gives up on a job whose lease ran out on its last attempt: the version is not viewable, with why', async () => {
    await db.update(modelJobs).set({ attempts: 3 }).where(eq(modelJobs.id, a.jobId))
    await expireLease(a.jobId)
    const d = await queuedVersion(new Date('2000-01-04T00:00:00Z'))
    const next = await claim()
    expect(next.job?.id).toBe(d.jobId)
    const job = await jobRow(a.jobId)
    expect(job).toMatchObject({ state: 'failed', attempts: 3, lockedUntil: null })
    expect(job?.finishedAt).toBeInstanceOf(Date)
    const version = await versionRow(a.versionId)
    expect(version?.viewerStatus).toBe('failed')
    expect(version?.viewerError).toBe(
      'The model could not be prepared for viewing: processing stopped 3 times without finishing.',
    )
    const [event] = await events(a.versionId)
    expect(event).toMatchObject({ kind: 'version.viewer_failed', companyId, projectId, clientVisible: true })
    expect(event?.details).toMatchObject({ title: 'Rover model', version: a.number })
    // Its routes are closed to the worker that died.
    expect((await pipe(`/${a.jobId}/source`)).status).toBe(409)
  })
})

describe('a claimed job', () => {
  let job: Awaited<ReturnType<typeof queuedVersion>>
  const source = new Uint8Array(new TextEncoder().encode('glTF binary bytes of the rover'))

  beforeAll(async () => {
    job = await queuedVersion(new Date('2000-01-01T00:00:00Z'), source)
    expect((await claim()).job?.id).toBe(job.jobId)
  })

  it('streams its source; a job not under a lease has none', async () => {
    const response = await pipe(`/${job.jobId}/source`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('model/gltf-binary')
    expect(response.headers.get('content-length')).toBe(String(source.byteLength))
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(source)
    const queued = await queuedVersion(new Date())
    for (const id of [queued.jobId, crypto.randomUUID(), 'not-a-uuid']) {
      const refused = await pipe(`/${id}/source`)
      expect(refused.status).toBe(409)
      expect(await errorCode(refused)).toBe('not_leased')
    }
    await db.delete(modelJobs).where(eq(modelJobs.id, queued.jobId))
  })

  it('stores outputs under its version’s prefix, and only names the pipeline writes', async () => {
    const response = await putOutput(job.jobId, 'lod0.glb', new Uint8Array([1, 2, 3]))
    expect(response.status).toBe(204)
    const stored = await env.BUCKET.get(`viewer/${job.versionId}/lod0.glb`)
    expect(stored?.httpMetadata?.contentType).toBe('model/gltf-binary')
    expect(new Uint8Array(await (stored as R2ObjectBody).arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]))
    for (const name of [
      'manifest.json',
      '..%2Fmanifest.json',
      '%2E%2E%2F%2E%2E%2Fdeliverables%2Fx.glb',
      '.lod0.glb',
      'lod0.glb.exe',
      'LOD0.GLB',
      'poster-1200.png',
      'lod10.glb',
    ]) {
      const refused = await putOutput(job.jobId, name, new Uint8Array([1]))
      expect(refused.status, name).toBe(400)
      expect(await errorCode(refused)).toBe('invalid_output_name')
    }
    // A nested path is no route at all.
    const nested = await putOutput(job.jobId, 'x%2F..%2F..%2Flod0.glb', new Uint8Array([1]))
    expect(nested.status).toBe(400)
    const deeper = await pipe(`/${job.jobId}/outputs/a/lod0.glb`, {
      method: 'PUT',
      body: new Uint8Array([1]),
    })
    expect(deeper.status).toBe(404)
    expect(await errorCode(deeper)).toBe('not_found')
    const listed = await env.BUCKET.list({ prefix: `viewer/${job.versionId}/` })
    expect(listed.objects.map((o) => o.key)).toEqual([`viewer/${job.versionId}/lod0.glb`])
  })

  it('completes only when every file the manifest names is there, then is ready in one step', async () => {
    const early = await postJson(`/${job.jobId}/complete`, { manifest: manifest() })
    expect(early.status).toBe(422)
    expect(await errorCode(early)).toBe('outputs_missing')
    expect((await jobRow(job.jobId))?.state).toBe('running')
    for (const name of OUTPUTS) {
      expect((await putOutput(job.jobId, name, new TextEncoder().encode(name))).status).toBe(204)
    }
    const absolute = manifest({ lods: [{ key: 'lod0.glb', url: 'https://evil.example/lod0.glb' }] })
    expect((await postJson(`/${job.jobId}/complete`, { manifest: absolute })).status).toBe(422)
    const noPoster = manifest({ poster: null })
    expect((await postJson(`/${job.jobId}/complete`, { manifest: noPoster })).status).toBe(422)

    const done = await postJson(`/${job.jobId}/complete`, { manifest: manifest() })
    expect(done.status).toBe(200)
    expect(await done.json()).toEqual({
      id: job.jobId,
      state: 'done',
      viewerPrefix: `viewer/${job.versionId}/`,
    })
    const row = await jobRow(job.jobId)
    expect(row).toMatchObject({ state: 'done', lockedUntil: null, lastError: null })
    expect(row?.finishedAt).toBeInstanceOf(Date)
    expect(await versionRow(job.versionId)).toMatchObject({
      viewerStatus: 'ready',
      viewerPrefix: `viewer/${job.versionId}/`,
      viewerError: null,
    })
    const stored = await env.BUCKET.get(`viewer/${job.versionId}/manifest.json`)
    expect(await (stored as R2ObjectBody).json()).toMatchObject({
      lods: [{ url: 'lod0.glb' }, { url: 'lod1.glb' }],
    })
    const [event] = await events(job.versionId)
    expect(event).toMatchObject({ kind: 'version.viewer_ready', companyId, projectId, clientVisible: true })

    // Finished: nothing more is accepted for it.
    expect((await postJson(`/${job.jobId}/complete`, { manifest: manifest() })).status).toBe(409)
    expect((await postJson(`/${job.jobId}/fail`, { reason: 'late' })).status).toBe(409)
    expect((await putOutput(job.jobId, 'lod0.glb', new Uint8Array([9]))).status).toBe(409)
  })
})

describe('failures', () => {
  it('a model the pipeline rejects: the version says why and stays downloadable', async () => {
    const job = await queuedVersion(new Date('2000-01-01T00:00:00Z'))
    expect((await claim()).job?.id).toBe(job.jobId)
    expect((await postJson(`/${job.jobId}/fail`, { reason: '' })).status).toBe(422)
    const response = await postJson(`/${job.jobId}/fail`, {
      reason: `robot-v${job.number}.glb is not a glTF file`,
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ id: job.jobId, state: 'failed' })
    expect(await jobRow(job.jobId)).toMatchObject({
      state: 'failed',
      lockedUntil: null,
      lastError: `robot-v${job.number}.glb is not a glTF file`,
    })
    const version = await versionRow(job.versionId)
    expect(version).toMatchObject({
      viewerStatus: 'failed',
      viewerError: `The model could not be prepared for viewing: robot-v${job.number}.glb is not a glTF file.`,
    })
    expect(await env.BUCKET.head(job.objectKey)).not.toBeNull()
    const [event] = await events(job.versionId)
    expect(event).toMatchObject({ kind: 'version.viewer_failed', clientVisible: true })
    expect(event?.details).toMatchObject({ reason: `robot-v${job.number}.glb is not a glTF file` })
  })

  it('a fault of the worker queues the job again after a wait, until the last attempt', async () => {
    const job = await queuedVersion(new Date('2000-01-01T00:00:00Z'))
    expect((await claim()).job?.id).toBe(job.jobId)
    const response = await postJson(`/${job.jobId}/fail`, { reason: 'Chromium crashed', retry: true })
    expect(await response.json()).toEqual({ id: job.jobId, state: 'queued' })
    const row = await jobRow(job.jobId)
    expect(row).toMatchObject({ state: 'queued', attempts: 1, lastError: 'Chromium crashed' })
    expect(row?.lockedUntil?.getTime()).toBeGreaterThan(Date.now())
    expect((await versionRow(job.versionId))?.viewerStatus).toBe('queued')
    // Not due during the wait; due after it.
    expect((await claim()).job?.id).not.toBe(job.jobId)
    await expireLease(job.jobId)
    await db.update(modelJobs).set({ attempts: 2 }).where(eq(modelJobs.id, job.jobId))
    expect((await claim()).job).toMatchObject({ id: job.jobId, attempts: 3 })
    const last = await postJson(`/${job.jobId}/fail`, { reason: 'Chromium crashed', retry: true })
    expect(await last.json()).toEqual({ id: job.jobId, state: 'failed' })
    expect((await versionRow(job.versionId))?.viewerError).toBe(
      'The model could not be prepared for viewing: Chromium crashed.',
    )
  })
})

describe('the viewer files route', () => {
  let ready: Awaited<ReturnType<typeof queuedVersion>>
  let pending: Awaited<ReturnType<typeof queuedVersion>>
  const fileUrl = (number: number, file: string, project = projectId, deliverable = deliverableId) =>
    `${ORIGIN}/dashboard/projects/${project}/deliverables/${deliverable}/versions/${number}/viewer/${file}`
  const get = async (url: string, cookie: string, headers: Record<string, string> = {}) => {
    const ctx = createExecutionContext()
    const response = await app.request(url, { headers: { cookie, ...headers } }, env, ctx)
    await waitOnExecutionContext(ctx)
    return response
  }

  beforeAll(async () => {
    ready = await queuedVersion(new Date('2000-01-01T00:00:00Z'))
    expect((await claim()).job?.id).toBe(ready.jobId)
    for (const name of OUTPUTS)
      await putOutput(ready.jobId, name, new TextEncoder().encode(`bytes of ${name}`))
    expect((await postJson(`/${ready.jobId}/complete`, { manifest: manifest() })).status).toBe(200)
    pending = await queuedVersion(new Date())
  })

  it('serves a ready version’s poster to its company, privately, in two round trips', async () => {
    const { response, queries } = await requestCountingQueries(fileUrl(ready.number, 'poster-1200.avif'), {
      headers: { cookie: clientCookie },
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/avif')
    expect(response.headers.get('cache-control')).toBe('private, no-cache')
    expect(new TextDecoder().decode(await response.arrayBuffer())).toBe('bytes of poster-1200.avif')
    expect(queries).toHaveLength(2)
    const etag = response.headers.get('etag') ?? ''
    const again = await get(fileUrl(ready.number, 'poster-1200.avif'), clientCookie, {
      'if-none-match': etag,
    })
    expect(again.status).toBe(304)
    const manifestFile = await get(fileUrl(ready.number, 'manifest.json'), teamCookie)
    expect(manifestFile.headers.get('content-type')).toBe('application/json')
    expect(await manifestFile.json()).toMatchObject({ poster: { width: 1200 } })
  })

  it('is a 404 for another company, a version not ready, another project’s URL or a name that is no viewer file', async () => {
    const otherProjectId = (
      await db.insert(projects).values({ companyId, name: 'Vela other' }).returning({ id: projects.id })
    )[0]?.id as string
    const refused = [
      await get(fileUrl(ready.number, 'poster-1200.avif'), otherClientCookie),
      await get(fileUrl(pending.number, 'poster-1200.avif'), clientCookie),
      await get(fileUrl(ready.number, 'poster-1200.avif', otherProjectId), clientCookie),
      await get(fileUrl(ready.number, 'poster-1200.avif', projectId, crypto.randomUUID()), clientCookie),
      await get(fileUrl(ready.number, 'secrets.txt'), clientCookie),
      await get(fileUrl(ready.number, 'poster-800.avif'), clientCookie),
      await get(fileUrl(0, 'poster-1200.avif'), clientCookie),
      await get(fileUrl(ready.number, '..%2F..%2Fv1.glb'), clientCookie),
    ]
    for (const response of refused) {
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('bytes of')
    }
    const signedOut = await get(fileUrl(ready.number, 'poster-1200.avif'), '')
    expect(signedOut.status).toBe(303)
  })
})

describe('the deliverable page', () => {
  it('shows the current version’s 3D state with its download, in the page’s two round trips', async () => {
    const current = await queuedVersion(new Date('2000-01-01T00:00:00Z'))
    const page = `${ORIGIN}/dashboard/projects/${projectId}/deliverables/${deliverableId}`
    const queued = await requestCountingQueries(page, {
      headers: { cookie: clientCookie, accept: 'text/html' },
    })
    expect(queued.response.status).toBe(200)
    const html = await queued.response.text()
    expect(html).toContain('<p role="status">Preparing the 3D view…')
    expect(html).toContain(`Download robot-v${current.number}.glb`)
    expect(queued.queries).toHaveLength(2)

    expect((await claim()).job?.id).toBe(current.jobId)
    await postJson(`/${current.jobId}/fail`, {
      reason: `robot-v${current.number}.glb is not a GLB file (no glTF magic)`,
    })
    const failed = await (
      await requestCountingQueries(page, { headers: { cookie: clientCookie } })
    ).response.text()
    expect(failed).toContain(
      `Not viewable in 3D: robot-v${current.number}.glb is not a GLB file (no glTF magic).`,
    )
  })
})

describe('ModelPreview', () => {
  const base = {
    projectId: '11111111-1111-4111-8111-111111111111',
    deliverableId: '22222222-2222-4222-8222-222222222222',
    title: 'Rover <model>',
    downloadHref: '/download/rover',
  }
  const render = async (version: Partial<PreviewedVersion>) =>
    String(
      await ModelPreview({
        ...base,
        version: { number: 2, fileName: 'rover.glb', viewerStatus: 'none', viewerError: null, ...version },
      }),
    )

  it('shows the poster when ready: AVIF and WebP, sized, described, with the download', async () => {
    const html = await render({ viewerStatus: 'ready' })
    const prefix = `/dashboard/projects/${base.projectId}/deliverables/${base.deliverableId}/versions/2/viewer/`
    expect(html).toContain(
      `<source type="image/avif" srcset="${prefix}poster-1200.avif 1200w, ${prefix}poster-600.avif 600w"`,
    )
    expect(html).toContain(
      `<source type="image/webp" srcset="${prefix}poster-1200.webp 1200w, ${prefix}poster-600.webp 600w"`,
    )
    expect(html).toContain(`src="${prefix}poster-1200.webp" width="1200" height="900"`)
    expect(html).toContain('alt="Rover &lt;model&gt;, version 2: a rendering of the 3D model"')
    expect(html).toContain('<a href="/download/rover" download="">Download rover.glb</a>')
  })

  it('puts the 3D viewer over the poster only with JavaScript: a template its own nonced script unpacks', async () => {
    const html = String(
      await ModelPreview({
        ...base,
        nonce: 'n0nce',
        version: { number: 2, fileName: 'rover.glb', viewerStatus: 'ready', viewerError: null },
      }),
    )
    const manifest = `/dashboard/projects/${base.projectId}/deliverables/${base.deliverableId}/versions/2/viewer/manifest.json`
    const frame =
      /<template><iframe ([^>]*)><\/iframe><\/template><script nonce="n0nce">([^<]*)<\/script>/.exec(html)
    expect(frame?.[1]).toContain(`src="/viewer/?manifest=${encodeURIComponent(manifest)}"`)
    expect(frame?.[1]).toContain('title="3D view of Rover &lt;model&gt;, version 2:')
    expect(frame?.[2]).toContain('t.replaceWith(t.content.cloneNode(true))')
    // Not while the model is still being prepared.
    expect(await render({ viewerStatus: 'queued' })).not.toContain('<iframe')
  })

  it('says the view is being prepared while queued or processing, and why it failed', async () => {
    for (const viewerStatus of ['queued', 'processing'] as const) {
      const html = await render({ viewerStatus })
      expect(html).toContain('<p role="status">Preparing the 3D view…')
      expect(html).not.toContain('<img')
      expect(html).not.toContain('http-equiv')
      expect(html).toContain('Download rover.glb')
    }
    const failed = await render({
      viewerStatus: 'failed',
      viewerError: 'The model could not be prepared for viewing: rover.glb is not a glTF file.',
    })
    expect(failed).toContain('Not viewable in 3D: rover.glb is not a glTF file.')
    expect(failed).toContain('Download rover.glb')
  })
})
