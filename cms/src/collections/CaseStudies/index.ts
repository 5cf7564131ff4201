import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/is-editor.ts'
import { publishedOrAuthenticated } from '../../access/published-or-authenticated.ts'
import { bodyBlocksField } from '../../fields/body-blocks.ts'
import { publishStatusField } from '../../fields/publish-status.ts'
import { seoField } from '../../fields/seo.ts'
import { slugField } from '../../fields/slug.ts'
import { withPrepublishWarnings } from '../../prepublish/with-warnings.ts'
import { editorialVersions } from '../../utilities/editorial-versions.ts'

/**
 * The studio's case studies, one public page each at `/work/<slug>`.
 *
 * Drafts are on: anonymous readers (the static site's build) only ever see published documents;
 * signed-in users also see drafts; editors and admins write.
 *
 * Note: `title`, `slug`, `summary` and `body` are a contract with the site and the end-to-end test;
 * every later field is optional, so existing documents and partial updates stay valid.
 */
export const CaseStudies: CollectionConfig = {
  slug: 'case-studies',
  // Deleting moves to the trash, restorable for 30 days (src/trash/).
  trash: true,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'clientName', 'year', '_status', 'updatedAt'],
  },
  access: {
    read: publishedOrAuthenticated,
    create: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  versions: editorialVersions,
  fields: withPrepublishWarnings([
    publishStatusField,
    { name: 'title', type: 'text', required: true },
    slugField('/work/<slug>'),
    { name: 'summary', type: 'textarea', required: true },
    { name: 'body', type: 'richText' },
    bodyBlocksField,
    { name: 'clientName', type: 'text', admin: { position: 'sidebar' } },
    { name: 'year', type: 'number', min: 1990, max: 2100, admin: { position: 'sidebar' } },
    {
      name: 'services',
      type: 'relationship',
      relationTo: 'services',
      hasMany: true,
      admin: { position: 'sidebar' },
    },
    { name: 'heroImage', type: 'upload', relationTo: 'media' },
    {
      name: 'model',
      type: 'relationship',
      relationTo: 'models',
      admin: { description: "Optional: a 3D model visitors can turn on this case study's page." },
    },
    {
      name: 'outcomes',
      type: 'array',
      maxRows: 6,
      admin: { description: 'Results as figures, e.g. "9 min" / "average visit, up from two".' },
      fields: [
        { name: 'value', type: 'text', required: true },
        { name: 'label', type: 'text', required: true },
      ],
    },
    seoField(),
  ]),
}
