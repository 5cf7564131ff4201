export { escapeHtml, safeHref } from './escape.ts'
export { renderLexical } from './render.ts'
export type { LexicalDocument, LexicalNode } from './types.ts'
