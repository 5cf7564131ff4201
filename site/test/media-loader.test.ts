import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { payloadMediaLoader } from '../src/loaders/media-loader.ts'
import { payloadGlobalLoader } from '../src/loaders/payload-global-loader.ts'
import { type FixtureServer, startFixtureServer } from './fixture-server.ts'
import { createLoaderContext } from './loader-context.ts'
import { VIDEO_MEDIA } from './video-fixture.ts'

let cms: FixtureServer
let cache: string
beforeEach(async () => {
  cms = await startFixtureServer()
  cache = await mkdtemp(join(tmpdir(), 'kairo-media-'))
})
afterEach(async () => {
  await cms.close()
  await rm(cache, { recursive: true, force: true })
})

function contextWithCache() {
  const ctx = createLoaderContext()
  Object.assign(ctx.context, { config: { cacheDir: pathToFileURL(`${cache}/`) } })
  return ctx
}
const fileRequests = () => cms.requests.filter((path) => path.startsWith('/api/media/file/'))

describe('payloadMediaLoader', () => {
  it('reads the media list once and downloads each file once, named by its content hash', async () => {
    const { context, entries, logs } = contextWithCache()
    await payloadMediaLoader({ cmsUrl: cms.url }).load(context)

    expect(cms.requests.filter((path) => !path.startsWith('/api/media/file/'))).toEqual([
      '/api/media?pagination=false&depth=0',
    ])
    const craft = entries.get('1')?.data as { alt: string; variants: Record<string, { src: string }> }
    expect(craft.alt).toBe('A silver satellite above a blue planet')
    expect(Object.keys(craft.variants).sort()).toEqual(['card', 'feature', 'og', 'original', 'thumbnail'])
    expect(craft.variants.og?.src).toMatch(/^\/media\/[0-9a-f]{16}\.jpg$/)
    const files = await readdir(join(cache, 'kairo-media'))
    // Every file but the HTML page posing as a PNG, which is neither kept nor linked.
    expect(files).toHaveLength(fileRequests().length - 1)
    expect(entries.get('6')?.data).toEqual({
      alt: 'An HTML page uploaded before the CMS checked bytes',
      variants: {},
    })
    expect(logs).toContain(
      'media: 6 (original) skipped: its bytes are not a PNG, JPEG, WebP, GIF or AVIF image',
    )
  })

  it('stores an image’s sizes in the document’s order, whichever download finishes first', async () => {
    // The original and the first size answer last; the stored entry must not follow the network.
    cms.fileDelays = { 'orbital-craft.png': 120, 'orbital-craft-400x266.webp': 60 }
    const { context, entries } = contextWithCache()
    await payloadMediaLoader({ cmsUrl: cms.url }).load(context)
    const craft = entries.get('1')?.data as { variants: Record<string, unknown> }
    expect(Object.keys(craft.variants)).toEqual(['original', 'thumbnail', 'card', 'feature', 'og'])
  })

  it('names each file by the type its bytes show, not by the URL', async () => {
    cms.collections.media = [
      {
        id: 7,
        alt: 'A PNG behind an .html URL',
        url: `${cms.url}/api/media/file/disguised.html`,
        width: 4,
        height: 4,
        sizes: {},
      },
    ]
    const { context, entries } = contextWithCache()
    await payloadMediaLoader({ cmsUrl: cms.url }).load(context)
    const data = entries.get('7')?.data as { variants: Record<string, { src: string }> }
    expect(data.variants.original?.src).toMatch(/^\/media\/[0-9a-f]{16}\.png$/)
  })

  it('downloads a video and its captions like images, and keeps its poster and captions as ids', async () => {
    cms.collections.media = structuredClone(VIDEO_MEDIA)
    const { context, entries } = contextWithCache()
    await payloadMediaLoader({ cmsUrl: cms.url }).load(context)
    expect(entries.get('201')?.data).toEqual({
      alt: 'Our showreel: satellites, planets and a coffee cup in orbit',
      variants: {},
      file: { src: expect.stringMatching(/^\/media\/[0-9a-f]{16}\.webm$/), type: 'video/webm' },
      poster: '202',
      captions: [
        { file: '203', language: 'en', label: 'English' },
        { file: '204', language: 'fr', label: 'Français' },
      ],
    })
    expect(entries.get('203')?.data).toMatchObject({
      file: { src: expect.stringMatching(/^\/media\/[0-9a-f]{16}\.vtt$/), type: 'text/vtt' },
    })
    expect(entries.get('205')?.data).toMatchObject({ file: { type: 'video/mp4' }, captions: [] })
  })

  it('keeps no file for a "video" or captions file whose bytes are something else', async () => {
    cms.collections.media = [
      {
        id: 9,
        alt: 'HTML posing as a video',
        mimeType: 'video/mp4',
        url: `${cms.url}/api/media/file/not-an-image.mp4`,
      },
      {
        id: 10,
        alt: 'A PNG posing as captions',
        mimeType: 'text/vtt',
        url: `${cms.url}/api/media/file/subs.png`,
      },
    ]
    const { context, entries, logs } = contextWithCache()
    await payloadMediaLoader({ cmsUrl: cms.url }).load(context)
    expect(entries.get('9')?.data).toMatchObject({ file: null })
    expect(entries.get('10')?.data).toMatchObject({ file: null })
    expect(logs).toContain('media: 9 skipped: its bytes are not an MP4 or WebM video')
    expect(logs).toContain('media: 10 skipped: its bytes are not a WebVTT file')
    expect(await readdir(join(cache, 'kairo-media'))).toEqual([])
  })

  it('on a second run with unchanged documents downloads nothing', async () => {
    const { context } = contextWithCache()
    const loader = payloadMediaLoader({ cmsUrl: cms.url })
    await loader.load(context)
    const first = fileRequests().length
    await loader.load(context)
    expect(fileRequests()).toHaveLength(first)
  })

  it('offline, makes no request', async () => {
    const { context } = contextWithCache()
    await payloadMediaLoader({ cmsUrl: cms.url, offline: true }).load(context)
    expect(cms.requests).toEqual([])
  })
})

describe('payloadGlobalLoader', () => {
  it('stores the global as one entry from one request', async () => {
    const { context, entries } = createLoaderContext()
    await payloadGlobalLoader({ global: 'site-settings', cmsUrl: cms.url }).load(context)
    expect(cms.requests).toEqual(['/api/globals/site-settings?depth=1'])
    expect(entries.get('global')?.data).toMatchObject({
      siteName: 'Kairo',
      contactEmail: 'hello@kairo.studio',
    })
  })
})
