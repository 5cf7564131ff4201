import type { Loader, LoaderContext } from 'astro/loaders'
import { z } from 'astro/zod'
import { renderLexical } from '../lib/rich-text/index.ts'
import { cmsGet, fetchFailure } from './cms-get.ts'

export interface PayloadCollectionLoaderOptions {
  /** The Payload collection slug, e.g. `case-studies`. */
  collection: string
  /** Origin of the CMS (the validated `CMS_URL`), without a trailing slash. */
  cmsUrl: string
  /**
   * The query string of the one bulk read. Defaults to published documents, unpaginated, at depth 0;
   * collections without drafts pass `pagination=false&depth=1`.
   */
  query?: string
  /** What keys an entry: `slug` (routable documents) or `id` (team members, testimonials, media). */
  key?: 'slug' | 'id'
  /** A Lexical field rendered to the entry's HTML (`render(entry)`); omitted from `data`. */
  richTextField?: string
  /** Abort the request after this long; a hung CMS must not hang the build. */
  timeoutMs?: number
  /** Skip the request and keep the stored entries (type checking without a CMS). */
  offline?: boolean
}

export const PUBLISHED_QUERY = 'where[_status][equals]=published&pagination=false&depth=0'
/** Published documents with their relations populated one level (services, pages: parents, icons). */
export const PUBLISHED_DEPTH_1_QUERY = 'where[_status][equals]=published&pagination=false&depth=1'
const DEFAULTS = {
  query: PUBLISHED_QUERY,
  key: 'slug' as 'slug' | 'id',
  richTextField: 'body',
  timeoutMs: 15_000,
  offline: false,
}
const NAME = 'payload-collection-loader'

// Slugs become URL path segments; anything else would produce broken or surprising pages.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const docSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  slug: z.string().regex(SLUG, 'slug must be lower-case words joined by hyphens').optional(),
  updatedAt: z.string(),
})
const responseSchema = z.object({ docs: z.array(docSchema) })
export type Doc = z.infer<typeof docSchema>

/** An expected build failure (CMS down, bad answer): reported as one line, without a stack trace. */
export class PayloadLoaderError extends Error {
  override name = 'PayloadLoaderError'
  constructor(message: string) {
    super(message)
    this.stack = `${this.name}: ${message}`
  }
}

/** The one bulk REST read: by default every published document, unpaginated, relations as ids. */
export function collectionUrl(cmsUrl: string, collection: string, query = PUBLISHED_QUERY): string {
  return `${cmsUrl}/api/${encodeURIComponent(collection)}?${query}`
}

/**
 * GETs one CMS URL as JSON with a timeout; any failure becomes a `PayloadLoaderError` naming `CMS_URL`.
 * Shared by the collection, global and media loaders.
 */
export async function fetchJson(url: string, cmsUrl: string, timeoutMs: number): Promise<unknown> {
  const where = `CMS_URL=${cmsUrl}`
  let response: Response
  try {
    response = await cmsGet(url, timeoutMs, 'application/json')
  } catch (error) {
    throw new PayloadLoaderError(
      `Cannot reach the CMS at ${where} (GET ${url}): ${fetchFailure(error)}. Is the CMS running?`,
    )
  }
  if (response.status !== 200) {
    throw new PayloadLoaderError(
      `The CMS at ${where} answered ${response.status} ${response.statusText} to GET ${url}`,
    )
  }
  return response.json().catch(() => undefined)
}

/** The documents of one collection read, checked to be what the loader expects. */
export async function fetchDocs(url: string, cmsUrl: string, timeoutMs: number): Promise<Doc[]> {
  const where = `CMS_URL=${cmsUrl}`
  const parsed = responseSchema.safeParse(await fetchJson(url, cmsUrl, timeoutMs))
  if (!parsed.success) {
    throw new PayloadLoaderError(
      `The CMS at ${where} sent an unexpected body for GET ${url}: ${z.prettifyError(parsed.error)}`,
    )
  }
  return parsed.data.docs
}

/**
 * An Astro Content Layer loader for one Payload collection. Each build makes exactly one REST request
 * for the collection's published documents, then updates the store incrementally: an entry (keyed by
 * slug) is parsed and its rich text rendered only when its digest changed, and entries the CMS no
 * longer returns are deleted. The newest `updatedAt` is kept in `meta` for the log and later syncs.
 * Fails the build with a message naming `CMS_URL` when the CMS is unreachable or answers badly.
 */
export function payloadCollectionLoader(options: PayloadCollectionLoaderOptions): Loader {
  const { collection, cmsUrl, query, key, richTextField, timeoutMs, offline } = { ...DEFAULTS, ...options }
  const url = collectionUrl(cmsUrl, collection, query)
  const keyOf = (doc: Doc): string => {
    const value = key === 'slug' ? doc.slug : String(doc.id)
    if (!value) throw new PayloadLoaderError(`${collection}: document ${doc.id} has no slug`)
    return value
  }

  return {
    name: NAME,
    async load({ store, meta, parseData, generateDigest, logger }: LoaderContext) {
      if (offline) {
        logger.warn(`${collection}: offline, CMS not read; keeping ${store.keys().length} stored entries`)
        return
      }
      const started = performance.now()
      const docs = await fetchDocs(url, cmsUrl, timeoutMs)
      logger.info(
        `${collection}: GET ${url} -> 200 in ${Math.round(performance.now() - started)} ms (1 request)`,
      )

      // A store filled from another CMS cannot be diffed against this one.
      if (meta.get('source') !== url) store.clear()
      meta.set('source', url)

      const seen = new Set<string>()
      let changed = 0
      let newest = ''
      for (const doc of docs) {
        const id = keyOf(doc)
        if (seen.has(id))
          throw new PayloadLoaderError(`${collection}: two documents share the ${key} "${id}"`)
        seen.add(id)
        if (doc.updatedAt > newest) newest = doc.updatedAt

        const digest = generateDigest(doc)
        if (store.get(id)?.digest === digest) continue
        const { [richTextField]: richText, ...fields } = doc
        const data = await parseData({ id, data: fields })
        store.set({ id, data, digest, rendered: { html: renderLexical(richText) } })
        changed++
      }
      const gone = store.keys().filter((key) => !seen.has(key))
      for (const key of gone) store.delete(key)

      const previous = meta.get('newest-updated-at')
      if (newest) meta.set('newest-updated-at', newest)
      logger.info(
        `${collection}: ${docs.length} entries: ${changed} changed, ${docs.length - changed} unchanged, ${gone.length} removed` +
          (previous && previous === newest ? ` (nothing newer than ${newest})` : ''),
      )
    },
  }
}
