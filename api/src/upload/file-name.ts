import type { FileType } from './sniff.ts'

// The name a version downloads as, made from whatever the uploader's browser or script sent: it ends
// up in a `Content-Disposition` header and on people's disks, so nothing in it may act as a path, a
// control character, a direction override or a misleading extension.

/** The longest name kept, in characters (extension included). */
export const MAX_FILE_NAME_LENGTH = 120

// Characters Windows refuses in a name, plus the path separators.
const RESERVED = /[<>:"/\\|?*]/g
// Control (Cc) and format (Cf: bidi overrides, zero-width) characters, and unassigned/private use.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu
// Names Windows keeps for devices, with or without an extension.
const DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i

/**
 * A safe file name for bytes of `type`: the last path segment only, NFC, without control or format
 * characters, with reserved characters as `_`, spaces collapsed, no leading or trailing dots, at most
 * {@link MAX_FILE_NAME_LENGTH} characters, and an extension that fits the bytes (the uploaded one
 * when it does, else the type's own: `brief.exe` holding a PDF becomes `brief.pdf`).
 */
export function sanitizeFileName(uploaded: string, type: FileType): string {
  const lastSegment = uploaded.split(/[/\\]/).pop() ?? ''
  const cleaned = lastSegment
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const dot = cleaned.lastIndexOf('.')
  // Only a short run of letters and digits after the last dot counts as an extension ("v1.2 final" has none).
  const given =
    dot > 0 && /^[a-z0-9]{1,8}$/i.test(cleaned.slice(dot + 1)) ? cleaned.slice(dot + 1).toLowerCase() : ''
  const fits = given === type.extension || type.aliases.includes(given)
  const extension = fits ? given : type.extension
  // A name's own extension is replaced when it does not fit the bytes: `brief.exe` holding a PDF is `brief.pdf`.
  let stem = (given !== '' ? cleaned.slice(0, dot) : cleaned).replace(/[\s.]+$/, '')
  if (stem === '' || DEVICE.test(stem)) stem = stem === '' ? 'file' : `${stem}_`
  // Count characters, not UTF-16 units, so a cut never splits an emoji into half a surrogate pair.
  const room = MAX_FILE_NAME_LENGTH - extension.length - 1
  const chars = Array.from(stem)
  if (chars.length > room)
    stem =
      chars
        .slice(0, room)
        .join('')
        .replace(/[\s.]+$/, '') || 'file'
  return `${stem}.${extension}`
}
