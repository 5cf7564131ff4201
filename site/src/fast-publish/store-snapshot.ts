import { readFile } from 'node:fs/promises'
import * as devalue from 'devalue'
import type { SiteCollections } from '../lib/content.ts'

/** The store's collections the site content is made of (src/lib/content.ts). */
const NAMES = ['siteSettings', 'media', 'models', 'services', 'caseStudies', 'pages'] as const

/** A store entry as Astro keeps it: what `getCollection()` returns, less the collection's name. */
type StoredEntry = Record<string, unknown> & { id: string }

/**
 * The collections of the content store a static build left (`data-store.json` in Astro's cache
 * folder), as `getCollection()` gave them to that build: the same entries, in the same order.
 *
 * Note: Astro writes the store with `devalue` (dates and maps kept) into one file unless its chunked
 * store is configured, which the site does not do. A store in any other shape is refused, never
 * guessed at: the fast publisher then leaves the edit to the full build.
 */
export async function readStoreSnapshot(file: string): Promise<SiteCollections> {
  const store: unknown = devalue.parse(await readFile(file, 'utf8'))
  if (!(store instanceof Map)) throw new Error(`${file} is not a content store Astro wrote`)
  const entries = (name: string) => {
    const collection: unknown = store.get(name) ?? new Map()
    if (!(collection instanceof Map)) throw new Error(`${file}: the collection ${name} is not a map`)
    return [...collection.values()].map((entry: StoredEntry) => ({ ...entry, collection: name }))
  }
  return Object.fromEntries(NAMES.map((name) => [name, entries(name)])) as unknown as SiteCollections
}
