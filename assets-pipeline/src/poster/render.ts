import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { type Browser, chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../browser.ts'
import { POSTER_PAGE } from './page.ts'
import { type PosterServer, startPosterServer } from './server.ts'
import type { PosterRenderer, PosterRequest } from './types.ts'

/** The longest one poster may take to load, draw and capture (each step), before it is an error. */
const RENDER_TIMEOUT_MS = 120_000

function threeRoot(): string {
  const require = createRequire(import.meta.url)
  return dirname(dirname(require.resolve('three'))) // build/three.cjs → the package folder
}

/**
 * Starts headless Chromium and the loopback server once; each `render` opens a page the poster's
 * size, loads the model with three.js and returns a PNG of the canvas.
 */
export async function startPosterRenderer(executablePath?: string): Promise<PosterRenderer> {
  executablePath ??= await findChromium()
  const server: PosterServer = await startPosterServer(threeRoot(), POSTER_PAGE)
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
  } catch (error) {
    await server.close()
    throw error
  }
  return {
    async render(glb: Uint8Array, request: PosterRequest): Promise<Uint8Array> {
      const hosted = server.host(glb)
      const page = await browser.newPage({
        viewport: { width: request.width, height: request.height },
        deviceScaleFactor: 1,
      })
      // Generous: on a busy 2-core machine (a CMS build or test suites beside it), loading three.js
      // and drawing in SwiftShader has taken over 30 s, Playwright's default, without anything wrong.
      page.setDefaultTimeout(RENDER_TIMEOUT_MS)
      try {
        const errors: string[] = []
        page.on('pageerror', (error) => errors.push(error.message))
        await page.goto(`${server.origin}/`)
        await page.waitForFunction(
          () => (globalThis as unknown as { posterReady?: boolean }).posterReady === true,
          null,
        )
        await page.evaluate(
          (args) =>
            (globalThis as unknown as { renderPoster: (a: unknown) => Promise<boolean> }).renderPoster(args),
          { ...request, url: hosted.url },
        )
        if (errors.length > 0) throw new Error(errors.join('; '))
        return new Uint8Array(await page.screenshot({ type: 'png' }))
      } finally {
        hosted.release()
        await page.close()
      }
    },
    async close() {
      await browser.close()
      await server.close()
    },
  }
}
