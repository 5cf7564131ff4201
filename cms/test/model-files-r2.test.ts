import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { MODEL_PROCESS_INLINE } from '../src/models/context.ts'
import { processModel } from '../src/models/process-model.ts'
import { fileCleanupsSettled } from '../src/models/remove-unused.ts'
import { MODEL_ASSETS_DIR } from '../src/models/storage.ts'
import { actors, Cleanup } from './fixtures.ts'
import { demoFile, keysOf, onDisk, settledModel, uploadModel } from './model-fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'
import { BUCKET, bucketReader, S3RVER_KEY, startS3 } from './s3-server.ts'

let payload: Payload
let dir: string
let s3: Awaited<ReturnType<typeof startS3>>
let bucket: Awaited<ReturnType<typeof bucketReader>>
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()
const slug = `test-r2-${run}`
const R2_VARIABLES = ['R2_ENDPOINT', 'R2_BUCKET', 'R2_ACCESS_KEY_ID', 'R2_SECRET_ACCESS_KEY', 'R2_PUBLIC_URL']
const savedEnv = Object.fromEntries(R2_VARIABLES.map((name) => [name, process.env[name]]))

const IMMUTABLE = 'public, max-age=31536000, immutable'
const isPoster = (key: string) => key.includes('.poster-')
const isManifest = (key: string) => key.endsWith('/manifest.json')

const deleteAsAdmin = async (id: number) => {
  await payload.delete({ collection: 'models', id, overrideAccess: false, user: actors.admin })
  await fileCleanupsSettled()
}

/** A model saved without a job, then processed the way the job does it (here with posters). */
async function processed(name: string, posters: boolean) {
  const doc = await uploadModel(payload, name, await demoFile('satellite-nova'), {
    [MODEL_PROCESS_INLINE]: true,
  })
  cleanup.add('models', doc.id)
  expect(await processModel(payload, doc.id, { storage: { posters } })).toBe('ready')
  await fileCleanupsSettled()
  return doc
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kairo-cms-r2-'))
  s3 = await startS3(path.join(dir, 's3'))
  // Read when a model is processed or its files removed (and once when the config loads).
  Object.assign(process.env, {
    R2_ENDPOINT: s3.endpoint,
    R2_BUCKET: BUCKET,
    R2_ACCESS_KEY_ID: S3RVER_KEY,
    R2_SECRET_ACCESS_KEY: S3RVER_KEY,
    R2_PUBLIC_URL: s3.publicUrl,
  })
  payload = await startPayload()
  bucket = await bucketReader(s3.origin)
})

afterAll(async () => {
  if (payload) {
    await cleanup.run()
    await fileCleanupsSettled()
    await payload.destroy()
  }
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  bucket?.close()
  await s3?.close()
  await rm(dir, { recursive: true, force: true })
  for (const name of [slug, `${slug}-gone`])
    await rm(path.join(MODEL_ASSETS_DIR, 'models', name), { recursive: true, force: true })
})

describe('processed models on R2 (s3rver on loopback)', () => {
  let first: { id: number }
  let second: { id: number }
  let firstKeys: string[]

  it('uploads levels, posters and manifest with their types and caching, the manifest last', async () => {
    s3.requests.length = 0
    first = await processed(slug, true)
    firstKeys = await keysOf(payload, first.id)
    expect(firstKeys.filter(isPoster)).toHaveLength(4)
    expect(firstKeys.filter((key) => key.includes('.lod'))).toHaveLength(3)
    expect(await bucket.keys()).toEqual(firstKeys)

    for (const key of firstKeys) {
      const head = await bucket.head(key)
      if (isManifest(key)) {
        expect(head).toMatchObject({ ContentType: 'application/json', CacheControl: 'no-cache' })
      } else {
        expect(head.CacheControl, key).toBe(IMMUTABLE)
        expect(head.ContentType, key).toEqual(
          isPoster(key) ? expect.stringMatching(/^image\/(avif|webp)$/) : 'model/gltf-binary',
        )
      }
    }
    const puts = s3.requests.filter((request) => request.startsWith('PUT '))
    expect(puts).toHaveLength(firstKeys.length)
    expect(puts.at(-1)).toBe(`PUT /${BUCKET}/models/${slug}/manifest.json`)

    // Readers (the site) fetch the files from the bucket's public URL.
    const doc = await payload.findByID({ collection: 'models', id: first.id, depth: 0 })
    for (const lod of (doc.manifest as { lods: { url: string; key: string }[] }).lods)
      expect(lod.url).toBe(`${s3.publicUrl}/${lod.key}`)
  }, 120_000)

  it('uploads a second model built from the same source under the same name only as a manifest', async () => {
    await payload.update({
      collection: 'models',
      id: first.id,
      data: { slug: `${slug}-old` },
      overrideAccess: false,
      user: actors.editor,
    })
    s3.requests.length = 0
    // Through the job, as an editor's upload goes; posters are off in the tests' environment.
    second = await uploadModel(payload, slug, await demoFile('satellite-nova'))
    cleanup.add('models', second.id)
    expect((await settledModel(payload, second.id)).status).toBe('ready')
    await fileCleanupsSettled()
    const secondKeys = await keysOf(payload, second.id)
    expect(secondKeys).toEqual(firstKeys.filter((key) => !isPoster(key)))
    expect(s3.requests.filter((request) => request.startsWith('PUT '))).toEqual([
      `PUT /${BUCKET}/models/${slug}/manifest.json`,
    ])
  })

  it('removes a deleted model’s objects no other model names, and keeps the shared ones', async () => {
    await deleteAsAdmin(first.id)
    const kept = firstKeys.filter((key) => !isPoster(key))
    expect(await bucket.keys()).toEqual(kept)
    // The local copies the build left in cms/model-assets/ go the same way.
    expect(onDisk(firstKeys)).toEqual(kept)
  })

  it('removes the last model’s objects', async () => {
    await deleteAsAdmin(second.id)
    expect(await bucket.keys()).toEqual([])
    expect(onDisk(firstKeys)).toEqual([])
  })

  it('logs, without secrets, when the bucket cannot be reached, and still deletes the model', async () => {
    const doc = await processed(`${slug}-gone`, false)
    const keys = await keysOf(payload, doc.id)
    const secret = `secret-${run}-never-logged`
    Object.assign(process.env, { R2_ENDPOINT: 'http://127.0.0.1:9', R2_SECRET_ACCESS_KEY: secret })
    const warn = vi.spyOn(payload.logger, 'warn')
    let logged = ''
    try {
      await deleteAsAdmin(doc.id)
      logged = warn.mock.calls.map((call) => String(call[0])).join('\n')
    } finally {
      Object.assign(process.env, { R2_ENDPOINT: s3.endpoint, R2_SECRET_ACCESS_KEY: S3RVER_KEY })
      warn.mockRestore()
    }
    expect(await payload.findByID({ collection: 'models', id: doc.id, disableErrors: true })).toBeNull()
    expect(logged).toMatch(/"test-r2-.*-gone" \(model \d+\): 4 unused file\(s\) could not be removed from R2/)
    expect(logged).not.toContain(secret)
    expect(logged).not.toContain(S3RVER_KEY)
    // The objects stay (orphans); the local copies are gone.
    expect(await bucket.keys()).toEqual(keys)
    expect(onDisk(keys)).toEqual([])
  }, 60_000)
})
