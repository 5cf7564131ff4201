import type { CollectionEntry } from 'astro:content'
import { renderLexical } from '../lib/rich-text/index.ts'
import { collectionUrl, fetchDocs } from '../loaders/payload-loader.ts'
import { ROUTABLE_COLLECTIONS, type RoutableCollection } from '../loaders/routable-collections.ts'

type RoutableEntry = CollectionEntry<'caseStudies' | 'services' | 'pages'>

/**
 * One published document as the build's loader would store it (src/loaders/payload-loader.ts): read
 * with the loader's own query narrowed to its id, so its shape is the bulk read's; parsed with the
 * collection's schema; its body rendered by the same Lexical renderer. Undefined when the document is
 * not published (a draft, unpublished, deleted). One CMS read.
 */
export async function fetchPublishedEntry(
  cmsUrl: string,
  collection: RoutableCollection,
  id: string,
  timeoutMs = 15_000,
): Promise<RoutableEntry | undefined> {
  const { name, query, schema } = ROUTABLE_COLLECTIONS[collection]
  const url = collectionUrl(cmsUrl, collection, `${query}&where[id][equals]=${encodeURIComponent(id)}`)
  const [doc] = await fetchDocs(url, cmsUrl, timeoutMs)
  if (!doc?.slug) return undefined
  const { body, ...fields } = doc
  return {
    id: doc.slug,
    collection: name,
    data: schema.parse(fields),
    rendered: { html: renderLexical(body) },
  } as unknown as RoutableEntry
}
