import type { MediaFileRef, MediaVariant } from '../loaders/media-loader.ts'

/** A media entry as the media loader stores it. */
export interface MediaData {
  alt: string
  /** An image's files by size; empty for a video or captions file. */
  variants: Partial<Record<'original' | 'thumbnail' | 'card' | 'feature' | 'og', MediaVariant>>
  /** A video's or captions file's own file; null when its bytes were not what it claimed. */
  file?: MediaFileRef | null
  /** A video's poster: the id of an image entry. */
  poster?: string
  /** A video's captions: ids of WebVTT entries with their language and label. */
  captions?: Array<{ file: string; language: string; label: string }>
}

/**
 * A relation to `media` as the CMS sends it: an id (depth 0), a populated document (depth 1), or
 * nothing. Returns the id as the media collection's entry key.
 */
export function mediaId(value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  if (typeof value === 'object' && value !== null && 'id' in value)
    return String((value as { id: unknown }).id)
  return undefined
}

/** Any relation's id (a number, a string or a populated document), as a string. */
export const relationId = mediaId

/** The image attributes for one use: `wide` (same-aspect srcset) or `card` (the 4:3 crop). */
export function imageAttributes(media: MediaData, use: 'wide' | 'card') {
  const { variants } = media
  if (use === 'card' && variants.card)
    return { src: variants.card.src, width: variants.card.width, height: variants.card.height }
  const main = variants.feature ?? variants.original ?? variants.card ?? variants.thumbnail
  if (!main) return undefined
  // thumbnail, feature and the original keep the original's aspect ratio, so they share a srcset.
  const set = [variants.original, variants.thumbnail, variants.feature].filter(
    (v): v is MediaVariant =>
      v !== undefined && Math.abs(v.width / v.height - main.width / main.height) < 0.02,
  )
  // One candidate per width; the CMS's compressed size wins over the original at the same width.
  const byWidth = new Map(set.map((v) => [v.width, v]))
  const srcset = [...byWidth.values()]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${v.src} ${v.width}w`)
    .join(', ')
  return { src: main.src, width: main.width, height: main.height, srcset }
}
