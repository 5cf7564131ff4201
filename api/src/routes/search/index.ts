import { countText, resultsHtml, type SearchAnswer } from '@kairo/site/search-index'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../../env.ts'
import { createRouter } from '../../lib/create-app.ts'
import { errorBody } from '../../lib/errors.ts'
import { log } from '../../lib/logger.ts'
import { wantsJson } from '../../lib/negotiate.ts'
import { type AssetFetcher, readSearchIndex, SearchUnavailableError } from './index-cache.ts'
import { limitSearches } from './limit.ts'
import { fetchSearchPage, fillSearchPage, type PageFill } from './page.ts'
import { isProblem, parseSearchQuery } from './query.ts'
import { runSearch } from './run-search.ts'

// `GET /search?q=`: the site's search, answered from the index the site's build wrote
// (site/src/pages/search/index.json.ts), read through the static assets. A browser gets the site's
// own search page with the results written in (so it works without JavaScript); `Accept:
// application/json` gets `{ query, total, page, results, next }` for the page's as-you-type script.
// Mounted before the session's lookup (app.ts): a search reads no cookie and costs no query.

/** Options of {@link createSearchRoutes}. */
export interface SearchRoutesOptions {
  /** What serves the site's files; default the `ASSETS` binding (tests pass a stand-in). */
  assets?: (c: Context<AppEnv>) => AssetFetcher | undefined
}

const UNAVAILABLE = 'Search is unavailable right now; please try again in a moment.'
// Results of public pages: a browser may reuse them briefly; JSON and HTML share the URL. A results
// page is not content of its own, so search engines are asked not to list it.
const FRESH = { 'Cache-Control': 'public, max-age=60', Vary: 'Accept', 'X-Robots-Tag': 'noindex' }
const NOT_STORED = { 'Cache-Control': 'no-store', Vary: 'Accept', 'X-Robots-Tag': 'noindex' }

async function answerWithPage(
  c: Context<AppEnv>,
  assets: AssetFetcher | undefined,
  fill: Omit<PageFill, 'nonce'>,
  status: ContentfulStatusCode,
): Promise<Response> {
  const origin = new URL(c.req.url).origin
  const page = assets && (await fetchSearchPage(assets, origin))
  if (!page) return c.text(UNAVAILABLE, 503, NOT_STORED)
  const filled = fillSearchPage(page, { ...fill, nonce: c.var.secureHeadersNonce })
  return c.body(filled.body ?? '', status, {
    'Content-Type': 'text/html; charset=utf-8',
    ...(status === 200 ? FRESH : NOT_STORED),
  })
}

export function createSearchRoutes(options: SearchRoutesOptions = {}) {
  const assetsOf = options.assets ?? ((c: Context<AppEnv>) => c.env.ASSETS)
  return createRouter().get('/search', limitSearches(), async (c) => {
    const json = wantsJson(c)
    const assets = assetsOf(c)
    const query = parseSearchQuery(new URL(c.req.url))
    if (isProblem(query)) {
      if (json) return c.json(errorBody('invalid_query', query.message), 400, NOT_STORED)
      return answerWithPage(c, assets, { query: query.shown, status: query.message, resultsHtml: '' }, 400)
    }
    // No words: the form as the site built it.
    if (query.q === '' && !json)
      return answerWithPage(c, assets, { query: '', status: '', resultsHtml: '' }, 200)

    let answer: SearchAnswer
    try {
      if (!assets) throw new SearchUnavailableError('search: no ASSETS binding')
      answer = runSearch(await readSearchIndex(assets, new URL(c.req.url).origin), query)
    } catch (error) {
      if (!(error instanceof SearchUnavailableError)) throw error
      log(c, 'warn', 'search unavailable', { detail: error.message })
      if (json) return c.json(errorBody('unavailable', UNAVAILABLE), 503, NOT_STORED)
      return answerWithPage(c, assets, { query: query.q, status: UNAVAILABLE, resultsHtml: '' }, 503)
    }
    if (json) return c.json(answer, 200, FRESH)
    return answerWithPage(
      c,
      assets,
      { query: answer.query, status: countText(answer), resultsHtml: resultsHtml(answer) },
      200,
    )
  })
}

export const search = createSearchRoutes()
