import type { APIRoute } from 'astro'
import { siteContent } from '../../lib/content.ts'
import { searchDocuments } from '../../lib/search/documents.ts'
import { buildSearchIndex } from '../../lib/search/search-index.ts'

/**
 * `/search/index.json`: the search index the Worker answers `/search` from (api/src/routes/search/),
 * written at build time from the content the pages are built from, so it holds exactly the published,
 * routed pages. An endpoint rather than a step after the build: only pages and endpoints can read
 * the content collections. Not a page, so not in the sitemap.
 */
export const GET: APIRoute = async () => {
  const index = buildSearchIndex(searchDocuments(await siteContent()))
  return new Response(index, { headers: { 'content-type': 'application/json; charset=utf-8' } })
}
