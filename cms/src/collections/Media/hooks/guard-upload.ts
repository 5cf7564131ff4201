import { type CollectionBeforeOperationHook, ValidationError } from 'payload'

import { nameByType } from '../../../storage/file-name.ts'
import { looksLikeMarkup } from '../image-type.ts'
import { MAX_MEDIA_BYTES, type MediaKind, sniffMedia } from '../media-kind.ts'

const ACCEPTED_LIST = 'PNG, JPEG, WebP, AVIF or GIF image, an MP4 or WebM video, or a WebVTT captions file'

const KIND_NAMES: Record<MediaKind, string> = {
  image: 'an image',
  video: 'a video',
  captions: 'a captions file',
}

const megabytes = (bytes: number) => `${Number((bytes / 1024 / 1024).toFixed(1))} MB`

const refuse = (message: string): never => {
  throw new ValidationError({ errors: [{ message, path: 'file' }] })
}

/**
 * Refuses, before anything is stored or resized, an upload that is not really an image, a video or
 * a WebVTT captions file of an accepted type, judged by its first bytes and never by its name or
 * claimed type, or that is over its kind's size limit. An accepted file is named and typed by its
 * bytes: a PNG uploaded as `x.html` is stored and served as `x.png`, image/png; a WebM named
 * `reel.mp4` as `reel.webm`, video/webm.
 *
 * Note: Payload 3.90 also checks the bytes (tried here: an HTML page named `.png`, a text file
 * named `.png` and an SVG with a script were all refused without this hook), but its messages read
 * "Invalid MIME type: application/xml." and it falls back to the file's extension whenever it cannot
 * detect a type. This guard runs first, accepts only known signatures, and tells the editor
 * what was wrong in words; SVG is refused outright, with or without scripts.
 */
export const guardUpload: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file) return args

  const size = file.size ?? file.data?.length ?? 0
  const bytes = file.data ?? new Uint8Array()
  const media = sniffMedia(bytes)
  // Note: the REST handler cuts a body at the largest limit (payload.config.ts) and marks the file
  // truncated; its first bytes are intact, so the kind, and the message, still come from them.
  const limit = media?.maxBytes ?? MAX_MEDIA_BYTES
  if ((file as { truncated?: boolean }).truncated) {
    refuse(
      `"${file.name}" is larger than the ${megabytes(limit)} limit${media ? ` for ${KIND_NAMES[media.kind]}` : ' for uploads'}.`,
    )
  }
  if (size > limit) {
    refuse(
      `"${file.name}" is ${megabytes(size)}; the limit is ${megabytes(limit)}${media ? ` for ${KIND_NAMES[media.kind]}` : ''}.`,
    )
  }
  if (media) {
    file.name = nameByType(file.name, media.extension)
    file.mimetype = media.type
    return args
  }

  if (looksLikeMarkup(bytes)) {
    const kind = /<svg[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 4096)))
      ? 'an SVG'
      : 'HTML or XML'
    refuse(
      `"${file.name}" is ${kind} document, not an image: SVG and markup can carry scripts, so only a ${ACCEPTED_LIST} is accepted.`,
    )
  }
  return refuse(
    `"${file.name}" is not a ${ACCEPTED_LIST} (its contents do not match any of them, whatever its name says).`,
  )
}
