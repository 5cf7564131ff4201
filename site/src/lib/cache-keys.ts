import type { CollectionEntry } from 'astro:content'
import { caseStudiesInList, linkHref, resolve, type SiteContent, workWithService } from './content.ts'
import { digestOf } from './digest.ts'
import { type MediaData, relationId } from './media.ts'
import type { Crumb } from './page-paths.ts'
import { type ListingPage, SELECTED_WORK } from './pagination.ts'

/**
 * The cache keys of Astro's incremental build (`experimental.incrementalBuild`): a page returned by
 * `getStaticPaths()` with a `cacheKey` is not rendered again while its key and its code (Astro hashes
 * the page's module graph) are unchanged. So a key must change whenever anything the page shows
 * changes: its own entry (the loader's digest of the CMS document), and everything else it renders
 * from the site's content, which is listed here per page type. Over-including only costs a render;
 * leaving something out would serve a stale page, so when in doubt a key takes more.
 */

type Entry = { digest?: string | number | undefined; data: { id: string | number } }

const layoutKeys = new WeakMap<SiteContent, string>()

/**
 * What every page's layout shows besides the page (BaseLayout, SiteHeader, SiteFooter): the whole
 * site settings (studio name, navigation, footer, social links, SEO defaults, the vitals beacon), the
 * navigation's links as they resolve (a linked page renamed or unpublished changes them), the media
 * the settings name (the SEO default image), and the year the footer prints.
 */
export function layoutKey(site: SiteContent): string {
  const known = layoutKeys.get(site)
  if (known) return known
  const key = digestOf([
    site.settings,
    (site.settings.navigation ?? []).map(({ link }) => linkHref(site, link) ?? null),
    referencedMedia(site, site.settings),
    new Date().getFullYear(),
  ])
  layoutKeys.set(site, key)
  return key
}

/** `/work/<slug>/`: the case study, the services it names (their slugs and titles) and what its data refers to. */
export function caseStudyKey(site: SiteContent, entry: CollectionEntry<'caseStudies'>): string {
  const services = resolve(site.services, entry.data.services).map(({ data }) => [data.slug, data.title])
  return digestOf([layoutKey(site), entry.digest, services, referencedContent(site, entry.data)])
}

/**
 * `/services/<slug>/`: the service, what its data refers to, and the cards of the case studies it
 * shows (the first {@link SELECTED_WORK} that name it) with whether there are more (the link to all).
 */
export function serviceKey(site: SiteContent, entry: CollectionEntry<'services'>): string {
  const work = workWithService(site, entry.data.id)
  return digestOf([
    layoutKey(site),
    entry.digest,
    referencedContent(site, entry.data),
    cardsKey(site, work.slice(0, SELECTED_WORK)),
    work.length > SELECTED_WORK,
  ])
}

/** `/work/page/<n>/`: its cards, its number and how many pages there are (its pagination bar). */
export function listingPageKey(
  site: SiteContent,
  listing: ListingPage<CollectionEntry<'caseStudies'>>,
): string {
  return digestOf([layoutKey(site), listing.page, listing.pages, cardsKey(site, listing.items)])
}

/** A CMS page at its nested URL: the page, its breadcrumbs (the titles and URLs above it) and what its data refers to. */
export function pageKey(site: SiteContent, entry: CollectionEntry<'pages'>, crumbs: Crumb[]): string {
  return digestOf([layoutKey(site), entry.digest, crumbs, referencedContent(site, entry.data)])
}

/** Case study cards (CaseStudyCards): each study's digest and the media of its card image. */
function cardsKey(site: SiteContent, items: Array<Entry & { data: { heroImage?: unknown } }>): string {
  return digestOf(items.map((item) => [item.digest, mediaData(site, item.data.heroImage)]))
}

/**
 * Everything outside the document that a view renders from its data: the media and models it names
 * (their stored data: file names carry the bytes' hash, sizes, alt text), the links in its blocks as
 * they resolve, and the lists its list blocks show (src/components/blocks/).
 *
 * Note: relations are plain ids at depth 0, so any number or string in the data is taken for a
 * possible media or model id; a false match only adds a digest to the key.
 */
function referencedContent(site: SiteContent, data: unknown) {
  const blocks = (data as { layout?: Array<Record<string, unknown>> | null }).layout ?? []
  const ids = idsIn(data)
  return {
    media: ids.flatMap((id) => {
      const media = site.media.get(id)
      return media ? [[id, media], ...videoParts(site, media)] : []
    }),
    models: ids.flatMap((id) => {
      const model = site.models.get(id)
      return model ? [[id, model]] : []
    }),
    links: linksIn(data).map((link) => linkHref(site, link) ?? null),
    lists: blocks.map((block) => listShown(site, block)),
  }
}

/** A video's poster and captions entries: the Video block shows them, so its page's key covers them. */
function videoParts(site: SiteContent, media: MediaData) {
  return [media.poster, ...(media.captions ?? []).map((caption) => caption.file)].flatMap((id) => {
    const part = id === undefined ? undefined : site.media.get(id)
    return part ? [[id, part]] : []
  })
}

function referencedMedia(site: SiteContent, data: unknown) {
  return idsIn(data).flatMap((id) => {
    const media = site.media.get(id)
    return media ? [[id, media]] : []
  })
}

const mediaData = (site: SiteContent, ref: unknown) => {
  const id = relationId(ref)
  return id === undefined ? null : (site.media.get(id) ?? null)
}

/** What a case-study or service list block shows, as its component chooses it. */
function listShown(site: SiteContent, block: Record<string, unknown>): string | null {
  if (block.blockType === 'caseStudyList') {
    return cardsKey(site, caseStudiesInList(site, block))
  }
  if (block.blockType === 'serviceList') {
    const items =
      block.populateBy === 'selection' ? resolve(site.services, block.services as unknown[]) : site.services
    return digestOf(items.map((item) => [item.digest, mediaData(site, item.data.icon)]))
  }
  return null
}

/** Every id-like value in the data: numbers, strings and populated documents' ids, once each. */
function idsIn(data: unknown): string[] {
  const found = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'number' || (typeof value === 'string' && value.length <= 64))
      found.add(String(value))
    else if (Array.isArray(value)) for (const item of value) visit(item)
    else if (value && typeof value === 'object') for (const item of Object.values(value)) visit(item)
  }
  visit(data)
  return [...found]
}

type Link = Parameters<typeof linkHref>[1]

/** The CMS link fields in the data (`{ type, reference, url, label }`), wherever a block keeps them. */
function linksIn(value: unknown, found: Link[] = []): Link[] {
  if (Array.isArray(value)) for (const item of value) linksIn(item, found)
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.label === 'string' && ('reference' in record || 'url' in record)) found.push(record)
    else for (const item of Object.values(record)) linksIn(item, found)
  }
  return found
}
