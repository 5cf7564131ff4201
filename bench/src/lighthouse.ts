import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findChromium } from '@kairo/assets-pipeline/browser'
import {
  buildCmsIfChanged,
  buildSite,
  packageDir,
  type Service,
  seedAll,
  startCms,
  startWorker,
} from '@kairo/tools'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Result } from 'lighthouse'
import { benchSystem } from './lib/ports.ts'
import { openRunDatabase } from './lib/run-database.ts'
import { formatTable, runBenchmark } from './lib/table.ts'

/**
 * `pnpm bench:lighthouse`: Lighthouse (mobile preset, its default simulated throttling) on every page
 * type of the built site as the Worker serves it under `wrangler dev`. Brings up its own system on
 * its own ports: a fresh database (DATABASE_URL's server, else an embedded one), the demo seed, the
 * CMS (`next start`), the site built from it, the Worker. Exits 1 when a page misses a goal.
 */

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
type Category = (typeof CATEGORIES)[number]
const GOALS: Record<Category, number> = {
  performance: 0.95,
  accessibility: 1,
  'best-practices': 1,
  seo: 1,
}
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Whether a page fails this audit by design, so it does not count against the page's goal (it is
 * still printed): the 404 page answers 404, which the SEO category calls unsuccessful and Chromium
 * logs as a console error about the page itself; a page that asks not to be indexed (`noindex`)
 * fails "is crawlable" on purpose.
 */
function failsByDesign(lhr: Result, id: string, status: number, noindex: boolean): boolean {
  if (id === 'is-crawlable') return noindex
  if (status !== 404) return false
  if (id === 'http-status-code') return true
  if (id !== 'errors-in-console') return false
  const details = lhr.audits[id]?.details
  if (details?.type !== 'table') return false
  return details.items.every((item) => {
    const location = item.sourceLocation as { url?: string } | undefined
    return location?.url === lhr.finalDisplayedUrl && String(item.description).includes('status of 404')
  })
}

/** Each page's full Lighthouse result (JSON), for a closer look at a missed goal. */
const REPORT_DIR = join(tmpdir(), 'kairo-bench-lighthouse')

const SECURITY_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-opener-policy',
  'cache-control',
]

interface PageRun {
  path: string
  status: number
  scores: Record<Category, number | null>
  lcpMs: number
  tbtMs: number
  cls: number
  externalJsBytes: number
  inlineJsBytes: number
  hasIsland: boolean
  noindex: boolean
  /** Weighted audits below a full score, per category that missed its goal. */
  misses: string[]
  goalsMet: boolean
  headers: Record<string, string>
  lighthouseVersion: string
}

async function main(): Promise<boolean> {
  const started = performance.now()
  const database = await openRunDatabase('kairo_bench_lh')
  const services: Service[] = []
  let chrome: chromeLauncher.LaunchedChrome | undefined
  try {
    const options = { databaseUrl: database.databaseUrl, payloadSecret: database.payloadSecret, quiet: true }
    const cmsUrl = `http://127.0.0.1:${benchSystem.lighthouse.cms}`
    const siteUrl = `http://127.0.0.1:${benchSystem.lighthouse.api}`
    step('seeding the demo content')
    await seedAll(options)
    await buildCmsIfChanged({ quiet: true })
    step('starting the CMS (next start)')
    services.push(await startCms({ ...options, mode: 'prod', port: benchSystem.lighthouse.cms }))
    step('building the site into site/dist')
    await buildSite({ cmsUrl, siteUrl, quiet: true })
    step('starting the Worker (wrangler dev)')
    services.push(
      await startWorker({
        port: benchSystem.lighthouse.api,
        databaseUrl: database.databaseUrl,
        persistTo: benchSystem.wranglerState,
        quiet: true,
      }),
    )
    // Lighthouse measures what the Worker serves; the CMS is no longer needed.
    await services.shift()?.stop()

    chrome = await chromeLauncher.launch({
      chromePath: await findChromium(),
      chromeFlags: CHROME_FLAGS,
    })
    const runs: PageRun[] = []
    for (const path of pagePaths()) {
      step(`lighthouse ${path}`)
      runs.push(await audit(`${siteUrl}${path}`, path, chrome.port))
    }
    printReport(runs, performance.now() - started)
    return runs.every((run) => run.goalsMet)
  } finally {
    await chrome?.kill()
    await Promise.all(services.map((service) => service.stop()))
    await database.close()
  }
}

/** Every page type the Worker serves, with the first service and case study the build wrote. */
function pagePaths(): string[] {
  const dist = join(packageDir.site, 'dist')
  const first = (dir: string) => {
    const slug = readdirSync(join(dist, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()[0]
    if (!slug) throw new Error(`the build wrote no page under ${dir}/`)
    return `/${dir}/${slug}/`
  }
  return [
    '/',
    '/services/',
    first('services'),
    '/work/',
    first('work'),
    '/about/',
    '/contact/',
    '/contact/thanks/',
    '/no-such-page-for-lighthouse/',
  ]
}

async function audit(url: string, path: string, port: number): Promise<PageRun> {
  const response = await fetch(url)
  const html = await response.text()
  const headers = Object.fromEntries(
    SECURITY_HEADERS.flatMap((name) => {
      const value = response.headers.get(name)
      return value === null ? [] : [[name, value]]
    }),
  )
  const lhr = await runLighthouse(url, port)
  mkdirSync(REPORT_DIR, { recursive: true })
  writeFileSync(
    join(REPORT_DIR, `${path.replace(/^\/|\/$/g, '').replaceAll('/', '_') || 'home'}.json`),
    JSON.stringify(lhr),
  )

  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [category, lhr.categories[category]?.score ?? null]),
  ) as Record<Category, number | null>
  const noindex = /<meta[^>]+name=["']robots["'][^>]+noindex/i.test(html)
  const misses: string[] = []
  let goalsMet = true
  for (const category of CATEGORIES) {
    const score = scores[category]
    if (score !== null && score >= GOALS[category]) continue
    if (score === null || category === 'performance') goalsMet = false
    for (const audit of failingAudits(lhr, category)) {
      const byDesign = failsByDesign(lhr, audit.id, response.status, noindex)
      if (!byDesign) goalsMet = false
      misses.push(`${category} · ${audit.line}${byDesign ? ' (by design)' : ''}`)
    }
  }
  const hasIsland = html.includes('data-island-props=')
  const externalJsBytes = scriptTransferBytes(lhr)
  if (!hasIsland && externalJsBytes > 0) {
    goalsMet = false
    misses.push(`javascript · ${externalJsBytes} bytes of script files on a page without an island`)
  }
  return {
    path,
    status: response.status,
    scores,
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    externalJsBytes,
    inlineJsBytes: inlineScriptBytes(html),
    hasIsland,
    noindex,
    misses,
    goalsMet,
    headers,
    lighthouseVersion: lhr.lighthouseVersion,
  }
}

/**
 * One Lighthouse run; a run whose trace came back broken (NO_NAVSTART and kin, which Chromium
 * produces now and then on a busy machine) is repeated, up to three tries.
 */
async function runLighthouse(url: string, port: number): Promise<Result> {
  let message = ''
  for (let attempt = 1; attempt <= 3; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      // The 404 page is audited as visitors get it, with its 404 status.
      ignoreStatusCode: true,
    })
    if (result && !result.lhr.runtimeError) return result.lhr
    message = result?.lhr.runtimeError?.message ?? 'no result'
    step(`  try ${attempt} failed (${message}), again`)
  }
  throw new Error(`Lighthouse failed on ${url}: ${message}`)
}

/** The category's weighted audits that scored below 1, each with a line `id: title (display value)`. */
function failingAudits(lhr: Result, category: Category): Array<{ id: string; line: string }> {
  const refs = lhr.categories[category]?.auditRefs ?? []
  return refs.flatMap((ref) => {
    const result = lhr.audits[ref.id]
    if (!result || ref.weight === 0 || result.score === null || result.score >= 1) return []
    const value = result.displayValue ? ` (${result.displayValue})` : ''
    return [{ id: ref.id, line: `${ref.id}: ${result.title}${value}` }]
  })
}

function numeric(lhr: Result, id: string): number {
  return lhr.audits[id]?.numericValue ?? Number.NaN
}

/** Bytes transferred for script files (external `.js`, modules, workers) in Lighthouse's network log. */
function scriptTransferBytes(lhr: Result): number {
  const details = lhr.audits['network-requests']?.details
  if (details?.type !== 'table') return 0
  return details.items
    .filter((item) => item.resourceType === 'Script')
    .reduce((sum, item) => sum + (typeof item.transferSize === 'number' ? item.transferSize : 0), 0)
}

/** Bytes of inline scripts the browser runs (JSON-LD and other data blocks are not JavaScript). */
function inlineScriptBytes(html: string): number {
  let bytes = 0
  for (const [, attributes = '', body = ''] of html.matchAll(
    /<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi,
  )) {
    const type = /\btype=["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase()
    if (type && type !== 'module' && type !== 'text/javascript') continue
    bytes += Buffer.byteLength(body)
  }
  return bytes
}

function printReport(runs: PageRun[], elapsedMs: number): void {
  const score = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2))
  const rows = [
    [
      'page',
      'status',
      'perf',
      'a11y',
      'BP',
      'SEO',
      'LCP',
      'TBT',
      'CLS',
      'JS files',
      'inline JS',
      'island',
      'goals',
    ],
    ...runs.map((run) => [
      run.path,
      String(run.status),
      score(run.scores.performance),
      score(run.scores.accessibility),
      score(run.scores['best-practices']),
      score(run.scores.seo),
      `${Math.round(run.lcpMs)} ms`,
      `${Math.round(run.tbtMs)} ms`,
      run.cls.toFixed(3),
      `${run.externalJsBytes} B`,
      `${run.inlineJsBytes} B`,
      run.hasIsland ? 'yes' : 'no',
      run.goalsMet ? 'met' : 'MISSED',
    ]),
  ]
  console.log(
    `\nLighthouse ${runs[0]?.lighthouseVersion ?? ''}, mobile preset (simulated throttling), wrangler dev`,
  )
  console.log(`goals: performance ≥ ${GOALS.performance}, accessibility, best practices and SEO = 1.00,`)
  console.log('0 bytes of script files on pages without an island (inline scripts are counted apart)\n')
  console.log(formatTable(rows))
  const misses = runs.filter((run) => run.misses.length > 0)
  if (misses.length > 0) {
    console.log('\naudits below a full score:')
    for (const run of misses) for (const miss of run.misses) console.log(`  ${run.path}  ${miss}`)
  }
  console.log('\nresponse headers the Worker sent (first page; the others differ only as listed):')
  const reference = runs[0]?.headers ?? {}
  for (const name of SECURITY_HEADERS) console.log(`  ${name}: ${reference[name] ?? '(absent)'}`)
  for (const run of runs.slice(1)) {
    const differing = SECURITY_HEADERS.filter((name) => run.headers[name] !== reference[name])
    for (const name of differing) console.log(`  ${run.path} ${name}: ${run.headers[name] ?? '(absent)'}`)
  }
  const met = runs.filter((run) => run.goalsMet).length
  console.log(`\nfull Lighthouse results: ${REPORT_DIR}/*.json`)
  console.log(`${met}/${runs.length} pages meet every goal (${(elapsedMs / 1000).toFixed(0)} s in all)`)
}

function step(message: string): void {
  console.log(`bench | ${message}`)
}

runBenchmark(main)
