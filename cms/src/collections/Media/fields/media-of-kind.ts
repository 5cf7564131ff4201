import type { PayloadRequest } from 'payload'

import { type MediaKind, mediaKindOf } from '../media-kind.ts'

/** The id a media relation holds: a number or string at depth 0, a document when populated. */
const relatedId = (value: unknown): number | string | null => {
  if (typeof value === 'number' || typeof value === 'string') return value
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: number | string }).id
  return null
}

/**
 * A validator for a relation to `media` that must name an item of one kind (an image for a poster,
 * a WebVTT file for captions, a video for the Video block). The admin's picker is filtered the
 * same way, but an API call can send any id, so the stored item's type is checked here too.
 * `missing` is the message when the relation is empty (the field is required).
 */
export function validateMediaOfKind(kind: MediaKind, messages: { missing: string; wrongKind: string }) {
  return async (value: unknown, { req }: { req: PayloadRequest }): Promise<string | true> => {
    const id = relatedId(value)
    if (id === null) return messages.missing
    const item = await req.payload
      .findByID({ collection: 'media', id, depth: 0, req, overrideAccess: true, disableErrors: true })
      .catch(() => null)
    if (!item) return `Media item ${id} does not exist.`
    return mediaKindOf(item.mimeType) === kind ? true : messages.wrongKind
  }
}
