import MiniSearch, { type Options } from 'minisearch'

export type { SearchOptions } from 'minisearch'

// The search index's contract, shared by its writer (the site's build, src/pages/search/index.json.ts)
// and its reader (the Worker's `/search`, api/src/routes/search/): MiniSearch can only read back an
// index with the options that wrote it, so both take them from here.

/** What a result is, shown beside its title. */
export type SearchKind = 'service' | 'case-study' | 'page'

/** One routed, published page as the index holds it. */
export interface SearchDocument {
  /** The page's URL on the site (`/work/orbital-labs/`); also the document's id. */
  url: string
  kind: SearchKind
  title: string
  /** One or two sentences shown when the match is not in the body's stored text. */
  summary: string
  /** The page's text (body and blocks), searched in full. */
  text: string
}

/** A document as read back from the index: the stored fields. */
export interface StoredDocument {
  kind: SearchKind
  title: string
  summary: string
  /** The start of the page's text, for excerpts (MAX_EXCERPT_SOURCE). */
  excerpt: string
}

/**
 * How much of a page's text is stored for excerpts. Every word of the text is searchable; only this
 * much is kept verbatim, since stored text is most of the index's size (bench/README.md "Search").
 * A match beyond it shows the summary.
 */
export const MAX_EXCERPT_SOURCE = 400

// Words so common that their postings would list nearly every page; a query drops them too.
const STOP_WORDS = new Set(
  'a an and are as at be by for from in into is it its of on or that the their this to was we were with'.split(
    ' ',
  ),
)

/**
 * The index's form of a word: lower case, accents folded (`Café` finds `cafe`), stop words dropped.
 * The Worker uses the same function to find the words it highlights.
 */
export function searchTerm(word: string): string | null {
  const term = word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
  return term === '' || STOP_WORDS.has(term) ? null : term
}

/** The words of a text as the index splits them: runs of letters and digits. */
export const WORD = /[\p{L}\p{N}]+/gu

const tokenize = (text: string): string[] => text.match(WORD) ?? []

/** MiniSearch's options for writing and reading the index (the same on both sides). */
export const SEARCH_INDEX_OPTIONS: Options<SearchDocument & { excerpt?: string }> = {
  idField: 'url',
  fields: ['title', 'summary', 'text'],
  storeFields: ['kind', 'title', 'summary', 'excerpt'],
  tokenize,
  processTerm: searchTerm,
}

/** Builds the index of `documents` and returns it as the JSON the Worker loads. */
export function buildSearchIndex(documents: SearchDocument[]): string {
  const index = new MiniSearch(SEARCH_INDEX_OPTIONS)
  index.addAll(documents.map((document) => ({ ...document, excerpt: excerptSource(document.text) })))
  return JSON.stringify(index)
}

/** The index as read back: MiniSearch's, searched with the reader's own options. */
export type SearchIndex = MiniSearch<SearchDocument>

/** Reads an index written by {@link buildSearchIndex}. Throws on a malformed one. */
export function loadSearchIndex(json: string): SearchIndex {
  return MiniSearch.loadJSON(json, SEARCH_INDEX_OPTIONS) as SearchIndex
}

// Cut at a word boundary, so an excerpt never ends in half a word.
function excerptSource(text: string): string {
  if (text.length <= MAX_EXCERPT_SOURCE) return text
  const cut = text.lastIndexOf(' ', MAX_EXCERPT_SOURCE)
  return text.slice(0, cut > 0 ? cut : MAX_EXCERPT_SOURCE)
}
