import sharp from 'sharp'

/** The image types the site publishes under `/media/`, by the format sharp reads from the bytes. */
const PUBLISHED = {
  png: { extension: 'png', type: 'image/png' },
  jpeg: { extension: 'jpg', type: 'image/jpeg' },
  webp: { extension: 'webp', type: 'image/webp' },
  gif: { extension: 'gif', type: 'image/gif' },
  avif: { extension: 'avif', type: 'image/avif' },
} as const

export type PublishedImage = (typeof PUBLISHED)[keyof typeof PUBLISHED]

/**
 * What image the bytes are, decided by decoding their header with sharp (never by a name, an
 * extension or a server's content type), or null for anything the site must not publish as an image:
 * HTML, SVG (it can carry scripts), text, or bytes no decoder accepts.
 */
export async function publishedImageType(bytes: Uint8Array): Promise<PublishedImage | null> {
  const metadata = await sharp(bytes)
    .metadata()
    .catch(() => null)
  if (!metadata?.format) return null
  // sharp reports AVIF as HEIF with the AV1 codec; other HEIF (HEIC) is not published.
  if (metadata.format === 'heif') return metadata.compression === 'av1' ? PUBLISHED.avif : null
  return (PUBLISHED as Record<string, PublishedImage>)[metadata.format] ?? null
}

/** The content type of a published file name's extension, or null when it is none of the images above. */
export function publishedTypeOf(name: string): string | null {
  const extension = name.split('.').pop()?.toLowerCase()
  return Object.values(PUBLISHED).find((image) => image.extension === extension)?.type ?? null
}
