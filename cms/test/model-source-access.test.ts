import { rm } from 'node:fs/promises'
import path from 'node:path'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MODEL_PROCESS_INLINE } from '../src/models/context.ts'
import { processModel } from '../src/models/process-model.ts'
import { fileCleanupsSettled } from '../src/models/remove-unused.ts'
import { MODEL_ASSETS_DIR } from '../src/models/storage.ts'
import { Cleanup } from './fixtures.ts'
import { demoFile, uploadModel } from './model-fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
const slug = `test-source-${run}`
const password = 'correct-horse-battery-staple'
let editorToken: string
let model: { id: number; filename: string; lod: string }

/** A GET through Payload's own REST routing, as `next start` serves it; signed in with `token`. */
async function get(pathname: string, token?: string) {
  const { default: config } = await import('../src/payload.config.ts')
  const headers: HeadersInit = token ? { authorization: `JWT ${token}` } : {}
  return handleEndpoints({ config, request: new Request(`http://localhost:3000${pathname}`, { headers }) })
}

const startsWithGlb = async (response: Response) =>
  new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).subarray(0, 4)) === 'glTF'

beforeAll(async () => {
  payload = await startPayload()
  // The first user of an empty CMS becomes an admin (hooks/first-user-is-admin.ts): make one first.
  const admin = await payload.create({
    collection: 'users',
    data: { email: `admin-${run}@kairo.test`, password, role: 'admin' },
  })
  const email = `editor-${run}@kairo.test`
  const editor = await payload.create({ collection: 'users', data: { email, password, role: 'editor' } })
  cleanup.add('users', admin.id)
  cleanup.add('users', editor.id)
  editorToken = (await payload.login({ collection: 'users', data: { email, password } })).token as string

  const doc = await uploadModel(payload, slug, await demoFile('satellite-nova'), {
    [MODEL_PROCESS_INLINE]: true,
  })
  cleanup.add('models', doc.id)
  expect(await processModel(payload, doc.id)).toBe('ready')
  const ready = await payload.findByID({ collection: 'models', id: doc.id, depth: 0 })
  const lods = (ready.manifest as { lods: { key: string }[] }).lods
  model = { id: doc.id, filename: ready.filename as string, lod: (lods.at(-1) as { key: string }).key }
}, 90_000)

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await fileCleanupsSettled()
  await payload.destroy()
  await rm(path.join(MODEL_ASSETS_DIR, 'models', slug), { recursive: true, force: true })
})

describe('the source file of a ready model', () => {
  it('is refused to anonymous visitors', async () => {
    const response = await get(`/api/models/file/${model.filename}`)
    expect(response.status).toBe(403)
    // Payload's own refusal (its REST error shape), never the file.
    expect(await response.json()).toEqual({
      errors: [{ message: 'You are not allowed to perform this action.' }],
    })
  })

  it('is served to a signed-in editor', async () => {
    const response = await get(`/api/models/file/${model.filename}`, editorToken)
    expect(response.status).toBe(200)
    expect(await startsWithGlb(response)).toBe(true)
  })
})

describe('what visitors and the site’s build still read without credentials', () => {
  it('the ready model’s document, as the site’s loader asks for it, without the source file’s name or URL', async () => {
    const response = await get('/api/models?where[status][equals]=ready&pagination=false&depth=0')
    expect(response.status).toBe(200)
    const docs = ((await response.json()) as { docs: Record<string, unknown>[] }).docs
    const doc = docs.find((d) => d.id === model.id)
    expect(doc).toMatchObject({ title: `Test ${slug}`, slug, status: 'ready', alt: expect.any(String) })
    expect(doc?.manifest).toMatchObject({ lods: expect.any(Array) })
    for (const field of ['filename', 'url', 'filesize', 'mimeType'])
      expect(doc, field).not.toHaveProperty(field)
  })

  it('the processed files the manifest names', async () => {
    const response = await get(`/api/model-assets/${model.lod}`)
    expect(response.status).toBe(200)
    expect(await startsWithGlb(response)).toBe(true)
  })

  it('while editors still see the source file’s details', async () => {
    const response = await get(`/api/models/${model.id}?depth=0`, editorToken)
    const doc = (await response.json()) as { filename?: string; url?: string }
    expect(doc.filename).toBe(model.filename)
    expect(doc.url).toBe(`http://localhost:3000/api/models/file/${model.filename}`)
  })
})
