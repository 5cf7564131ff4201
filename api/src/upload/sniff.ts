// What a deliverable's bytes are, decided from its first bytes (magic numbers), never from the name
// or the type the uploader's browser claimed. Only the types below are accepted: what a creative
// studio delivers (documents, images, video, archives, 3D models, text and spreadsheets as CSV).
// Markup (HTML, SVG, XML) is refused on purpose: a scriptable file served from this origin is a risk
// even as an attachment, and a studio can deliver it inside a ZIP.

/** An accepted file type: its MIME type, the extension a download gets, and the ones also accepted. */
export interface FileType {
  contentType: string
  /** The type in words ("PDF document"). */
  label: string
  /** The extension a sanitised name ends with when the uploaded one does not fit the bytes. */
  extension: string
  /** Other extensions that fit these bytes (`jpeg` for JPEG, `md` for text). */
  aliases: readonly string[]
  /** A 3D model for the viewer pipeline (GLB, glTF). */
  model: boolean
}

/** How many leading bytes {@link sniffType} wants to see (fewer when the file is shorter). */
export const SNIFF_BYTES = 64 * 1024

const type = (
  contentType: string,
  label: string,
  extension: string,
  aliases: string[] = [],
  model = false,
): FileType => ({ contentType, label, extension, aliases, model })

export const FILE_TYPES = {
  pdf: type('application/pdf', 'PDF document', 'pdf'),
  png: type('image/png', 'PNG image', 'png'),
  jpeg: type('image/jpeg', 'JPEG image', 'jpg', ['jpeg']),
  gif: type('image/gif', 'GIF image', 'gif'),
  webp: type('image/webp', 'WebP image', 'webp'),
  zip: type('application/zip', 'ZIP archive', 'zip'),
  glb: type('model/gltf-binary', '3D model (GLB)', 'glb', [], true),
  gltf: type('model/gltf+json', '3D model (glTF)', 'gltf', [], true),
  mp4: type('video/mp4', 'MP4 video', 'mp4', ['m4v']),
  mov: type('video/quicktime', 'QuickTime video', 'mov'),
  webm: type('video/webm', 'WebM video', 'webm'),
  text: type('text/plain', 'Text file', 'txt', ['md', 'text']),
  csv: type('text/csv', 'CSV spreadsheet', 'csv'),
} as const satisfies Record<string, FileType>

/** A stored content type in words; one this list does not know (older files) as it is. */
export function typeLabel(contentType: string): string {
  const bare = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return (
    Object.values(FILE_TYPES as Record<string, FileType>).find((t) => t.contentType === bare)?.label ??
    contentType
  )
}

/** The accepted types in words, for messages and the form's hint. */
export const ACCEPTED_TYPES_TEXT =
  'PDF, PNG, JPEG, GIF, WebP, MP4, MOV, WebM, ZIP, GLB or glTF 3D models, plain text or CSV'

/** The extensions the file input's `accept` attribute lists (a hint for the picker; the bytes decide). */
export const ACCEPT_ATTRIBUTE = Object.values(FILE_TYPES as Record<string, FileType>)
  .flatMap((t) => [t.extension, ...t.aliases])
  .map((extension) => `.${extension}`)
  .join(',')

const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0))

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false
  return bytes.every((byte, i) => head[offset + i] === byte)
}

const PDF = ascii('%PDF-')
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const GIF87 = ascii('GIF87a')
const GIF89 = ascii('GIF89a')
const RIFF = ascii('RIFF')
const WEBP = ascii('WEBP')
// A ZIP starts with a local file header, or is empty (the end-of-directory record alone).
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06]
const GLTF_BINARY = ascii('glTF')
const FTYP = ascii('ftyp')
const EBML = [0x1a, 0x45, 0xdf, 0xa3]
const UTF8_BOM = [0xef, 0xbb, 0xbf]

/**
 * The type of a file from its first bytes (up to {@link SNIFF_BYTES}; `complete` says the file ends
 * there), or null when it is none of the accepted types. `fileName` only tells CSV from plain text,
 * which no bytes can.
 */
export function sniffType(head: Uint8Array, fileName: string, complete: boolean): FileType | null {
  if (startsWith(head, PDF)) return FILE_TYPES.pdf
  if (startsWith(head, PNG)) return FILE_TYPES.png
  if (startsWith(head, JPEG)) return FILE_TYPES.jpeg
  if (startsWith(head, GIF87) || startsWith(head, GIF89)) return FILE_TYPES.gif
  if (startsWith(head, RIFF) && startsWith(head, WEBP, 8)) return FILE_TYPES.webp
  if (startsWith(head, ZIP) || startsWith(head, ZIP_EMPTY)) return FILE_TYPES.zip
  // GLB: "glTF", then the container version as a little-endian uint32 (2 for glTF 2.0).
  if (startsWith(head, GLTF_BINARY) && startsWith(head, [2, 0, 0, 0], 4)) return FILE_TYPES.glb
  if (startsWith(head, FTYP, 4)) return isoMediaType(head)
  if (startsWith(head, EBML) && includesAscii(head, 'webm')) return FILE_TYPES.webm
  const text = textOf(head, complete)
  if (text === null) return null
  const start = text.trimStart()
  // Markup of any kind (HTML, SVG, XML) is refused, whatever the name says.
  if (start.startsWith('<')) return null
  if (start.startsWith('{') && /"asset"\s*:\s*\{/.test(text) && /"version"\s*:\s*"2\./.test(text)) {
    return FILE_TYPES.gltf
  }
  return /\.csv$/i.test(fileName.trim()) ? FILE_TYPES.csv : FILE_TYPES.text
}

/** MP4 and QuickTime share the ISO media container; the major brand tells them apart. */
function isoMediaType(head: Uint8Array): FileType | null {
  const brand = String.fromCharCode(...head.subarray(8, 12))
  if (brand === 'qt  ') return FILE_TYPES.mov
  // HEIF/AVIF images use the same box; they are not accepted as video.
  if (/^(heic|heix|mif1|msf1|avif|avis)$/.test(brand)) return null
  return FILE_TYPES.mp4
}

function includesAscii(head: Uint8Array, word: string): boolean {
  return new TextDecoder('latin1').decode(head.subarray(0, 64)).includes(word)
}

/**
 * The head as text when it is UTF-8 without binary control characters (tab, line breaks and form
 * feed allowed); null otherwise. A multi-byte character cut at the end of the head is fine unless
 * the file ends there.
 */
function textOf(head: Uint8Array, complete: boolean): string | null {
  if (head.length === 0) return null
  const body = startsWith(head, UTF8_BOM) ? head.subarray(3) : head
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(body, { stream: !complete })
  } catch {
    return null
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary control characters are the point
  return /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text) ? null : text
}
