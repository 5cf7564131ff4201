import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { findChromium } from '@kairo/assets-pipeline/browser'
import { buildIslandsFixtureSite, type StaticServer, serveStatic } from '@kairo/site/island-fixtures'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { type Result } from 'lighthouse'
import { formatTable } from './lib/table.ts'

/**
 * `pnpm bench:islands`: the 3D islands' cost. Builds the site against the site's fixture CMS with two
 * models made by the pipeline (`@kairo/site/island-fixtures`; no CMS or database needed), serves it with
 * its `_headers`, and prints:
 * - the island's JavaScript (gzip) from the build: what every island loads, what loads on demand
 *   (the KTX2/Draco loaders) and the decoders;
 * - Lighthouse mobile (default simulated throttling) on the home page (HeroOrbit) and a case study
 *   (CaseStudyRoom): performance, TBT, CLS, LCP and its element, and whether (and when) any island
 *   script was fetched during the run.
 * Exits 1 when a page misses performance ≥ 0.95, TBT ≤ 200 ms, CLS 0 or has a canvas as its LCP.
 */

const PAGES = ['/', '/work/orbital-labs/']
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-background-networking', '--no-first-run']

const gzip = async (file: string) => gzipSync(await readFile(file), { level: 9 }).byteLength
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`

/** The chunks a module loads with it (static imports, recursively) and those it may load later (dynamic). */
async function chunkClosure(dist: string, entry: string) {
  const eager = new Set<string>()
  const lazy = new Set<string>()
  const visit = async (file: string) => {
    if (eager.has(file)) return
    eager.add(file)
    const code = await readFile(join(dist, '_astro', file), 'utf8')
    for (const [, name] of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g))
      if (name) await visit(name)
    for (const [, name] of code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g))
      if (name) lazy.add(name)
  }
  await visit(entry)
  for (const name of eager) lazy.delete(name)
  return { eager: [...eager], lazy: [...lazy] }
}

async function islandJs(dist: string) {
  const html = await readFile(join(dist, 'work', 'orbital-labs', 'index.html'), 'utf8')
  const component = /component-url="\/_astro\/([^"]+)"/.exec(html)?.[1]
  const renderer = /renderer-url="\/_astro\/([^"]+)"/.exec(html)?.[1]
  if (!component || !renderer) throw new Error('the case study has no island')
  const scene = await chunkClosure(dist, component)
  const runtime = await chunkClosure(dist, renderer)
  const eager = [...new Set([...scene.eager, ...runtime.eager])]
  const sum = async (files: string[]) =>
    (await Promise.all(files.map((f) => gzip(join(dist, '_astro', f))))).reduce((a, b) => a + b, 0)
  const decoders = join(dist, 'decoders', 'r187')
  return [
    ['island JS, loaded when it starts', eager.join(' '), kb(await sum(eager))],
    ['loaders, on demand', scene.lazy.join(' '), kb(await sum(scene.lazy))],
    [
      'meshopt decoder',
      'decoders/…/meshopt_decoder.module.js',
      kb(await gzip(join(decoders, 'meshopt_decoder.module.js'))),
    ],
    [
      'Draco decoder',
      'draco/gltf/draco_worker.js + .wasm',
      kb(
        (await gzip(join(decoders, 'draco/gltf/draco_worker.js'))) +
          (await gzip(join(decoders, 'draco/gltf/draco_decoder.wasm'))),
      ),
    ],
    [
      'Basis transcoder',
      'basis/basis_worker.js + .wasm',
      kb(
        (await gzip(join(decoders, 'basis/basis_worker.js'))) +
          (await gzip(join(decoders, 'basis/basis_transcoder.wasm'))),
      ),
    ],
  ]
}

function pageFigures(lhr: Result) {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
  // Lighthouse 13 names the LCP element in the LCP breakdown insight, as a `node` item.
  const lcpDetails = lhr.audits['lcp-breakdown-insight']?.details as
    | { items?: Array<{ type?: string; snippet?: string; nodeLabel?: string }> }
    | undefined
  const node = lcpDetails?.items?.find((item) => item.type === 'node')
  const requests =
    (lhr.audits['network-requests']?.details as { items?: Array<Record<string, unknown>> } | undefined)
      ?.items ?? []
  const island = requests.filter((item) =>
    /\/_astro\/.*\.js$|\/decoders\/|\.glb$/.test(String(item.url ?? '')),
  )
  const first = island
    .map((item) => Number(item.networkRequestTime ?? item.startTime ?? 0))
    .sort((a, b) => a - b)[0]
  return {
    performance: lhr.categories.performance?.score ?? 0,
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    lcp: numeric('largest-contentful-paint'),
    lcpElement: node?.snippet ?? node?.nodeLabel ?? '?',
    islandRequests: island.length,
    islandStart: first,
  }
}

async function main(): Promise<boolean> {
  const work = await mkdtemp(join(tmpdir(), 'kairo-bench-islands-'))
  let chrome: chromeLauncher.LaunchedChrome | undefined
  let site: StaticServer | undefined
  try {
    const dist = join(work, 'dist')
    process.stderr.write('building the fixture site with test models\n')
    await buildIslandsFixtureSite(dist, work)
    site = await serveStatic(dist)
    console.log(formatTable([['island JavaScript (gzip)', 'files', 'bytes'], ...(await islandJs(dist))]))
    chrome = await chromeLauncher.launch({
      chromePath: await findChromium(),
      chromeFlags: CHROME_FLAGS,
    })
    const rows = [['page', 'perf', 'TBT', 'CLS', 'LCP', 'LCP element', 'island requests during the run']]
    let ok = true
    for (const path of PAGES) {
      process.stderr.write(`lighthouse ${path}\n`)
      const result = await lighthouse(`${site.url}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      })
      if (!result || result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${path}`)
      const f = pageFigures(result.lhr)
      ok &&= f.performance >= 0.95 && f.tbt <= 200 && f.cls === 0 && !/<canvas/i.test(f.lcpElement)
      rows.push([
        path,
        f.performance.toFixed(2),
        `${Math.round(f.tbt)} ms`,
        f.cls.toFixed(3),
        `${Math.round(f.lcp)} ms`,
        f.lcpElement.slice(0, 90),
        f.islandRequests === 0 ? 'none' : `${f.islandRequests}, from ${Math.round(f.islandStart ?? 0)} ms`,
      ])
    }
    console.log(`\n${formatTable(rows)}`)
    return ok
  } finally {
    await chrome?.kill()
    await site?.close()
    await rm(work, { recursive: true, force: true })
  }
}

process.exitCode = (await main()) ? 0 : 1
