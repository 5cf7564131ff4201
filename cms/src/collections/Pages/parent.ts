import type { RelationshipField, Validate } from 'payload'

import { ancestorSlugs, FIXED_PAGES, PageLoopError, RESERVED_SLUGS } from './paths.ts'

const isFixed = (slug: unknown) => (FIXED_PAGES as readonly unknown[]).includes(slug)

/**
 * A page's parent must be another page that does not sit under it, and the fixed pages (home, about,
 * contact) keep their own URLs. A page at the top may not take a first path segment the site or the
 * Worker already answers (`/work/`, `/dashboard/`…). Said beside the parent field, where the editor
 * can fix it.
 */
const validateParent: Validate = async (value, { id, req, siblingData }) => {
  const slug = (siblingData as { slug?: unknown }).slug
  if (value === null || value === undefined) {
    if (typeof slug === 'string' && (RESERVED_SLUGS as readonly string[]).includes(slug))
      return `The site already has /${slug}/: choose a parent for this page, or another slug.`
    return true
  }
  if (isFixed(slug)) return `The ${slug} page keeps its own URL and cannot sit under another page.`
  try {
    const ancestors = await ancestorSlugs(req, value as number, id)
    if (ancestors[0] === 'home')
      return 'Pages go under other pages, not under the home page (it is the site itself).'
  } catch (error) {
    if (error instanceof PageLoopError) return error.message
    throw error
  }
  return true
}

/** The page this one sits under: its URL is the parent's URL plus its slug. */
export const parentField: RelationshipField = {
  name: 'parent',
  type: 'relationship',
  relationTo: 'pages',
  index: true,
  // Never the page itself in the picker; deeper loops are refused by the validation.
  filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
  validate: validateParent,
  admin: {
    position: 'sidebar',
    description:
      'The page this one sits under: its URL becomes the parent’s URL plus its slug, and it shows the parent in its breadcrumbs. Empty: the page sits at the top, /<slug>/.',
  },
}
