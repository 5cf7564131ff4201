/**
 * The subset of Lexical's serialized JSON that Payload's default editor emits and this renderer
 * understands. Everything arrives from the network, so every field is optional and checked at use.
 */
export interface LexicalNode {
  type: string
  children?: unknown
  [key: string]: unknown
}

/** Payload's rich-text value: `{ root: { type: 'root', children } }`. */
export interface LexicalDocument {
  root: LexicalNode
}

/** Lexical's text format bit flags (lexical/src/LexicalConstants.ts). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 1 << 1,
  strikethrough: 1 << 2,
  underline: 1 << 3,
  code: 1 << 4,
  subscript: 1 << 5,
  superscript: 1 << 6,
} as const
