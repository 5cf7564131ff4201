/**
 * Just enough of Lexical's serialized JSON to write seed content by hand: a root of headings and
 * paragraphs of plain text, in the exact shape the admin's editor saves.
 */
type TextNode = {
  type: 'text'
  text: string
  format: number
  detail: number
  mode: 'normal'
  style: string
  version: 1
}

type BlockBase = { children: TextNode[]; direction: 'ltr'; format: ''; indent: number; version: 1 }
type HeadingNode = BlockBase & { type: 'heading'; tag: 'h2' | 'h3' }
type ParagraphNode = BlockBase & { type: 'paragraph'; textFormat: number; textStyle: string }
export type Block = HeadingNode | ParagraphNode

export type RichText = {
  root: { type: 'root'; children: Block[]; direction: 'ltr'; format: ''; indent: number; version: 1 }
}

const text = (value: string): TextNode => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const block = { direction: 'ltr', format: '', indent: 0, version: 1 } as const

/** A second-level heading (the page title is the h1). */
export const h2 = (value: string): HeadingNode => ({
  ...block,
  type: 'heading',
  tag: 'h2',
  children: [text(value)],
})

/** A paragraph of plain text. */
export const p = (value: string): ParagraphNode => ({
  ...block,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children: [text(value)],
})

/** Wraps blocks into the document value of a `richText` field. */
export const doc = (...children: Block[]): RichText => ({ root: { ...block, type: 'root', children } })
