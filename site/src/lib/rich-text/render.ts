import { escapeHtml, safeHref } from './escape.ts'
import { type LexicalNode, TEXT_FORMAT } from './types.ts'

// Innermost first: `<strong><em><code>x</code></em></strong>`.
const FORMAT_TAGS: Array<[bit: number, tag: string]> = [
  [TEXT_FORMAT.code, 'code'],
  [TEXT_FORMAT.subscript, 'sub'],
  [TEXT_FORMAT.superscript, 'sup'],
  [TEXT_FORMAT.strikethrough, 's'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.bold, 'strong'],
]

function isNode(value: unknown): value is LexicalNode {
  return typeof value === 'object' && value !== null && typeof (value as LexicalNode).type === 'string'
}

function renderChildren(node: LexicalNode): string {
  return Array.isArray(node.children) ? node.children.map(renderNode).join('') : ''
}

function renderText(node: LexicalNode): string {
  let html = escapeHtml(typeof node.text === 'string' ? node.text : '')
  const format = typeof node.format === 'number' ? node.format : 0
  for (const [bit, tag] of FORMAT_TAGS) {
    if (format & bit) html = `<${tag}>${html}</${tag}>`
  }
  return html
}

// The page owns the only h1, so CMS headings are kept within h2–h4.
function headingTag(node: LexicalNode): string {
  const level = typeof node.tag === 'string' ? Number(node.tag.replace(/^h/, '')) : 2
  return `h${Math.min(4, Math.max(2, Number.isFinite(level) ? level : 2))}`
}

function renderLink(node: LexicalNode): string {
  const fields = (typeof node.fields === 'object' && node.fields) || {}
  const { url, newTab } = fields as { url?: unknown; newTab?: unknown }
  const href = safeHref(url ?? node.url)
  const inner = renderChildren(node)
  // Internal links (to a CMS document) and unsafe schemes keep their text but lose the link.
  if (href === null) return `<span>${inner}</span>`
  const target = newTab === true ? ' target="_blank" rel="noopener noreferrer"' : ''
  return `<a href="${escapeHtml(href)}"${target}>${inner}</a>`
}

function renderList(node: LexicalNode): string {
  const tag = node.listType === 'number' || node.tag === 'ol' ? 'ol' : 'ul'
  const start =
    tag === 'ol' && typeof node.start === 'number' && node.start !== 1 ? ` start="${node.start}"` : ''
  return `<${tag}${start}>${renderChildren(node)}</${tag}>`
}

function renderNode(value: unknown): string {
  if (!isNode(value)) return ''
  const node = value
  switch (node.type) {
    case 'root':
      return renderChildren(node)
    case 'paragraph': {
      const inner = renderChildren(node)
      return inner === '' ? '' : `<p>${inner}</p>`
    }
    case 'heading': {
      const tag = headingTag(node)
      return `<${tag}>${renderChildren(node)}</${tag}>`
    }
    case 'text':
      return renderText(node)
    case 'tab':
      return ' '
    case 'linebreak':
      return '<br>'
    case 'link':
    case 'autolink':
      return renderLink(node)
    case 'list':
      return renderList(node)
    case 'listitem':
      return `<li>${renderChildren(node)}</li>`
    case 'quote':
      return `<blockquote>${renderChildren(node)}</blockquote>`
    default:
      // Unknown node types (uploads, blocks, ...) are not rendered yet; their text survives.
      return renderChildren(node)
  }
}

/**
 * Renders Payload's Lexical JSON to an HTML string. All text and attribute values are escaped,
 * raw HTML is never passed through, and links keep only http(s), mailto and relative URLs. Input
 * that is not a Lexical document renders as the empty string.
 */
export function renderLexical(value: unknown): string {
  if (typeof value !== 'object' || value === null) return ''
  return renderNode((value as { root?: unknown }).root)
}
