import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { searchDocuments } from '@kairo/site/search-documents'
import { buildSearchIndex } from '@kairo/site/search-index'
import { type Service, startWorker } from '@kairo/tools'
import { benchSystem } from './lib/ports.ts'
import { formatTable, runBenchmark } from './lib/table.ts'
import { benchWorkerConfig } from './lib/worker-config.ts'
import { generatedSource, queries, SPLIT } from './search/generate.ts'

/**
 * `pnpm bench:search`: the site search at 10,000 pages. Generates the entries (bench:build's word
 * banks), writes the index with the site's own code, and serves it with a search page as the static
 * assets of the real Worker under `wrangler dev` (workerd), then times `GET /search` over a few
 * hundred varied queries, JSON (as the visitor types) and HTML (the page filled by HTMLRewriter),
 * one at a time, measured at the client over loopback. Prints the index's size (raw, gzip), the first
 * search of a fresh isolate (it parses the index) and p50/p95/max; exits 1 when a goal is missed.
 */
const QUERIES = Number(process.env.QUERIES ?? 300)
const GOALS = { p95Ms: 50, gzipBytes: 4 * 1024 * 1024 }
// A page with the markers of site/src/pages/search/index.astro, at about its size.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Search · Kairo</title>
<style>${'.x{color:red}'.repeat(200)}</style></head><body><main><h1>Search</h1>
<form action="/search" method="get" role="search"><label for="search-q">Search</label>
<input id="search-q" type="search" name="q" data-search-input><button>Search</button></form>
<p id="search-status" role="status" data-search-status></p><div id="search-results" data-search-results></div>
<script type="module">${'void 0;'.repeat(200)}</script></main></body></html>`

const step = (message: string) => console.log(`[bench:search] ${message}`)
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0

async function time(url: string, accept: string): Promise<{ ms: number; status: number; bytes: number }> {
  const started = performance.now()
  const response = await fetch(url, { headers: { accept } })
  const body = await response.arrayBuffer()
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength }
}

async function main(): Promise<boolean> {
  const work = await mkdtemp(join(tmpdir(), 'kairo-bench-search-'))
  let worker: Service | undefined
  try {
    step(`generating ${SPLIT.services} services, ${SPLIT.caseStudies} case studies, ${SPLIT.pages} pages`)
    let started = performance.now()
    const documents = searchDocuments(generatedSource())
    const textBytes = documents.reduce((sum, document) => sum + document.text.length, 0)
    const generatedMs = performance.now() - started
    started = performance.now()
    const index = buildSearchIndex(documents)
    const buildMs = performance.now() - started
    const raw = Buffer.byteLength(index)
    const gzip = gzipSync(index).byteLength
    const assets = join(work, 'dist')
    await mkdir(join(assets, 'search'), { recursive: true })
    await writeFile(join(assets, 'search', 'index.json'), index)
    await writeFile(join(assets, 'search', 'index.html'), PAGE)
    await writeFile(join(assets, '404.html'), '<!doctype html><title>Not found</title>')

    step('starting the Worker (wrangler dev, workerd)')
    worker = await startWorker({
      port: benchSystem.search.api,
      // The search needs no database; nothing listens here, so nothing waits on one.
      databaseUrl: 'postgres://kairo:unused@127.0.0.1:9/kairo',
      persistTo: join(work, 'wrangler'),
      // Every query comes from one address; the benchmark measures the search, not the limiter.
      configPath: await benchWorkerConfig(work, assets, { withoutRateLimits: true }),
      quiet: true,
      vars: { REQUEST_METRICS: 'off' },
    })
    const origin = `http://127.0.0.1:${benchSystem.search.api}`
    const url = (q: string) => `${origin}/search?q=${encodeURIComponent(q)}`
    const first = await time(url('orbital'), 'application/json')
    if (first.status !== 200) throw new Error(`the first search answered ${first.status}`)
    const list = queries(QUERIES)
    const rows: string[][] = [['answer', 'queries', 'p50', 'p95', 'max', 'mean bytes']]
    const figures: Record<string, number> = {}
    for (const [name, accept] of [
      ['JSON', 'application/json'],
      ['HTML', 'text/html'],
    ] as const) {
      const times: number[] = []
      let bytes = 0
      for (const q of list) {
        const result = await time(url(q), accept)
        if (result.status !== 200) throw new Error(`"${q}" answered ${result.status}`)
        times.push(result.ms)
        bytes += result.bytes
      }
      times.sort((a, b) => a - b)
      figures[name] = percentile(times, 95)
      rows.push([
        name,
        String(times.length),
        `${percentile(times, 50).toFixed(1)} ms`,
        `${percentile(times, 95).toFixed(1)} ms`,
        `${(times.at(-1) ?? 0).toFixed(1)} ms`,
        kb(bytes / times.length),
      ])
    }
    console.log('')
    console.log(
      formatTable([
        ['entries', 'text', 'index raw', 'index gzip', 'generate', 'build index', 'first search (parse)'],
        [
          String(documents.length),
          kb(textBytes),
          kb(raw),
          kb(gzip),
          `${generatedMs.toFixed(0)} ms`,
          `${buildMs.toFixed(0)} ms`,
          `${first.ms.toFixed(0)} ms`,
        ],
      ]),
    )
    console.log('')
    console.log(formatTable(rows))
    const misses = [
      ...Object.entries(figures)
        .filter(([, p95]) => p95 > GOALS.p95Ms)
        .map(([name, p95]) => `${name} p95 ${p95.toFixed(1)} ms > ${GOALS.p95Ms} ms`),
      ...(gzip > GOALS.gzipBytes ? [`index gzip ${kb(gzip)} > ${kb(GOALS.gzipBytes)}`] : []),
    ]
    console.log(misses.length === 0 ? '\ngoals met' : `\ngoals missed: ${misses.join('; ')}`)
    return misses.length === 0
  } finally {
    await worker?.stop()
    await rm(work, { recursive: true, force: true })
  }
}

runBenchmark(main)
