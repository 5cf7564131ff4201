import type { SiteContent } from '../lib/content.ts'
import { keyedPageUrls } from '../lib/static-paths.ts'

/**
 * The pages without a cache key that list what an edit can change: the home page (its case study
 * list and services), the work and services listings. They are always rendered again, as the full
 * build does. The about page (team, testimonials) and the static pages show nothing an edited case
 * study, service or page changes.
 */
export const LISTING_URLS = ['/', '/work/', '/services/'] as const

/** What the fast publisher renders for an edit, or why it leaves the edit to the full build. */
export type RenderPlan = { ok: true; urls: string[] } | { ok: false; reason: string }

/**
 * The pages an edit changes: those whose cache key after it differs from the key the last full
 * build rendered them with (the keys the static build itself uses, src/lib/static-paths.ts), then
 * the listings. An edit that adds or removes a page (a new slug, a page moved under another parent)
 * is refused: a URL that comes or goes needs the full build's sitemap, redirects, search index and
 * Open Graph card.
 */
export function renderPlan(before: ReadonlyMap<string, string>, after: SiteContent): RenderPlan {
  const next = keyedPageUrls(after)
  const gone = [...before.keys()].filter((url) => !next.has(url))
  const added = [...next.keys()].filter((url) => !before.has(url))
  if (gone.length > 0 || added.length > 0)
    return { ok: false, reason: `the edit moves pages (${[...gone, ...added].slice(0, 3).join(', ')})` }
  const changed = [...next].filter(([url, key]) => before.get(url) !== key).map(([url]) => url)
  return { ok: true, urls: [...changed, ...LISTING_URLS] }
}
