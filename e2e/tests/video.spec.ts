import { buildSite } from '@kairo/tools'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { PNG } from 'pngjs'
import { editorToken } from '../cms-admin.ts'
import { testUrls } from '../system.ts'

// A studio's reel on a case study: a real WebM (recorded in the browser from a canvas), its poster
// and English captions, in a Video block marked "plays by itself". Visitors see the poster first; it
// never starts under reduced motion or without JavaScript; with neither, it plays muted once in view;
// its captions are on.
test.setTimeout(300_000)
test.use({ actionTimeout: 30_000 })

const stamp = Date.now()
const api = `${testUrls.cms}/api`
const CAPTIONS = 'WEBVTT\n\n00:00.000 --> 00:02.000\nLaunch night at the pad\n'

/** Two seconds of a moving gradient, recorded by Chromium's MediaRecorder: a WebM any browser plays. */
async function recordWebm(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage()
  const base64 = await page.evaluate(async () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 320, height: 180 })
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2D canvas')
    const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm' })
    const chunks: Blob[] = []
    recorder.ondataavailable = (event) => chunks.push(event.data)
    const stopped = new Promise((resolve) => {
      recorder.onstop = resolve
    })
    recorder.start()
    const started = performance.now()
    await new Promise<void>((resolve) => {
      const draw = () => {
        const t = (performance.now() - started) / 2000
        context.fillStyle = `hsl(${Math.round(t * 360)} 70% 45%)`
        context.fillRect(0, 0, 320, 180)
        if (t < 1) requestAnimationFrame(draw)
        else resolve()
      }
      draw()
    })
    recorder.stop()
    await stopped
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer())
    let binary = ''
    for (const byte of bytes) binary += String.fromCharCode(byte)
    return btoa(binary)
  })
  await page.close()
  return Buffer.from(base64, 'base64')
}

function posterPng(): Buffer {
  const png = new PNG({ width: 320, height: 180 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([20, 40, 90, 255], i)
  return PNG.sync.write(png)
}

/** The reel's state in a visitor's page, once it has been scrolled into view. */
async function reelAfterScrolling(page: Page) {
  const video = page.locator('figure.video-figure video')
  await video.scrollIntoViewIfNeeded()
  await page.waitForTimeout(2_000)
  return video.evaluate((element: HTMLVideoElement) => ({
    paused: element.paused,
    muted: element.muted,
    autoplayAttribute: element.hasAttribute('autoplay'),
    poster: element.getAttribute('poster'),
    captions: [...element.textTracks].map((track) => `${track.kind}:${track.label}:${track.mode}`),
  }))
}

test('a captioned reel shows its poster first, stays still under reduced motion, and plays muted with captions otherwise', async ({
  browser,
  request,
}) => {
  const token = await editorToken(request)
  const headers = { Authorization: `JWT ${token}` }
  const made: Array<[string, number]> = []
  const upload = async (name: string, mimeType: string, buffer: Buffer, data: object) => {
    const response = await request.post(`${api}/media`, {
      headers,
      multipart: { file: { name, mimeType, buffer }, _payload: JSON.stringify(data) },
    })
    expect(response.ok(), await response.text()).toBe(true)
    const { doc } = (await response.json()) as { doc: { id: number } }
    made.unshift(['media', doc.id])
    return doc.id
  }

  try {
    const poster = await upload(`reel-poster-${stamp}.png`, 'image/png', posterPng(), {
      alt: 'The launch pad at dusk',
    })
    const captions = await upload(`reel-${stamp}.vtt`, 'text/vtt', Buffer.from(CAPTIONS), {
      alt: 'English captions',
    })
    const video = await upload(`reel-${stamp}.webm`, 'video/webm', await recordWebm(browser), {
      alt: 'The studio reel: launch night, colour shifting from red to violet',
      poster,
      captions: [{ file: captions, language: 'en', label: 'English' }],
    })
    const slug = `reel-${stamp}`
    const study = await request.post(`${api}/case-studies`, {
      headers,
      data: {
        title: `Reel ${stamp}`,
        slug,
        summary: 'A case study with the studio reel.',
        _status: 'published',
        layout: [{ blockType: 'video', video, caption: 'The reel', autoplay: true }],
      },
    })
    expect(study.ok(), await study.text()).toBe(true)
    made.unshift(['case-studies', ((await study.json()) as { doc: { id: number } }).doc.id])
    await buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })
    const path = `${testUrls.worker}/work/${slug}/`
    await expect.poll(async () => (await request.get(path)).status(), { timeout: 30_000 }).toBe(200)

    // Without JavaScript: the poster, the controls, the captions track, and nothing moves.
    const still = await browser.newContext({ javaScriptEnabled: false })
    const stillPage = await still.newPage()
    await stillPage.goto(path)
    const withoutScript = await reelAfterScrolling(stillPage)
    expect(withoutScript).toMatchObject({ paused: true, autoplayAttribute: false })
    expect(withoutScript.poster).toMatch(/^\/media\/[0-9a-f]{16}\.png$/)
    const posterResponse = await request.get(`${testUrls.worker}${withoutScript.poster}`)
    expect(posterResponse.headers()['content-type']).toContain('image/png')
    await still.close()

    // Asking for less motion: still paused once in view, its captions on.
    const calm = await browser.newContext({ reducedMotion: 'reduce' })
    const calmPage = await calm.newPage()
    await calmPage.goto(path)
    const reduced = await reelAfterScrolling(calmPage)
    expect(reduced).toMatchObject({ paused: true, captions: ['captions:English:showing'] })
    await calm.close()

    // Otherwise a reel plays by itself, muted, once in view, captions on; its controls stay.
    const visitor = await browser.newContext({ reducedMotion: 'no-preference' })
    const visitorPage = await visitor.newPage()
    await visitorPage.goto(path)
    const playing = await reelAfterScrolling(visitorPage)
    expect(playing).toMatchObject({ paused: false, muted: true, captions: ['captions:English:showing'] })
    await expect(visitorPage.locator('figure.video-figure video')).toHaveAttribute('controls', '')
    await visitor.close()
  } finally {
    for (const [collection, id] of made) {
      await request.delete(`${api}/${collection}/${id}`, { headers })
      await request.delete(`${api}/${collection}/${id}?trash=true`, { headers })
    }
  }
})
