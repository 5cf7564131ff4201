import { getCollection } from 'astro:content'
import { imageAttributes, mediaId, relationId } from './media.ts'
import type { ModelData } from './models.ts'
import { pinnedSiteContent } from './pinned-content.ts'
import { currentPreview } from './preview-scope.ts'
import { type SiteContent, siteContentFrom } from './site-content.ts'
import { type VideoView, videoView } from './video.ts'

export { type SiteCollections, type SiteContent, siteContentFrom } from './site-content.ts'

let cached: Promise<SiteContent> | undefined

/**
 * Loads the shared collections and sorts them for display: once per build; in `astro dev` on every
 * call, so content refreshed from the CMS shows without a restart. During a draft preview, the
 * preview's content; in the fast publisher's render bundle, the content it pinned.
 */
export function siteContent(): Promise<SiteContent> {
  // A draft preview (src/preview/) renders with its own content: its media come from the CMS.
  const preview = currentPreview()
  if (preview) return Promise.resolve(preview.content)
  const pinned = pinnedSiteContent()
  if (pinned) return Promise.resolve(pinned)
  if (import.meta.env.DEV) return loadSiteContent()
  cached ??= loadSiteContent()
  return cached
}

async function loadSiteContent(): Promise<SiteContent> {
  const [siteSettings, media, models, services, caseStudies, pages] = await Promise.all([
    getCollection('siteSettings'),
    getCollection('media'),
    getCollection('models'),
    getCollection('services'),
    getCollection('caseStudies'),
    getCollection('pages'),
  ])
  return siteContentFrom({ siteSettings, media, models, services, caseStudies, pages })
}

/** The image attributes for a media relation, or undefined when it is unset or not loaded. */
export function imageFor(site: SiteContent, ref: unknown, use: 'wide' | 'card') {
  const id = mediaId(ref)
  const media = id === undefined ? undefined : site.media.get(id)
  const attributes = media && imageAttributes(media, use)
  return attributes && { ...attributes, alt: media.alt }
}

/** The video a media relation names, with its poster and captions, or undefined (src/lib/video.ts). */
export function videoFor(site: SiteContent, ref: unknown): VideoView | undefined {
  return videoView(site.media, ref)
}

/** The model a relation names (an id or a populated document), or undefined when unset or not ready. */
export function modelFor(site: SiteContent, ref: unknown): ModelData | undefined {
  const id = relationId(ref)
  return id === undefined ? undefined : site.models.get(id)
}

// Where a linked document lives. A page without a URL (under a parent that is not published) gets no
// link rather than one that would 404.
const PATHS: Record<
  string,
  (site: SiteContent, entry: { id: string | number; slug: string }) => string | undefined
> = {
  pages: (site, entry) => site.pagePaths.get(String(entry.id)),
  services: (_, entry) => `/services/${entry.slug}/`,
  'case-studies': (_, entry) => `/work/${entry.slug}/`,
}

/**
 * A custom URL as the CMS validated it (http(s), mailto or a site path), else undefined. Site paths
 * get the trailing slash the built pages live under (`/work` → `/work/`), so no link redirects.
 */
export function customHref(url: string | null | undefined): string | undefined {
  if (!url) return undefined
  if (/^(https?:\/\/|mailto:)/i.test(url)) return url
  if (!/^\/(?!\/)/.test(url)) return undefined
  const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(url) ?? []
  const last = path.split('/').at(-1) ?? ''
  return last === '' || last.includes('.') ? url : `${path}/${rest}`
}

/**
 * The href of a CMS link field: a custom URL as the CMS validated it (http(s), mailto or a path), or
 * a document's page. A reference to a document the site did not load (a draft) gives undefined, so the
 * caller renders no broken link.
 */
export function linkHref(
  site: SiteContent,
  link: {
    type?: string | null
    reference?: { relationTo: string; value?: unknown } | null
    url?: string | null
  },
) {
  if (link.type === 'custom') return customHref(link.url)
  const ref = link.reference
  const path = ref && PATHS[ref.relationTo]
  if (!ref || !path) return undefined
  const id = relationId(ref.value)
  const list =
    { pages: site.pages, services: site.services, 'case-studies': site.caseStudies }[ref.relationTo] ?? []
  const target = list.find((entry) => String(entry.data.id) === id)
  return target ? path(site, target.data) : undefined
}

/** Resolves relation values (ids or documents) to loaded entries, in the given order. */
export function resolve<T extends { data: { id: string | number } }>(
  list: T[],
  refs: unknown[] | null | undefined,
): T[] {
  return (refs ?? []).flatMap((ref) => list.find((entry) => String(entry.data.id) === relationId(ref)) ?? [])
}

/**
 * The case studies a case-study list block (the CMS's `caseStudyList`: `populateBy`, `limit`,
 * `caseStudies`) shows: the editor's selection, or the latest (the work's order) up to its limit,
 * all of them without one. The block, its cache key and the home page's link to all the work read
 * it here.
 */
export function caseStudiesInList(
  site: SiteContent,
  block: Readonly<Record<string, unknown>>,
): SiteContent['caseStudies'] {
  if (block.populateBy === 'selection') return resolve(site.caseStudies, block.caseStudies as unknown[])
  const limit = typeof block.limit === 'number' && block.limit > 0 ? block.limit : undefined
  return site.caseStudies.slice(0, limit)
}

/** The case studies that name a service, in the work's order. */
export function workWithService(site: SiteContent, serviceId: string | number): SiteContent['caseStudies'] {
  const id = String(serviceId)
  return site.caseStudies.filter((study) => (study.data.services ?? []).some((ref) => relationId(ref) === id))
}
