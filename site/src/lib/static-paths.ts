import { caseStudyKey, listingPageKey, pageKey, serviceKey } from './cache-keys.ts'
import type { SiteContent } from './content.ts'
import { ancestorsOf, hasFixedRoute } from './page-paths.ts'
import { paginate, WORK_PAGE_SIZE } from './pagination.ts'

/**
 * The pages of the four dynamic routes, with each page's props and its incremental build cache key
 * (src/lib/cache-keys.ts). The routes' `getStaticPaths()` return these; the fast publisher
 * (src/fast-publish/) compares their keys before and after an edit to find the pages to render, and
 * looks a page up by its params where the route is rendered on demand. One list, so the four can
 * never disagree about which pages exist or what they show.
 */

/** `/work/<slug>/`, one per published case study. */
export const caseStudyPages = (site: SiteContent) =>
  site.caseStudies.map((entry) => ({
    params: { slug: entry.id },
    props: { entry },
    cacheKey: caseStudyKey(site, entry),
  }))

/** `/services/<slug>/`, one per published service. */
export const servicePages = (site: SiteContent) =>
  site.services.map((entry) => ({
    params: { slug: entry.id },
    props: { entry },
    cacheKey: serviceKey(site, entry),
  }))

/** The work listing's pages: `/work/` shows the first, `/work/page/<n>/` each other. */
export const workListing = (site: SiteContent) => paginate(site.caseStudies, WORK_PAGE_SIZE)

/** `/work/page/<n>/`, the work listing's pages after the first. */
export const workListingPages = (site: SiteContent) =>
  workListing(site)
    .slice(1)
    .map((listing) => ({
      params: { page: String(listing.page) },
      props: { listing },
      cacheKey: listingPageKey(site, listing),
    }))

/** A nested page's URL without its slashes (`studio/team`) and its props, or nothing for a page without one. */
function nestedPage(site: SiteContent, entry: SiteContent['pages'][number]) {
  const { data } = entry
  const path = site.pagePaths.get(String(data.id))
  if (hasFixedRoute(data) || path === undefined) return undefined
  const crumbs = ancestorsOf(
    data,
    site.pages.map((page) => page.data),
    site.pagePaths,
  )
  return { params: { path: path.slice(1, -1) }, props: { page: data, crumbs } }
}

/**
 * Every CMS page without a route of its own (home, about and contact have one), at its URL: its
 * parent's URL plus its slug (src/lib/page-paths.ts). A page under an unpublished parent has none.
 */
export const nestedPages = (site: SiteContent) =>
  site.pages.flatMap((entry) => {
    const page = nestedPage(site, entry)
    return page ? [{ ...page, cacheKey: pageKey(site, entry, page.props.crumbs) }] : []
  })

/**
 * The props of the page a route's `params` name, for a route rendered on demand (the fast
 * publisher's render bundle, which has no `getStaticPaths()` pass): the same props the static build
 * gives it, found without computing every page's key; undefined for a page that does not exist.
 */
export const propsFor = {
  caseStudy: (site: SiteContent, params: { slug?: string }) => {
    const entry = site.caseStudies.find((study) => study.id === params.slug)
    return entry && { entry }
  },
  service: (site: SiteContent, params: { slug?: string }) => {
    const entry = site.services.find((service) => service.id === params.slug)
    return entry && { entry }
  },
  workListing: (site: SiteContent, params: { page?: string }) => {
    const listing = /^[1-9]\d*$/.test(params.page ?? '')
      ? workListing(site)[Number(params.page) - 1]
      : undefined
    return listing && listing.page > 1 ? { listing } : undefined
  },
  nestedPage: (site: SiteContent, params: { path?: string }) => {
    const entry = site.pages.find((page) => site.pagePaths.get(String(page.data.id)) === `/${params.path}/`)
    return entry && nestedPage(site, entry)?.props
  },
}

/** Each dynamic HTML page's URL with its cache key: what an edit can change without a new route. */
export function keyedPageUrls(site: SiteContent): Map<string, string> {
  return new Map([
    ...caseStudyPages(site).map(({ params, cacheKey }) => [`/work/${params.slug}/`, cacheKey] as const),
    ...servicePages(site).map(({ params, cacheKey }) => [`/services/${params.slug}/`, cacheKey] as const),
    ...workListingPages(site).map(
      ({ params, cacheKey }) => [`/work/page/${params.page}/`, cacheKey] as const,
    ),
    ...nestedPages(site).map(({ params, cacheKey }) => [`/${params.path}/`, cacheKey] as const),
  ])
}
