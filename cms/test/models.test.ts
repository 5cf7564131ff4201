import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { demoModelGlb, isModelManifest } from '@kairo/assets-pipeline'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { processModel } from '../src/models/process-model.ts'
import { fileCleanupsSettled } from '../src/models/remove-unused.ts'
import { MODEL_ASSETS_DIR } from '../src/models/storage.ts'
import { replaceSiteRebuilderForTests } from '../src/rebuild/index.ts'
import { actors, Cleanup } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
let restore: () => void = () => undefined
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
const slugs: string[] = []
// Every rebuild the CMS asks for while these tests run.
const rebuilds: string[] = []

type UploadFile = { data: Buffer; mimetype: string; name: string; size: number }
const file = (name: string, bytes: Uint8Array | string, mimetype = 'model/gltf-binary'): UploadFile => {
  const data = Buffer.from(bytes)
  return { data, mimetype, name, size: data.length }
}

/** A GLB whose header is right (so the upload guard lets it in) and whose JSON chunk is not glTF. */
function brokenGlb(): Uint8Array {
  const json = new TextEncoder().encode('{"not":"a gltf"}')
  const bytes = new Uint8Array(12 + 8 + json.length)
  const view = new DataView(bytes.buffer)
  bytes.set(new TextEncoder().encode('glTF'), 0)
  view.setUint32(4, 2, true)
  view.setUint32(8, bytes.length, true)
  view.setUint32(12, json.length, true)
  view.setUint32(16, 0x4e4f534a, true) // "JSON"
  bytes.set(json, 20)
  return bytes
}

/** Uploads as an editor, access enforced, as the admin would; processing is queued by the save. */
async function upload(name: string, bytes: Uint8Array | string, mimetype?: string) {
  const slug = `test-${name}-${run}`
  const doc = await payload.create({
    collection: 'models',
    data: { title: `Test ${name}`, slug, alt: `A test model (${name})` } as never,
    file: file(`${name}.glb`, bytes, mimetype),
    overrideAccess: false,
    user: actors.editor,
  })
  cleanup.add('models', doc.id)
  slugs.push(slug)
  return doc
}

/** Waits for the background job to finish with the model (no cron in tests: the save ran it). */
async function settled(id: number, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs
  for (;;) {
    const doc = await payload.findByID({ collection: 'models', id, depth: 0 })
    if (doc.status === 'ready' || doc.status === 'failed') return doc
    if (Date.now() > until) throw new Error(`model ${id} still ${doc.status} after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** The message Payload would show next to the file field. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { name?: string; data?: { errors?: { message: string; path: string }[] } } | null
  expect(error?.name).toBe('ValidationError')
  return error?.data?.errors?.map((e) => `${e.path}: ${e.message}`).join('; ') ?? ''
}

/** A GET through Payload's own REST routing, as `next start` serves it. */
async function get(pathname: string) {
  const { default: config } = await import('../src/payload.config.ts')
  return handleEndpoints({ config, request: new Request(`http://localhost:3000${pathname}`) })
}

beforeAll(async () => {
  payload = await startPayload()
  restore = replaceSiteRebuilderForTests({
    name: 'recorder',
    request: async (reason) => void rebuilds.push(reason),
  })
})

afterAll(async () => {
  restore()
  if (!payload) return
  await cleanup.run()
  await fileCleanupsSettled()
  await payload.destroy()
  // This run's processed files (the folder is shared with `next dev`).
  for (const slug of slugs)
    await rm(path.join(MODEL_ASSETS_DIR, 'models', slug), { recursive: true, force: true })
})

beforeEach(() => {
  rebuilds.length = 0
})

describe('model uploads', () => {
  it('refuses an HTML page named .glb, saying what it is', async () => {
    const html = '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'
    expect(await refusal(upload('page', html))).toMatch(
      /^file: "page\.glb" is an HTML or XML document, not a 3D model/,
    )
  })

  it('refuses a .gltf JSON and any other bytes, whatever the name or claimed type', async () => {
    expect(await refusal(upload('json', '{"asset":{"version":"2.0"}}'))).toMatch(
      /is JSON .* export the model as GLB/,
    )
    expect(
      await refusal(upload('notes', 'just some notes, not a model at all', 'application/octet-stream')),
    ).toMatch(/is not a binary glTF 2\.0 \(\.glb\) file/)
  })

  it('needs a text alternative', async () => {
    const bytes = await demoModelGlb('satellite-nova')
    const create = payload.create({
      collection: 'models',
      data: { title: 'No alt', slug: `test-no-alt-${run}` } as never,
      file: file('no-alt.glb', bytes),
    })
    expect(await refusal(create)).toMatch(/alt/)
  })
})

describe('model processing', () => {
  let readyId: number
  let lodKey: string

  it('queues a new model and processes it in the background to ready, with the manifest', async () => {
    const doc = await upload('satellite', await demoModelGlb('satellite-nova'))
    expect(doc.status).toBe('queued')
    // Neither the save (queued) nor the job's start (processing) rebuilds the site.
    expect(rebuilds).toEqual([])
    const done = await settled(doc.id)
    expect(done.error ?? null).toBeNull()
    expect(done.status).toBe('ready')
    expect(isModelManifest(done.manifest)).toBe(true)
    const manifest = done.manifest as { lods: { key: string; url: string; bytes: number }[]; poster: unknown }
    expect(manifest.lods).toHaveLength(3)
    // Tests run with MODEL_POSTERS=off (vitest.config.ts); the poster has its own test below.
    expect(manifest.poster).toBeNull()
    const lod = manifest.lods[2] as { key: string; url: string; bytes: number }
    expect(lod.url).toBe(`http://localhost:3000/api/model-assets/${lod.key}`)
    expect(existsSync(path.join(MODEL_ASSETS_DIR, lod.key))).toBe(true)
    // Becoming ready is what rebuilds the site, once.
    expect(rebuilds).toEqual([`3D model “${doc.title}” updated`])
    readyId = doc.id
    lodKey = lod.key
  })

  it('serves the manifest files with their type and immutable caching', async () => {
    const response = await get(`/api/model-assets/${lodKey}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('model/gltf-binary')
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('glTF')
  })

  it('lets anonymous visitors read ready models only', async () => {
    const queued = await payload.create({
      collection: 'models',
      data: { title: 'Queued', slug: `test-queued-${run}`, alt: 'Not processed yet' } as never,
      file: file('queued.glb', brokenGlb()),
      context: { 'kairo.models.processInline': true },
    })
    cleanup.add('models', queued.id)
    const visible = await payload.find({
      collection: 'models',
      where: { id: { in: [readyId, queued.id] } },
      overrideAccess: false,
      depth: 0,
    })
    expect(visible.docs.map((d) => d.id)).toEqual([readyId])
  })

  it('keeps status and manifest out of editors’ hands', async () => {
    const updated = await payload.update({
      collection: 'models',
      id: readyId,
      data: { alt: 'A satellite, described again', status: 'failed', manifest: null } as never,
      overrideAccess: false,
      user: actors.editor,
    })
    expect(updated.status).toBe('ready')
    expect(updated.manifest).not.toBeNull()
    // The stored URLs stay root-relative: a save of the read (absolute) manifest does not bake the origin in.
    const row = await payload.db.findOne<{ id: number; manifest: { lods: { url: string }[] } }>({
      collection: 'models',
      where: { id: { equals: readyId } },
    })
    expect(row?.manifest.lods[0]?.url).toMatch(/^\/api\/model-assets\/models\//)
    // An edit of a ready model changes what visitors see.
    expect(rebuilds).toEqual([expect.stringMatching(/^3D model “.+” updated$/)])
  })

  it('renders a poster when posters are on, and serves it', async () => {
    expect(await processModel(payload, readyId, { storage: { posters: true } })).toBe('ready')
    const doc = await payload.findByID({ collection: 'models', id: readyId, depth: 0 })
    const poster = (doc.manifest as { poster: { images: { type: string; key: string }[] } | null }).poster
    expect(poster?.images.map((i) => i.type).sort()).toEqual([
      'image/avif',
      'image/avif',
      'image/webp',
      'image/webp',
    ])
    const webp = poster?.images.find((i) => i.type === 'image/webp') as { key: string }
    const response = await get(`/api/model-assets/${webp.key}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/webp')
  }, 90_000)

  it('ends a broken model as failed, with the pipeline’s reason, and no rebuild', async () => {
    const doc = await upload('broken', brokenGlb())
    const done = await settled(doc.id)
    expect(done.status).toBe('failed')
    expect(done.error).toMatch(/^broken\.glb .*(invalid|glTF|validator|asset)/i)
    expect(done.manifest ?? null).toBeNull()
    expect(rebuilds).toEqual([])
  })

  it('processes again when the source file changes', async () => {
    const doc = await upload('replaced', brokenGlb())
    expect((await settled(doc.id)).status).toBe('failed')
    const updated = await payload.update({
      collection: 'models',
      id: doc.id,
      data: {},
      file: file('replaced-fixed.glb', await demoModelGlb('satellite-nova')),
      overrideAccess: false,
      user: actors.editor,
    })
    expect(updated.status).toBe('queued')
    expect((await settled(doc.id)).status).toBe('ready')
  })

  it('stops a build at its time limit, ends the model failed saying so, and answers meanwhile', async () => {
    const doc = await upload('slow', await demoModelGlb('satellite-nova'))
    expect((await settled(doc.id)).status).toBe('ready')
    // Processed again with a limit no build meets (the cache is bypassed by a fresh cache folder).
    const processing = processModel(payload, doc.id, {
      storage: { cacheDir: path.join(MODEL_ASSETS_DIR, `.cache-slow-${run}`) },
      limits: { timeoutMs: 400 },
    })
    // The CMS keeps reading while the build runs in its child process (that the work is done there,
    // not here, is assets-pipeline's test/build-in-child.test.ts).
    let done = false
    void processing.finally(() => {
      done = true
    })
    let reads = 0
    while (!done) {
      await payload.findByID({ collection: 'models', id: doc.id, depth: 0 })
      reads++
    }
    expect(await processing).toBe('failed')
    expect(reads).toBeGreaterThan(3)
    const failed = await payload.findByID({ collection: 'models', id: doc.id, depth: 0 })
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(/^slow\S*\.glb took longer than 0\.4 s \(the time limit\) and was stopped$/)
    await rm(path.join(MODEL_ASSETS_DIR, `.cache-slow-${run}`), { recursive: true, force: true })
  })
})

describe('GET /api/model-assets/<key>', () => {
  it('refuses keys that leave the folder or are not pipeline keys', async () => {
    for (const key of [
      '../package.json',
      'models/../../package.json',
      'models/%2E%2E/%2E%2E/package.json',
      'models/x/..%2F..%2F..%2Fpackage.json',
      '%2Fetc%2Fpasswd',
      'report.html',
    ]) {
      const response = await get(`/api/model-assets/${key}`)
      expect([400, 404], key).toContain(response.status)
      expect(await response.text()).not.toMatch(/"name":\s*"@kairo/)
    }
    // `%2E%2E` segments are resolved by URL parsing before routing; an encoded `/` reaches the endpoint.
    const traversal = await get('/api/model-assets/models/..%2F..%2F..%2Fpackage.json')
    expect(traversal.status).toBe(400)
    expect(await traversal.json()).toEqual({
      error: { code: 'invalid_key', message: 'Not a model file key.' },
    })
  })

  it('answers 404 for a well-formed key that does not exist', async () => {
    const response = await get('/api/model-assets/models/nothing-here/nothing-here.lod0.0000000000000000.glb')
    expect(response.status).toBe(404)
  })
})
