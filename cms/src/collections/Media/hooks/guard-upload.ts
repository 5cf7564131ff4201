import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { nameByType } from '../../../storage/file-name.ts'
import { IMAGE_EXTENSIONS, looksLikeMarkup, MAX_UPLOAD_BYTES, sniffImageType } from '../image-type.ts'

const ACCEPTED_LIST = 'PNG, JPEG, WebP, AVIF or GIF'

const refuse = (message: string): never => {
  throw new ValidationError({ errors: [{ message, path: 'file' }] })
}

/**
 * Refuses, before anything is stored or resized, an upload that is not really an image of an
 * accepted type, judged by its first bytes and never by its name or claimed type. An accepted file is
 * named and typed by its bytes: a PNG uploaded as `x.html` is stored and served as `x.png`, image/png.
 *
 * Note: Payload 3.90 also checks the bytes (tried here: an HTML page named `.png`, a text file
 * named `.png` and an SVG with a script were all refused without this hook), but its messages read
 * "Invalid MIME type: application/xml." and it falls back to the file's extension whenever it cannot
 * detect a type. This guard runs first, accepts only known image signatures, and tells the editor
 * what was wrong in words; SVG is refused outright, with or without scripts.
 */
export const guardUpload: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const size = file.size ?? file.data?.length ?? 0
  if (size > MAX_UPLOAD_BYTES) {
    refuse(
      `"${file.name}" is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    )
  }
  // Note: the REST handler truncates at the same limit and marks the file, so a cut file lands here.
  if ((file as { truncated?: boolean }).truncated) {
    refuse(`"${file.name}" is larger than the ${MAX_UPLOAD_BYTES / 1024 / 1024} MB limit.`)
  }

  const bytes = file.data ?? new Uint8Array()
  const type = sniffImageType(bytes)
  if (type) {
    file.name = nameByType(file.name, IMAGE_EXTENSIONS[type])
    file.mimetype = type
    return args
  }

  if (looksLikeMarkup(bytes)) {
    const kind = /<svg[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 4096)))
      ? 'an SVG'
      : 'HTML or XML'
    refuse(
      `"${file.name}" is ${kind} document, not an image: SVG and markup can carry scripts, so only ${ACCEPTED_LIST} files are accepted.`,
    )
  }
  return refuse(
    `"${file.name}" is not a ${ACCEPTED_LIST} image (its contents do not match any of them, whatever its name says).`,
  )
}
