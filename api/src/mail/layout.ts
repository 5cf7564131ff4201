// The one look of every e-mail: plain text first (what many clients and every screen reader get),
// and a simple HTML twin built from the same parts: `lang`, a title, one heading, short paragraphs,
// and the action as a link whose text says where it goes (no image, no layout table, dark text on
// white well above 4.5:1). Every value is escaped; payloads hold visitors' own words.

/** The parts of an e-mail; `action` is the one link the message is about, if any. */
export interface EmailParts {
  subject: string
  heading: string
  paragraphs: string[]
  action?: { label: string; url: string }
  /** Shown after the action: expiry, "you can ignore this", who sent it. */
  footer?: string[]
  /** The visible twin of the `List-Unsubscribe` header, last in the message. */
  unsubscribe?: { label: string; url: string }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char)
}

/** Plain text: paragraphs separated by blank lines, the link on a line of its own. */
export function renderText(parts: EmailParts): string {
  const blocks = [parts.heading, ...parts.paragraphs]
  if (parts.action) blocks.push(`${parts.action.label}:\n${parts.action.url}`)
  blocks.push(...(parts.footer ?? []))
  if (parts.unsubscribe) blocks.push(`${parts.unsubscribe.label}:\n${parts.unsubscribe.url}`)
  return `${blocks.join('\n\n')}\n`
}

/** The HTML twin of {@link renderText}. */
export function renderHtml(parts: EmailParts): string {
  const paragraph = (text: string) =>
    `<p style="margin:0 0 16px">${escapeHtml(text).replace(/\n/g, '<br>')}</p>`
  const action = parts.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(parts.action.url)}" style="color:#1d4ed8;font-weight:bold">${escapeHtml(parts.action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:14px;color:#374151">If the link does not open, copy this address into your browser: ${escapeHtml(parts.action.url)}</p>`
    : ''
  const footer = (parts.footer ?? [])
    .map((line) => `<p style="margin:0 0 8px;font-size:14px;color:#374151">${escapeHtml(line)}</p>`)
    .join('')
  const unsubscribe = parts.unsubscribe
    ? `<p style="margin:16px 0 0;font-size:14px"><a href="${escapeHtml(parts.unsubscribe.url)}" style="color:#1d4ed8">${escapeHtml(parts.unsubscribe.label)}</a></p>`
    : ''
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(parts.subject)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff;color:#111827;font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:16px;line-height:1.5">',
    '<main style="max-width:560px">',
    `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(parts.heading)}</h1>`,
    parts.paragraphs.map(paragraph).join(''),
    action,
    footer,
    unsubscribe,
    '</main></body></html>',
  ].join('')
}
