import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/is-editor.ts'
import { publishedOrAuthenticated } from '../../access/published-or-authenticated.ts'
import { validateSlug } from '../../utilities/slugify.ts'
import { slugFromTitle } from './hooks/slug-from-title.ts'

/**
 * The studio's case studies, one public page each at `/work/<slug>`.
 *
 * Drafts are on: anonymous readers (the static site's build) only ever see published documents;
 * signed-in users also see drafts; editors and admins write.
 */
export const CaseStudies: CollectionConfig = {
  slug: 'case-studies',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'updatedAt'],
  },
  access: {
    read: publishedOrAuthenticated,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  versions: { drafts: true },
  fields: [
    { name: 'title', type: 'text', required: true },
    {
      name: 'slug',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      validate: (value: unknown) => validateSlug(value),
      hooks: { beforeValidate: [slugFromTitle] },
      admin: {
        position: 'sidebar',
        description: 'The page URL, /work/<slug>. Left empty, it is made from the title.',
      },
    },
    { name: 'summary', type: 'textarea', required: true },
    { name: 'body', type: 'richText' },
  ],
}
