import type { GroupField } from 'payload'

/** Documents a link may point at inside the site; each has a public page. */
export const LINKABLE_COLLECTIONS = ['pages', 'services', 'case-studies'] as const

/**
 * A link an editor picks: either a document of the site (kept valid when its slug changes) or a
 * custom URL. Custom URLs must be http(s), mailto or a site-relative path, so no `javascript:` link
 * can be stored. `withLabel: false` leaves out the visible label (a redirect's target needs none).
 */
export function linkField(name = 'link', { withLabel = true }: { withLabel?: boolean } = {}): GroupField {
  return {
    name,
    type: 'group',
    fields: [
      {
        name: 'type',
        type: 'radio',
        defaultValue: 'reference',
        options: [
          { label: 'A page of the site', value: 'reference' },
          { label: 'A custom URL', value: 'custom' },
        ],
        admin: { layout: 'horizontal' },
      },
      {
        name: 'reference',
        type: 'relationship',
        relationTo: [...LINKABLE_COLLECTIONS],
        admin: { condition: (_, sibling) => sibling?.type !== 'custom' },
      },
      {
        name: 'url',
        type: 'text',
        validate: validateLinkUrl,
        admin: { condition: (_, sibling) => sibling?.type === 'custom' },
      },
      ...(withLabel ? [{ name: 'label', type: 'text', required: true } as const] : []),
    ],
  }
}

/** Accepts empty values (the field is optional), http(s) and mailto URLs, and paths starting with `/`. */
export function validateLinkUrl(value: unknown): true | string {
  if (value === undefined || value === null || value === '') return true
  if (typeof value !== 'string') return 'Enter a URL.'
  if (/^\/(?!\/)/.test(value)) return true
  if (/^(https?:\/\/|mailto:)\S+$/i.test(value)) return true
  return 'Use https://…, mailto:… or a path of this site starting with "/".'
}
