import type { GroupField } from 'payload'

/** Search engines cut titles near 60 characters and descriptions near 160; longer ones are truncated. */
export const SEO_TITLE_MAX = 70
export const SEO_DESCRIPTION_MAX = 160

/**
 * The `meta` group on every routable document: title, description and a social image for search
 * results and link previews. Empty fields fall back to the document's own title and summary, then to
 * the site settings' SEO defaults (the site decides).
 *
 * Note: the same shape as `@payloadcms/plugin-seo` (`meta.title`, `meta.description`, `meta.image`),
 * kept as our own field for its length limits and no extra admin code (README "SEO and redirects");
 * switching to the plugin later keeps the stored data.
 */
export function seoField(): GroupField {
  return {
    name: 'meta',
    label: 'SEO',
    type: 'group',
    admin: { description: 'How this page appears in search results and link previews.' },
    fields: [
      { name: 'title', type: 'text', maxLength: SEO_TITLE_MAX },
      { name: 'description', type: 'textarea', maxLength: SEO_DESCRIPTION_MAX },
      {
        name: 'image',
        type: 'upload',
        relationTo: 'media',
        admin: { description: 'Shared in link previews; its 1200×630 "og" size is used.' },
      },
    ],
  }
}
