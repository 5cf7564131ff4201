// Plain text from what the pages show, for the search index: the rich text the loader rendered to
// HTML (a case study's or service's body), the Lexical JSON of rich-text blocks, and the text fields
// of the other blocks.

// Text-level tags join their neighbours without a gap (`<em>orb</em>it` is one word); any other tag
// (a paragraph, heading, list item) separates words.
const INLINE_TAGS = /^\/?(a|b|code|em|i|s|span|strong|sub|sup|u)$/i
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

const squash = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * The text of HTML written by the site's own rich-text renderer (src/lib/rich-text/): tags dropped,
 * entities decoded. Note: meant for that trusted, regular markup, not for arbitrary HTML.
 */
export function htmlText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<([^\s>]+)[^>]*>/g, (_, tag: string) => (INLINE_TAGS.test(tag) ? '' : ' '))
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#')) {
        const code =
          name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' '
      }
      return ENTITIES[name.toLowerCase()] ?? entity
    })
  return squash(text)
}

const INLINE_NODES = new Set(['text', 'link', 'autolink', 'tab'])

function lexicalNodeText(node: unknown): string {
  if (typeof node !== 'object' || node === null) return ''
  const { type, text, children } = node as { type?: unknown; text?: unknown; children?: unknown }
  if (type === 'text') return typeof text === 'string' ? text : ''
  if (type === 'linebreak' || type === 'tab') return ' '
  const inner = Array.isArray(children) ? children.map(lexicalNodeText).join('') : ''
  return typeof type === 'string' && INLINE_NODES.has(type) ? inner : ` ${inner} `
}

/** The text of a Lexical rich-text value (`{ root: … }`); '' for anything else. */
export function lexicalText(value: unknown): string {
  if (typeof value !== 'object' || value === null || !('root' in value)) return ''
  return squash(lexicalNodeText(value.root))
}

// The block fields a visitor reads (cms/src/blocks): headings, captions, quotes, figures, links' labels.
const TEXT_FIELDS = new Set([
  'heading',
  'intro',
  'text',
  'quote',
  'person',
  'role',
  'caption',
  'label',
  'value',
])
// Where a block nests more of them: stats' items, a gallery's images, a call to action's links.
const NESTED_FIELDS = new Set(['items', 'images', 'links', 'link'])

function fieldsText(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(fieldsText)
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, field]) => {
    if (TEXT_FIELDS.has(key) && typeof field === 'string') return [field]
    if (key === 'content') return [lexicalText(field)]
    return NESTED_FIELDS.has(key) ? fieldsText(field) : []
  })
}

/** The text of a layout's blocks, in order. */
export function blocksText(blocks: unknown[] | null | undefined): string {
  return squash((blocks ?? []).flatMap(fieldsText).join(' '))
}
