import { readFile } from 'node:fs/promises'

/** The routes whose pages `keyedPageUrls()` lists (src/lib/static-paths.ts), as Astro names them. */
const KEYED_ROUTES = [
  'src/pages/work/[slug].astro',
  'src/pages/work/page/[page].astro',
  'src/pages/services/[slug].astro',
  'src/pages/[...path].astro',
]

interface IncrementalRecord {
  routes?: Record<string, { paths?: Record<string, { cacheKey?: string }> }>
}

/**
 * The cache keys the last full build rendered its dynamic HTML pages with, by URL (`/work/x/`), from
 * Astro's incremental build record (`incremental-build.json` beside the content store): the same keys
 * `keyedPageUrls()` computes, without computing 10,000 of them again. Undefined when there is no
 * readable record; the caller then computes them from the stored content. A route the record lacks
 * had no pages (the listing's later pages of a short archive): the fast publisher only trusts a
 * record written by the site's current code.
 */
export async function recordedPageKeys(file: string): Promise<Map<string, string> | undefined> {
  let record: IncrementalRecord
  try {
    record = JSON.parse(await readFile(file, 'utf8')) as IncrementalRecord
  } catch {
    return undefined
  }
  if (!record.routes) return undefined
  const keys = new Map<string, string>()
  for (const route of KEYED_ROUTES) {
    const paths = record.routes[route]?.paths ?? {}
    for (const [pathname, { cacheKey }] of Object.entries(paths)) {
      if (typeof cacheKey !== 'string') return undefined
      keys.set(pathname.endsWith('/') ? pathname : `${pathname}/`, cacheKey)
    }
  }
  return keys
}
