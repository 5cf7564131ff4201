import { loadSearchIndex, type SearchIndex } from '@kairo/site/search-index'

/** Where the site's build writes the index (site/src/pages/search/index.json.ts). */
export const INDEX_PATH = '/search/index.json'

/** What serves the site's files: the `ASSETS` binding, or a stand-in in tests. */
export type AssetFetcher = Pick<Fetcher, 'fetch'>

/** Why no search could run; the route answers 503 and says so. */
export class SearchUnavailableError extends Error {
  override name = 'SearchUnavailableError'
}

interface Parsed {
  version: string
  index: Promise<SearchIndex>
}

// The parsed index, kept for the isolate's life and keyed by the file's version (its ETag), so every
// request after the first costs one asset lookup and no parse, and a new deploy's index is read on
// the next request after it. One parse is shared by the requests that arrive while it runs.
let parsed: Parsed | undefined

/**
 * The site's search index, read from `assets` and parsed once per version. A file without an ETag
 * (not seen from Cloudflare's asset server) is parsed every time, which is right if slow.
 */
export async function readSearchIndex(assets: AssetFetcher, origin: string): Promise<SearchIndex> {
  const response = await assets.fetch(new URL(INDEX_PATH, origin).href)
  if (!response.ok) {
    await response.body?.cancel()
    throw new SearchUnavailableError(`search: the index answered ${response.status}`)
  }
  const version = response.headers.get('etag')
  if (version !== null && parsed?.version === version) {
    await response.body?.cancel()
    return parsed.index
  }
  const index = response.text().then(loadSearchIndex)
  if (version !== null) {
    parsed = { version, index }
    // A broken file is not kept: the next request reads it again.
    index.catch(() => {
      if (parsed?.index === index) parsed = undefined
    })
  }
  try {
    return await index
  } catch (error) {
    throw new SearchUnavailableError(`search: the index could not be read (${(error as Error).name})`)
  }
}
