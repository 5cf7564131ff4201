import { CAPTIONS_EXTENSION, CAPTIONS_TYPE, isWebVtt, MAX_CAPTIONS_BYTES } from './captions-type.ts'
import { ACCEPTED_IMAGE_TYPES, IMAGE_EXTENSIONS, MAX_UPLOAD_BYTES, sniffImageType } from './image-type.ts'
import { ACCEPTED_VIDEO_TYPES, MAX_VIDEO_BYTES, sniffVideoType, VIDEO_EXTENSIONS } from './video-type.ts'

/** What a media item is: a picture, a video (with a poster and captions), or a WebVTT captions file. */
export type MediaKind = 'image' | 'video' | 'captions'

/** A file's kind as its bytes show it, with the type and extension it is stored under and its limit. */
export interface SniffedMedia {
  kind: MediaKind
  type: string
  extension: string
  maxBytes: number
}

/**
 * Every MIME type the library takes, for Payload's own check of the bytes (`upload.mimeTypes`).
 * Note: Payload detects nothing in a text file and then judges it by its extension, which it maps
 * to `text/plain` for `.vtt`; so `text/plain` is listed for captions. It widens nothing: the guard
 * (hooks/guard-upload.ts) runs first and lets only WebVTT through.
 */
export const ACCEPTED_MEDIA_TYPES = [
  ...ACCEPTED_IMAGE_TYPES,
  ...ACCEPTED_VIDEO_TYPES,
  CAPTIONS_TYPE,
  'text/plain',
]

/** What the bytes are (never the name or the claimed type), or null when the library does not take them. */
export function sniffMedia(bytes: Uint8Array): SniffedMedia | null {
  const image = sniffImageType(bytes)
  if (image)
    return { kind: 'image', type: image, extension: IMAGE_EXTENSIONS[image], maxBytes: MAX_UPLOAD_BYTES }
  const video = sniffVideoType(bytes)
  if (video)
    return { kind: 'video', type: video, extension: VIDEO_EXTENSIONS[video], maxBytes: MAX_VIDEO_BYTES }
  if (isWebVtt(bytes))
    return {
      kind: 'captions',
      type: CAPTIONS_TYPE,
      extension: CAPTIONS_EXTENSION,
      maxBytes: MAX_CAPTIONS_BYTES,
    }
  return null
}

/** The kind of a stored media item, from the MIME type the guard gave it. */
export function mediaKindOf(mimeType: unknown): MediaKind | null {
  if (typeof mimeType !== 'string') return null
  if ((ACCEPTED_IMAGE_TYPES as readonly string[]).includes(mimeType)) return 'image'
  if ((ACCEPTED_VIDEO_TYPES as readonly string[]).includes(mimeType)) return 'video'
  return mimeType === CAPTIONS_TYPE ? 'captions' : null
}

/** The largest limit of any kind: what the multipart parser must let through for the guard to judge. */
export const MAX_MEDIA_BYTES = Math.max(MAX_UPLOAD_BYTES, MAX_VIDEO_BYTES, MAX_CAPTIONS_BYTES)
