import type { SiteCollections } from '../lib/content.ts'
import { digestOf } from '../lib/digest.ts'
import { FIXED_PAGE_PATHS } from '../lib/page-paths.ts'
import { ROUTABLE_COLLECTIONS, type RoutableCollection } from '../loaders/routable-collections.ts'
import { fetchPublishedEntry } from './published-entry.ts'

/** A document edited since the last full build: its CMS collection and id. */
export interface Edit {
  collection: RoutableCollection
  id: string
}

export type Overlaid = { ok: true; collections: SiteCollections } | { ok: false; reason: string }

type Listed = { id: string; data: { id: string | number }; digest?: unknown; rendered?: { html?: string } }

/**
 * The collections a full build would now load, made from the last build's store and the edited
 * documents, each read from the CMS as its loader reads it (src/fast-publish/published-entry.ts). An
 * entry keeps its place in its list, and keeps its stored digest when its data and body did not
 * change, so pages that did not change keep their keys. Refused, for the full build to do: a document
 * no longer published, one the last build did not have (a new page), one whose slug changed, and the
 * about and contact pages.
 */
export async function overlayEdits(
  stored: SiteCollections,
  edits: readonly Edit[],
  cmsUrl: string,
): Promise<Overlaid> {
  const collections = { ...stored }
  for (const { collection, id } of edits) {
    const { name } = ROUTABLE_COLLECTIONS[collection]
    const list = [...(collections[name] as unknown as Listed[])]
    const index = list.findIndex((entry) => String(entry.data.id) === id)
    const old = list[index]
    if (!old) return { ok: false, reason: `${collection} ${id} is new to the site` }
    const entry = (await fetchPublishedEntry(cmsUrl, collection, id)) as unknown as Listed | undefined
    if (!entry) return { ok: false, reason: `${collection} ${id} is no longer published` }
    if (entry.id !== old.id) return { ok: false, reason: `${collection} ${id} changed its slug` }
    // The about and contact pages have routes of their own, which the render plan does not list.
    if (collection === 'pages' && entry.id !== 'home' && Object.hasOwn(FIXED_PAGE_PATHS, entry.id))
      return { ok: false, reason: `the ${entry.id} page is rendered by the full build only` }
    const content = digestOf([entry.data, entry.rendered?.html ?? ''])
    const unchanged = content === digestOf([old.data, old.rendered?.html ?? ''])
    list[index] = unchanged ? old : { ...entry, digest: `edited:${content}` }
    ;(collections as Record<string, unknown>)[name] = list
  }
  return { ok: true, collections }
}
