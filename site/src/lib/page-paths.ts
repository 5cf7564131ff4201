import { relationId } from './media.ts'

/**
 * Where each CMS page lives, computed from the one read of all published pages. Three pages have
 * routes of their own and fixed URLs (`home` is `/`, `about` and `contact`); any other page lives at
 * its parent's URL plus its slug (`/studio/team/`), or at `/<slug>/` without a parent. The CMS keeps
 * the same rule (cms/src/collections/Pages/paths.ts) to validate a parent and to leave redirects when
 * a published page moves.
 */

export const FIXED_PAGE_PATHS: Readonly<Record<string, string>> = {
  home: '/',
  about: '/about/',
  contact: '/contact/',
}

/** A page as far as its place goes. */
export interface PagePlace {
  id: string | number
  slug: string
  title: string
  /** The parent: an id, a populated page (the build reads at depth 1), or none. */
  parent?: unknown
}

/** The page's own route: one of the fixed pages, which `[...path].astro` leaves to their own routes. */
export const hasFixedRoute = (page: Pick<PagePlace, 'slug'>): boolean => page.slug in FIXED_PAGE_PATHS

/**
 * Each page's URL by id. A page whose parent is not among `pages` (a draft, or deleted) has no URL
 * until its parent is published: the site never links a page through a parent it does not show. A
 * chain that loops (the CMS refuses one) leaves its pages without a URL too.
 */
export function pagePaths(pages: PagePlace[]): Map<string, string> {
  const byId = new Map(pages.map((page) => [String(page.id), page]))
  const paths = new Map<string, string>()
  const pathOf = (page: PagePlace, seen: Set<string>): string | undefined => {
    const id = String(page.id)
    const known = paths.get(id)
    if (known !== undefined) return known
    const fixed = FIXED_PAGE_PATHS[page.slug]
    if (fixed !== undefined) return fixed
    if (seen.has(id)) return undefined
    seen.add(id)
    const parentId = relationId(page.parent)
    if (parentId === undefined) return `/${page.slug}/`
    const parent = byId.get(parentId)
    const base = parent && pathOf(parent, seen)
    // Under the home page means at the top: `/` plus the slug.
    return base === undefined ? undefined : `${base}${page.slug}/`
  }
  for (const page of pages) {
    const path = pathOf(page, new Set())
    if (path !== undefined) paths.set(String(page.id), path)
  }
  return paths
}

/** A step of the breadcrumbs: the page's title and URL. */
export interface Crumb {
  title: string
  href: string
}

/**
 * The pages above `page`, from the top down, each with its URL; empty for a page at the top. The home
 * page is not among them: the site's name in the header already leads there.
 */
export function ancestorsOf(page: PagePlace, pages: PagePlace[], paths: Map<string, string>): Crumb[] {
  const byId = new Map(pages.map((entry) => [String(entry.id), entry]))
  const crumbs: Crumb[] = []
  const seen = new Set([String(page.id)])
  for (let id = relationId(page.parent); id !== undefined && !seen.has(id); ) {
    seen.add(id)
    const parent = byId.get(id)
    const href = paths.get(id)
    if (!parent || href === undefined || parent.slug === 'home') break
    crumbs.unshift({ title: parent.title, href })
    id = relationId(parent.parent)
  }
  return crumbs
}
