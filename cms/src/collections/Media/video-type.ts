/** The video types the media library accepts, by MIME type: what every current browser plays. */
export const ACCEPTED_VIDEO_TYPES = ['video/mp4', 'video/webm'] as const
export type AcceptedVideoType = (typeof ACCEPTED_VIDEO_TYPES)[number]

export const VIDEO_EXTENSIONS: Record<AcceptedVideoType, string> = {
  'video/mp4': 'mp4',
  'video/webm': 'webm',
}

/**
 * Largest video accepted, in bytes: a minute of 1080p reel at a web bitrate (about 8 Mbit/s) is
 * 60 MB; 200 MB leaves room for a longer or sharper one without letting the library hold raw masters.
 */
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024

/**
 * The major brands of MP4 files browsers play (ISO base media, MPEG-4, H.264, DASH, 3GPP-free).
 * `avif`/`heic` share the `ftyp` box but are images; QuickTime (`qt  `) and Apple's `M4V ` are left
 * out because Payload's own check types them as video/quicktime and video/x-m4v, not MP4.
 */
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

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end))

/**
 * An EBML variable-length integer at `offset`: its length in bytes (from the leading zeros of the
 * first byte) and its value, with the length marker kept (`keepMarker`, element IDs) or removed
 * (sizes). Null when the bytes end first or the first byte is zero (a length over 8 bytes).
 */
function readVint(bytes: Uint8Array, offset: number, keepMarker: boolean) {
  const first = bytes[offset]
  if (first === undefined || first === 0) return null
  const length = Math.clz32(first) - 23
  if (offset + length > bytes.length) return null
  let value = keepMarker ? first : first & (0xff >> length)
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[offset + i] ?? 0)
  return { length, value }
}

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3]
const DOC_TYPE_ID = 0x4282

/** The DocType of an EBML file's header (`webm`, `matroska`), or null when the bytes are not EBML. */
export function ebmlDocType(bytes: Uint8Array): string | null {
  if (!EBML_MAGIC.every((byte, i) => bytes[i] === byte)) return null
  const headerSize = readVint(bytes, 4, false)
  if (!headerSize) return null
  let offset = 4 + headerSize.length
  const end = Math.min(bytes.length, offset + headerSize.value)
  while (offset < end) {
    const id = readVint(bytes, offset, true)
    const size = id && readVint(bytes, offset + id.length, false)
    if (!id || !size) return null
    const start = offset + id.length + size.length
    if (id.value === DOC_TYPE_ID) return size.value <= 32 ? ascii(bytes, start, start + size.value) : null
    offset = start + size.value
  }
  return null
}

/**
 * Reads the video type from a file's first bytes, ignoring its name and claimed type: MP4 by its
 * leading `ftyp` box with a known major brand, WebM by its EBML header with DocType `webm` (a
 * Matroska `.mkv` is refused: browsers do not promise to play it). Null for anything else.
 */
export function sniffVideoType(bytes: Uint8Array): AcceptedVideoType | null {
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp' && MP4_BRANDS.has(ascii(bytes, 8, 12)))
    return 'video/mp4'
  if (ebmlDocType(bytes.subarray(0, 4096)) === 'webm') return 'video/webm'
  return null
}
