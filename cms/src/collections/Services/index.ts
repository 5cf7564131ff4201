import type { CollectionConfig } from 'payload'

import { isEditor } from '../../access/is-editor.ts'
import { publishedOrAuthenticated } from '../../access/published-or-authenticated.ts'
import { bodyBlocksField } from '../../fields/body-blocks.ts'
import { publishStatusField } from '../../fields/publish-status.ts'
import { seoField } from '../../fields/seo.ts'
import { slugField } from '../../fields/slug.ts'
import { withPrepublishWarnings } from '../../prepublish/with-warnings.ts'
import { editorialVersions } from '../../utilities/editorial-versions.ts'

/** What the studio offers, one public page each at `/services/<slug>`, listed by `order`. */
export const Services: CollectionConfig = {
  slug: 'services',
  // Deleting moves to the trash, restorable for 30 days (src/trash/).
  trash: true,
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'order', '_status', 'updatedAt'],
  },
  defaultSort: 'order',
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
    slugField('/services/<slug>'),
    { name: 'summary', type: 'textarea', required: true },
    { name: 'body', type: 'richText' },
    bodyBlocksField,
    {
      name: 'icon',
      type: 'upload',
      relationTo: 'media',
      admin: { description: 'Shown on service cards; a square image works best.' },
    },
    {
      name: 'model',
      type: 'relationship',
      relationTo: 'models',
      admin: {
        description:
          "Optional: the 3D model (a planet) shown on this service's page and in the home page's orbit.",
      },
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      index: true,
      admin: { position: 'sidebar', description: 'Lower numbers come first in lists.' },
    },
    seoField(),
  ]),
}
