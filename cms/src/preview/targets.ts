import type { CollectionSlug } from 'payload'

/**
 * The collections editors can preview, each with its path on the site's preview server
 * (`/preview/<route>/<id>`, site/src/integrations/draft-preview.ts) and the depth the site's build
 * reads it at (site/src/content.config.ts), so a draft arrives in the shape the site's pages expect.
 */
export const PREVIEW_TARGETS = {
  'case-studies': { route: 'work', depth: 0 },
  services: { route: 'services', depth: 1 },
  pages: { route: 'pages', depth: 1 },
} as const satisfies Partial<Record<CollectionSlug, { route: string; depth: number }>>

export type PreviewCollection = keyof typeof PREVIEW_TARGETS

export function isPreviewCollection(slug: string | undefined): slug is PreviewCollection {
  return slug !== undefined && Object.hasOwn(PREVIEW_TARGETS, slug)
}
