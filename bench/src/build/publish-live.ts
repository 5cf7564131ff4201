import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CHROMIUM_ARGS, findChromium } from '@kairo/assets-pipeline/browser'
import { type Service, startCms, startWorker } from '@kairo/tools'
import { chromium } from 'playwright-core'
import { benchWorkerConfig } from '../lib/worker-config.ts'

export interface LiveSite {
  databaseUrl: string
  payloadSecret: string
  /** The site the builds made: `staging/`, `dist/` and `cache/` in it, kept between builds. */
  dir: string
  /** The fast publisher's render bundle for that site (`SITE_RENDER_BUNDLE_DIR`), already built. */
  renderBundleDir: string
  /** The origin the builds were made for (`SITE_URL`): the same, so the build stays incremental. */
  siteUrl: string
  ports: { cms: number; worker: number }
  editor: { email: string; password: string }
  /** The case study the editor changes (a generated one). */
  slug: string
}

export interface PublishFigures {
  slug: string
  /** Seconds from the Publish click, as the editor sees them in the document's publish status (NaN: not seen). */
  queued: number
  building: number
  live: number
  /** Seconds from the click until the Worker served the page with the new text. */
  served: number
  /** The build's own figure, from the publish status ("built in N s"). */
  builtIn: string
  /** Files the publish's build wrote in the staging folder (the rest were kept as they were). */
  written: number
}

const step = (message: string) => console.log(`bench | ${message}`)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Publish to live as an editor does it, on the benchmark's site: a CMS that rebuilds the site on
 * publish (`SITE_REBUILD=local`, as under `./kairo start`), its builds writing the folders the
 * earlier builds filled (`SITE_BUILD_STAGING`, `SITE_BUILD_DIST`, `SITE_BUILD_CACHE_DIR`); the Worker
 * under `wrangler dev` serving that `dist`; Chromium signed in to the admin. The editor changes a case
 * study's summary and clicks Publish; the time runs until the Worker serves the new text (the CMS's
 * fast publish puts it there before its debounced build), and on until the publish status shows the
 * full build queued, building and live.
 */
export async function publishToLive(site: LiveSite): Promise<PublishFigures> {
  const services: Service[] = []
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS })
  try {
    step('publish to live: starting a rebuilding CMS and the Worker over the built site')
    const cmsUrl = `http://localhost:${site.ports.cms}`
    services.push(
      await startCms({
        databaseUrl: site.databaseUrl,
        payloadSecret: site.payloadSecret,
        mode: 'prod',
        port: site.ports.cms,
        quiet: true,
        env: {
          SITE_REBUILD: 'local',
          SITE_URL: site.siteUrl,
          SITE_BUILD_STAGING: join(site.dir, 'staging'),
          SITE_BUILD_DIST: join(site.dir, 'dist'),
          SITE_BUILD_CACHE_DIR: join(site.dir, 'cache'),
          SITE_RENDER_BUNDLE_DIR: site.renderBundleDir,
        },
      }),
    )
    services.push(
      await startWorker({
        port: site.ports.worker,
        databaseUrl: site.databaseUrl,
        persistTo: join(site.dir, 'wrangler'),
        configPath: await benchWorkerConfig(site.dir, join(site.dir, 'dist')),
        quiet: true,
      }),
    )
    const workerUrl = `http://127.0.0.1:${site.ports.worker}`
    const page = await browser.newPage()
    await page.goto(`${cmsUrl}/admin`)
    await page.getByLabel(/email/i).fill(site.editor.email)
    await page.getByLabel(/password/i).fill(site.editor.password)
    await page.getByRole('button', { name: /log ?in/i }).click()
    await page.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })

    const found = await page.request.get(
      `${cmsUrl}/api/case-studies?where[slug][equals]=${encodeURIComponent(site.slug)}&depth=0&limit=1`,
    )
    const id = ((await found.json()) as { docs: Array<{ id: number }> }).docs[0]?.id
    if (!id) throw new Error(`no case study "${site.slug}" to publish`)
    await page.goto(`${cmsUrl}/admin/collections/case-studies/${id}`)
    const summary = `Published from the admin and followed to the Worker at ${new Date().toISOString()}.`
    const field = page.getByLabel('Summary', { exact: false }).and(page.locator('textarea'))
    const publish = page.getByRole('button', { name: 'Publish changes' })
    await field.fill(summary, { timeout: 60_000 })
    // The button turns enabled once the form knows it changed; the time starts at the click itself.
    const enabledBy = performance.now() + 30_000
    while (!(await publish.isEnabled())) {
      if (performance.now() > enabledBy) throw new Error('“Publish changes” never turned enabled')
      await sleep(100)
    }

    const status = page.locator('.kairo-publish-status [role="status"]')
    const clickedAt = Date.now()
    const clicked = performance.now()
    const after = () => (performance.now() - clicked) / 1000
    await publish.click()
    // The Worker polled from the click on, beside the publish status.
    const servedAt = (async () => {
      const deadline = performance.now() + 600_000
      while (performance.now() < deadline) {
        const response = await fetch(`${workerUrl}/work/${site.slug}/`)
        if ((await response.text()).includes(summary)) return after()
        await sleep(50)
      }
      return Number.NaN
    })()
    // The status as the admin shows it, read every 100 ms until live: when each state was first seen
    // (a state the admin's own refresh skipped, on a busy machine, stays unseen: NaN).
    const firstSeen = { Queued: Number.NaN, Building: Number.NaN, Live: Number.NaN }
    let text = ''
    const statusBy = performance.now() + 600_000
    while (Number.isNaN(firstSeen.Live) && performance.now() < statusBy) {
      text = (await status.textContent().catch(() => '')) ?? ''
      for (const state of ['Queued', 'Building', 'Live'] as const)
        if (Number.isNaN(firstSeen[state]) && text.includes(state)) firstSeen[state] = after()
      await sleep(100)
    }
    if (Number.isNaN(firstSeen.Live)) throw new Error(`the publish status never said Live (last: ${text})`)
    const { Queued: queued, Building: building, Live: live } = firstSeen
    const builtIn = /built in [^)]+/.exec(text)?.[0] ?? ''
    const served = await servedAt
    if (Number.isNaN(served)) throw new Error('the Worker never served the published text')
    const written = await filesWrittenSince(join(site.dir, 'staging'), clickedAt)
    return { slug: site.slug, queued, building, live, served, builtIn, written }
  } finally {
    await browser.close()
    for (const service of services.reverse()) await service.stop()
  }
}

async function filesWrittenSince(dir: string, since: number): Promise<number> {
  let written = 0
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && (await stat(join(entry.parentPath, entry.name))).mtimeMs >= since) written++
  }
  return written
}
