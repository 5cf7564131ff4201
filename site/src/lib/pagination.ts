/**
 * Long lists split into numbered pages: the work listing is `/work/`, then `/work/page/2/` and on.
 * A page of cards stays a few hundred kilobytes however long the archive grows (a studio with 10,000
 * case studies had a 4.7 MB listing, over the 2 MB page budget), and an edit renders again only the
 * pages whose cards it changes.
 */

/** Case study cards on one page of the work listing: divisible by the grid's 1, 2 and 3 columns. */
export const WORK_PAGE_SIZE = 24

/** How many case study cards the home page and a service page show before linking the listing. */
export const SELECTED_WORK = 6

/** One page of a listing: its number (from 1), how many there are, and the items it shows. */
export interface ListingPage<T> {
  page: number
  pages: number
  items: T[]
}

/** Every page of `items`, `size` to a page; an empty list still has its first page. */
export function paginate<T>(items: readonly T[], size: number): ListingPage<T>[] {
  const pages = Math.max(1, Math.ceil(items.length / size))
  return Array.from({ length: pages }, (_, index) => ({
    page: index + 1,
    pages,
    items: items.slice(index * size, (index + 1) * size),
  }))
}

/** The URL of page `page` of the listing at `base` (`/work/`): the first page is the listing itself. */
export const listingPageUrl = (base: string, page: number) => (page === 1 ? base : `${base}page/${page}/`)

/** The listing a page URL belongs to (`/work/page/3/` → `/work/`), or the URL itself. */
export const listingOf = (path: string) => path.replace(/page\/\d+\/$/, '')

/**
 * The page numbers a pagination bar links, with `null` where it skips some: always the first and the
 * last, and the two either side of the current page (1 … 4 5 6 7 8 … 417). A gap of one page shows
 * that page instead, since a "…" would take the same room.
 */
export function pageLinks(current: number, pages: number): Array<number | null> {
  const shown = new Set([1, pages])
  for (let page = current - 2; page <= current + 2; page++) if (page >= 1 && page <= pages) shown.add(page)
  const sorted = [...shown].sort((a, b) => a - b)
  const links: Array<number | null> = []
  for (const page of sorted) {
    const last = links.at(-1)
    if (typeof last === 'number' && page - last === 2) links.push(last + 1)
    else if (typeof last === 'number' && page - last > 2) links.push(null)
    links.push(page)
  }
  return links
}
