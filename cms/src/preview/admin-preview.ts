import type { CollectionConfig } from 'payload'

import type { PreviewEnv } from '../env.ts'
import { isPreviewCollection, PREVIEW_TARGETS } from './targets.ts'
import { signPreviewToken } from './token.ts'

/**
 * The signed link to a document's latest draft on the site's preview server:
 * `<SITE_PREVIEW_URL>/preview/<route>/<id>?token=<expiry>.<mac>`.
 */
export function previewUrl(
  preview: Extract<PreviewEnv, { enabled: true }>,
  collection: keyof typeof PREVIEW_TARGETS,
  id: string | number,
  now = Date.now(),
): string {
  const token = signPreviewToken({ collection, id }, preview.secret, { now })
  return `${preview.siteUrl}/preview/${PREVIEW_TARGETS[collection].route}/${encodeURIComponent(String(id))}?token=${token}`
}

/**
 * Gives a previewable collection the admin's Preview button (`admin.preview`). Payload calls the
 * function on the server when it renders the edit view, so the secret never reaches the browser;
 * the link names the document by id, which a draft cannot change (its slug it can). Other
 * collections, and every collection while preview is off, are returned unchanged.
 */
export function withDraftPreview(preview: PreviewEnv) {
  return (collection: CollectionConfig): CollectionConfig => {
    const slug = collection.slug
    if (!preview.enabled || !isPreviewCollection(slug)) return collection
    return {
      ...collection,
      admin: {
        ...collection.admin,
        preview: (doc) =>
          typeof doc.id === 'number' || typeof doc.id === 'string' ? previewUrl(preview, slug, doc.id) : null,
      },
    }
  }
}
