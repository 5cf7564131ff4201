// `@kairo/site/search-index`: what the Worker shares with the site's search (api/src/routes/search/).
// Plain TypeScript without Astro, so the Worker's bundle and checks can read it.
export { escapeHtml } from '../rich-text/escape.ts'
export {
  countText,
  RESULTS_PER_PAGE,
  resultsHtml,
  type SearchAnswer,
  type SearchHit,
} from './result-markup.ts'
export {
  buildSearchIndex,
  loadSearchIndex,
  MAX_EXCERPT_SOURCE,
  type SearchDocument,
  type SearchIndex,
  type SearchKind,
  type SearchOptions,
  type StoredDocument,
  searchTerm,
  WORD,
} from './search-index.ts'
