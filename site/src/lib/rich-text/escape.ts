const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes the five HTML-significant characters, so the result is safe both as element text and
 * inside a double- or single-quoted attribute value.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/**
 * Returns the URL when it is safe to put in an `href`: http(s), mailto, or relative (path, `#`, `?`,
 * protocol-relative). Anything with another scheme (`javascript:`, `data:`, `vbscript:`, ...) gives
 * `null`, and the caller renders the link text without a link.
 */
export function safeHref(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  // Browsers drop ASCII control characters and whitespace while parsing a scheme, so
  // "java\tscript:" still runs; strip them before deciding.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  const url = raw.replace(/[\u0000-\u0020\u007f]/g, '')
  if (url === '') return null
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)
  if (scheme?.[1] && !ALLOWED_SCHEMES.has(`${scheme[1].toLowerCase()}:`)) return null
  // A colon before the first slash with no valid scheme (e.g. "1x:...") is ambiguous; refuse it.
  if (!scheme && /^[^/?#]*:/.test(url)) return null
  return url
}
