import { createHash } from 'node:crypto'
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http'
import { buildSite } from '@kairo/tools'
import { type APIRequestContext, expect, test } from '@playwright/test'
import { editorToken } from '../cms-admin.ts'
import { demoUsers, signIn, withSql } from '../dashboard.ts'
import { sitemapPaths } from '../sitemap.ts'
import { testUrls } from '../system.ts'

// The optional field Core Web Vitals beacon (site/README.md "Field Core Web Vitals", api/README.md
// "Operations and alerts") as the studio meets it: the editor turns it on in the CMS's site settings
// and the site is rebuilt; a visitor's page view in Chromium reports to `/api/vitals` when the page is
// left, with no cookie and no URL (seen where it leaves the browser: see `BeaconWatch`); the admin's operations view shows the page type's 75th
// percentiles; turned off and rebuilt, every page has exactly the scripts it had before. The site
// build is shared with the other specs, so afterAll puts the setting back and rebuilds, even after a
// failure.

interface FieldVitals {
  enabled?: boolean | null
  sampleRate?: number | null
}

// Two site builds (20-40 s each on a busy machine) on top of the browser work.
test.setTimeout(240_000)

const SETTINGS = `${testUrls.cms}/api/globals/site-settings`
/** The page the visitor reads, and its type in the report. */
const PAGE = { path: '/about/', type: 'about' }

/** The port of {@link BeaconWatch}: no other part of the test system or the benchmarks uses it. */
const WATCH_PORT = 8877

/** A report as it left the browser, and the Worker's answer. */
interface SentReport {
  headers: IncomingHttpHeaders
  body: string
  status: number
}

/**
 * An HTTP proxy for the visitor's browser context that passes every request on to the Worker and
 * keeps the `POST /api/vitals` ones: their headers, body and the Worker's answer. The beacon posts
 * while the page is being left, and Chromium reports a keepalive request from a page that is
 * unloading to no DevTools listener (Playwright's `waitForRequest` and `route`, a CDP session's
 * `Network` events all missed it here), so the report is watched on the wire instead.
 */
class BeaconWatch {
  readonly reports: SentReport[] = []
  private readonly server: Server

  constructor() {
    this.server = createServer((incoming, outgoing) => {
      const url = new URL(incoming.url ?? '/', testUrls.worker)
      const chunks: Buffer[] = []
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
      incoming.on('end', () => {
        const body = Buffer.concat(chunks)
        const upstream = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: `${url.pathname}${url.search}`,
            method: incoming.method,
            headers: incoming.headers,
          },
          (answer) => {
            if (incoming.method === 'POST' && url.pathname === '/api/vitals')
              this.reports.push({
                headers: incoming.headers,
                body: body.toString(),
                status: answer.statusCode ?? 0,
              })
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
            answer.pipe(outgoing)
          },
        )
        upstream.on('error', () => outgoing.destroy())
        upstream.end(body)
      })
    })
  }

  /** The browser context's proxy settings (Chromium sends nothing for loopback through a proxy unless told). */
  readonly proxy = { server: `http://127.0.0.1:${WATCH_PORT}`, bypass: '<-loopback>' }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(WATCH_PORT, '127.0.0.1', () => resolve())
    })
  }

  close(): Promise<void> {
    this.server.closeAllConnections()
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}

let original: FieldVitals | undefined
/** Whether the site's build may still carry the beacon (the setting changed and not yet rebuilt back). */
let changed = false

async function saveSetting(request: APIRequestContext, fieldVitals: FieldVitals): Promise<void> {
  const token = await editorToken(request)
  const response = await request.post(SETTINGS, {
    headers: { Authorization: `JWT ${token}` },
    data: { fieldVitals },
  })
  expect(response.ok(), await response.text()).toBe(true)
}

const rebuild = () => buildSite({ cmsUrl: testUrls.cms, siteUrl: testUrls.worker, quiet: true })

/** Every `<script>` element of each page the sitemap lists, as the Worker serves them. */
async function scriptsByPage(request: APIRequestContext, paths: string[]): Promise<Map<string, string[]>> {
  const pages = new Map<string, string[]>()
  for (const path of paths) {
    const response = await request.get(path)
    expect(response.status(), path).toBe(200)
    pages.set(path, (await response.text()).match(/<script\b[^>]*>[\s\S]*?<\/script>/g) ?? [])
  }
  return pages
}

/** Waits until `wrangler dev` serves the rebuilt page: with the beacon, or without it. */
async function servedWithBeacon(request: APIRequestContext, beacon: boolean): Promise<void> {
  await expect
    .poll(async () => (await (await request.get(PAGE.path)).text()).includes('data-t="'), {
      timeout: 30_000,
      message: `${PAGE.path} ${beacon ? 'with' : 'without'} the beacon after the rebuild`,
    })
    .toBe(beacon)
}

/** Today's LCP reports stored for the page type (the Worker's day is UTC). */
async function storedReports(pageType: string): Promise<number> {
  const day = new Date().toISOString().slice(0, 10)
  const [row] = await withSql(
    (sql) => sql<{ samples: number }[]>`
      select samples from app.web_vitals where day = ${day} and page_type = ${pageType} and metric = 'lcp'`,
  )
  return row?.samples ?? 0
}

test.beforeAll(async ({ request }) => {
  const response = await request.get(`${SETTINGS}?depth=0`)
  original = ((await response.json()) as { fieldVitals?: FieldVitals }).fieldVitals ?? {}
})

test.afterAll(async ({ request }) => {
  if (!changed) return
  await saveSetting(request, { enabled: original?.enabled ?? false, sampleRate: original?.sampleRate ?? 10 })
  await test.step('rebuild the site', rebuild)
  changed = false
})

test('with field Core Web Vitals on, a page view reports its figures and the operations view shows their p75; off, every page has its old scripts', async ({
  browser,
  request,
}) => {
  expect(original?.enabled ?? false).toBe(false) // off by default
  const paths = await sitemapPaths(request)
  expect(paths).toContain(PAGE.path)
  const before = await scriptsByPage(request, paths)

  // On, for every page view (100 %), then the site rebuilt.
  changed = true
  await saveSetting(request, { enabled: true, sampleRate: 100 })
  await test.step('rebuild the site', rebuild)
  await servedWithBeacon(request, true)
  // Every page gains exactly one script, the beacon, with its page type and sample rate.
  for (const [path, scripts] of await scriptsByPage(request, paths)) {
    const added = scripts.filter((script) => !before.get(path)?.includes(script))
    expect(added, path).toHaveLength(1)
    expect(added[0], path).toMatch(/^<script data-t="[a-z-]+" data-r="100">/)
    expect(scripts, path).toHaveLength((before.get(path)?.length ?? 0) + 1)
  }

  // The admin is signed in in this browser: the beacon must not take the session cookie along.
  const watch = new BeaconWatch()
  await watch.listen()
  const context = await browser.newContext({ baseURL: testUrls.worker, proxy: watch.proxy })
  const page = await context.newPage()
  try {
    await signIn(page, demoUsers.team)
    await expect(page).toHaveURL(/\/dashboard/)
    const reportsBefore = await storedReports(PAGE.type)

    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    const response = await page.goto(PAGE.path)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    // The inline script runs under the page's Content Security Policy: its hash is there, and the
    // browser refused nothing.
    const beacon = page.locator('script[data-t]')
    await expect(beacon).toHaveAttribute('data-t', PAGE.type)
    const hash = createHash('sha256')
      .update((await beacon.textContent()) ?? '')
      .digest('base64')
    expect(response?.headers()['content-security-policy']).toContain(`'sha256-${hash}'`)

    // A real interaction, on a slow device (the CPU throttled), so it lasts past the 40 ms that the
    // beacon's event observer counts and INP has a figure.
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 })
    await page.getByRole('heading', { level: 1 }).click()
    await page.keyboard.press('Tab')
    await page.waitForTimeout(1_000)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })

    // Leaving the page sends the report: the Worker takes it (204). It carries no cookie though the
    // admin is signed in, and says nothing of the page but its type.
    await page.goto('about:blank')
    await expect.poll(() => watch.reports.length, { message: 'a report to /api/vitals' }).toBe(1)
    const [report] = watch.reports as [SentReport]
    expect(problems).toEqual([])
    expect(report.status).toBe(204)
    expect(report.headers.cookie).toBeUndefined()
    expect(report.headers['content-type']).toMatch(/^text\/plain/)
    const body = JSON.parse(report.body) as Record<string, unknown>
    expect(Object.keys(body).every((key) => ['pageType', 'lcp', 'inp', 'cls'].includes(key))).toBe(true)
    expect(body.pageType).toBe(PAGE.type)
    expect(body.lcp).toEqual(expect.any(Number))
    expect(body.inp).toEqual(expect.any(Number))
    expect(report.body).not.toContain(PAGE.path)
    expect(
      report.headers.referer,
      "the report must not name the page's URL in its Referer header",
    ).toBeUndefined()

    // The admin's operations view shows the page type's 75th percentiles, counting this report.
    await expect.poll(() => storedReports(PAGE.type), { timeout: 10_000 }).toBe(reportsBefore + 1)
    await page.goto('/dashboard/ops')
    const vitals = page.getByRole('region', { name: 'Field Core Web Vitals, last 30 days' })
    const row = vitals.getByRole('row', { name: new RegExp(`^${PAGE.type}\\b`) })
    await expect(row.getByRole('cell').nth(0)).toHaveText(
      new RegExp(`^≤ \\d+(\\.\\d+)? m?s \\(${reportsBefore + 1}\\)$`),
    )
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^≤ \d+(\.\d+)? m?s \(\d+\)$/)
  } finally {
    await context.close()
    await watch.close()
  }

  // Off again and rebuilt: every page has exactly the scripts it had before.
  await saveSetting(request, { enabled: false, sampleRate: original?.sampleRate ?? 10 })
  await test.step('rebuild the site', rebuild)
  await servedWithBeacon(request, false)
  changed = false
  const after = await scriptsByPage(request, paths)
  for (const path of paths) expect(after.get(path), path).toEqual(before.get(path))
})
