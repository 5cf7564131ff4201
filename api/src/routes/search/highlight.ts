import { escapeHtml, searchTerm, WORD } from '@kairo/site/search-index'

// Marking what matched: the index's result names the words of the document that matched the query
// (after prefix and typo expansion: `orb` → `orbital`), in the index's form (searchTerm). A word of
// the shown text is marked when its index form is one of them. Everything else is escaped.

/** `text`, escaped, with each matched word in `<mark>`. */
export function highlight(text: string, matched: ReadonlySet<string>): string {
  let html = ''
  let done = 0
  for (const { 0: word, index } of text.matchAll(WORD)) {
    const term = searchTerm(word)
    if (term === null || !matched.has(term)) continue
    html += `${escapeHtml(text.slice(done, index))}<mark>${escapeHtml(word)}</mark>`
    done = index + word.length
  }
  return html + escapeHtml(text.slice(done))
}

/** Characters of context kept before the first match and in all. */
const BEFORE = 60
const LENGTH = 220

/**
 * Up to LENGTH characters of `text` around its first matched word, cut at word boundaries, with an
 * ellipsis where text was cut; undefined when no word of `text` matched.
 */
export function excerptAround(text: string, matched: ReadonlySet<string>): string | undefined {
  let first: number | undefined
  for (const { 0: word, index } of text.matchAll(WORD)) {
    const term = searchTerm(word)
    if (term !== null && matched.has(term)) {
      first = index
      break
    }
  }
  if (first === undefined) return undefined
  let start = Math.max(0, first - BEFORE)
  if (start > 0) start = text.indexOf(' ', start) + 1 || start
  if (start > first) start = first
  let end = Math.min(text.length, start + LENGTH)
  if (end < text.length) end = text.lastIndexOf(' ', end) > first ? text.lastIndexOf(' ', end) : end
  return `${start > 0 ? '… ' : ''}${text.slice(start, end).trim()}${end < text.length ? ' …' : ''}`
}

/** At most LENGTH characters of `text` from its start, cut at a word boundary. */
export function opening(text: string): string {
  if (text.length <= LENGTH) return text
  const cut = text.lastIndexOf(' ', LENGTH)
  return `${text.slice(0, cut > 0 ? cut : LENGTH)} …`
}
