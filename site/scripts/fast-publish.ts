import { stat } from 'node:fs/promises'
import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { useStoreFile } from '../src/fast-publish/store-slot.ts'
import { buildFolders, readBuildState, readFastJournal } from './build-state.ts'
import { checkPages, type RenderedPage, writePages } from './fast-publish-pages.ts'
import { readRenderBundleInfo, renderBundleDir } from './render-bundle.ts'
import { sourceHash } from './source-hash.ts'

/**
 * `node scripts/fast-publish.ts case-studies:12 [pages:3 …]` (README "Fast publish"): puts the pages
 * an edit changes live in `dist/` in a second or two, before the full build that follows it. It loads
 * the render bundle (scripts/render-bundle.ts), which reads the last full build's content store and
 * the edited documents (one CMS read each), works out the pages whose cache keys changed plus the
 * listings (src/fast-publish/), and renders them; it checks them (scripts/fast-publish-pages.ts) and
 * writes those whose bytes differ. The pages are what the full build will render from the same
 * content, byte for byte (test/fast-publish.test.ts); the Open Graph card, search index, feed and
 * sitemap follow with the full build.
 *
 * Exit 0: published (a JSON summary on stdout). Exit 3: left to the full build, with the reason on
 * stdout: the bundle, the last build or the store is not the site's current one, or the edit moves,
 * adds or removes a page, or a page would need a file or a script hash the live site lacks. Exit 1: it
 * failed. Either way `dist/` holds no half-written set: the pages are all checked before any is written.
 *
 * Environment: `CMS_URL`, and the folders of scripts/build.ts (`SITE_BUILD_STAGING`,
 * `SITE_BUILD_DIST`, `SITE_BUILD_CACHE_DIR`) and scripts/render-bundle.ts (`SITE_RENDER_BUNDLE_DIR`).
 */
const siteDir = fileURLToPath(new URL('..', import.meta.url))
const { staging, dist, cache } = buildFolders(siteDir)
const storeFile = join(cache, 'data-store.json')
const EDIT = /^(case-studies|services|pages):[1-9]\d{0,15}$/

class LeftToFullBuild extends Error {}

/** Why the last full build's output and store cannot be the base of a fast publish, if they cannot. */
async function baseProblem(bundleDir: string): Promise<string | undefined> {
  const state = await readBuildState(staging)
  if (state?.state !== 'synced') return 'a full build is under way, or the last one did not finish'
  if (!state.sourceHash) return 'the last full build predates fast publishing'
  const storeWritten = await stat(storeFile).then(
    (file) => file.mtimeMs,
    () => undefined,
  )
  if (storeWritten === undefined) return `there is no content store at ${storeFile}`
  // A build that failed after reading the CMS left a store newer than the pages in dist/.
  if (storeWritten >= state.syncedAt) return 'the content store is newer than the last full build'
  const [bundle, source] = await Promise.all([readRenderBundleInfo(bundleDir), sourceHash(siteDir)])
  if (!bundle) return 'there is no render bundle yet'
  if (bundle.sourceHash !== source || state.sourceHash !== source)
    return 'the site’s code or SITE_URL changed since the last full build or render bundle'
  return undefined
}

async function listen(handler: RequestListener): Promise<{ origin: string; close: () => void }> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() }
}

async function fastPublish(requested: string[]): Promise<Record<string, unknown>> {
  const started = performance.now()
  const bundleDir = renderBundleDir()
  const problem = await baseProblem(bundleDir)
  if (problem) throw new LeftToFullBuild(problem)
  const journal = await readFastJournal(staging)
  const edits = [...new Set([...journal.edits, ...requested])]

  const lap = () => Math.round(performance.now() - started)
  const checksMs = lap()
  const timings: Record<string, number> = { checksMs }
  useStoreFile(storeFile)
  const entry = pathToFileURL(join(bundleDir, 'bundle', 'server', 'entry.mjs')).href
  const { handler } = (await import(entry)) as { handler: RequestListener }
  const server = await listen(handler)
  timings.bundleMs = lap() - checksMs
  try {
    const query = edits.map((edit) => `edit=${encodeURIComponent(edit)}`).join('&')
    const plan = (await (await fetch(`${server.origin}/_kairo/fast-publish?${query}`)).json()) as
      | { ok: true; urls: string[]; timings: Record<string, number> }
      | { ok: false; reason: string }
    if (!plan.ok) throw new LeftToFullBuild(plan.reason)
    Object.assign(timings, plan.timings)
    const pages: RenderedPage[] = []
    let rendering = performance.now()
    for (const url of plan.urls) {
      const response = await fetch(`${server.origin}${url}`)
      const html = await response.text()
      if (response.status !== 200) throw new Error(`${url} rendered ${response.status}`)
      pages.push({ url, file: `${url.slice(1)}index.html`, html })
      timings[`render ${url}`] = Math.round(performance.now() - rendering)
      rendering = performance.now()
    }
    const checking = performance.now()
    const refusal = await checkPages(dist, pages)
    if (refusal) throw new LeftToFullBuild(refusal)
    const files = await writePages(staging, dist, pages, { ...journal, edits })
    timings.checkAndWriteMs = Math.round(performance.now() - checking)
    return {
      published: edits,
      rendered: pages.length,
      written: files.length,
      files,
      ms: lap(),
      timings,
    }
  } finally {
    server.close()
  }
}

const requested = process.argv.slice(2)
if (requested.length === 0 || requested.some((edit) => !EDIT.test(edit))) {
  console.error('usage: node scripts/fast-publish.ts <case-studies|services|pages>:<id> …')
  process.exit(2)
}
try {
  console.log(JSON.stringify(await fastPublish(requested)))
  process.exit(0)
} catch (error) {
  if (error instanceof LeftToFullBuild) {
    console.log(JSON.stringify({ left: error.message }))
    process.exit(3)
  }
  console.error(`fast publish failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
