/**
 * The checks an editor gets before publishing (README "Checks before publish"): each looks at one
 * kind of value wherever it sits in a document and says what is wrong in words an editor can act
 * on. Warnings, never errors: the editor may still publish.
 */

/** Words that describe nothing when they are the whole alt text. */
const EMPTY_ALT =
  /^(an? )?(image|img|photo|photograph|picture|pic|graphic|screenshot|untitled|placeholder|alt|logo|banner|hero|thumbnail|model|3d model|render|object)( \d+)?$/i
/** What a camera or a file names: IMG_0042, DSC01234, PXL_2026…, or a file name. */
const FILE_LIKE =
  /^(img|dsc|dscn|pxl|screenshot|photo|image)[-_ ]?\d[\w-]*$|\.(png|jpe?g|webp|avif|gif|svg|glb|gltf|heic)$/i

/** Why an alt text (of an image or a 3D model) tells a visitor nothing, or undefined when it does. */
export function altProblem(alt: unknown, filename?: unknown): string | undefined {
  const text = typeof alt === 'string' ? alt.trim() : ''
  if (text.length === 0) return 'has no alt text'
  const stem = typeof filename === 'string' ? filename.replace(/\.[^.]+$/, '') : undefined
  if (text.length < 4 || EMPTY_ALT.test(text) || FILE_LIKE.test(text) || (stem && text === stem)) {
    return `has the alt text “${text}”, which does not say what it shows`
  }
  return undefined
}

/** Link texts that say nothing about where the link goes (WCAG 2.4.4). */
const VAGUE_LINK = new Set([
  'click here',
  'click',
  'here',
  'this',
  'this link',
  'link',
  'more',
  'read more',
  'learn more',
  'see more',
  'more info',
  'more information',
  'details',
  'go',
  'continue',
])

export function vagueLinkText(text: string): boolean {
  return VAGUE_LINK.has(
    text
      .trim()
      .toLowerCase()
      .replace(/[.!…:]+$/, ''),
  )
}

/** A Lexical node as stored (the parts the checks read). */
export interface LexicalNode {
  type?: string
  tag?: string
  text?: string
  value?: unknown
  children?: LexicalNode[]
}

function textOf(node: LexicalNode): string {
  return node.text ?? (node.children ?? []).map(textOf).join('')
}

function* walk(node: LexicalNode): Generator<LexicalNode> {
  yield node
  for (const child of node.children ?? []) yield* walk(child)
}

/**
 * What a rich text's structure gets wrong: a heading 1 (the page's title is its one h1), a level
 * skipped (h2 then h4), a link whose text says nothing. Headings are counted from the page's h1.
 */
export function richTextProblems(root: LexicalNode): string[] {
  const problems: string[] = []
  let previous = 1
  for (const node of walk(root)) {
    if (node.type === 'heading' && typeof node.tag === 'string') {
      const level = Number(node.tag.slice(1))
      const text = textOf(node).trim()
      if (level === 1)
        problems.push(
          `Heading “${text}” is a heading 1: the page's title is its one heading 1; use heading 2.`,
        )
      else if (level > previous + 1)
        problems.push(
          `Heading “${text}” is a heading ${level} after a heading ${previous}: a level is skipped, use heading ${previous + 1}.`,
        )
      previous = level
    }
    if ((node.type === 'link' || node.type === 'autolink') && vagueLinkText(textOf(node))) {
      problems.push(`The link “${textOf(node).trim()}” does not say where it goes: name the page instead.`)
    }
  }
  return problems
}
