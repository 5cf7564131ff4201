/** One rule of the static host's `_redirects` file. */
export interface RedirectRule {
  from: string
  to: string
  status: '301' | '302'
}

/**
 * The `_redirects` file Cloudflare's static assets apply before serving a file: one `from to status`
 * line per rule. A rule whose source or target could make the file ambiguous (whitespace, a newline,
 * a missing target) is left out rather than written half-valid; a rule pointing at itself too.
 */
export function redirectsFile(rules: RedirectRule[]): string {
  const safe = (value: string) => value.length > 0 && !/\s/.test(value)
  const lines = rules
    .filter((rule) => safe(rule.from) && safe(rule.to) && rule.from !== rule.to)
    .map((rule) => `${rule.from} ${rule.to} ${rule.status}`)
  return `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`
}
