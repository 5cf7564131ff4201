import {
  RESULTS_PER_PAGE,
  type SearchAnswer,
  type SearchHit,
  type SearchIndex,
  type SearchOptions,
  type StoredDocument,
} from '@kairo/site/search-index'
import { excerptAround, highlight, opening } from './highlight.ts'
import { MAX_PAGE, offsetOf, resultsUrl, type SearchQuery } from './query.ts'

/**
 * How the Worker matches: every word must match (`AND`); each word also finds words it begins
 * (`orb` finds `orbital`, so results follow typing) and, from five letters, words one or two
 * letters off (`planetariun`); a match in the title counts three times one in the text, the summary
 * one and a half.
 */
export const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  prefix: (term) => term.length >= 2,
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  maxFuzzy: 2,
  boost: { title: 3, summary: 1.5 },
}

function hitOf(result: { id: string; terms: string[] } & Partial<StoredDocument>): SearchHit {
  const matched = new Set(result.terms)
  const title = result.title ?? result.id
  const excerpt =
    excerptAround(result.excerpt ?? '', matched) ??
    excerptAround(result.summary ?? '', matched) ??
    opening(result.summary || result.excerpt || '')
  return {
    url: result.id,
    kind: result.kind ?? 'page',
    title,
    titleHtml: highlight(title, matched),
    excerptHtml: highlight(excerpt, matched),
  }
}

/** One page of results for `query`, best first, with their highlighted titles and excerpts. */
export function runSearch(index: SearchIndex, query: SearchQuery): SearchAnswer {
  const all = query.q === '' ? [] : index.search(query.q, SEARCH_OPTIONS)
  const offset = offsetOf(query.page)
  const shown = all.slice(offset, offset + RESULTS_PER_PAGE)
  return {
    query: query.q,
    total: all.length,
    page: query.page,
    results: shown.map((result) => hitOf(result as typeof result & Partial<StoredDocument>)),
    next:
      offset + RESULTS_PER_PAGE < all.length && query.page < MAX_PAGE
        ? resultsUrl(query.q, query.page + 1)
        : null,
  }
}
