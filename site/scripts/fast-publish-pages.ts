import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { type FastJournal, writeFastJournal } from './build-state.ts'

/** A page the fast publisher rendered: its URL, its file under `dist/`, its HTML. */
export interface RenderedPage {
  url: string
  file: string
  html: string
}

/** Files a page loads from the site itself, which a build copies or writes into `dist/`. */
const LOCAL_FILE = /["'\s,(]\/((?:_astro|media|models|og|decoders)\/[^"'\s,?#)]+)/g
/** Inline scripts (not JSON-LD, which is data): `_headers` allows each by its hash. */
const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g

const inlineScripts = (html: string) =>
  [...html.matchAll(INLINE_SCRIPT)]
    .map((match) => match[1])
    .sort()
    .join('\0')
const localFiles = (html: string) => [...html.matchAll(LOCAL_FILE)].flatMap((match) => match[1] ?? [])
const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  )

/**
 * Why the rendered pages cannot go live before the full build, if they cannot: a page not yet in
 * `dist/` (it has no Open Graph card, search entry or headers yet), a file a page loads that
 * `dist/` lacks (a new image the full build has not copied; only files the live page does not load
 * are looked for), or inline scripts other than the live page's (the CSP in `_headers` allows the
 * live page's by hash).
 */
export async function checkPages(dist: string, pages: readonly RenderedPage[]): Promise<string | undefined> {
  for (const page of pages) {
    const live = await readFile(join(dist, page.file), 'utf8').catch(() => undefined)
    if (live === undefined) return `${page.url} is not live yet`
    if (inlineScripts(live) !== inlineScripts(page.html)) return `${page.url} would need other script hashes`
    // What the live page loads is there; a listing of 10,000 cards names tens of thousands of files.
    const loaded = new Set(localFiles(live))
    for (const path of new Set(localFiles(page.html))) {
      if (!loaded.has(path) && !(await exists(join(dist, decodeURI(path)))))
        return `${page.url} needs /${path}, not built yet`
    }
  }
  return undefined
}

/**
 * Writes the pages whose bytes differ from the live ones into `dist/` and says which, in place (as the build's sync
 * does: `wrangler dev` served a stale ETag for renamed files) and back to back. The journal is written
 * first, so even a write cut short leaves the next full build comparing every page named here.
 */
export async function writePages(
  staging: string,
  dist: string,
  pages: readonly RenderedPage[],
  journal: FastJournal,
): Promise<string[]> {
  const changed: RenderedPage[] = []
  for (const page of pages) {
    if ((await readFile(join(dist, page.file), 'utf8').catch(() => undefined)) !== page.html)
      changed.push(page)
  }
  const files = [...new Set([...journal.files, ...changed.map((page) => page.file)])]
  await mkdir(staging, { recursive: true })
  await writeFastJournal(staging, { edits: journal.edits, files })
  for (const page of changed) {
    await mkdir(dirname(join(dist, page.file)), { recursive: true })
    await writeFile(join(dist, page.file), page.html)
  }
  return changed.map((page) => page.file)
}
