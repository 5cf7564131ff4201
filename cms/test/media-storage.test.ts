import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MEDIA_DIR } from '../src/collections/Media/index.ts'
import { MODEL_PROCESS_INLINE } from '../src/models/context.ts'
import { processModel } from '../src/models/process-model.ts'
import { MODEL_SOURCES_DIR } from '../src/models/storage.ts'
import { actors, Cleanup, pngFile } from './fixtures.ts'
import { demoFile, glbFile, uploadModel } from './model-fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'
import { BUCKET, bucketReader, S3RVER_KEY, startS3 } from './s3-server.ts'
import { fileOf, vttBytes, webmBytes } from './video-fixtures.ts'

// Media and model sources in R2_MEDIA_BUCKET through Payload's S3 storage adapter, against a real
// S3-compatible server (s3rver) on loopback: what lands in the bucket, under which key and type.

const MEDIA_BUCKET = 'kairo-media-test'
const VARIABLES = [
  'R2_ENDPOINT',
  'R2_BUCKET',
  'R2_MEDIA_BUCKET',
  'R2_ACCESS_KEY_ID',
  'R2_SECRET_ACCESS_KEY',
  'R2_PUBLIC_URL',
]
const savedEnv = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]))

let payload: Payload
let dir: string
let s3: Awaited<ReturnType<typeof startS3>>
let bucket: Awaited<ReturnType<typeof bucketReader>>
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()

const upload = (file: { data: Buffer; mimetype: string; name: string; size: number }) =>
  payload.create({
    collection: 'media',
    data: { alt: 'A stored image' },
    file,
    overrideAccess: false,
    user: actors.editor,
  })

/** A GET through Payload's own REST routing, as `next start` serves it. */
async function get(pathname: string) {
  const { default: config } = await import('../src/payload.config.ts')
  return handleEndpoints({ config, request: new Request(`http://localhost:3000${pathname}`) })
}

/** The per-field message the admin shows for a refused upload. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { name?: string; data?: { errors?: { message: string; path: string }[] } } | null
  expect(error?.name).toBe('ValidationError')
  return error?.data?.errors?.map((e) => `${e.path}: ${e.message}`).join('; ') ?? ''
}

const text = (name: string, mimetype: string, body: string) => {
  const data = Buffer.from(body)
  return { data, mimetype, name, size: data.length }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'kairo-cms-media-'))
  s3 = await startS3(path.join(dir, 's3'), [BUCKET, MEDIA_BUCKET])
  // Read when the config loads (the adapter) and when a model is processed (its source).
  Object.assign(process.env, {
    R2_ENDPOINT: s3.endpoint,
    R2_BUCKET: BUCKET,
    R2_MEDIA_BUCKET: MEDIA_BUCKET,
    R2_ACCESS_KEY_ID: S3RVER_KEY,
    R2_SECRET_ACCESS_KEY: S3RVER_KEY,
    R2_PUBLIC_URL: s3.publicUrl,
  })
  payload = await startPayload()
  bucket = await bucketReader(s3.origin, MEDIA_BUCKET)
})

afterAll(async () => {
  if (payload) {
    await cleanup.run()
    await payload.destroy()
  }
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  bucket?.close()
  await s3?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('media in the bucket', () => {
  it('stores a PNG uploaded as .html under media/<name>.png, serves it as image/png, and deletes it', async () => {
    const png = await pngFile(`x-${run}.html`)
    const doc = await upload({ ...png, mimetype: 'text/html' })
    cleanup.add('media', doc.id)
    expect(doc).toMatchObject({ filename: `x-${run}.png`, mimeType: 'image/png', prefix: 'media' })

    const key = `media/x-${run}.png`
    const sizeKeys = Object.values(doc.sizes ?? {}).map((size) => `media/${size?.filename}`)
    expect(sizeKeys).toHaveLength(4)
    const keys = await bucket.keys()
    for (const expected of [key, ...sizeKeys]) expect(keys).toContain(expected)
    expect(keys.filter((k) => k.includes(run)).every((k) => /\.(png|webp|jpg)$/.test(k))).toBe(true)
    // Nothing on the CMS host's disk.
    expect(existsSync(path.join(MEDIA_DIR, `x-${run}.png`))).toBe(false)

    const stored = await bucket.get(key)
    expect(stored.type).toBe('image/png')
    expect(stored.bytes.equals(png.data)).toBe(true)

    const served = await get(`/api/media/file/x-${run}.png`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(png.data)).toBe(true)
    const og = await get(`/api/media/file/${doc.sizes?.og?.filename}`)
    expect(og.headers.get('content-type')).toBe('image/jpeg')

    await payload.delete({ collection: 'media', id: doc.id, overrideAccess: false, user: actors.editor })
    expect((await bucket.keys()).filter((k) => k.includes(run))).toEqual([])
    expect((await get(`/api/media/file/x-${run}.png`)).status).toBe(404)
  })

  it('refuses an HTML page named .png and an SVG with a script, storing nothing', async () => {
    const html = text(`page-${run}.png`, 'image/png', '<!doctype html><script>alert(1)</script>')
    expect(await refusal(upload(html))).toMatch(
      /^file: .*page-.*\.png" is HTML or XML document, not an image/,
    )
    const svg = text(
      `logo-${run}.svg`,
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    )
    expect(await refusal(upload(svg))).toMatch(/^file: .*is an SVG document, not an image/)
    expect((await bucket.keys()).filter((k) => k.includes(run))).toEqual([])
  })
})

describe('videos and captions in the bucket', () => {
  it('stores a WebM named .mp4 as media/<name>.webm and its captions as .vtt, typed by their bytes, without sizes', async () => {
    const poster = await upload(await pngFile(`poster-${run}.png`, 64, 36))
    cleanup.add('media', poster.id)
    const captions = await upload(fileOf(`subs-${run}.txt`, 'text/plain', vttBytes()))
    cleanup.add('media', captions.id)
    const video = await payload.create({
      collection: 'media',
      data: {
        alt: 'A stored reel',
        poster: poster.id,
        captions: [{ file: captions.id, language: 'en', label: 'English' }],
      },
      file: fileOf(`reel-${run}.mp4`, 'video/mp4', webmBytes()),
      overrideAccess: false,
      user: actors.editor,
    })
    cleanup.add('media', video.id)
    expect(video).toMatchObject({ filename: `reel-${run}.webm`, mimeType: 'video/webm', prefix: 'media' })

    const keys = await bucket.keys()
    expect(keys.filter((k) => k.includes(`reel-${run}`) || k.includes(`subs-${run}`)).sort()).toEqual(
      [`media/reel-${run}.webm`, `media/subs-${run}.vtt`].sort(),
    )
    const stored = await bucket.get(`media/reel-${run}.webm`)
    expect(stored.type).toBe('video/webm')
    expect(stored.bytes.equals(webmBytes())).toBe(true)
    expect((await bucket.get(`media/subs-${run}.vtt`)).type).toBe('text/vtt')
    expect(existsSync(path.join(MEDIA_DIR, `reel-${run}.webm`))).toBe(false)

    const served = await get(`/api/media/file/reel-${run}.webm`)
    expect(served.status).toBe(200)
    expect(served.headers.get('content-type')).toBe('video/webm')
  })
})

describe('model sources in the bucket', () => {
  it('stores a GLB under model-sources/<name>.glb whatever it was called, and builds from it', async () => {
    const source = await demoFile('satellite-nova')
    const doc = await uploadModel(
      payload,
      `stored-${run}`,
      { ...source, name: `stored-${run}.bin`, mimetype: 'application/octet-stream' },
      { [MODEL_PROCESS_INLINE]: true },
    )
    cleanup.add('models', doc.id)
    expect(doc).toMatchObject({ filename: `stored-${run}.glb`, mimeType: 'model/gltf-binary' })
    const stored = await bucket.get(`model-sources/stored-${run}.glb`)
    expect(stored.type).toBe('model/gltf-binary')
    expect(stored.bytes.equals(source.data)).toBe(true)
    expect(existsSync(path.join(MODEL_SOURCES_DIR, `stored-${run}.glb`))).toBe(false)
    // The job reads the source from the bucket, not from this host's disk.
    expect(await processModel(payload, doc.id, { storage: { posters: false } })).toBe('ready')
  })

  it('refuses an HTML page named .glb', async () => {
    const html = glbFile(
      `fake-${run}.glb`,
      new TextEncoder().encode('<html><script>alert(1)</script></html>'),
    )
    expect(await refusal(uploadModel(payload, `fake-${run}`, html))).toMatch(
      /^file: .*fake-.*\.glb" is an HTML or XML document, not a 3D model/,
    )
    expect((await bucket.keys()).filter((k) => k.includes(`fake-${run}`))).toEqual([])
  })
})
