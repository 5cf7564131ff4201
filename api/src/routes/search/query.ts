import { RESULTS_PER_PAGE } from '@kairo/site/search-index'

/** The longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 200
/** The last page of results offered (RESULTS_PER_PAGE each): nobody reads past the thousandth. */
export const MAX_PAGE = 50

/** A search as asked: the words (trimmed; '' for none) and which page of results. */
export interface SearchQuery {
  q: string
  page: number
}

/** A query refused, with a message for the visitor, and what of it can safely be shown back. */
export interface QueryProblem {
  message: string
  shown: string
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/
const EVERY_CONTROL = new RegExp(CONTROL.source, 'g')

/**
 * Reads `q` and `page` from the query string. Expected failures are values: too long a query,
 * control characters (nothing a visitor types; a form strips line breaks), or a page that is not a
 * whole number from 1 to MAX_PAGE.
 */
export function parseSearchQuery(url: URL): SearchQuery | QueryProblem {
  const raw = url.searchParams.get('q') ?? ''
  const shown = raw.replace(EVERY_CONTROL, ' ').trim().slice(0, MAX_QUERY_LENGTH)
  if (raw.length > MAX_QUERY_LENGTH)
    return { message: `The search is too long: at most ${MAX_QUERY_LENGTH} characters.`, shown }
  if (CONTROL.test(raw))
    return { message: 'The search contains characters that cannot be searched for.', shown }
  const pageParam = url.searchParams.get('page')
  const page = pageParam === null ? 1 : /^\d{1,3}$/.test(pageParam) ? Number(pageParam) : 0
  if (page < 1 || page > MAX_PAGE)
    return { message: `The page of results must be a whole number from 1 to ${MAX_PAGE}.`, shown }
  return { q: raw.trim(), page }
}

export const isProblem = (value: SearchQuery | QueryProblem): value is QueryProblem => 'message' in value

/** The URL of a page of results for `q`, as the form would ask for it. */
export function resultsUrl(q: string, page: number): string {
  const params = new URLSearchParams({ q })
  if (page > 1) params.set('page', String(page))
  return `/search?${params}`
}

/** How many results a page skips. */
export const offsetOf = (page: number) => (page - 1) * RESULTS_PER_PAGE
