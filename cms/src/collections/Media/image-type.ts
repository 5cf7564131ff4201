/** The image types the media library accepts, by MIME type. SVG is left out on purpose: it can carry scripts. */
export const ACCEPTED_IMAGE_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/avif',
  'image/gif',
] as const
export type AcceptedImageType = (typeof ACCEPTED_IMAGE_TYPES)[number]

/** The extension a stored file of each accepted type gets (its name never keeps the uploader's). */
export const IMAGE_EXTENSIONS: Record<AcceptedImageType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
}

/** Largest upload accepted, in bytes (a 4K photo as high-quality JPEG is well under this). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end))

/**
 * Reads the image type from a file's first bytes (its signature), ignoring its name and the type the
 * browser claimed. Returns `null` when the bytes are none of the accepted image formats, e.g. an
 * HTML page renamed `photo.png` or an SVG.
 */
export function sniffImageType(bytes: Uint8Array): AcceptedImageType | null {
  if (bytes.length < 12) return null
  if (bytes[0] === 0x89 && ascii(bytes, 1, 8) === 'PNG\r\n\x1a\n') return 'image/png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp'
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif'
  if (ascii(bytes, 4, 8) === 'ftyp' && ['avif', 'avis'].includes(ascii(bytes, 8, 12))) return 'image/avif'
  return null
}

/** True when the bytes look like markup (HTML or SVG): the usual disguise of a script in an "image". */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase()
  return head.startsWith('<')
}
