import type { CollectionEntry } from 'astro:content'
import type { MediaData } from './media.ts'
import type { ModelData } from './models.ts'
import { pagePaths } from './page-paths.ts'

// Type imports only from `astro:content`: this module also runs outside Astro's bundle (the Open
// Graph cards' early start in src/integrations/og-cards.ts, the fast publisher), where its virtual
// modules do not exist. src/lib/content.ts loads the collections and re-exports all of this.

type Settings = CollectionEntry<'siteSettings'>['data']

/** Everything a page needs beyond its own entry, read from the content store once per build. */
export interface SiteContent {
  settings: Settings
  media: Map<string, MediaData>
  /** Ready 3D models by id. */
  models: Map<string, ModelData>
  services: CollectionEntry<'services'>[]
  caseStudies: CollectionEntry<'caseStudies'>[]
  pages: CollectionEntry<'pages'>[]
  /** Each published page's URL by id (src/lib/page-paths.ts). */
  pagePaths: Map<string, string>
}

/**
 * The work's order on every list (the listing's pages, "latest" lists, a service's work): the newest
 * year first, then the newest entry, then by title. An edit moves nothing: sorted by the last change,
 * every fixed typo put an old project first and shifted every page of the listing by one card.
 */
const byRecency = (a: CollectionEntry<'caseStudies'>, b: typeof a) =>
  (b.data.year ?? 0) - (a.data.year ?? 0) ||
  (b.data.createdAt?.getTime() ?? 0) - (a.data.createdAt?.getTime() ?? 0) ||
  a.data.title.localeCompare(b.data.title) ||
  String(a.data.id).localeCompare(String(b.data.id))

const byOrder = (a: { data: { order?: number | null; title: string } }, b: typeof a) =>
  (a.data.order ?? 1e9) - (b.data.order ?? 1e9) || a.data.title.localeCompare(b.data.title)

/** The collections {@link SiteContent} is made of, as `getCollection()` returns them. */
export interface SiteCollections {
  siteSettings: CollectionEntry<'siteSettings'>[]
  media: CollectionEntry<'media'>[]
  models: CollectionEntry<'models'>[]
  services: CollectionEntry<'services'>[]
  caseStudies: CollectionEntry<'caseStudies'>[]
  pages: CollectionEntry<'pages'>[]
}

/** The site content of these entries, sorted for display. The lists are copied, never sorted in place. */
export function siteContentFrom(collections: SiteCollections): SiteContent {
  const { siteSettings: settings, media, models, pages } = collections
  const services = [...collections.services]
  const caseStudies = [...collections.caseStudies]
  return {
    settings: settings[0]?.data ?? {},
    media: new Map(media.map((entry) => [entry.id, entry.data as MediaData])),
    models: new Map(models.map((entry) => [entry.id, entry.data])),
    services: services.sort(byOrder),
    caseStudies: caseStudies.sort(byRecency),
    pages,
    pagePaths: pagePaths(pages.map((entry) => entry.data)),
  }
}
