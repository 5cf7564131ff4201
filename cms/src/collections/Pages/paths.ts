import type { PayloadRequest } from 'payload'

/**
 * Where a page lives on the public site. A page's URL is its parent's URL plus its own slug
 * (`/studio/team/`); a page without a parent sits at the top (`/studio/`). Three pages have fixed
 * routes of their own and never move: `home` is `/`, `about` and `contact` are `/about/` and
 * `/contact/`. The site computes the same paths from its one read of all pages
 * (site/src/lib/page-paths.ts); the CMS needs them to validate a parent and to leave a redirect
 * behind when a published page moves.
 */

/** Pages with a route of their own in the site: they take no parent and keep their URL. */
export const FIXED_PAGES = ['home', 'about', 'contact'] as const

/**
 * First path segments the site (or the Worker beside it) already answers: a top-level page there
 * would never be reached, or would hide the site's own page.
 */
export const RESERVED_SLUGS = [
  'work',
  'services',
  'og',
  'viewer',
  'search',
  '404',
  // the Worker's routes (wrangler.toml, run_worker_first)
  'api',
  'login',
  'logout',
  'dashboard',
  'password-reset',
  'invite',
  'unsubscribe',
  'internal',
] as const

/** A page as far as its place goes: its slug and its parent (an id, a populated page, or none). */
export interface PagePlace {
  id?: number | string
  slug?: string | null
  parent?: number | string | { id: number | string } | null
}

export const parentId = (parent: PagePlace['parent']): number | string | undefined =>
  parent === null || parent === undefined ? undefined : typeof parent === 'object' ? parent.id : parent

/** The URL of a page whose slugs from the top down are `slugs`. */
export function pathOf(slugs: string[]): string {
  const [first] = slugs
  if (slugs.length === 1 && first === 'home') return '/'
  return `/${slugs.join('/')}/`
}

/**
 * The slugs of the ancestors of a page whose parent is `parent`, from the top down, as the pages are
 * stored now (`draft: false`: their published versions). Throws when the chain loops back to `self`
 * or past a page seen before.
 */
export async function ancestorSlugs(
  req: PayloadRequest,
  parent: PagePlace['parent'],
  self?: number | string,
): Promise<string[]> {
  const slugs: string[] = []
  const seen = new Set<string>(self === undefined ? [] : [String(self)])
  for (let id = parentId(parent); id !== undefined; ) {
    if (seen.has(String(id))) throw new PageLoopError()
    seen.add(String(id))
    const page = await req.payload
      .findByID({ collection: 'pages', id, depth: 0, draft: false, req, disableErrors: true })
      .catch(() => null)
    if (!page) break
    slugs.unshift(page.slug)
    id = parentId(page.parent)
  }
  return slugs
}

export class PageLoopError extends Error {
  constructor() {
    super('A page cannot sit under itself or under one of its own subpages.')
  }
}
