/**
 * The pages without a cache key that list what an edit can change: the home page (its latest work
 * and services), the work listing's first page and the services listing. They are always rendered
 * again, as the full build does; the listing's later pages (`/work/page/<n>/`) have keys, so only the
 * one showing an edited card is. The about page (team, testimonials) and the static pages show
 * nothing an edited case study, service or page changes.
 */
export const LISTING_URLS = ['/', '/work/', '/services/'] as const

/**
 * The most keyed pages one fast publish renders. A page renders in about 25 ms; an edit that reaches
 * more pages (a service's title, which every case study naming it shows) is the full build's: it
 * renders them as fast, and a fast publish that took longer would only hold the build back.
 */
export const MAX_FAST_PAGES = 40

/** What the fast publisher renders for an edit, or why it leaves the edit to the full build. */
export type RenderPlan = { ok: true; urls: string[] } | { ok: false; reason: string }

/**
 * The pages an edit changes: those whose cache key after it (`after`, from `keyedPageUrls()`: the keys
 * the static build itself uses) differs from the key the last full build rendered them with
 * (`before`), then the listings. Refused: an edit that adds or removes a page (a new slug, a page
 * moved under another parent), since a URL that comes or goes needs the full build's sitemap,
 * redirects, search index and Open Graph card; and one that changes more than
 * {@link MAX_FAST_PAGES} pages.
 */
export function renderPlan(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): RenderPlan {
  const gone = [...before.keys()].filter((url) => !after.has(url))
  const added = [...after.keys()].filter((url) => !before.has(url))
  if (gone.length > 0 || added.length > 0)
    return { ok: false, reason: `the edit moves pages (${[...gone, ...added].slice(0, 3).join(', ')})` }
  const changed = [...after].filter(([url, key]) => before.get(url) !== key).map(([url]) => url)
  if (changed.length > MAX_FAST_PAGES)
    return { ok: false, reason: `the edit changes ${changed.length} pages; the full build renders them` }
  return { ok: true, urls: [...changed, ...LISTING_URLS] }
}
