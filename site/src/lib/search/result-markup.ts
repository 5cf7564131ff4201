import { escapeHtml } from '../rich-text/escape.ts'
import type { SearchKind } from './search-index.ts'

// The markup of search results, the same whether the Worker writes it into the page (a search
// without JavaScript) or the search page's script does (as the visitor types): both call these.

/** One result as the Worker answers it (`Accept: application/json`). */
export interface SearchHit {
  url: string
  kind: SearchKind
  title: string
  /** The title, escaped, with the matched words in `<mark>`. */
  titleHtml: string
  /** Text around the first match, escaped, with the matched words in `<mark>`. */
  excerptHtml: string
}

/** The Worker's JSON answer to a search. */
export interface SearchAnswer {
  query: string
  total: number
  /** 1 for the first results; each page holds RESULTS_PER_PAGE. */
  page: number
  results: SearchHit[]
  /** The URL of the next results, or null on the last page. */
  next: string | null
}

export const RESULTS_PER_PAGE = 20

const KIND_LABELS: Record<SearchKind, string> = {
  service: 'Service',
  'case-study': 'Case study',
  page: 'Page',
}

function resultHtml(hit: SearchHit): string {
  return (
    `<li class="search-result"><h2 class="search-result__title"><a href="${escapeHtml(hit.url)}">${hit.titleHtml}</a></h2>` +
    `<p class="search-result__kind">${KIND_LABELS[hit.kind] ?? 'Page'}</p>` +
    `<p class="search-result__excerpt">${hit.excerptHtml}</p></li>`
  )
}

/** The results region's content: the list, and a link to the next results when there are more. */
export function resultsHtml(answer: Pick<SearchAnswer, 'results' | 'next'>): string {
  if (answer.results.length === 0) return ''
  const list = `<ol class="search-results__list">${answer.results.map(resultHtml).join('')}</ol>`
  const more = answer.next
    ? `<p><a class="button" href="${escapeHtml(answer.next)}">More results</a></p>`
    : ''
  return list + more
}

/**
 * The count a screen reader announces and everyone sees: `3 results for “orbit”`, and which of
 * them a later page shows.
 */
export function countText(answer: Pick<SearchAnswer, 'query' | 'total' | 'page' | 'results'>): string {
  const { query, total, page, results } = answer
  if (total === 0) return `No results for “${query}”`
  const counted = `${total} ${total === 1 ? 'result' : 'results'} for “${query}”`
  if (page === 1) return counted
  const first = (page - 1) * RESULTS_PER_PAGE + 1
  return `${counted}, showing ${first} to ${first + results.length - 1}`
}
