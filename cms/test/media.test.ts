import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MEDIA_DIR } from '../src/collections/Media/index.ts'
import { actors, Cleanup, pngFile } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()

const fakeFile = (name: string, mimetype: string, text: string) => {
  const data = Buffer.from(text)
  return { data, mimetype, name, size: data.length }
}

/** Uploads as an editor through the Local API, access enforced, the way the admin would. */
const upload = (file: { data: Buffer; mimetype: string; name: string; size: number }, alt = 'A test image') =>
  payload.create({ collection: 'media', data: { alt }, file, overrideAccess: false, user: actors.editor })

/** The message Payload would show next to the file field. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { name?: string; data?: { errors?: { message: string; path: string }[] } } | null
  expect(error?.name).toBe('ValidationError')
  return error?.data?.errors?.map((e) => `${e.path}: ${e.message}`).join('; ') ?? ''
}

beforeAll(async () => {
  payload = await startPayload()
})

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await payload.destroy()
})

describe('media uploads', () => {
  it('accepts a real PNG and generates every size, including the 1200×630 social image', async () => {
    const doc = await upload(await pngFile(`real-${run}.png`))
    cleanup.add('media', doc.id)
    expect(doc).toMatchObject({ mimeType: 'image/png', width: 1600, height: 1000, alt: 'A test image' })
    expect(doc.sizes?.og).toMatchObject({ width: 1200, height: 630, mimeType: 'image/jpeg' })
    expect(doc.sizes?.thumbnail).toMatchObject({ width: 400, mimeType: 'image/webp' })
    expect(doc.sizes?.card).toMatchObject({ width: 800, height: 600 })
    for (const file of [doc.filename, doc.sizes?.og?.filename]) {
      expect(existsSync(path.join(MEDIA_DIR, String(file)))).toBe(true)
    }
  })

  it('refuses an HTML page renamed .png, saying it is not an image', async () => {
    const html = fakeFile(
      `photo-${run}.png`,
      'image/png',
      '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
    )
    expect(await refusal(upload(html))).toMatch(
      /^file: .*photo-.*\.png" is HTML or XML document, not an image/,
    )
  })

  it('refuses an SVG that carries a script', async () => {
    const svg = fakeFile(
      `logo-${run}.svg`,
      'image/svg+xml',
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
    )
    expect(await refusal(upload(svg))).toMatch(
      /is an SVG document, not an image: SVG and markup can carry scripts/,
    )
  })

  it('refuses a text file whatever it claims to be', async () => {
    const text = fakeFile(`notes-${run}.jpg`, 'image/jpeg', 'just some notes, not a photo at all')
    expect(await refusal(upload(text))).toMatch(/is not a PNG, JPEG, WebP, AVIF or GIF image/)
  })

  it('refuses a file over the size limit', async () => {
    const real = await pngFile(`huge-${run}.png`, 32, 32)
    const data = Buffer.concat([real.data, Buffer.alloc(11 * 1024 * 1024)])
    expect(await refusal(upload({ ...real, data, size: data.length }))).toMatch(/the limit is 10 MB/)
  })

  it('requires alt text', async () => {
    expect(await refusal(upload(await pngFile(`no-alt-${run}.png`, 32, 32), ''))).toMatch(/^alt:/)
  })
})
