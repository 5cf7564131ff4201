import type { CollectionConfig, LivePreviewConfig } from 'payload'

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
 * The live preview panel's device widths (Payload adds "Responsive", the panel's own width). The
 * phone is a common small phone in CSS pixels; the site's layout changes at 40rem and 64rem.
 */
export const LIVE_PREVIEW_BREAKPOINTS: NonNullable<LivePreviewConfig['breakpoints']> = [
  { name: 'phone', label: 'Phone', width: 375, height: 667 },
  { name: 'tablet', label: 'Tablet', width: 768, height: 1024 },
  { name: 'desktop', label: 'Desktop', width: 1440, height: 900 },
]

/**
 * Gives a previewable collection the admin's Preview button (`admin.preview`) and its live preview
 * panel (`admin.livePreview`), both on the same signed link. Payload calls the functions on the
 * server when it renders the edit view (and the panel's again after each save), so the secret never
 * reaches the browser; the link names the document by id, which a draft cannot change (its slug it
 * can). The preview page reloads its content when the panel says a save happened
 * (site/src/preview/live-refresh.ts). Other collections, and every collection while preview is off,
 * are returned unchanged.
 */
export function withDraftPreview(preview: PreviewEnv) {
  return (collection: CollectionConfig): CollectionConfig => {
    const slug = collection.slug
    if (!preview.enabled || !isPreviewCollection(slug)) return collection
    const link = (doc: { id?: unknown }) =>
      typeof doc.id === 'number' || typeof doc.id === 'string' ? previewUrl(preview, slug, doc.id) : null
    return {
      ...collection,
      admin: {
        ...collection.admin,
        preview: (doc) => link(doc),
        // A document not saved yet has no draft to show: no panel until its first autosave.
        livePreview: { url: ({ data }) => link(data) ?? undefined, breakpoints: LIVE_PREVIEW_BREAKPOINTS },
      },
    }
  }
}
