import { existsSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MEDIA_DIR } from '../src/collections/Media/index.ts'
import { MAX_VIDEO_BYTES } from '../src/collections/Media/video-type.ts'
import { actors, Cleanup, pngFile } from './fixtures.ts'
import { startPayload, uniqueSuffix } from './payload.ts'
import { fileOf, mp4Bytes, vttBytes, webmBytes } from './video-fixtures.ts'

let payload: Payload
const cleanup = new Cleanup(() => payload)
const run = uniqueSuffix()

type UploadFile = ReturnType<typeof fileOf>

/** Uploads as an editor through the Local API, access enforced, the way the admin would. */
async function upload(file: UploadFile, data: Record<string, unknown> = {}) {
  const doc = await payload.create({
    collection: 'media',
    data: { alt: 'A test item', ...data },
    file,
    depth: 0,
    overrideAccess: false,
    user: actors.editor,
  })
  cleanup.add('media', doc.id)
  return doc
}

/** The messages Payload would show next to the fields, as `path: message`. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = (await promise.then(
    () => null,
    (caught: unknown) => caught,
  )) as { name?: string; data?: { errors?: { message: string; path: string }[] } } | null
  expect(error?.name).toBe('ValidationError')
  return error?.data?.errors?.map((e) => `${e.path}: ${e.message}`).join('; ') ?? ''
}

let poster: { id: number }
let captionsEn: { id: number }

beforeAll(async () => {
  payload = await startPayload()
  poster = await upload(await pngFile(`poster-${run}.png`, 320, 180), { alt: 'The reel poster' })
  captionsEn = await upload(fileOf(`reel-en-${run}.vtt`, 'text/vtt', vttBytes()), {
    alt: 'Reel captions, English',
  })
})

afterAll(async () => {
  if (!payload) return
  await cleanup.run()
  await payload.destroy()
})

describe('videos in media', () => {
  it('accepts a WebM with its poster and captions, named and typed by its bytes, without sizes', async () => {
    const doc = await upload(fileOf(`reel-${run}.mp4`, 'video/mp4', webmBytes()), {
      poster: poster.id,
      captions: [{ file: captionsEn.id, language: 'EN-us', label: 'English' }],
    })
    expect(doc).toMatchObject({ mimeType: 'video/webm', filename: `reel-${run}.webm`, poster: poster.id })
    // The language is stored in its canonical BCP 47 form.
    expect(doc.captions).toMatchObject([{ file: captionsEn.id, language: 'en-US', label: 'English' }])
    expect(doc.width ?? null).toBeNull()
    expect(Object.values(doc.sizes ?? {}).every((size) => !size?.filename)).toBe(true)
    expect(existsSync(path.join(MEDIA_DIR, String(doc.filename)))).toBe(true)
  })

  it('accepts an MP4 whatever it is called or claims to be', async () => {
    const doc = await upload(fileOf(`showreel-${run}.bin`, 'application/octet-stream', mp4Bytes(4096)), {
      poster: poster.id,
    })
    expect(doc).toMatchObject({ mimeType: 'video/mp4', filename: `showreel-${run}.mp4` })
  })

  it('refuses an HTML page named .mp4, saying what it is', async () => {
    const html = fileOf(
      `clip-${run}.mp4`,
      'video/mp4',
      Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>'),
    )
    expect(await refusal(upload(html, { poster: poster.id }))).toMatch(
      /^file: .*clip-.*\.mp4" is HTML or XML document, not an image/,
    )
  })

  it('refuses a Matroska file dressed as WebM', async () => {
    const mkv = webmBytes()
    mkv.write('matroska'.slice(0, 4), mkv.indexOf('webm'), 'latin1')
    expect(
      await refusal(upload(fileOf(`film-${run}.webm`, 'video/webm', mkv), { poster: poster.id })),
    ).toMatch(/is not a PNG, JPEG, WebP, AVIF or GIF image, an MP4 or WebM video, or a WebVTT captions file/)
  })

  it('refuses a video over its own limit, naming it', async () => {
    const data = mp4Bytes(MAX_VIDEO_BYTES)
    expect(
      await refusal(upload(fileOf(`long-${run}.mp4`, 'video/mp4', data), { poster: poster.id })),
    ).toMatch(/^file: .*long-.*\.mp4" is 200 MB; the limit is 200 MB for a video\.$/)
  })

  it('requires a poster, and the poster must be an image', async () => {
    expect(await refusal(upload(fileOf(`no-poster-${run}.webm`, 'video/webm', webmBytes())))).toMatch(
      /^poster: A video needs a poster/,
    )
    expect(
      await refusal(
        upload(fileOf(`bad-poster-${run}.webm`, 'video/webm', webmBytes()), { poster: captionsEn.id }),
      ),
    ).toMatch(/^poster: The poster must be an image/)
  })

  it('refuses captions that are not WebVTT, and a language that is not a BCP 47 tag', async () => {
    const video = (name: string) => fileOf(`${name}-${run}.webm`, 'video/webm', webmBytes())
    expect(
      await refusal(
        upload(video('image-captions'), {
          poster: poster.id,
          captions: [{ file: poster.id, language: 'en', label: 'English' }],
        }),
      ),
    ).toMatch(/^captions\.0\.file: Captions must be a WebVTT/)
    expect(
      await refusal(
        upload(video('bad-language'), {
          poster: poster.id,
          captions: [{ file: captionsEn.id, language: 'english please', label: 'English' }],
        }),
      ),
    ).toMatch(/^captions\.0\.language: Use a BCP 47 language tag/)
  })
})

describe('captions files in media', () => {
  it('accepts WebVTT by its bytes, stored as .vtt text/vtt, without sizes or a poster', async () => {
    const doc = await upload(fileOf(`subs-${run}.txt`, 'text/plain', vttBytes('Hello')), { alt: 'Subtitles' })
    expect(doc).toMatchObject({ mimeType: 'text/vtt', filename: `subs-${run}.vtt` })
    expect(doc.poster ?? null).toBeNull()
  })

  it('refuses an HTML page named .vtt and a captions file over its limit', async () => {
    const html = fileOf(`subs-${run}.vtt`, 'text/vtt', Buffer.from('<html><script>alert(1)</script></html>'))
    expect(await refusal(upload(html))).toMatch(/is HTML or XML document, not an image/)
    const long = Buffer.concat([vttBytes(), Buffer.alloc(600 * 1024, 'a')])
    expect(await refusal(upload(fileOf(`long-${run}.vtt`, 'text/vtt', long)))).toMatch(
      /the limit is 0\.5 MB for a captions file/,
    )
  })
})

describe('the Video block', () => {
  it('takes a video, and refuses an image in its place', async () => {
    const video = await upload(fileOf(`block-${run}.webm`, 'video/webm', webmBytes()), { poster: poster.id })
    const page = (media: number) =>
      payload.create({
        collection: 'pages',
        data: {
          title: `Reel ${run}`,
          slug: `reel-${run}-${media}`,
          layout: [{ blockType: 'video', video: media, caption: 'Our reel', autoplay: true }],
        },
        depth: 0,
        overrideAccess: false,
        user: actors.editor,
      })
    const saved = await page(video.id)
    cleanup.add('pages', saved.id)
    expect(saved.layout?.[0]).toMatchObject({ blockType: 'video', video: video.id, autoplay: true })
    expect(await refusal(page(poster.id))).toMatch(/^layout\.0\.video: Choose a video \(MP4 or WebM\)/)
  })
})
