import { altProblem, type LexicalNode, richTextProblems, vagueLinkText } from './rules.ts'

/** One warning, at the form path of the field it concerns (`heroImage`, `layout.2.image`, `` for the page). */
export interface PrepublishWarning {
  path: string
  message: string
}

/** The seed's budgets (origin/ and DESIGN.md): a whole page, and the 3D it loads before any interaction. */
export const BUDGETS = { pageBytes: 2 * 1024 * 1024, initial3dBytes: 500 * 1024 } as const
/** What a page's HTML, CSS and the site's own images add to its media; measured on the built pages. */
const PAGE_BASE_BYTES = 60 * 1024

type Doc = Record<string, unknown>
const isObject = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isMedia = (value: Doc) => typeof value.mimeType === 'string' && typeof value.filename === 'string'
const isModel = (value: Doc) => 'manifest' in value && 'alt' in value
const isLexical = (value: Doc): value is { root: LexicalNode } =>
  isObject(value.root) && Array.isArray((value.root as LexicalNode).children)
const isLink = (value: Doc) => typeof value.label === 'string' && ('url' in value || 'reference' in value)
/** Another document reached through a relation (a related service, a parent page): not this one's content. */
const isOtherDocument = (value: Doc) =>
  typeof value.createdAt === 'string' && !isMedia(value) && !isModel(value)

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** The bytes of the image a page shows for a media document: its large size where it has one. */
function displayBytes(media: Doc): number {
  const sizes = isObject(media.sizes) ? media.sizes : {}
  const feature = isObject(sizes.feature) ? sizes.feature.filesize : undefined
  return typeof feature === 'number' ? feature : typeof media.filesize === 'number' ? media.filesize : 0
}

/** The bytes a model's island loads first: its smallest level and its poster (manifest.ts). */
function initialModelBytes(model: Doc): number {
  const manifest = isObject(model.manifest) ? model.manifest : undefined
  const lods = Array.isArray(manifest?.lods) ? (manifest.lods as Array<{ bytes?: number }>) : []
  const smallest = lods.at(-1)?.bytes ?? 0
  const poster =
    isObject(manifest?.poster) && Array.isArray(manifest.poster.images) ? manifest.poster.images : []
  const posterBytes = Math.max(0, ...(poster as Array<{ bytes?: number }>).map((image) => image.bytes ?? 0))
  return smallest + posterBytes
}

/**
 * Everything the pre-publish checks find in one document, read at depth 1 (media and models
 * populated): images and 3D models whose alt text says nothing, rich text with a heading 1 or a
 * skipped level, links whose text says nothing, a 3D model over its first-view budget, and a page
 * over its weight budget. Each warning names the field it concerns.
 */
export function checkDocument(doc: Doc): PrepublishWarning[] {
  const warnings: PrepublishWarning[] = []
  const seenMedia = new Map<string, number>()
  let modelBytes = 0
  const at = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key))

  const visitMedia = (media: Doc, path: string) => {
    const problem = altProblem(media.alt, media.filename)
    if (problem)
      warnings.push({
        path,
        message: `The image ${media.filename} ${problem}: describe what it shows in the media library.`,
      })
    seenMedia.set(String(media.id ?? media.filename), displayBytes(media))
  }

  const visitModel = (model: Doc, path: string) => {
    const problem = altProblem(model.alt)
    const name = typeof model.title === 'string' ? `“${model.title}”` : ''
    if (problem)
      warnings.push({
        path,
        message: `The 3D model ${name} ${problem}: it is the text alternative visitors without 3D get.`,
      })
    const initial = initialModelBytes(model)
    modelBytes += initial
    if (initial > BUDGETS.initial3dBytes) {
      warnings.push({
        path,
        message: `The 3D model ${name} loads ${kb(initial)} before its first frame (budget ${kb(BUDGETS.initial3dBytes)}): give it a smaller model or lower its detail.`,
      })
    }
  }

  const visitRichText = (value: { root: LexicalNode }, path: string) => {
    for (const message of richTextProblems(value.root)) warnings.push({ path, message })
    const stack: LexicalNode[] = [value.root]
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (node.type === 'upload' && isObject(node.value) && isMedia(node.value)) visitMedia(node.value, path)
      stack.push(...(node.children ?? []))
    }
  }

  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        visit(item, at(path, index))
      })
      return
    }
    if (!isObject(value)) return
    if (isMedia(value)) {
      visitMedia(value, path)
      return
    }
    if (isModel(value)) {
      visitModel(value, path)
      return
    }
    if (isLexical(value)) {
      visitRichText(value, path)
      return
    }
    if (path && isOtherDocument(value)) return
    if (isLink(value) && vagueLinkText(String(value.label))) {
      warnings.push({
        path: at(path, 'label'),
        message: `The link “${value.label}” does not say where it goes: name the page instead.`,
      })
    }
    for (const [key, child] of Object.entries(value)) visit(child, at(path, key))
  }
  visit(doc, '')

  const imageBytes = [...seenMedia.values()].reduce((sum, bytes) => sum + bytes, 0)
  const pageBytes = PAGE_BASE_BYTES + imageBytes + modelBytes
  if (pageBytes > BUDGETS.pageBytes) {
    warnings.push({
      path: '',
      message: `This page weighs about ${mb(pageBytes)} with its images (${mb(imageBytes)}) and 3D (${mb(modelBytes)}), over the ${mb(BUDGETS.pageBytes)} budget: use fewer or smaller images.`,
    })
  }
  return warnings
}
