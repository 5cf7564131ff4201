import { publishedImageType, publishedTypeOf } from './image-type.ts'

/** What the site publishes under `/media/`: an image, a video or a WebVTT captions file. */
export type MediaKind = 'image' | 'video' | 'captions'

export interface PublishedMedia {
  kind: MediaKind
  extension: string
  type: string
}

const MP4: PublishedMedia = { kind: 'video', extension: 'mp4', type: 'video/mp4' }
const WEBM: PublishedMedia = { kind: 'video', extension: 'webm', type: 'video/webm' }
const VTT: PublishedMedia = { kind: 'captions', extension: 'vtt', type: 'text/vtt' }

// The MP4 brands the CMS accepts (cms/src/collections/Media/video-type.ts); AVIF and HEIF share the box.
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'mp41',
  'mp42',
  'avc1',
  'dash',
  'mmp4',
])

const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end))

/**
 * The DocType in a WebM/Matroska EBML header, found by its element ID (0x4282) and one-byte size
 * within the header's first bytes; enough to tell `webm` from `matroska` and from anything else.
 */
function ebmlDocType(bytes: Uint8Array): string | null {
  if (bytes[0] !== 0x1a || bytes[1] !== 0x45 || bytes[2] !== 0xdf || bytes[3] !== 0xa3) return null
  const head = bytes.subarray(0, 64)
  for (let i = 4; i < head.length - 3; i++) {
    const size = (head[i + 2] ?? 0) & 0x7f
    if (head[i] === 0x42 && head[i + 1] === 0x82 && (head[i + 2] ?? 0) & 0x80)
      return ascii(head, i + 3, i + 3 + size)
  }
  return null
}

/** The video or captions type the bytes are, without decoding them (the CMS checked them on upload). */
function publishedTimedMedia(bytes: Uint8Array): PublishedMedia | null {
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && MP4_BRANDS.has(ascii(bytes, 8, 12))) return MP4
  if (ebmlDocType(bytes) === 'webm') return WEBM
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(new TextDecoder().decode(bytes.subarray(start, start + 7)))) return VTT
  return null
}

/**
 * What the bytes are, for publishing under `/media/`: an image (decoded by sharp, as before), an MP4
 * or WebM video, or a WebVTT file; null for anything else (HTML, SVG, other text), which the site
 * never publishes. Decided by the bytes only, never by a name or a server's content type.
 */
export async function publishedMediaType(bytes: Uint8Array): Promise<PublishedMedia | null> {
  const image = await publishedImageType(bytes)
  if (image) return { kind: 'image', ...image }
  return publishedTimedMedia(bytes)
}

/** The content type of a published file name's extension, or null when the site publishes no such file. */
export function publishedMediaTypeOf(name: string): string | null {
  const extension = name.split('.').pop()?.toLowerCase()
  return (
    publishedTypeOf(name) ?? [MP4, WEBM, VTT].find((media) => media.extension === extension)?.type ?? null
  )
}
